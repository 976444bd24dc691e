// Voting on a real damaged Thai PDF: the Royal Gazette decree (tests/fixtures/pdf), whose
// text layer lost every sara am (ได้น าความ, ประจาปี) while tesseract loses tone marks and upper
// vowels (ทิ for ที่) and misreads digits. Page 1 only, to keep the suite fast.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../pipeline/model/index.ts';
import { createOcrEngine, ocrDraft, type OcrEngine } from '../../pipeline/ocr/index.ts';
import { rawTextLayer } from '../../scripts/fixtures/scans/text-layer.ts';
import { fixture } from '../helpers/fixtures.ts';

const GAZETTE_PDF = fixture('pdf', 'royal-gazette-2566.pdf');
const SPACED_OR_BARE_AA = /[\u0E01-\u0E2E][\u0E48-\u0E4B]? ?\u0E32(?:ความ|ปี|นาจ|เนิน|หนด)/u;

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine({ workers: 1 });
});
afterAll(async () => {
  await engine?.terminate();
});

describe('OCR voting on the Royal Gazette decree', () => {
  it('restores every lost sara am from OCR and keeps the text layer everywhere else', async () => {
    const bytes = new Uint8Array(readFileSync(GAZETTE_PDF));
    const layer = await rawTextLayer(bytes, [1]);
    expect(layer.some((block) => SPACED_OR_BARE_AA.test(block.text))).toBe(true);
    const source = { uri: 'gazette.pdf', mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length };
    const draft = { ...emptyDraft(source, 'pdf'), blocks: layer, pages: [{ page: 1, chars: 1500, needsOcr: 'garbage' as const }] };
    const result = await ocrDraft({ draft, bytes, options: { ocr: 'auto', ocrLanguages: 'tha+eng' } }, engine);
    const text = result.blocks.map((block) => block.text).join('\n');
    for (const word of ['ได้นำความ', 'ประจำปี', 'คืนอำนาจ', 'ดำเนินไป', 'อาศัยอำนาจ']) expect(text).toContain(word);
    expect(text).not.toMatch(SPACED_OR_BARE_AA);
    // The layer's marks and digits survive OCR's misreadings.
    expect(text).toContain('ตามที่สภาผู้แทนราษฎรได้ปฏิบัติหน้าที่ตั้งแต่');
    expect(text).toContain('มาตรา ๑๗๕');
    expect(result.repairs['ocr-vote-sara-am']).toBeGreaterThanOrEqual(5);
    expect(result.repairs['ocr-vote-text-layer-kept']).toBeGreaterThan(10);
    // Undoing the edits gives back the text layer exactly.
    for (const [i, block] of result.blocks.entries()) {
      let undone = block.text;
      for (const edit of [...(block.edits ?? [])].reverse()) {
        undone = undone.slice(0, edit.offset) + edit.before + undone.slice(edit.offset + edit.after.length);
      }
      expect(undone).toBe(layer[i]!.text);
      expect(block.origin).toBe('text-layer');
    }
  });
});
