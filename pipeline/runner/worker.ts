// What runs in the pool's worker threads: the 'thread' stages of the stage table (stages.ts), on
// serializable data only, and page images for OCR. Every result goes back as data (job.ts).
import type { Draft } from '../model/draft.ts';
import { DEFAULT_EXTRACT_OPTIONS, type StageName } from '../model/stages.ts';
import { toFailure } from '../model/errors.ts';
import type { PageSource } from '../ocr/page-images.ts';
import { roundMs, timedOut, withSourceFacts, type Emitted, type Outcome, type PageJob, type PageJobResult, type ThreadRequest, type ThreadResult, type Timings } from './job.ts';
import { STAGES, type ThreadStage } from './stages.ts';

/** The deadline as this thread's signal. Its timer alone is not enough: pdf.js keeps the thread in
 * promise callbacks for a whole document, so a timer set to fire at the deadline fires only after
 * extraction is over (measured: 108 pages ran 700 ms past a 100 ms limit). The stages call
 * throwIfAborted at each step (a page, a pdf.js call): that call reads the clock too. */
function deadlineSignal(deadline: number): AbortSignal {
  const controller = new AbortController();
  const signal = controller.signal;
  if (deadline === Number.POSITIVE_INFINITY) return signal;
  const check = () => {
    if (!signal.aborted && Date.now() >= deadline) controller.abort(new DOMException('the deadline has passed', 'TimeoutError'));
  };
  check();
  setTimeout(check, Math.max(0, deadline - Date.now())).unref();
  signal.throwIfAborted = () => {
    check();
    AbortSignal.prototype.throwIfAborted.call(signal);
  };
  return signal;
}

/** From where the request starts, the stages in the table's order for as long as they run in a
 * thread: with no main-thread stage to apply, extract to emit in this one call. A stage's time is
 * measured here, so time spent waiting for a free thread is not counted as time in the stage. */
export async function runStages(request: ThreadRequest): Promise<ThreadResult> {
  const signal = deadlineSignal(request.deadline);
  const timings: Timings = {};
  let stage: StageName = STAGES.extract.name;
  async function run<In, Out>(step: ThreadStage<In, Out>, input: In): Promise<Out> {
    stage = step.name;
    const work = await step.load();
    const start = performance.now();
    try {
      signal.throwIfAborted();
      return await work(input, signal);
    } finally {
      timings[step.name] = roundMs(performance.now() - start);
    }
  }
  try {
    let draft: Draft;
    let next = 0;
    if ('job' in request.start) {
      const { job } = request.start;
      draft = withSourceFacts(await run(STAGES.extract, job.input), job.facts);
    } else ({ draft, next } = request.start);
    for (; next < STAGES.draft.length; next++) {
      const step = STAGES.draft[next]!;
      if (!(step.appliesTo?.(draft, request.options) ?? true)) continue;
      if (step.runs === 'main') return { ok: true, draft, next, timings };
      draft = await run(step, draft);
    }
    return { ok: true, emitted: await run(STAGES.emit, draft), timings };
  } catch (error) {
    // The stage boundary: whatever the stage threw becomes its failure here, once.
    const failure = signal.aborted ? timedOut(request.uri, request.timeoutMs, stage) : toFailure(error, stage);
    return { ok: false, failure, timings };
  }
}

/** The draft stages and emit, in this thread, without a time limit or OCR: for a caller holding a
 * draft already (the emit and warning tests). */
export async function finish(draft: Draft): Promise<Outcome<Emitted>> {
  const options = { ...DEFAULT_EXTRACT_OPTIONS, ocr: 'never' } as const;
  const result = await runStages({ start: { draft, next: 0 }, uri: draft.source.uri, options, timeoutMs: Number.POSITIVE_INFINITY, deadline: Number.POSITIVE_INFINITY });
  if (!result.ok) return result;
  if (!('emitted' in result)) throw new Error('a main-thread stage applies with OCR off');
  return { ok: true, ...result.emitted };
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
    return { ok: true, pageCount: source.pageCount, image };
  } catch (error) {
    if (job.page === 0) openForPages = undefined;
    return { ok: false, failure: { ...toFailure(error, 'ocr'), ...(job.page ? { page: job.page } : {}) } };
  }
}
