// Bad input: each a DocumentError with its own code, so the build records it and goes on.
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../pipeline/model/index.ts';
import type { ErrorCode } from '../../pipeline/model/index.ts';
import { extractPdf } from '../../pipeline/extract/pdf/index.ts';
import { fixturePdfInput } from '../helpers/pdf.ts';

function input(name: string, ocr: 'auto' | 'always' | 'never' = 'auto') {
  return fixturePdfInput(`pdf/${name}`, ocr);
}

async function codeOf(name: string): Promise<ErrorCode | 'no error'> {
  try {
    await extractPdf(input(name));
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return (error as DocumentError).code;
  }
}

describe('extractPdf on bad input', () => {
  it.each([
    ['bad-encrypted.pdf', 'pdf-encrypted'],
    ['bad-truncated.pdf', 'pdf-corrupt'],
    ['bad-not-a-pdf.pdf', 'pdf-corrupt'],
    ['bad-zero-pages.pdf', 'pdf-no-pages'],
    ['bad-page-size.pdf', 'pdf-page-size'],
    ['bad-empty.pdf', 'input-empty'],
    ['bad-no-readable-page.pdf', 'pdf-corrupt'],
  ])('%s → %s', async (name, code) => {
    expect(await codeOf(name)).toBe(code);
  });

  it('stops when the signal aborts, with the signal\'s reason', async () => {
    const before = new AbortController();
    before.abort(new DocumentError('timeout', 'too slow'));
    await expect(extractPdf(input('thai-report.pdf'), before.signal)).rejects.toMatchObject({ code: 'timeout' });

    const during = new AbortController();
    const run = extractPdf(input('thai-report.pdf'), during.signal);
    queueMicrotask(() => during.abort(new DocumentError('timeout', 'too slow')));
    await expect(run).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reads a good file after bad ones (no state left behind)', async () => {
    expect(await codeOf('bad-encrypted.pdf')).toBe('pdf-encrypted');
    const draft = await extractPdf(input('two-column.pdf'));
    expect(draft.blocks.length).toBeGreaterThan(5);
  });
});

describe('a page that cannot be read fails alone', () => {
  const PAGE_ONE = 'Page one reads well: the survey covered nine provinces.';
  const PAGE_THREE = 'Page three reads well too: rainfall was above the mean.';

  it('a cycle in the page tree: page 2 is a page-unreadable warning and goes to OCR, pages 1 and 3 are read', async () => {
    const draft = await extractPdf(input('page-cycle.pdf'));
    expect(draft.blocks.map((b) => [b.page, b.text])).toEqual([[1, PAGE_ONE], [3, PAGE_THREE]]);
    expect(draft.warnings).toEqual([expect.objectContaining({ code: 'page-unreadable', page: 2 })]);
    expect(draft.warnings[0]?.message).toMatch(/circular/u);
    expect(draft.pages?.map((p) => p.needsOcr)).toEqual([null, 'no-text', null]);
  });

  it('a page object that is not valid PDF: a page-unreadable warning; the page before it is read', async () => {
    const draft = await extractPdf(input('page-bad-object.pdf'));
    expect(draft.blocks.map((b) => [b.page, b.text])).toEqual([[1, PAGE_ONE]]);
    expect(draft.warnings).toEqual([expect.objectContaining({ code: 'page-unreadable', page: 2 })]);
    expect(draft.pages?.find((p) => p.page === 2)?.needsOcr).toBe('no-text');
  });

  it('an operator that throws (a form that draws itself): what was read is kept, the page is warned and voted by OCR', async () => {
    const draft = await extractPdf(input('page-bad-operator.pdf'));
    expect(draft.blocks.map((b) => b.page)).toEqual([1, 2, 3]);
    expect(draft.blocks[1]?.text).toBe('Page two starts well, then draws a form that draws itself.');
    expect(draft.warnings).toEqual([expect.objectContaining({ code: 'page-unreadable', page: 2 })]);
    expect(draft.pages?.map((p) => p.needsOcr)).toEqual([null, 'garbage', null]);
  });

  it('with OCR off, the warning stays and no page is marked for OCR', async () => {
    const draft = await extractPdf(input('page-cycle.pdf', 'never'));
    expect(draft.warnings.map((w) => [w.code, w.page])).toEqual([['page-unreadable', 2]]);
    expect(draft.pages?.map((p) => p.needsOcr)).toEqual([null, null, null]);
  });

  it('readable documents get no page-unreadable warning', async () => {
    for (const name of ['thai-report.pdf', 'two-column.pdf', 'ocr-pages.pdf', 'rotated.pdf']) {
      const draft = await extractPdf(input(name));
      expect(draft.warnings.filter((w) => w.code === 'page-unreadable')).toEqual([]);
    }
  });
});
