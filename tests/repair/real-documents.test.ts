// Repair on real damaged documents: seed 002 (text extracted from a Thai government PDF) and
// the Royal Gazette PDF as pdf.js reads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../pipeline/model/document.ts';
import { emptyDraft, type Draft } from '../../pipeline/model/draft.ts';
import { repairDraft, undoEdits } from '../../pipeline/repair/index.ts';
import { gazettePages } from './gazette-text.ts';
import { SEED_002 } from '../helpers/fixtures.ts';
import { smokeDamageLeft } from '../../scripts/lib/thai-smoke.ts';
import { extractFixturePdf } from '../helpers/pdf.ts';

const SOURCE: Source = { uri: 'file:///test', mediaType: 'text/plain', sha256: '0'.repeat(64), bytes: 0 };

function draftOf(texts: { text: string; page?: number; evidence?: Draft['blocks'][number]['evidence'] }[]): Draft {
  const draft = emptyDraft(SOURCE, 'text');
  draft.blocks = texts.map(({ text, page, evidence }) => ({
    type: 'paragraph',
    page: page ?? null,
    text,
    ...(evidence ? { evidence } : {}),
  }));
  return draft;
}

function expectBlocksUndoable(draft: Draft): void {
  for (const block of draft.blocks) {
    if (!block.edits) continue;
    expect(undoEdits(block.text, block.edits)).toBe(block.original);
  }
}

describe('seed 002 (damaged text from a Thai government PDF)', () => {
  const paragraphs = readFileSync(SEED_002, 'utf8').split(/\n\s*\n/).filter((p) => p.trim());
  const repaired = repairDraft(draftOf(paragraphs.map((text) => ({ text }))));
  const text = repaired.blocks.map((block) => block.text).join('\n\n');

  it('has no damage left by the thai-smoke checks', () => {
    expect(smokeDamageLeft(paragraphs.join('\n\n'))).not.toEqual({}); // the seed is damaged
    expect(smokeDamageLeft(text)).toEqual({});
  });

  it('reads right: lost sara am, mark order, split words and glyphs are mended', () => {
    for (const word of [
      'บทนำ', 'ประชากรจำนวน', 'สำคัญ', 'อายุต่ำว่า', 'น้ำและการบำบัดน้ำเสีย', 'ผู้นำ', 'กำหนด', 'ดำเนินงาน',
      'สำนักงาน', 'คำปรึกษา', 'เพื่อ', 'พื้นฐาน', 'ซึ่ง', 'วันที่ ๒๕', 'มั่นคง', 'ความยั่งยืน', 'เข้าถึง เมื่อ',
      'Smart Cities)∗',
    ]) {
      expect(text, word).toContain(word);
    }
    for (const damaged of ['ส าคัญ', 'เพ่ือ', 'ยั่ งยืน', 'ถึ ง']) expect(text).not.toContain(damaged);
  });

  it('records every change: counts per rule, undoable edits, originals, no ambiguity left', () => {
    expect(repaired.repairs['sara-am-space']).toBeGreaterThanOrEqual(70);
    expect(repaired.repairs['tone-vowel-order']).toBeGreaterThanOrEqual(40);
    expect(repaired.warnings.filter((w) => w.code === 'thai-ambiguous')).toEqual([]);
    expectBlocksUndoable(repaired);
    const changed = repaired.blocks.filter((block) => block.edits);
    expect(changed.length).toBeGreaterThan(0);
    for (const block of changed) expect(block.original).toBe(paragraphs[repaired.blocks.indexOf(block)]);
  });

  it('is idempotent', () => {
    const again = repairDraft(draftOf(repaired.blocks.map((block) => ({ text: block.text }))));
    expect(again.blocks.every((block) => block.edits === undefined)).toBe(true);
    expect(again.repairs).toEqual({});
  });
});

describe('Royal Gazette PDF as pdf.js extracts it', async () => {
  const pages = await gazettePages();
  const SARA_AM_WORDS = ['ประจำปี', 'อำนาจ', 'นำความ', 'ดำเนินไป', 'กำหนด'];

  it('is damaged the way PROVENANCE.md says', () => {
    const raw = pages.map((page) => page.text).join('\n');
    for (const damaged of ['น าความ', 'ด าเนินไป', 'ก าหนด', 'ประจาปี', 'คืนอานาจ', 'อาศัยอานาจ']) expect(raw).toContain(damaged);
    expect(pages.flatMap((page) => page.evidence.lostNikhahit)).toHaveLength(3);
  });

  it('with the zero-width-glyph evidence: every ำ comes back', () => {
    const repaired = repairDraft(draftOf(pages.map(({ text, page, evidence }) => ({ text, page, evidence }))));
    const text = repaired.blocks.map((block) => block.text).join('\n');
    for (const word of SARA_AM_WORDS) expect(text).toContain(word);
    expect(text.match(/อำนาจ/g)).toHaveLength(2);
    expect(text).toContain('พ.ศ. ๒๕๖๖');
    expect(smokeDamageLeft(text)).toEqual({});
    expect(repaired.repairs['sara-am-space']).toBe(3);
    expect(repaired.repairs['sara-am-lost']).toBe(3);
    expect(repaired.blocks.every((block) => block.evidence === undefined)).toBe(true);
    expectBlocksUndoable(repaired);
  });

  it('without evidence: the dictionary and the document pattern still bring every ำ back', () => {
    const repaired = repairDraft(draftOf(pages.map(({ text, page }) => ({ text, page }))));
    const text = repaired.blocks.map((block) => block.text).join('\n');
    for (const word of SARA_AM_WORDS) expect(text).toContain(word);
    expect(repaired.warnings.filter((w) => w.code === 'thai-ambiguous')).toEqual([]);
  });
});

describe('an English paper with TeX maths (pdf-dev, pdfminer.six issue 1061), no Thai in it', async () => {
  // Its \cdots come out of the text layer as "···" (U+00B7, TIS-620's ท read as Latin-1): the
  // TIS-620 mojibake rule read them as "ททท" until a row of one sign was left alone.
  const draft = await extractFixturePdf('pdf-dev/pm_samples_contrib_issue-1061-colour-space-stack.pdf', 'never');
  const repaired = repairDraft(draft);
  const text = repaired.blocks.map((block) => block.text).join('\n');

  it('keeps its ··· and gains no Thai', () => {
    expect(draft.blocks.map((block) => block.text).join('\n')).toContain('···');
    expect(text).toContain('x1,···,xn');
    expect(text).not.toMatch(/[\u0E00-\u0E7F]/u);
    expect(Object.keys(repaired.repairs).filter((rule) => rule.startsWith('mojibake'))).toEqual([]);
  });
});
