// The real royal-gazette PDF (pdfjs-dist 5.6.205 pinned): this pins what extractPdf reads from
// pdf.js internals (glyph widths in the operator list) and the displaced footer marks.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../pipeline/model/index.ts';
import { extractPdf } from '../../pipeline/extract/pdf/index.ts';

const FIXTURE = new URL('../fixtures/pdf/royal-gazette-2566.pdf', import.meta.url);

async function extract(): Promise<Draft> {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  return extractPdf({
    source: { uri: FIXTURE.href, mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length },
    kind: 'pdf',
    bytes,
    options: { ocr: 'auto', ocrLanguages: 'tha+eng' },
  });
}

const THAI_CONSONANT = /[\u0E01-\u0E2E]/u;

describe('extractPdf on the royal gazette', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await extract();
  });

  it('keeps the header marks off the body: "เป็นต้นไป" in the body, "หน้า ๑" as furniture', () => {
    const body = draft.blocks.map((b) => b.text).join('\n');
    expect(body).toContain('ในราชกิจจานุเบกษาเป็นต้นไป');
    expect(body).not.toContain('้หนา');
    expect(body).not.toContain('ไป้');
    expect(body).not.toContain('หน้า ๑');
    expect(draft.furniture).toContainEqual({ kind: 'page-number', page: 1, text: 'หน้า ๑' });
    expect(draft.furniture).toContainEqual({ kind: 'page-number', page: 2, text: 'หน้า ๒' });
    const headers = draft.furniture.filter((f) => f.kind === 'header');
    expect(headers.map((h) => h.page)).toEqual([1, 2]);
    expect(headers[0]!.text).toBe('เล่ม ๑๔๐ ตอนที่ ๒๒ ก ราชกิจจานุเบกษา ๒๐ มีนาคม ๒๕๖๖');
  });

  it('marks the six zero-width nikhahit spaces, and only those', () => {
    const found: string[] = [];
    for (const block of draft.blocks) {
      for (const offset of block.evidence?.lostNikhahit ?? []) {
        expect(block.text[offset]).toBe(' ');
        expect(block.text[offset + 1]).toBe('า');
        expect(block.text[offset - 1]).toMatch(THAI_CONSONANT);
        found.push(block.text.slice(offset - 1, offset + 2));
      }
    }
    expect(found.sort()).toEqual(['ก า', 'จ า', 'ด า', 'น า', 'อ า', 'อ า'].sort());
    // A real (wide) space is never taken for a lost nikhahit, and is passed as such.
    for (const block of draft.blocks) {
      const real = new Set(block.evidence?.realSpaces ?? []);
      for (const offset of block.evidence?.lostNikhahit ?? []) expect(real.has(offset)).toBe(false);
    }
    const opening = draft.blocks.find((b) => b.text.startsWith('ด้วยนายกรัฐมนตรี'))!;
    expect(opening.evidence?.realSpaces).toContain(opening.text.indexOf(' ว่า ตามที่'));
    // Both kinds of damage pdf.js' text content shows: "ได้น าความ" and "ประจาปี" (no trace there).
    const body = draft.blocks.map((b) => b.text).join('\n');
    expect(body).toContain('ได้น าความ');
    expect(body).toContain('ประจ าปี');
    expect(body).toContain('อาศัยอ านาจ');
  });

  it('keeps the space a Thai line broke at when the PDF drew it, as a real space; adds none where it drew none', () => {
    const opening = draft.blocks.find((b) => b.text.startsWith('ด้วยนายกรัฐมนตรี'))!;
    // "ตั้งแต่␣␣" ends its line: the gold transcription reads "ตั้งแต่ พ.ศ.".
    expect(opening.text).toContain('ตั้งแต่ พ.ศ. ๒๕๖๒');
    expect(opening.evidence?.realSpaces).toContain(opening.text.indexOf(' พ.ศ. ๒๕๖๒'));
    expect(opening.text).toContain('ราษฎรแล้ว สมควร');
    // "...ใหม่เป็นการเลือกตั้งทั่วไป" ends its line with no space drawn: joined with none.
    expect(opening.text).toContain('ทั่วไปตามบทบัญญัติ');
  });

  it('reads blocks in order, with indented sections as their own paragraphs', () => {
    const texts = draft.blocks.map((b) => b.text);
    expect(draft.blocks[0]).toMatchObject({ type: 'heading', level: 1, text: 'พระราชกฤษฎีกา', page: 1, origin: 'text-layer' });
    const sections = texts.filter((t) => t.startsWith('มาตรา '));
    expect(sections.map((t) => t.slice(0, 7))).toEqual(['มาตรา ๑', 'มาตรา ๒', 'มาตรา ๓', 'มาตรา ๔', 'มาตรา ๕']);
    expect(draft.blocks.filter((b) => b.text.startsWith('มาตรา ๓'))[0]!.page).toBe(2);
    expect(texts.at(-1)).toBe('นายกรัฐมนตรี');
  });

  it('reads metadata and falls back to the first heading for the title', () => {
    expect(draft.kind).toBe('pdf');
    expect(draft.title).toBe('พระราชกฤษฎีกา');
    expect(draft.metadata).toMatchObject({
      created: '2023-03-20T08:00:20.000Z',
      modified: '2023-03-20T08:00:20.000Z',
      producer: 'itext-paulo-155 (itextpdf.sf.net-lowagie.com)',
      pageCount: 2,
    });
    expect(draft.pages).toEqual([
      { page: 1, chars: expect.any(Number), needsOcr: null },
      { page: 2, chars: expect.any(Number), needsOcr: null },
    ]);
    expect(structuredClone(draft)).toEqual(draft);
  });
});
