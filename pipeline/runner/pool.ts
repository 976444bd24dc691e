// The worker-thread pool for CPU-heavy stages (pdf.js, repair, tagging). p-queue in the
// runner bounds how many documents are in flight; this pool gives them real parallelism.
import os from 'node:os';
import v8 from 'node:v8';
import { Piscina } from 'piscina';
import type { PageJob, PageJobResult, ThreadRequest, ThreadResult } from './job.ts';

const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url).href;

export interface StagePool {
  /** The stage table's thread stages from where the request starts, in one thread call (worker.ts
   * runStages). The signal ends the thread itself: the backstop for a stage that does not stop at
   * the request's deadline. */
  runStages(request: ThreadRequest, signal?: AbortSignal): Promise<ThreadResult>;
  /** A page image for OCR (or the page count, for page 0), made in a worker thread. */
  pageImage(job: PageJob, signal?: AbortSignal): Promise<PageJobResult>;
  close(): Promise<void>;
  readonly threads: number;
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

/** Old-generation heap of one worker thread, in MB. */
export const DEFAULT_THREAD_MEMORY_MB = 512;
/** Below this a worker cannot even load pdf.js and the stages. */
export const MIN_THREAD_MEMORY_MB = 64;
/** What a worker thread takes beyond its capped old-generation heap, in MB: young generation,
 * code, and memory outside the V8 heap (pdf.js' inflated streams, capped at half the thread
 * memory, and decoded images, capped in pixels). Measured by `npm run bench -- hostile`. */
const THREAD_ALLOWANCE_MB = 256;
/** The main thread, tsx and the OCR engine when one is started (tesseract.js workers, each with
 * one page image capped in pixels), and the serialized documents in flight on their way to disk, in MB. `npm run bench --
 * hostile` measured 2,488 MB for every hostile input in one build at the defaults (2 threads):
 * this leaves a margin over that. */
const BASE_MEMORY_MB = 1536;

/** The most memory a build with these options takes, in MB (the README's bound). */
export function memoryBoundMb(threads: number, threadMemoryMb: number): number {
  return threads * (threadMemoryMb + THREAD_ALLOWANCE_MB) + BASE_MEMORY_MB;
}

/** Throws a TypeError naming the option when the pool cannot be made with these options, before
 * any work: threads and thread memory that the machine cannot hold, or a thread too small. */
export function checkPoolOptions(threads: number, threadMemoryMb: number): void {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new TypeError(`Expected \`threads\` to be an integer >= 1, got \`${threads}\` (${typeof threads})`);
  }
  if (!Number.isInteger(threadMemoryMb) || threadMemoryMb < MIN_THREAD_MEMORY_MB) {
    throw new TypeError(`Expected \`threadMemoryMb\` to be an integer >= ${MIN_THREAD_MEMORY_MB}, got \`${threadMemoryMb}\` (${typeof threadMemoryMb})`);
  }
  const machineMb = Math.floor(os.totalmem() / 2 ** 20);
  const bound = memoryBoundMb(threads, threadMemoryMb);
  if (bound > machineMb) {
    throw new TypeError(
      `Expected \`threads\` × (\`threadMemoryMb\` + ${THREAD_ALLOWANCE_MB}) + ${BASE_MEMORY_MB} MB to fit this machine's ${machineMb} MB, got ${threads} × (${threadMemoryMb} + ${THREAD_ALLOWANCE_MB}) + ${BASE_MEMORY_MB} = ${bound} MB`,
    );
  }
}

/** Bytecode a function runs between V8's looks at whether to optimize it: twice V8's default
 * (67,584). The stages meet documents of many shapes, and code optimized on too little feedback
 * is thrown away at the next shape and compiled again, on the stage's own thread (no concurrent
 * recompilation, below). Measured on pdf-dev (README): builds of 700 pages faster, and no slower
 * once warm (8 rounds of the 175 pages in one thread). Much larger budgets (0.4-1.6 M) made
 * short builds faster still but left code unoptimized for hundreds of documents. */
const INTERRUPT_BUDGET = 2 * 67_584;

export function createStagePool(threads = defaultThreads(), threadMemoryMb = DEFAULT_THREAD_MEMORY_MB): StagePool {
  checkPoolOptions(threads, threadMemoryMb);
  // V8 flags are per process: set before the workers' isolates exist, so that they apply to them.
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  if (threads >= os.availableParallelism()) {
    // With every core running a stage, V8's background recompilation thread has no core of its
    // own: it took a fifth of a core away from the stages and made two threads barely faster
    // than one (measured: 124 → 141 pages/s on 2 cores without it).
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
    runStages: (request, signal) => pool.run(request, { name: 'runStages', ...(signal ? { signal } : {}) }),
    pageImage: (job, signal) => pool.run(job, { name: 'pageImage', ...(signal ? { signal } : {}) }),
    close: () => pool.destroy(),
  };
}
