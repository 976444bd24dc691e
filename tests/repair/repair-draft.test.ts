import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../pipeline/model/document.ts';
import { composeText, emptyDraft, type Draft, type DraftBlock } from '../../pipeline/model/draft.ts';
import { repairDraft, repairText, undoEdits } from '../../pipeline/repair/index.ts';
import { cleanThaiText } from '../../scripts/fixtures/clean-thai.ts';
import { fixture } from '../helpers/fixtures.ts';
import { GAZETTE_GOLD } from './gazette-text.ts';

const SOURCE: Source = { uri: 'file:///test.pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64), bytes: 1 };

function draftWith(blocks: Partial<DraftBlock>[]): Draft {
  const draft = emptyDraft(SOURCE, 'pdf');
  draft.blocks = blocks.map((block) => ({ type: 'paragraph', page: 1, text: '', ...block }));
  return draft;
}

describe('repairDraft', () => {
  it('repairs text and table cells, keeps originals and edits, counts rules, drops evidence', () => {
    const draft = draftWith([
      { text: 'ส าคัญมาก', evidence: { lostNikhahit: [1] } },
      { text: 'English only, untouched.' },
      { type: 'table', text: 'เพ่ือ | ราคา', rows: [['เพ่ือ', 'ราคา'], ['จ านวน', '๒๕๖6']] },
    ]);
    const repaired = repairDraft(draft);
    const [thai, english, table] = repaired.blocks as [DraftBlock, DraftBlock, DraftBlock];
    expect(thai.text).toBe('สำคัญมาก');
    expect(thai.original).toBe('ส าคัญมาก');
    expect(thai.edits).toEqual([{ rule: 'sara-am-space', offset: 1, before: ' า', after: 'ำ', evidence: 'glyph' }]);
    expect(thai.evidence).toBeUndefined();
    expect(english).toEqual({ type: 'paragraph', page: 1, text: 'English only, untouched.' });
    expect(table.text).toBe('เพื่อ | ราคา');
    expect(table.rows).toEqual([['เพื่อ', 'ราคา'], ['จำนวน', '๒๕๖๖']]);
    expect(repaired.repairs).toEqual({ 'sara-am-space': 2, 'tone-vowel-order': 2, 'digit-script-mixed': 1 });
    expect(draft.blocks[0]!.text).toBe('ส าคัญมาก'); // the input draft is not mutated
  });

  it('decides a block’s ambiguous sara am by what the other blocks show', () => {
    const alone = repairDraft(draftWith([{ text: 'ค่ า' }]));
    expect(alone.blocks[0]!.text).toBe('ค่ า');
    expect(alone.warnings).toEqual([
      expect.objectContaining({ code: 'thai-ambiguous', offset: 0, page: 1, stage: 'repair' }),
    ]);
    const withOthers = repairDraft(draftWith([{ text: 'ค่ า' }, { text: 'ส าคัญ' }, { text: 'จ านวน ก าหนด' }]));
    expect(withOthers.blocks.map((block) => block.text)).toEqual(['ค่ำ', 'สำคัญ', 'จำนวน กำหนด']);
    expect(withOthers.warnings).toEqual([]);
  });

  it('gives warning offsets in the document text', () => {
    const repaired = repairDraft(draftWith([{ text: 'ส าคัญ' }, { text: 'ราคา ค่ า' }]));
    const { text, spans } = composeText(repaired.blocks);
    const warning = repaired.warnings.find((w) => w.code === 'thai-ambiguous');
    // one decided case is not enough for the document to decide the other
    const offset = warning?.offset ?? -1;
    expect(offset).toBe(spans[1]!.start + 5);
    expect(text.slice(offset, offset + 4)).toBe('ค่ า');
  });

  it('warns and leaves private-use characters it has no map for', () => {
    const repaired = repairDraft(draftWith([{ text: 'ข้อ \uF0A7 หนึ่ง' }]));
    expect(repaired.blocks[0]!.text).toBe('ข้อ \uF0A7 หนึ่ง');
    expect(repaired.warnings.map((w) => w.code)).toEqual(['private-use-unmapped']);
  });
});

describe('no false repair on a large clean Thai text', () => {
  const text = cleanThaiText();

  it('is at least 200 KB of mostly Thai', () => {
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(200_000);
    expect(text.match(/[\u0E01-\u0E4E]/g)!.length / text.length).toBeGreaterThan(0.8);
  });

  it('makes zero edits, whole or paragraph by paragraph, and warns about nothing', () => {
    const whole = repairText(text);
    expect(whole.edits).toEqual([]);
    expect(whole.warnings).toEqual([]);
    expect(whole.text).toBe(text);
    const paragraphs = text.split('\n\n');
    const repaired = repairDraft(draftWith(paragraphs.map((paragraph) => ({ text: paragraph }))));
    expect(repaired.repairs).toEqual({});
    expect(repaired.warnings).toEqual([]);
    expect(repaired.blocks.every((block) => block.edits === undefined)).toBe(true);
  });

  it('leaves real clean Thai alone: the gazette transcription, the country and province lists', () => {
    for (const file of [
      GAZETTE_GOLD,
      fixture('thai', 'countries_th.txt'),
      fixture('thai', 'thailand_provinces_th.csv'),
    ]) {
      const result = repairText(readFileSync(file, 'utf8'));
      expect(result.edits, file).toEqual([]);
      expect(result.warnings, file).toEqual([]);
    }
  });

  it('repairs the same text after damaging it, and undoes back to the damage', () => {
    const sample = text.slice(0, 20_000);
    // damage the way a PDF font does: every ำ loses its nikhahit to a space
    const damaged = sample.replace(/([\u0E01-\u0E2E][\u0E48-\u0E4B]?)\u0E33/g, '$1 \u0E32');
    const result = repairText(damaged);
    expect(undoEdits(result.text, result.edits)).toBe(damaged);
    const restored = result.text.match(/\u0E33/g)?.length ?? 0;
    const expected = sample.match(/\u0E33/g)?.length ?? 0;
    expect(restored / expected).toBeGreaterThan(0.95);
  });
});
