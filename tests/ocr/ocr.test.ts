// The OCR stage end to end on real scans made by scripts/fixtures/scans/make-scans.ts, with one
// real tesseract.js engine (2 workers) shared by every test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractImage } from '../../pipeline/extract/image/index.ts';
import { DocumentError, emptyDraft, type Draft, type DraftBlock, type OcrMode, type PageInfo } from '../../pipeline/model/index.ts';
import { characterErrorRate } from '../../pipeline/ocr/cer.ts';
import { createOcrEngine, ocrDraft, type OcrEngine } from '../../pipeline/ocr/index.ts';
import { warning } from '../../pipeline/model/warnings.ts';
import { THAI_REPORT } from '../../scripts/fixtures/scans/texts.ts';
import { encodeImagePdf } from '../../scripts/fixtures/scans/encoders.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/scans');
const read = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const truth = (name: string) => readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8').trimEnd().split('\n\f\n');
const SOURCE = { uri: 'file:///scan', mediaType: 'application/octet-stream', sha256: '0'.repeat(64), bytes: 1 };

/** Error rates tesseract.js reaches on these clean 150-300 dpi pages, with room for noise. */
const MAX_THAI_CER = 0.05;
const MAX_ENGLISH_CER = 0.03;

let engine: OcrEngine;
beforeAll(async () => {
  engine = await createOcrEngine({ workers: 2 });
});
afterAll(async () => {
  await engine?.terminate();
});

async function ocrImage(name: string): Promise<Draft> {
  const bytes = read(name);
  const options = { ocr: 'auto' as const, ocrLanguages: 'tha+eng' };
  const draft = await extractImage({ source: SOURCE, kind: 'image', bytes, options });
  return ocrDraft({ draft, bytes, options }, engine);
}

const pageText = (draft: Draft, page: number) =>
  draft.blocks
    .filter((block) => block.page === page)
    .map((block) => block.text)
    .join('\n');

function pdfDraft(pages: PageInfo[], blocks: DraftBlock[] = []): Draft {
  return { ...emptyDraft(SOURCE, 'pdf'), pages, blocks, metadata: { pageCount: pages.length } };
}

const ocrPdf = (draft: Draft, ocr: OcrMode, bytes = read('scan-2page.pdf')) =>
  ocrDraft({ draft, bytes, options: { ocr, ocrLanguages: 'tha+eng' } }, engine);

describe('ocrDraft on images', () => {
  it('reads a Thai letter with emblem, stamp and signature, leaving the pictures out', async () => {
    const draft = await ocrImage('th-decree.png');
    const [expected] = truth('th-decree.png');
    const text = pageText(draft, 1);
    expect(characterErrorRate(expected!, text), text).toBeLessThan(MAX_THAI_CER);
    for (const block of draft.blocks) {
      expect(block.origin).toBe('ocr');
      expect(block.confidence).toBeGreaterThan(0.8);
      expect(block.confidence).toBeLessThanOrEqual(1);
    }
    // sara am stays as tesseract writes it (nikhahit + sara aa): the repair stage owns that.
    expect(text).toContain('\u0E4D\u0E32');
    // The centred title is a heading of its own.
    expect(draft.blocks[0]).toMatchObject({ type: 'heading', level: 1, text: 'ประกาศกระทรวงมหาดไทย' });
    expect(draft.blocks[1]!.type).toBe('paragraph');
  });

  it('reads an English JPEG', async () => {
    const draft = await ocrImage('en-memo.jpg');
    expect(characterErrorRate(truth('en-memo.jpg')[0]!, pageText(draft, 1))).toBeLessThan(MAX_ENGLISH_CER);
  });

  it('reads every page of a multi-page TIFF, in order', async () => {
    const draft = await ocrImage('report-2page.tif');
    const [thai, english] = truth('report-2page.tif');
    expect(draft.blocks.map((block) => block.page)).toEqual([...new Set(draft.blocks.map((block) => block.page))].sort());
    expect(characterErrorRate(thai!, pageText(draft, 1))).toBeLessThan(MAX_THAI_CER);
    expect(characterErrorRate(english!, pageText(draft, 2))).toBeLessThan(MAX_ENGLISH_CER);
  });

  it('drops the lines tesseract reads in emblem line art', async () => {
    const draft = await ocrImage('ornaments.png');
    expect(pageText(draft, 1)).toBe(truth('ornaments.png')[0]);
    expect(draft.warnings.find((warning) => warning.code === 'ocr-non-text-dropped')?.page).toBe(1);
  });

  it('fails a TIFF whose page data is cut off with image-corrupt', async () => {
    const bytes = read('report-2page.tif');
    const draft = { ...emptyDraft(SOURCE, 'image'), pages: [{ page: 1, chars: 0, needsOcr: 'no-text' as const }] };
    const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.3));
    const error = await ocrDraft({ draft, bytes: truncated, options: { ocr: 'auto', ocrLanguages: 'tha+eng' } }, engine).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe('image-corrupt');
  });
});

describe('ocrDraft on PDFs', () => {
  const layerBlock = (page: number, text: string): DraftBlock => ({ type: 'paragraph', page, text, origin: 'text-layer' });

  it('reads only the pages marked for OCR in auto mode, keeping page order', async () => {
    const draft = pdfDraft(
      [
        { page: 1, chars: 0, needsOcr: 'no-text' },
        { page: 2, chars: 40, needsOcr: null },
      ],
      [layerBlock(2, 'The text layer of page two.')],
    );
    const result = await ocrPdf(draft, 'auto');
    expect(result.blocks.at(-1)).toEqual(layerBlock(2, 'The text layer of page two.'));
    expect(result.blocks.slice(0, -1).every((block) => block.page === 1 && block.origin === 'ocr')).toBe(true);
    expect(characterErrorRate(truth('scan-2page.pdf')[0]!, pageText(result, 1))).toBeLessThan(MAX_THAI_CER);
  });

  it('a page whose text layer could not be read is lost no more once OCR reads it; one it did not read still is', async () => {
    const draft = pdfDraft(
      [
        { page: 1, chars: 0, needsOcr: 'no-text' },
        { page: 2, chars: 40, needsOcr: null },
      ],
      [layerBlock(2, 'The text layer of page two.')],
    );
    draft.warnings.push(warning('page-unreadable', 'page 1: broken content stream', { page: 1 }));
    draft.warnings.push(warning('page-unreadable', 'page 3: broken content stream', { page: 3 }));
    const result = await ocrPdf(draft, 'auto');
    expect(result.blocks.some((block) => block.page === 1 && block.origin === 'ocr')).toBe(true);
    expect(result.warnings.filter((found) => found.code === 'page-unreadable').map((found) => found.page)).toEqual([3]);
  });

  it('does nothing with --ocr never', async () => {
    const draft = pdfDraft([{ page: 1, chars: 0, needsOcr: 'no-text' }]);
    expect(await ocrPdf(draft, 'never')).toBe(draft);
  });

  it('votes a damaged text layer against OCR: sara am from OCR, the rest from the layer', async () => {
    const damaged = THAI_REPORT.map((line) => line.replaceAll('ำ', ' า'));
    const draft = pdfDraft(
      [
        { page: 1, chars: 300, needsOcr: 'garbage' },
        { page: 2, chars: 300, needsOcr: null },
      ],
      [layerBlock(1, damaged.slice(0, 3).join('')), layerBlock(1, damaged.slice(3).join('')), layerBlock(2, 'page two')],
    );
    const result = await ocrPdf(draft, 'auto');
    const page1 = result.blocks.filter((block) => block.page === 1);
    expect(page1.map((block) => block.text)).toEqual([THAI_REPORT.slice(0, 3).join(''), THAI_REPORT.slice(3).join('')]);
    expect(page1.every((block) => block.origin === 'text-layer' && block.evidence?.ocrText)).toBe(true);
    expect(result.repairs['ocr-vote-sara-am']).toBe(THAI_REPORT.join('').split('ำ').length - 1);
    expect(page1[0]!.edits?.every((edit) => edit.rule === 'ocr-vote-sara-am')).toBe(true);
    expect(result.blocks.at(-1)!.text).toBe('page two');
  });

  it('replaces a text layer that is mostly private-use glyphs with OCR', async () => {
    const draft = pdfDraft([{ page: 1, chars: 50, needsOcr: 'garbage' }], [layerBlock(1, '\uF710\uF711\uF712 \uF713\uF714 ราย')]);
    const result = await ocrPdf(draft, 'auto');
    expect(result.blocks.every((block) => block.origin === 'ocr')).toBe(true);
    expect(result.warnings.map((warning) => warning.code)).toContain('ocr-replaced-text-layer');
  });

  it('replaces a text layer that is only a page number over a scanned body', async () => {
    const draft = pdfDraft([{ page: 1, chars: 2, needsOcr: 'no-text' }], [layerBlock(1, '12')]);
    const result = await ocrPdf(draft, 'auto');
    expect(result.blocks.length).toBeGreaterThan(0);
    expect(result.blocks.every((block) => block.origin === 'ocr')).toBe(true);
    expect(result.warnings.find((warning) => warning.code === 'ocr-replaced-text-layer')?.message).toMatch(/holds \d+% of the text/);
  });

  it('stops at once when the build is cancelled', async () => {
    const draft = pdfDraft([{ page: 1, chars: 0, needsOcr: 'no-text' }]);
    const controller = new AbortController();
    controller.abort();
    const options = { ocr: 'auto' as const, ocrLanguages: 'tha+eng' };
    await expect(ocrDraft({ draft, bytes: read('scan-2page.pdf'), options }, engine, controller.signal)).rejects.toThrow(/abort/i);
  });

  it('fails a corrupt PDF with pdf-corrupt', async () => {
    const draft = pdfDraft([{ page: 1, chars: 0, needsOcr: 'no-text' }]);
    const error = await ocrPdf(draft, 'auto', new TextEncoder().encode('%PDF-1.4\nthis is not a pdf')).catch((e: unknown) => e);
    expect((error as DocumentError).code).toBe('pdf-corrupt');
  });

  it('runs pages in parallel on every worker, never more pages at once than workers', async () => {
    const pages = 4;
    const jpeg = read('en-memo.jpg');
    // en-memo.jpg is 853×468 at 150 dpi.
    const bytes = encodeImagePdf(Array.from({ length: pages }, () => ({ jpeg, width: 853, height: 468, dpi: 150 })));
    let inFlight = 0;
    let peak = 0;
    const counting = {
      ...engine,
      async recognize(image: Uint8Array) {
        peak = Math.max(peak, ++inFlight);
        try {
          return await engine.recognize(image);
        } finally {
          inFlight--;
        }
      },
    };
    const draft = pdfDraft(Array.from({ length: pages }, (_, i) => ({ page: i + 1, chars: 0, needsOcr: 'no-text' as const })));
    const result = await ocrDraft({ draft, bytes, options: { ocr: 'auto', ocrLanguages: 'tha+eng' } }, counting);
    expect(peak).toBe(engine.workers);
    expect([...new Set(result.blocks.map((block) => block.page))]).toEqual([1, 2, 3, 4]);
  });
});
