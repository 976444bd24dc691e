// The local engine: one document through the stage table (stages.ts), its thread stages in the
// stage pool and its main-thread stages here. Problems become a Failure for this document only;
// nothing here writes files.
import { createHash } from 'node:crypto';
import { detectKind } from '../detect/index.ts';
import { documentId, sha256Hex } from '../emit/index.ts';
import type { Draft, SourceKind } from '../model/draft.ts';
import { DocumentError, toFailure } from '../model/errors.ts';
import { DEFAULT_EXTRACT_OPTIONS, type OcrMode, type StageName } from '../model/stages.ts';
import type { InputRef } from './inputs.ts';
import type { PageOpener } from '../ocr/index.ts';
import { createOcrRunner, type OcrRunner } from './main-thread-stages.ts';
import { createStagePool, defaultThreads, type StagePool } from './pool.ts';
import type { Loaded } from './read.ts';
import { roundMs, timedOut, type Emitted, type Outcome, type ThreadRequest, type ThreadResult, type Timings } from './job.ts';
import { STAGES } from './stages.ts';

export interface ProcessOptions {
  ocr: OcrMode;
  ocrLanguages: string;
  timeoutMs: number;
}

/** Per-document time limit by default, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The per-document options with their defaults filled in: one place for build and extract. */
export function resolveProcessOptions(options: { ocr?: OcrMode | undefined; ocrLanguages?: string | undefined; timeoutMs?: number | undefined }): ProcessOptions {
  return {
    ocr: options.ocr ?? DEFAULT_EXTRACT_OPTIONS.ocr,
    ocrLanguages: options.ocrLanguages ?? DEFAULT_EXTRACT_OPTIONS.ocrLanguages,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** OCR on demand: the engine starts with the first document that needs it, one worker per core. */
export function lazyOcrRunner(options: ProcessOptions): { get: () => OcrRunner; close: () => Promise<void> } {
  let runner: OcrRunner | undefined;
  return {
    get: () => (runner ??= createOcrRunner({ languages: options.ocrLanguages, workers: defaultThreads() })),
    close: async () => runner?.close(),
  };
}

export interface ProcessContext {
  pool: StagePool;
  /** Started on first use: a corpus without scans never pays for OCR workers. */
  ocr: () => OcrRunner;
  signal?: AbortSignal | undefined;
}

export interface Identified {
  sha256: string;
  id: string;
  kind: SourceKind;
  mediaType: string;
}

/** A document through the stages, emitted or failed, with the time spent in each stage. */
export type Processed = Outcome<Emitted> & { timings: Timings };

/** The options that change what a document of this kind comes out as. */
function optionsAffecting(kind: SourceKind, options: ProcessOptions): Record<string, string> {
  return kind === 'pdf' || kind === 'image' ? { ocr: options.ocr, ocrLanguages: options.ocrLanguages } : {};
}

export function cacheKey(identified: Identified, fingerprint: string, options: ProcessOptions): string {
  const material = JSON.stringify([identified.sha256, fingerprint, optionsAffecting(identified.kind, options)]);
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}

export function identify(ref: InputRef, loaded: Loaded): Identified {
  const sha256 = sha256Hex(loaded.bytes);
  const detected = detectKind(loaded.bytes, { name: loaded.finalUrl ?? ref.uri, contentType: loaded.contentType ?? undefined });
  return { sha256, id: documentId(sha256), ...detected };
}

/** How long past its deadline a thread call may run before the pool ends the thread: the thread
 * stops its stages at the deadline itself (worker.ts); this catches a stage that does not. */
const THREAD_BACKSTOP_MS = 2_000;

/** Page images for OCR made in the pool's worker threads (see worker.ts pageImage); a page that
 * fails there fails here with its own code, as it would have in this thread. */
function workerPageOpener(pool: StagePool, key: string, signal: AbortSignal): PageOpener {
  return async (kind, bytes, dpi) => {
    const ask = async (page: number) => {
      const result = await pool.pageImage({ key, kind, bytes, dpi, page }, signal);
      if (!result.ok) throw new DocumentError(result.failure.code, result.failure.message, result.failure.page ? { page: result.failure.page } : undefined);
      return result;
    };
    const { pageCount } = await ask(0);
    return { pageCount, pageImage: async (page) => (await ask(page)).image, close: async () => undefined };
  };
}

/** One document through the stage table (stages.ts): the thread stages in the pool, a main-thread
 * stage here when one applies, then the pool again from the stage after it. */
export async function processDocument(
  ref: InputRef,
  loaded: Loaded,
  identified: Identified,
  options: ProcessOptions,
  context: ProcessContext,
): Promise<Processed> {
  const timings: Timings = {};
  const deadline = Date.now() + options.timeoutMs;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const backstop = AbortSignal.timeout(options.timeoutMs + THREAD_BACKSTOP_MS);
  const mainSignal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  const poolSignal = context.signal ? AbortSignal.any([context.signal, backstop]) : backstop;
  const stageOptions = { ocr: options.ocr, ocrLanguages: options.ocrLanguages };
  const failed = (error: unknown, stage: StageName): Processed => {
    const failure = timeout.aborted && !(context.signal?.aborted ?? false) ? timedOut(ref.uri, options.timeoutMs, stage) : toFailure(error, stage);
    return { ok: false, failure, timings };
  };
  const source = { uri: ref.uri, mediaType: identified.mediaType, sha256: identified.sha256, bytes: loaded.bytes.length };
  const job = {
    input: { source, kind: identified.kind, bytes: loaded.bytes, declaredCharset: loaded.charset, finalUrl: loaded.finalUrl, options: stageOptions },
    facts: { title: ref.title, collection: ref.collection },
  };
  let request: ThreadRequest = { start: { job }, uri: ref.uri, options: stageOptions, timeoutMs: options.timeoutMs, deadline };
  for (;;) {
    const firstStage = 'job' in request.start ? STAGES.extract.name : (STAGES.draft[request.start.next]?.name ?? STAGES.emit.name);
    let result: ThreadResult;
    try {
      result = await context.pool.runStages(request, poolSignal);
    } catch (error) {
      // The thread itself was ended (the backstop, the caller's signal) or died (out of memory).
      return failed(error, firstStage);
    }
    Object.assign(timings, result.timings);
    if (!result.ok) return { ok: false, failure: result.failure, timings };
    if ('emitted' in result) return { ok: true, ...result.emitted, timings };
    const step = STAGES.draft[result.next];
    if (step?.runs !== 'main') return failed(new Error(`a thread handed back stage ${result.next}, which is not a main-thread stage`), firstStage);
    const start = performance.now();
    let draft: Draft;
    try {
      const openPages = workerPageOpener(context.pool, identified.sha256, poolSignal);
      draft = await step.run(result.draft, { bytes: loaded.bytes, options: stageOptions, signal: mainSignal, ocr: context.ocr, openPages });
    } catch (error) {
      return failed(error, step.name);
    } finally {
      timings[step.name] = roundMs(performance.now() - start);
    }
    request = { ...request, start: { draft, next: result.next + 1 } };
  }
}

/** Where documents go through the stages: this machine's worker threads (the local engine, below),
 * or a BullMQ queue whose workers run the local engine on their own machines (queue/engine.ts).
 * Both run processDocument, which reads the stage table (stages.ts). */
export interface DocumentEngine {
  process(ref: InputRef, loaded: Loaded, identified: Identified, options: ProcessOptions, signal?: AbortSignal): Promise<Processed>;
  close(): Promise<void>;
}

/** The stage pool and the OCR engine start with the first document that needs them; a queue
 * worker may get jobs with other OCR languages, so there is one OCR engine per language set. */
export function createLocalEngine(threads: number, threadMemoryMb: number): DocumentEngine {
  let pool: StagePool | undefined;
  const ocrByLanguages = new Map<string, ReturnType<typeof lazyOcrRunner>>();
  const ocrFor = (options: ProcessOptions) => {
    let runner = ocrByLanguages.get(options.ocrLanguages);
    if (!runner) ocrByLanguages.set(options.ocrLanguages, (runner = lazyOcrRunner(options)));
    return runner;
  };
  return {
    process: (ref, loaded, identified, options, signal) =>
      processDocument(ref, loaded, identified, options, { pool: (pool ??= createStagePool(threads, threadMemoryMb)), ocr: ocrFor(options).get, signal }),
    close: async () => {
      await Promise.all([pool?.close(), ...[...ocrByLanguages.values()].map((runner) => runner.close())]);
    },
  };
}
