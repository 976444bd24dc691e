// extractPdf: a PDF's text layer → a Draft (kind 'pdf'). Page by page (each page released
// before the next, so a 2,000-page file stays memory-bounded): glyphs from the operator
// list → lines → (after the whole document is seen: body size, running furniture) blocks.
// See README.md in this folder.
import { DocumentError, emptyDraft } from '../../model/index.ts';
import type { Draft, ExtractStage, PageInfo, Warning } from '../../model/index.ts';
import { warning } from '../../model/warnings.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageBlocks, readingOrder, roundSize } from './blocks.ts';
import type { BodyMetrics } from './blocks.ts';
import { separateFurniture } from './furniture.ts';
import type { PageGeometry } from './furniture.ts';
import { readGlyphs } from './glyphs.ts';
import type { FontFacts, Glyph } from './glyphs.ts';
import { buildLines } from './lines.ts';
import { MAX_PAGE_SIDE_PT, MIN_PAGE_SIDE_PT, openError, openPdf, readDocumentFacts, unlessAborted } from './load.ts';
import { mapThaiVariants } from './private-use.ts';
import { mapTis620Fonts, mapTis620Gaps } from './legacy-fonts.ts';
import { splitByRotation, toShownPage } from './rotation.ts';
import type { Line } from './lines.ts';

/** Fewer visible characters than this: the page has no usable text layer. */
export const MIN_PAGE_CHARS = 10;
/** More than this share of unreadable characters: the text layer is garbage. */
export const MAX_GARBAGE_SHARE = 0.3;
/** pdf.js keeps every font it parsed until the document closes; dropping its caches this often
 * keeps a long PDF that changes fonts (a bound volume of reports) memory-bounded. */
export const RELEASE_CACHES_EVERY_PAGES = 100;
const UNREADABLE = /[\u0000-\u0008\u000E-\u001F\uFFFD\uE000-\uF8FF]/u;
const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*/gu;

interface PageScan extends PageGeometry {
  width: number;
  chars: number;
  unreadableChars: number;
  /** Characters per size (rounded), to find the body size. */
  sizeChars: Map<number, number>;
  /** Lines of text drawn at another angle, one list per angle, each read upright. */
  turned: Line[][];
  /** pdf.js could not load the page, or stopped reading its content at an error. */
  unreadable: 'whole' | 'part' | null;
}

export const extractPdf: ExtractStage = async (input, signal) => {
  if (input.bytes.length === 0) throw new DocumentError('input-empty', 'the PDF file has no bytes');
  signal?.throwIfAborted();
  const task = await openPdf(input.bytes);
  // Destroying the task on abort rejects its promise: that rejection is expected, not unhandled.
  task.promise.catch(() => undefined);
  let doc: PDFDocumentProxy;
  try {
    doc = await unlessAborted(task.promise, signal);
  } catch (error) {
    await task.destroy();
    if (signal?.aborted) throw error;
    throw openError(error);
  }
  try {
    return await extractOpened(doc, input.source, input.options.ocr, signal);
  } finally {
    await task.destroy();
  }
};

async function extractOpened(
  doc: PDFDocumentProxy,
  source: Draft['source'],
  ocr: 'auto' | 'always' | 'never',
  signal: AbortSignal | undefined,
): Promise<Draft> {
  if (doc.numPages === 0) throw new DocumentError('pdf-no-pages', 'the PDF has no pages');
  const draft = emptyDraft(source, 'pdf');
  const facts = await readDocumentFacts(doc, signal);
  draft.metadata = facts.metadata;

  const fonts = new Map<string, FontFacts>();
  const scans: PageScan[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    signal?.throwIfAborted();
    scans.push(await scanPage(doc, number, fonts, draft.warnings, signal));
    if (number % RELEASE_CACHES_EVERY_PAGES === 0) await doc.cleanup();
  }
  // A page fails alone (it carries a page-unreadable warning); only a document with no readable page fails.
  if (scans.every((scan) => scan.unreadable === 'whole')) {
    const reasons = draft.warnings.filter((w) => w.code === 'page-unreadable').map((w) => w.message);
    throw new DocumentError('pdf-corrupt', `no page of the PDF can be read (${reasons.slice(0, 3).join('; ')})`);
  }

  const metrics = bodyMetrics(scans);
  const { furniture, body } = separateFurniture(scans);
  draft.furniture = furniture;
  for (const scan of scans) {
    // Turned text is laid out in its own upright frame: no page box for it.
    draft.blocks.push(...pageBlocks(scan.page, readingOrder(body.get(scan.page) ?? []), metrics, scan));
    for (const lines of scan.turned) draft.blocks.push(...pageBlocks(scan.page, readingOrder(lines), metrics));
  }
  draft.pages = scans.map((scan) => pageInfo(scan, ocr, draft.warnings));
  draft.title = facts.infoTitle ?? draft.blocks.find((b) => b.type === 'heading')?.text ?? null;
  return draft;
}

async function scanPage(
  doc: PDFDocumentProxy,
  number: number,
  fonts: Map<string, FontFacts>,
  warnings: Warning[],
  signal: AbortSignal | undefined,
): Promise<PageScan> {
  let page;
  try {
    page = await unlessAborted(doc.getPage(number), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    warnings.push(unreadableWarning(number, `pdf.js cannot load it: ${(error as Error).message}`));
    return { page: number, width: 0, height: 0, lines: [], chars: 0, unreadableChars: 0, sizeChars: new Map(), turned: [], unreadable: 'whole' };
  }
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const mediaWidth = x1 - x0;
    const mediaHeight = y1 - y0;
    for (const side of [mediaWidth, mediaHeight]) {
      if (!(side >= MIN_PAGE_SIDE_PT && side <= MAX_PAGE_SIDE_PT)) {
        throw new DocumentError('pdf-page-size', `page ${number} is ${Math.round(mediaWidth)} × ${Math.round(mediaHeight)} pt`, { page: number });
      }
    }
    let glyphs: Glyph[];
    let unreadablePart: PageScan['unreadable'] = null;
    try {
      const read = await unlessAborted(readGlyphs(page, fonts), signal);
      glyphs = read.glyphs;
      if (read.stoppedAt !== null) {
        unreadablePart = 'part';
        warnings.push(unreadableWarning(number, `pdf.js could not read part of its content (what that part draws is lost): ${read.stoppedAt}`));
      }
    } catch (error) {
      if (signal?.aborted || error instanceof DocumentError) throw error;
      unreadablePart = 'whole';
      warnings.push(unreadableWarning(number, `its content cannot be read: ${(error as Error).message}`));
      glyphs = [];
    }
    const { width, height } = toShownPage(glyphs, page.rotate, mediaWidth, mediaHeight);
    const tis620Fonts = mapTis620Fonts(glyphs, (id) => fonts.get(id)?.name ?? '');
    if (tis620Fonts.length > 0) {
      warnings.push(warning('pdf-tis620-font', `page ${number}: ${tis620Fonts.join(', ')} drew Thai in TIS-620 codes with no Unicode map; read as TIS-620`, { page: number }));
    }
    const tis620Gaps = mapTis620Gaps(glyphs);
    if (tis620Gaps > 0) {
      warnings.push(warning('pdf-tis620-gaps', `page ${number}: ${tis620Gaps} glyph(s) of a Thai font came out as Latin-1 letters inside Thai text; read as TIS-620`, { page: number }));
    }
    mapThaiVariants(glyphs);
    let chars = 0;
    let unreadableChars = 0;
    const sizeChars = new Map<number, number>();
    for (const glyph of glyphs) {
      if (glyph.text === '') unreadableChars++;
      if (glyph.text.trim() === '') continue;
      chars++;
      if (isUnreadable(glyph.text)) unreadableChars++;
      const size = roundSize(glyph.size);
      sizeChars.set(size, (sizeChars.get(size) ?? 0) + 1);
    }
    const { upright, turned: turnedGroups } = splitByRotation(glyphs, width, height);
    const { lines, orphanMarks: uprightOrphans } = buildLines(number, upright, width);
    let orphanMarks = uprightOrphans;
    const turned: Line[][] = [];
    for (const group of turnedGroups) {
      const built = buildLines(number, group.glyphs, group.width);
      orphanMarks += built.orphanMarks;
      if (built.lines.length > 0) turned.push(built.lines);
    }
    if (orphanMarks > 0) {
      warnings.push(warning('pdf-orphan-marks', `${orphanMarks} Thai mark(s) sat over no letter and were dropped`, { page: number }));
    }
    return { page: number, width, height, lines, chars, unreadableChars, sizeChars, turned, unreadable: unreadablePart };
  } finally {
    page.cleanup();
  }
}

/** Whether a glyph's text has a control character, U+FFFD or a private-use character. Almost
 * every glyph is one code unit: that is checked by range, the rest by the pattern. */
function isUnreadable(text: string): boolean {
  if (text.length !== 1) return UNREADABLE.test(text);
  const code = text.charCodeAt(0);
  return code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff);
}

function unreadableWarning(page: number, why: string): Warning {
  return warning('page-unreadable', `page ${page}: ${why}`, { page });
}

function bodyMetrics(scans: PageScan[]): BodyMetrics {
  const totals = new Map<number, number>();
  for (const scan of scans) for (const [size, count] of scan.sizeChars) totals.set(size, (totals.get(size) ?? 0) + count);
  const bodySize = [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const headingSizes = new Set<number>();
  const vocabulary = new Set<string>();
  for (const scan of scans) {
    for (const line of scan.lines) {
      const size = roundSize(line.size);
      if (size >= bodySize * 1.15) headingSizes.add(size);
      for (const word of line.text.matchAll(WORD)) vocabulary.add(word[0].toLowerCase());
    }
  }
  return { bodySize, headingSizes: [...headingSizes].sort((a, b) => b - a), vocabulary };
}

function pageInfo(scan: PageScan, ocr: 'auto' | 'always' | 'never', warnings: Warning[]): PageInfo {
  let reason: PageInfo['needsOcr'] = null;
  if (scan.chars < MIN_PAGE_CHARS) reason = 'no-text';
  else if (scan.unreadableChars / scan.chars > MAX_GARBAGE_SHARE) {
    reason = 'garbage';
    if (ocr !== 'never') {
      const why = `${scan.unreadableChars} of its ${scan.chars} characters have no Unicode (control characters, U+FFFD, unmapped private use, glyphs without a mapping)`;
      warnings.push(warning('pdf-text-layer-untrusted', `page ${scan.page}: ${why}; OCR reads the page and votes against its text layer`, { page: scan.page }));
    }
  }
  // Part of the page was lost: OCR reads it and votes against what was read.
  else if (scan.unreadable === 'part') reason = 'garbage';
  // An unreadable page has its page-unreadable warning already; with OCR off, no second one.
  if (ocr === 'never' && scan.unreadable) return { page: scan.page, chars: scan.chars, needsOcr: null };
  if (ocr === 'never' && reason) {
    warnings.push(warning(reason === 'no-text' ? 'pdf-page-no-text' : 'pdf-page-garbage', `page ${scan.page} has no usable text layer and OCR is off`, { page: scan.page }));
    reason = null;
  }
  // 'always': every page is OCR'd; a page with a text layer is marked 'garbage' (text to be replaced or voted on).
  if (ocr === 'always' && !reason) reason = 'garbage';
  return { page: scan.page, chars: scan.chars, needsOcr: reason };
}

