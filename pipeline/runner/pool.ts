// The worker-thread pool for CPU-heavy stages (pdf.js, repair, tagging). p-queue in the
// runner bounds how many documents are in flight; this pool gives them real parallelism.
import os from 'node:os';
import v8 from 'node:v8';
import { Piscina } from 'piscina';
import type { Draft } from '../model/draft.ts';
import type { DocumentJob, Failed, JobResult } from './job.ts';
import type { PdfPageReply, PdfPageRequest } from './pdf-pages.ts';
import type { Finished } from './worker.ts';

const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url).href;

export interface StagePool {
  /** repair, tag and emit a draft (one that went through OCR on the main thread). */
  finish(draft: Draft, signal?: AbortSignal): Promise<Finished | Failed>;
  /** extract, then finish in the same thread unless the draft needs OCR. */
  extractAndFinish(job: DocumentJob, signal?: AbortSignal): Promise<JobResult>;
  /** a PDF page rendered for OCR, in a worker thread: pdf.js never loads in the caller's thread. */
  renderPdfPage(request: PdfPageRequest): Promise<PdfPageReply>;
  close(): Promise<void>;
  readonly threads: number;
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

/** Old-generation heap of one worker thread, in MB. */
export const DEFAULT_THREAD_MEMORY_MB = 512;

export function createStagePool(threads = defaultThreads(), threadMemoryMb = DEFAULT_THREAD_MEMORY_MB): StagePool {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new TypeError(`Expected \`threads\` to be an integer >= 1, got \`${threads}\` (${typeof threads})`);
  }
  if (!Number.isInteger(threadMemoryMb) || threadMemoryMb < 64) {
    throw new TypeError(`Expected \`threadMemoryMb\` to be an integer >= 64, got \`${threadMemoryMb}\` (${typeof threadMemoryMb})`);
  }
  if (threads >= os.availableParallelism()) {
    // With every core running a stage, V8's background recompilation thread has no core of its
    // own: it took a fifth of a core away from the stages and made two threads barely faster
    // than one (measured: 124 → 141 pages/s on 2 cores without it). Set before the workers'
    // isolates exist, so it applies to them.
    v8.setFlagsFromString('--no-concurrent-recompilation');
  }
  const pool = new Piscina({
    filename: WORKER_ENTRY,
    minThreads: threads,
    maxThreads: threads,
    // Idle workers stay: a build feeds them continuously and start-up (tsx, pdf.js) is not free.
    idleTimeout: 60_000,
    // V8 grows a heap while it has room: without a cap two pdf.js threads reach ~950 MB on a
    // 10,000-page build; at 512 MB each the whole build stays under 600 MB, ~7 % slower.
    resourceLimits: { maxOldGenerationSizeMb: threadMemoryMb },
  });
  return {
    threads,
    finish: (draft, signal) => pool.run(draft, { name: 'finish', ...(signal ? { signal } : {}) }),
    extractAndFinish: (job, signal) => pool.run(job, { name: 'extractAndFinish', ...(signal ? { signal } : {}) }),
    renderPdfPage: (request) => pool.run(request, { name: 'renderPdfPage' }),
    close: () => pool.destroy(),
  };
}

/** The same stages in this thread: for one-off extraction, where starting threads costs more
 * than it saves. A hung stage cannot be killed here, only abandoned at its timeout. */
export async function createInlinePool(): Promise<StagePool> {
  const stages = await import('./worker.ts');
  const abortable = <T>(work: () => Promise<T> | T, signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve().then(work).then(resolve, reject);
    });
  return {
    threads: 1,
    finish: (draft, signal) => abortable(() => stages.finish(draft), signal),
    extractAndFinish: (job, signal) => abortable(() => stages.extractAndFinish(job), signal),
    renderPdfPage: (request) => stages.renderPdfPage(request),
    close: async () => {},
  };
}
