// One document through the stages: detect → extract → (ocr) → repair + tag → emit.
// Problems become a Failure for this document only; nothing here writes files.
import { createHash } from 'node:crypto';
import { detectKind } from '../detect/index.ts';
import { documentId, sha256Hex } from '../emit/index.ts';
import type { SourceKind } from '../model/draft.ts';
import { DocumentError, toFailure, type Failure } from '../model/errors.ts';
import { DEFAULT_EXTRACT_OPTIONS, type OcrMode, type StageName } from '../model/stages.ts';
import type { InputRef } from './inputs.ts';
import type { PageOpener } from '../ocr/index.ts';
import { createOcrRunner, type OcrRunner } from './main-thread-stages.ts';
import { createStagePool, defaultThreads, type StagePool } from './pool.ts';
import type { Loaded } from './read.ts';
import { withSourceFacts } from './job.ts';
import type { EmittedSummary, Finished } from './job.ts';

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

export type Timings = Partial<Record<StageName, number>>;

export type Processed =
  | { ok: true; json: string; summary: EmittedSummary; timings: Timings }
  | { ok: false; failure: Failure; timings: Timings };

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

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

async function timed<T>(timings: Timings, stage: StageName, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = round(performance.now() - start);
  }
}

/** Page images for OCR made in the pool's worker threads (see worker.ts pageImage); a page that
 * fails there fails here with its own code, as it would have in this thread. */
function workerPageOpener(pool: StagePool, key: string, signal: AbortSignal): PageOpener {
  return async (kind, bytes, dpi) => {
    const ask = async (page: number) => {
      const result = await pool.pageImage({ key, kind, bytes, dpi, page }, signal);
      if ('failure' in result) throw new DocumentError(result.failure.code, result.failure.message, result.page ? { page: result.page } : undefined);
      return result;
    };
    const { pageCount } = await ask(0);
    return { pageCount, pageImage: async (page) => (await ask(page)).image, close: async () => undefined };
  };
}

export async function processDocument(
  ref: InputRef,
  loaded: Loaded,
  identified: Identified,
  options: ProcessOptions,
  context: ProcessContext,
): Promise<Processed> {
  const timings: Timings = {};
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  let stage: StageName = 'extract';
  try {
    const source = { uri: ref.uri, mediaType: identified.mediaType, sha256: identified.sha256, bytes: loaded.bytes.length };
    const job = await context.pool.extractAndFinish(
      {
        input: {
          source,
          kind: identified.kind,
          bytes: loaded.bytes,
          declaredCharset: loaded.charset,
          finalUrl: loaded.finalUrl,
          options: { ocr: options.ocr, ocrLanguages: options.ocrLanguages },
        },
        facts: { title: ref.title, collection: ref.collection },
      },
      signal,
    );
    if (job.extractMs !== undefined) timings.extract = round(job.extractMs);
    if ('failure' in job) return { ok: false, failure: job.failure, timings };
    let finished: Finished;
    if ('finished' in job) finished = job.finished;
    else {
      stage = 'ocr';
      const openPages = workerPageOpener(context.pool, identified.sha256, signal);
      const draft = await timed(timings, 'ocr', () => context.ocr().run(job.needsOcr, loaded.bytes, options, signal, openPages));
      stage = 'repair';
      const result = await context.pool.finish(withSourceFacts(draft, ref), signal);
      if ('failure' in result) return { ok: false, failure: result.failure, timings };
      finished = result;
    }
    timings.repair = round(finished.timings.repair);
    timings.tag = round(finished.timings.tag);
    timings.emit = round(finished.timings.emit);
    return { ok: true, json: finished.json, summary: finished.summary, timings };
  } catch (error) {
    if (timeout.aborted && !(context.signal?.aborted ?? false)) {
      const failure = toFailure(new DocumentError('timeout', `${ref.uri} took longer than ${options.timeoutMs} ms (stage ${stage})`), stage);
      return { ok: false, failure, timings };
    }
    return { ok: false, failure: toFailure(error, stage), timings };
  }
}

/** Where documents go through the stages: this machine's worker threads (the local engine, below),
 * or a BullMQ queue whose workers run the local engine on their own machines (queue/engine.ts).
 * Both run processDocument: the stage order is written once, there. */
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
