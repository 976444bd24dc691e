// What runs in the pool's worker threads: the CPU-heavy stages, on serializable data only.
import { serializeDocument, toDocument } from '../emit/index.ts';
import { extractDocument } from '../extract/index.ts';
import type { Draft } from '../model/draft.ts';
import { toFailure } from '../model/errors.ts';
import { DOCUMENT, losesPage, warning } from '../model/warnings.ts';
import type { ExtractInput } from '../model/stages.ts';
import { needsOcr, withSourceFacts, type DocumentJob, type EmittedSummary, type Failed, type Finished, type JobResult, type PageJob, type PageJobResult } from './job.ts';
import type { PageSource } from '../ocr/page-images.ts';
import { repairDraft } from '../repair/index.ts';
import { tagDraft } from '../tag/index.ts';
import { MAX_STREAM_BYTES, streamsTooLarge } from '../shared/pdfjs.ts';

// A document's failure comes back as data, not as a throw: an Error crossing threads keeps only
// its message (a DocumentError's code and page were lost that way, and every PDF that pdf.js
// could not read was recorded as 'internal').

/** Stage times are measured here, inside the thread, so that time spent waiting for a free
 * worker is not counted as time spent in the stage. */
async function extractTimed(input: ExtractInput): Promise<{ draft: Draft; ms: number }> {
  const start = performance.now();
  const refusedBefore = streamsTooLarge();
  const draft = await extractDocument(input);
  // One document at a time per thread, so the count is this document's. pdf.js drops what such a
  // stream was part of (a page's content, a font) and goes on: the document says so.
  const refused = streamsTooLarge() - refusedBefore;
  if (refused > 0) {
    const message = `${refused} PDF stream(s) decode past ${MAX_STREAM_BYTES / 2 ** 20} MB (a quarter of --thread-memory) and were left out; text drawn from them is missing`;
    draft.warnings.push(warning('pdf-stream-too-large', message, DOCUMENT));
  }
  return { draft, ms: performance.now() - start };
}

/** repair → tag → emit: tagging reads the repaired text; emit validates and serializes here,
 * in the worker, so the main thread only writes files. */
export function finish(draft: Draft): Finished | Failed {
  let stage: 'repair' | 'tag' | 'emit' = 'repair';
  try {
    const t0 = performance.now();
    const repaired = repairDraft(draft);
    const t1 = performance.now();
    stage = 'tag';
    const tagged = tagDraft(repaired);
    const t2 = performance.now();
    stage = 'emit';
    const document = toDocument(tagged);
    const json = serializeDocument(document);
    const t3 = performance.now();
    const summary: EmittedSummary = {
      id: document.id,
      title: document.title,
      languages: document.languages,
      pages: tagged.pages?.length ?? tagged.metadata.pageCount ?? 0,
      blocks: document.blocks.length,
      entities: document.entities.length,
      repairs: document.repairs.reduce((sum, repair) => sum + repair.count, 0),
      warnings: document.warnings.length,
      partial: document.warnings.some((found) => losesPage(found.code)),
    };
    return { json, summary, timings: { repair: t1 - t0, tag: t2 - t1, emit: t3 - t2 } };
  } catch (error) {
    return { failure: toFailure(error, stage) };
  }
}

/** extract → repair → tag → emit in one thread: the draft, the largest thing a document becomes,
 * never crosses threads (twice: there and back) unless OCR on the main thread needs it. */
export async function extractAndFinish(job: DocumentJob): Promise<JobResult> {
  let extracted: { draft: Draft; ms: number };
  try {
    extracted = await extractTimed(job.input);
  } catch (error) {
    return { failure: toFailure(error, 'extract') };
  }
  const { draft, ms } = extracted;
  if (needsOcr(draft, job.input.options.ocr)) return { extractMs: ms, needsOcr: draft };
  const finished = finish(withSourceFacts(draft, job.facts));
  return 'failure' in finished ? { ...finished, extractMs: ms } : { extractMs: ms, finished };
}

/** The document this thread has open for OCR pages, kept for its next page (pages of one
 * document come one after another); replaced, and closed, when another document's page comes. */
let openForPages: { key: string; source: Promise<PageSource> } | undefined;

/** One page image for OCR (PNG bytes), or the page count when `page` is 0: pdf.js' rendering
 * and the image decoders run here, under this thread's heap cap, never on the main thread. */
export async function pageImage(job: PageJob): Promise<PageJobResult> {
  try {
    if (openForPages?.key !== job.key) {
      const previous = openForPages;
      // Loaded with the first page: a build without scans never loads the canvas in its threads.
      const { openPagesHere } = await import('../ocr/page-images.ts');
      openForPages = { key: job.key, source: openPagesHere(job.kind, job.bytes, job.dpi) };
      if (previous) await (await previous.source.catch(() => null))?.close().catch(() => undefined);
    }
    const source = await openForPages.source;
    const image = job.page === 0 ? null : await source.pageImage(job.page);
    return { pageCount: source.pageCount, image };
  } catch (error) {
    if (job.page === 0) openForPages = undefined;
    return { failure: toFailure(error, 'ocr'), ...(job.page ? { page: job.page } : {}) };
  }
}
