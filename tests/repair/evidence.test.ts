// Each judged edit records what decided it (Edit.evidence), for the review page.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../pipeline/model/document.ts';
import { emptyDraft, type Draft, type DraftBlock } from '../../pipeline/model/draft.ts';
import { repairDraft } from '../../pipeline/repair/index.ts';

const SOURCE: Source = { uri: 'file:///test.pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64), bytes: 1 };

function edits(blocks: Partial<DraftBlock>[]) {
  const draft: Draft = emptyDraft(SOURCE, 'pdf');
  draft.blocks = blocks.map((block) => ({ type: 'paragraph', page: 1, text: '', ...block }));
  return repairDraft(draft).blocks.flatMap((block) => block.edits ?? []);
}

describe('judged repairs record their evidence', () => {
  it('glyph: the zero-width glyph pdf.js drew where the nikhahit was', () => {
    expect(edits([{ text: 'ส าคัญมาก', evidence: { lostNikhahit: [1] } }])).toEqual([{ rule: 'sara-am-space', offset: 1, before: ' า', after: 'ำ', evidence: 'glyph' }]);
  });

  it('dictionary: the word list reads one way better', () => {
    expect(edits([{ text: 'เรื่องส าคัญ' }])).toEqual([expect.objectContaining({ rule: 'sara-am-space', after: 'ำ', evidence: 'dictionary' })]);
  });

  it('ocr: the OCR reading of the line holds one reading', () => {
    expect(edits([{ text: 'ราคา ค่ า ของ', evidence: { ocrText: 'ราคาค่ำของ' } }])).toEqual([expect.objectContaining({ rule: 'sara-am-space', evidence: 'ocr' })]);
  });

  it('document: what the other blocks show decides a place nothing else does', () => {
    const all = edits([{ text: 'ค่ า' }, { text: 'ส าคัญ' }, { text: 'จ านวน ก าหนด' }]);
    expect(all[0]).toMatchObject({ rule: 'sara-am-space', evidence: 'document' });
  });

  it('spelling: no Thai word ends with a tone on ั, so the space is inside a word', () => {
    expect(edits([{ text: 'ความยั่ งยืน' }])).toEqual([expect.objectContaining({ rule: 'word-split-space', evidence: 'spelling' })]);
  });
});
