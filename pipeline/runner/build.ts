// build: a corpus of inputs → DIR/docs/<id>.json, DIR/corpus.jsonl, DIR/manifest.json, in three
// steps: plan (the inputs expanded and deduplicated, the previous build's journal, the review
// decisions, the pipeline's fingerprint), run (p-queue bounds the documents in flight, and so
// memory; each goes read → identify → skipped or duplicate, or through the engine → written and
// journalled) and record (record.ts: summary, missing sources, corpus.jsonl, manifest). The journal
// makes the build incremental and resumable.
import path from 'node:path';
import PQueue from 'p-queue';
import type { OcrMode, StageName } from '../model/stages.ts';
import { DocumentError, toFailure } from '../model/errors.ts';
import { reportMissedPdfJsPatches } from '../shared/pdfjs-patch-check.ts';
import { pipelineFingerprint, packageInfo } from './fingerprint.ts';
import { expandInputs, type InputProblem, type InputRef } from './inputs.ts';
import { roundMs, type Timings } from './job.ts';
import { checkPoolOptions, DEFAULT_THREAD_MEMORY_MB, defaultThreads } from './pool.ts';
import { cacheKey, createLocalEngine, identify, resolveProcessOptions, type DocumentEngine, type Identified, type ProcessOptions } from './process.ts';
import { checkQueueOptions, maskRedisUrl, type QueueEngineOptions } from './queue/connection.ts';
import { readInput, type Loaded } from './read.ts';
import { record, type Manifest } from './record.ts';
import { ReviewBook } from '../review/index.ts';
import { Store, writeAtomic, type Entry } from './store.ts';

export { DEFAULT_TIMEOUT_MS } from './process.ts';
export type { Manifest, Summary } from './record.ts';

export interface BuildOptions {
  /** Files, folders and URLs. */
  inputs: readonly string[];
  /** Sources lists (JSON, JSON Lines or plain lines). */
  lists?: readonly string[];
  out: string;
  /** Documents in flight at once. @default threads * 2 */
  concurrency?: number;
  /** Worker threads for the CPU-heavy stages. @default the machine's cores */
  threads?: number;
  /** Old-generation heap of each worker thread, in MB: bounds the build's memory. @default 512 */
  threadMemoryMb?: number;
  /** Per-document time limit. @default 120000 */
  timeoutMs?: number;
  /** Largest input read, in bytes. @default 512 MiB */
  maxBytes?: number;
  ocr?: OcrMode;
  ocrLanguages?: string;
  /** Rebuild every document even when unchanged. */
  force?: boolean;
  /** Remove the output of sources that disappeared. */
  prune?: boolean;
  /** Read what symbolic links in a folder and sources-list entries point to outside their folder. */
  allowOutside?: boolean;
  /** Run the documents on a BullMQ queue's workers (`samut worker`) instead of this machine's
   * threads; this process stays the only writer of the output folder. */
  queue?: QueueEngineOptions;
  signal?: AbortSignal;
  onEvent?: (event: BuildEvent) => void;
  cwd?: string;
}

/** Progress of a build, in order: one `start`, a `document` for each input as it is done, one `end`. */
export type BuildEvent =
  | { type: 'start'; total: number; fingerprint: string }
  | { type: 'document'; entry: Entry; done: number; total: number; pages: number }
  | { type: 'end'; manifest: Manifest };

/** What a build resolves to: its manifest, and 0 when every document is done or 1 when some failed. */
export interface BuildResult {
  manifest: Manifest;
  exitCode: 0 | 1;
}

/** Largest input read by default, in bytes (512 MiB). */
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

function assertPositiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new TypeError(`Expected \`${name}\` to be an integer >= 1, got \`${value}\` (${typeof value})`);
  }
}

function baseEntry(ref: InputRef): Entry {
  return {
    uri: ref.uri,
    status: 'failed',
    id: null,
    key: null,
    kind: null,
    mediaType: null,
    sha256: null,
    bytes: null,
    title: null,
    languages: [],
    pages: 0,
    blocks: 0,
    entities: 0,
    repairs: 0,
    warnings: 0,
    ...(ref.collection ? { collection: ref.collection } : {}),
    timings: {},
  };
}

/** Documents in flight by default through a queue. */
const QUEUE_CONCURRENCY = 64;

/** A build takes this lock on its output folder: one build per folder at a time. */
const BUILD_LOCK_PURPOSE = 'samut build';

export async function build(options: BuildOptions): Promise<BuildResult> {
  assertPositiveInteger('concurrency', options.concurrency);
  assertPositiveInteger('threads', options.threads);
  assertPositiveInteger('timeoutMs', options.timeoutMs);
  assertPositiveInteger('maxBytes', options.maxBytes);
  assertPositiveInteger('threadMemoryMb', options.threadMemoryMb);
  if (options.ocr !== undefined && !['auto', 'always', 'never'].includes(options.ocr)) {
    throw new TypeError(`Expected \`ocr\` to be "auto", "always" or "never", got \`${String(options.ocr)}\``);
  }
  if (options.queue) checkQueueOptions(options.queue);
  const threads = options.threads ?? defaultThreads();
  const threadMemoryMb = options.threadMemoryMb ?? DEFAULT_THREAD_MEMORY_MB;
  checkPoolOptions(threads, threadMemoryMb);
  const store = new Store(path.resolve(options.cwd ?? process.cwd(), options.out));
  // Before anything else is read or written: a second build into the same folder stops here.
  const lock = await store.lock(BUILD_LOCK_PURPOSE);
  try {
    const planned = await plan(options, store, threads);
    options.onEvent?.({ type: 'start', total: planned.refs.length, fingerprint: planned.pipeline.fingerprint });
    // BullMQ is loaded only by a queue build.
    const engine: DocumentEngine = options.queue
      ? (await import('./queue/engine.ts')).createQueueEngine({ ...options.queue, fingerprint: planned.pipeline.fingerprint, outRoot: store.root, maxBytes: planned.maxBytes })
      : createLocalEngine(threads, threadMemoryMb);
    let ran: Ran;
    try {
      ran = await run(planned, engine, store, options);
    } finally {
      await engine.close();
    }
    const manifest = await record({ ...planned, ...ran, store, interrupted: options.signal?.aborted ?? false });
    options.onEvent?.({ type: 'end', manifest });
    return { manifest, exitCode: manifest.summary.failed > 0 || manifest.inputProblems.length > 0 ? 1 : 0 };
  } finally {
    await lock.release();
  }
}

/** What a build knows before it processes any document. */
interface Plan {
  started: Date;
  startedMs: number;
  /** The inputs expanded, each source once, in input order. */
  refs: InputRef[];
  problems: InputProblem[];
  previous: Map<string, Entry>;
  review: ReviewBook;
  pipeline: Manifest['pipeline'];
  options: Manifest['options'];
  processOptions: ProcessOptions;
  maxBytes: number;
}

async function plan(options: BuildOptions, store: Store, threads: number): Promise<Plan> {
  const started = new Date();
  const startedMs = performance.now();
  // Through a queue the workers' machines set the pace: enough documents in flight to keep a fleet busy.
  const concurrency = options.concurrency ?? (options.queue ? QUEUE_CONCURRENCY : threads * 2);
  const processOptions = resolveProcessOptions(options);
  await store.prepare();
  const previous = await store.readJournal();
  const review = await ReviewBook.load(store.root);
  const [fingerprint, info] = await Promise.all([pipelineFingerprint(), packageInfo()]);
  const pdfjsPatchesMissed = reportMissedPdfJsPatches();

  const problems: InputProblem[] = [];
  const refs: InputRef[] = [];
  const byUri = new Map<string, InputRef>();
  for await (const ref of expandInputs(options.inputs, { cwd: options.cwd ?? process.cwd(), lists: options.lists ?? [], problems, allowOutside: options.allowOutside ?? false })) {
    // One source named twice (a folder and a sources list) is one document; the list's metadata wins.
    const known = byUri.get(ref.uri);
    if (known) {
      if (ref.collection) known.collection = ref.collection;
      if (ref.title) known.title = ref.title;
      continue;
    }
    byUri.set(ref.uri, ref);
    refs.push(ref);
  }
  return {
    started,
    startedMs,
    refs,
    problems,
    previous,
    review,
    pipeline: { name: info.name, version: info.version, fingerprint, dependencies: info.dependencies, pdfjsPatchesMissed },
    options: {
      ocr: processOptions.ocr,
      ocrLanguages: processOptions.ocrLanguages,
      timeoutMs: processOptions.timeoutMs,
      threads,
      concurrency,
      force: options.force ?? false,
      prune: options.prune ?? false,
      ...(options.queue ? { queue: maskRedisUrl(options.queue.url) } : {}),
    },
    processOptions,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
  };
}

/** The order documents are started in: local files largest first, then URLs (size unknown) in
 * input order. A big document started last keeps one thread busy while the others idle (on the 25
 * pdf-dev PDFs the 117-page one came near the end and a thread waited ~0.8 s). Identical files
 * are the same size, so the stable sort still makes the first in input order "the" document and
 * the others its duplicates. Entries, the journal's and the manifest's order stay input order. */
function largestFirst(refs: readonly InputRef[]): number[] {
  return refs.map((_, index) => index).sort((a, b) => (refs[b]!.bytes ?? -1) - (refs[a]!.bytes ?? -1));
}

/** What the run gives record(): the documents done, in input order, and the time in each stage. */
interface Ran {
  documents: Entry[];
  stageTimings: Partial<Record<StageName, number>>;
}

/** Every document through the engine, `concurrency` at a time, each journalled as it is done. An
 * interrupted run stops taking documents; those in flight are neither done nor failed. */
async function run(planned: Plan, engine: DocumentEngine, store: Store, options: BuildOptions): Promise<Ran> {
  const { refs, previous, review, processOptions, maxBytes } = planned;
  const { fingerprint } = planned.pipeline;
  const { concurrency } = planned.options;
  const entries: (Entry | undefined)[] = new Array(refs.length);
  const firstBySha = new Map<string, string>();
  const stageTimings: Partial<Record<StageName, number>> = {};
  let done = 0;

  const finished = async (index: number, recorded: Entry, pages: number) => {
    let entry = recorded;
    entries[index] = entry;
    const position = ++done;
    for (const [stage, ms] of Object.entries(entry.timings) as [StageName, number][]) {
      stageTimings[stage] = roundMs((stageTimings[stage] ?? 0) + ms);
    }
    if (entry.status !== 'duplicate') {
      try {
        await store.journal(entry);
      } catch (error) {
        // Not journalled, the document would be forgotten by the next build: say so now.
        const failure = toFailure(new DocumentError('output-write', `the build journal could not be written: ${(error as Error).message}`), 'write');
        entry = { ...entry, status: 'failed', error: failure };
        entries[index] = entry;
      }
    }
    options.onEvent?.({ type: 'document', entry, done: position, total: refs.length, pages });
  };

  const handle = async (index: number, ref: InputRef, loaded: Loaded | Error, readMs: number) => {
    const entry = baseEntry(ref);
    const timings: Timings = { read: roundMs(readMs) };
    if (loaded instanceof Error) {
      await finished(index, { ...entry, error: toFailure(loaded, 'read'), timings }, 0);
      return;
    }
    let identified: Identified;
    const detectStart = performance.now();
    try {
      identified = identify(ref, loaded);
    } catch (error) {
      await finished(index, { ...entry, error: toFailure(error, 'detect'), timings }, 0);
      return;
    }
    timings.detect = roundMs(performance.now() - detectStart);
    const key = review.key(identified.id, cacheKey(identified, fingerprint, processOptions));
    Object.assign(entry, { id: identified.id, key, kind: identified.kind, mediaType: identified.mediaType, sha256: identified.sha256, bytes: loaded.bytes.length });
    const first = firstBySha.get(identified.sha256);
    if (first !== undefined && first !== ref.uri) {
      await finished(index, { ...entry, status: 'duplicate', duplicateOf: first, timings }, 0);
      return;
    }
    firstBySha.set(identified.sha256, ref.uri);
    const before = previous.get(ref.uri);
    if (!options.force && before && before.key === key && (before.status === 'ok' || before.status === 'partial' || before.status === 'skipped-unchanged') && (await store.exists(identified.id))) {
      await finished(index, { ...before, status: 'skipped-unchanged', timings }, 0);
      return;
    }
    const result = await engine.process(ref, loaded, identified, processOptions, options.signal);
    Object.assign(timings, result.timings);
    if (options.signal?.aborted) return; // interrupted: neither done nor failed
    if (!result.ok) {
      await finished(index, { ...entry, error: result.failure, timings }, 0);
      return;
    }
    const reviewed = review.apply(result.summary.id, result.json, result.summary);
    const writeStart = performance.now();
    try {
      await writeAtomic(store.docPath(result.summary.id), reviewed?.json ?? result.json, loaded.mode);
    } catch (error) {
      const failure = toFailure(new DocumentError('output-write', `${ref.uri}: ${store.docPath(result.summary.id)} could not be written: ${(error as Error).message}`), 'write');
      await finished(index, { ...entry, error: failure, timings }, 0);
      return;
    }
    timings.write = roundMs(performance.now() - writeStart);
    const { id: _id, partial, ...stats } = reviewed?.summary ?? result.summary;
    await finished(index, { ...entry, status: partial ? 'partial' : 'ok', ...stats, ...(reviewed ? { review: reviewed.review } : {}), timings }, result.summary.pages);
  };

  /** Whatever escapes handle() (a bug, a library that throws where it should not) is still this
   * document's failure: a document that entered the build is in the manifest, always. */
  const handleSafely = async (index: number, ref: InputRef, loaded: Loaded | Error, readMs: number) => {
    try {
      await handle(index, ref, loaded, readMs);
    } catch (error) {
      if (entries[index] === undefined && !options.signal?.aborted) await finished(index, { ...baseEntry(ref), error: toFailure(error, 'internal'), timings: {} }, 0);
    }
  };
  const read = (ref: InputRef) =>
    readInput(ref, maxBytes, options.signal, processOptions.timeoutMs).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

  // Only a throw from the caller's own onEvent gets past handleSafely: it is rethrown, not lost.
  const escaped: unknown[] = [];
  const escape = (error: unknown) => void escaped.push(error);
  const queue = new PQueue({ concurrency });
  for (const index of largestFirst(refs)) {
    const ref = refs[index]!;
    if (options.signal?.aborted) break;
    // Backpressure: never more than `concurrency` documents read and waiting.
    await queue.onSizeLessThan(concurrency);
    if (options.signal?.aborted) break;
    // Local files are read here, one after another in that order, so that which of two identical
    // files is "the" document (and which the duplicate) does not depend on timing.
    const readStart = performance.now();
    if (ref.url) {
      queue.add(async () => handleSafely(index, ref, await read(ref), performance.now() - readStart)).catch(escape);
      continue;
    }
    const loaded = await read(ref);
    const readMs = performance.now() - readStart;
    queue.add(() => handleSafely(index, ref, loaded, readMs)).catch(escape);
  }
  await queue.onIdle();
  if (escaped.length > 0) throw escaped[0];
  return { documents: entries.filter((entry): entry is Entry => entry !== undefined), stageTimings };
}
