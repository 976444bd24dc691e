// The OCR stage: reads the pages that have no usable text (every page of an image, the PDF
// pages extract marked with needsOcr) and puts what it reads into the draft as blocks with
// origin 'ocr' and a confidence. Pages run in parallel on the engine's workers, one page per
// worker at a time, and each page image is dropped as soon as it is read, so a 300-page scan
// takes the memory of a few pages.
import { type Draft, type DraftBlock, type OcrMode, type Warning } from '../model/index.ts';
import { pageBlocks, type PageBlocks } from './blocks.ts';
import type { OcrEngine } from './engine.ts';
import { imagePageSource, OCR_DPI, pdfPageSource, type PageSource } from './page-images.ts';
import { layerDamage, MAX_LAYER_DAMAGE_TO_VOTE, MIN_LAYER_COVERAGE_TO_VOTE, voteWithTextLayer } from './vote.ts';

export { createOcrEngine, DEFAULT_OCR_LANGUAGES } from './engine.ts';
export { createLazyOcr, type LazyOcr } from './lazy.ts';
export type { OcrEngine, OcrEngineOptions, OcrLine, OcrPageResult, OcrParagraph, OcrWord } from './engine.ts';
export { LOW_CONFIDENCE, nonTextReason } from './blocks.ts';
export { MAX_OCR_PAGE_PIXELS, OCR_DPI } from './page-images.ts';
export { MAX_LAYER_DAMAGE_TO_VOTE, MIN_LAYER_COVERAGE_TO_VOTE } from './vote.ts';

export interface OcrStageOptions {
  ocr: OcrMode;
  ocrLanguages: string;
  /** Resolution PDF pages are rendered at. @default OCR_DPI (300) */
  dpi?: number;
}

export interface OcrInput {
  draft: Draft;
  bytes: Uint8Array;
  options: OcrStageOptions;
}

/** The 1-based pages this draft needs read. */
function pagesToRead(draft: Draft, mode: OcrMode, pageCount: number): number[] {
  if (mode === 'never') return [];
  const all = Array.from({ length: pageCount }, (_, i) => i + 1);
  if (draft.kind === 'image' || mode === 'always') return all;
  return (draft.pages ?? []).filter((info) => info.needsOcr !== null).map((info) => info.page);
}

interface PageOutcome {
  page: number;
  read: PageBlocks | null;
  error?: unknown;
}

/** Runs `task` over `items` with at most `concurrency` at a time, results in input order. The
 * first failure stops the others from starting new items. */
async function mapPool<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const runner = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await task(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, runner));
  return results;
}

/** Where a PDF's page images come from: rendered in this thread by default; the runner renders
 * them in its worker threads so that pdf.js never loads in the caller's thread. */
export type PdfPages = (bytes: Uint8Array, dpi: number) => Promise<PageSource>;

export async function ocrDraft(input: OcrInput, engine: OcrEngine, signal?: AbortSignal, pdfPages: PdfPages = pdfPageSource): Promise<Draft> {
  const { draft, bytes, options } = input;
  if (options.ocr === 'never' || (draft.kind !== 'image' && draft.kind !== 'pdf')) return draft;
  signal?.throwIfAborted();
  const marked = (draft.pages ?? []).some((info) => info.needsOcr !== null);
  if (draft.kind === 'pdf' && options.ocr === 'auto' && !marked) return draft;
  const source: PageSource =
    draft.kind === 'image' ? imagePageSource(bytes) : await pdfPages(bytes, options.dpi ?? OCR_DPI);
  let outcomes: PageOutcome[];
  try {
    const pages = pagesToRead(draft, options.ocr, source.pageCount).filter((page) => page <= source.pageCount);
    outcomes = await mapPool(pages, engine.workers, async (page): Promise<PageOutcome> => {
      signal?.throwIfAborted();
      try {
        const image = await source.pageImage(page);
        if (!image) return { page, read: null };
        const result = await engine.recognize(image, signal ? { signal } : {});
        return { page, read: pageBlocks(result, page) };
      } catch (error) {
        if (signal?.aborted) throw error;
        // An image file is its pages: a page that cannot be read fails the document. A PDF page
        // that cannot be rendered or read is a warning; the other pages still count.
        if (draft.kind === 'image') throw error;
        return { page, read: null, error };
      }
    });
  } finally {
    await source.close();
  }
  return mergeOutcomes(draft, outcomes, options, engine.languages);
}

const visibleLength = (text: string) => text.replace(/\s+/gu, '').length;

/** Whether a page's text layer is voted against its OCR, or replaced by it (and why). A layer is
 * replaced when it is mostly unreadable, or when it holds only a sliver of what OCR read (a
 * running header or a page number over a scanned body). */
function layerVerdict(layer: DraftBlock[], ocrText: string): { vote: boolean; reason?: string } {
  if (layer.length === 0) return { vote: false };
  const layerText = layer.map((block) => block.text).join('\n');
  const damage = layerDamage(layerText);
  if (damage > MAX_LAYER_DAMAGE_TO_VOTE) {
    return { vote: false, reason: `the text layer is too damaged to repair (${(damage * 100).toFixed(0)}% unreadable)` };
  }
  const coverage = visibleLength(layerText) / Math.max(1, visibleLength(ocrText));
  if (coverage < MIN_LAYER_COVERAGE_TO_VOTE) {
    return { vote: false, reason: `the text layer holds ${(coverage * 100).toFixed(0)}% of the text OCR found` };
  }
  return { vote: true };
}

function mergeOutcomes(draft: Draft, outcomes: PageOutcome[], options: OcrStageOptions, engineLanguages: string): Draft {
  const warnings: Warning[] = [...draft.warnings];
  if (options.ocrLanguages && options.ocrLanguages !== engineLanguages) {
    // The engine is one per build; its models were loaded once, so a document cannot swap them.
    warnings.push({
      code: 'ocr-languages-mismatch',
      message: `OCR was asked for "${options.ocrLanguages}" but the engine reads "${engineLanguages}"`,
      stage: 'ocr',
    });
  }
  const repairs: Record<string, number> = { ...draft.repairs };
  const byPage = new Map<number, DraftBlock[]>();
  const unpaged: DraftBlock[] = [];
  for (const block of draft.blocks) {
    if (block.page === null) unpaged.push(block);
    else byPage.set(block.page, [...(byPage.get(block.page) ?? []), block]);
  }
  for (const outcome of outcomes) {
    const { page, read } = outcome;
    if (outcome.error !== undefined) {
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      warnings.push({ code: 'ocr-page-failed', message: `page ${page} could not be OCR'd: ${reason}`, page, stage: 'ocr' });
      continue;
    }
    if (!read) continue;
    warnings.push(...read.warnings);
    const layer = (byPage.get(page) ?? []).filter((block) => block.origin !== 'ocr');
    const verdict = layerVerdict(layer, read.lines.map((line) => line.text).join('\n'));
    if (verdict.vote) {
      // A text layer that is only partly damaged keeps its structure; OCR corrects its letters.
      const voted = voteWithTextLayer(layer, read.lines);
      byPage.set(page, voted.blocks);
      for (const [rule, count] of Object.entries(voted.counts)) repairs[rule] = (repairs[rule] ?? 0) + count;
      continue;
    }
    if (verdict.reason) {
      warnings.push({ code: 'ocr-replaced-text-layer', message: `page ${page}: ${verdict.reason}; its OCR is used instead`, page, stage: 'ocr' });
    }
    byPage.set(page, read.blocks);
  }
  const pages = [...byPage.keys()].sort((a, b) => a - b);
  const blocks = [...unpaged, ...pages.flatMap((page) => byPage.get(page)!)];
  if (blocks.length === 0) warnings.push({ code: 'ocr-no-text', message: 'OCR found no text in the document', stage: 'ocr' });
  return { ...draft, blocks, warnings, repairs };
}
