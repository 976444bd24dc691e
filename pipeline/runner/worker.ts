// What runs in the pool's worker threads: the CPU-heavy stages, on serializable data only.
import { serializeDocument, toDocument } from '../emit/index.ts';
import { extractDocument } from '../extract/index.ts';
import type { Draft } from '../model/draft.ts';
import { toFailure } from '../model/errors.ts';
import type { ExtractInput } from '../model/stages.ts';
import { needsOcr, withSourceFacts, type DocumentJob, type Failed, type JobResult } from './job.ts';
import { repairDraft } from '../repair/index.ts';
import type { DocumentStats } from './store.ts';
import { pdfPageSource, type PageSource } from '../ocr/page-images.ts';
import type { PdfPageReply, PdfPageRequest } from './pdf-pages.ts';
import { tagDraft } from '../tag/index.ts';

// A document's failure comes back as data, not as a throw: an Error crossing threads keeps only
// its message (a DocumentError's code and page were lost that way, and every PDF that pdf.js
// could not read was recorded as 'internal').

/** Stage times are measured here, inside the thread, so that time spent waiting for a free
 * worker is not counted as time spent in the stage. */
async function extractTimed(input: ExtractInput): Promise<{ draft: Draft; ms: number }> {
  const start = performance.now();
  const draft = await extractDocument(input);
  return { draft, ms: performance.now() - start };
}

/** What the runner needs to know of an emitted document, without parsing it again. */
export interface EmittedSummary extends DocumentStats {
  id: string;
}

export interface Finished {
  /** The document in its one serialized form, validated. */
  json: string;
  summary: EmittedSummary;
  timings: { repair: number; tag: number; emit: number };
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

/** The PDF this worker last opened for OCR, closed when another comes or when it sits idle. */
let openPdf: { key: string; source: Promise<PageSource>; idle?: NodeJS.Timeout } | undefined;
const OPEN_PDF_IDLE_MS = 5_000;

function closeOpenPdf(): void {
  const closing = openPdf;
  openPdf = undefined;
  if (closing) void closing.source.then((source) => source.close()).catch(() => undefined);
}

/** One page of a PDF rendered for OCR (see pdf-pages.ts), or the PDF's page count for page 0. */
export async function renderPdfPage(request: PdfPageRequest): Promise<PdfPageReply> {
  if (openPdf?.key !== request.key) {
    closeOpenPdf();
    openPdf = { key: request.key, source: pdfPageSource(request.bytes, request.dpi) };
  }
  const current = openPdf;
  clearTimeout(current.idle);
  try {
    const source = await current.source;
    const image = request.page === 0 ? null : await source.pageImage(request.page);
    return { pageCount: source.pageCount, image };
  } catch (error) {
    if (openPdf === current) closeOpenPdf();
    return { failure: toFailure(error, 'ocr') };
  } finally {
    if (openPdf === current) current.idle = setTimeout(closeOpenPdf, OPEN_PDF_IDLE_MS).unref();
  }
}
