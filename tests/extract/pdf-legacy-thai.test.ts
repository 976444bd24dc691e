// Thai set by pdfTeX in the TLWG 8-bit fonts (babel-thai, LTH encoding) with no ToUnicode map
// (scripts/fixtures/pdf/latex.ts): the text comes only from the glyph names of the fonts'
// encodings, where tone marks and upper vowels are variants such as uni0E48.low_left.
// Tested against the source text the fixture was typeset from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFixturePdf } from '../helpers/pdf.ts';
import { characterErrorRate } from '../../pipeline/ocr/cer.ts';

const SOURCE = new URL('../../scripts/fixtures/pdf/legacy-thai.txt', import.meta.url);

/** The text as typeset: no heading marks or break hints; TeX's logo is the letters T, E, X. */
function sourceText(): string {
  return readFileSync(SOURCE, 'utf8').replace(/^#+ /gmu, '').replaceAll('|', '').replaceAll('\\TeX', 'TEX');
}

describe('Thai in 8-bit TLWG fonts without ToUnicode (pdfTeX, babel-thai)', () => {
  it('comes out letter for letter, tone marks and upper vowels included (letters ≥ 0.98)', async () => {
    const draft = await extractFixturePdf('pdf/legacy-thai.pdf');
    const text = draft.blocks.map((b) => b.text).join('\n');
    expect(1 - characterErrorRate(sourceText(), text)).toBeGreaterThanOrEqual(0.98);
    // The marks that pdf.js alone loses (drawn as glyph-name variants) are there.
    expect(text).toContain('ผู้ใหญ่บ้าน');
    expect(text).toContain('ที่ประชุมตกลงให้ตั้งกองทุนหมุนเวียน');
    expect(text).toContain('ฐานข้อมูลที่ญาติพี่น้อง');
    // No Latin-1 stand-ins and no private use left, and pdfTeX's hyphenation of a Thai word is undone.
    expect(text).not.toMatch(/[\u00A0-\u00FF\uE000-\uF8FF]/u);
    expect(text).toContain('เซนติเมตร');
    // TeX's logo lowers its E: it stays in its line.
    expect(text).toContain('TEX');
    expect(draft.blocks.filter((b) => b.text === 'E')).toEqual([]);
    expect(draft.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      'รายงานการจัดการน้ำของชุมชนริมแม่น้ำ',
      'ผลการดำเนินงาน',
      'ข้อเสนอแนะ',
    ]);
    expect(draft.pages?.map((p) => p.needsOcr)).toEqual([null]);
  });
});
