// The queue engine, a worker's side (`samut worker`): takes jobs from the queue and runs each
// through the local engine (process.ts: this machine's worker threads, and the stage table in
// stages.ts, the same the coordinator's own local builds read), and
// returns the document or its failure as data. A job that is not one samut made fails with
// `queue-job-invalid`; the worker goes on. close() finishes the jobs in hand, then stops.
import os from 'node:os';
import { MetricsTime, Worker } from 'bullmq';
import { z } from 'zod';
import { documentId, sha256Hex } from '../../emit/index.ts';
import { DocumentError, toFailure, type Failure } from '../../model/errors.ts';
import { pipelineFingerprint } from '../fingerprint.ts';
import { checkPoolOptions, DEFAULT_THREAD_MEMORY_MB, defaultThreads } from '../pool.ts';
import { createLocalEngine, type DocumentEngine, type Processed } from '../process.ts';
import { readInput, type Loaded } from '../read.ts';
import { DEFAULT_QUEUE_NAME, maskRedisUrl, redisConnection } from './connection.ts';
import { QueueJobSchema, type QueueJob } from './job.ts';

export interface QueueWorkerOptions {
  url: string;
  name?: string;
  /** Worker threads for the stages. @default the machine's cores */
  threads?: number;
  threadMemoryMb?: number;
  /** Jobs in hand at once. @default threads * 2 */
  concurrency?: number;
  /** How long a job's lock lasts without renewal, and how often stalled jobs are looked for, in
   * ms: a dead worker's job is taken up again after about this long. @default 30000 */
  stallMs?: number;
  /** How many times a job may lose its worker before it fails with `worker-lost`. @default 1 */
  maxStalls?: number;
  onEvent?: (event: { type: 'done'; uri: string; failure?: Failure } | { type: 'error'; message: string }) => void;
}

export interface QueueWorker {
  /** Finishes the jobs in hand, takes no more, and stops the threads. */
  close(): Promise<void>;
}

function refused(code: Failure['code'], message: string): Processed {
  return { ok: false, failure: { code, message, stage: 'read' }, timings: {} };
}

async function sourceBytes(job: QueueJob, signal: AbortSignal | undefined): Promise<Loaded> {
  const extra = { contentType: job.contentType, charset: job.charset, finalUrl: job.finalUrl };
  if (job.source.via === 'inline') return { bytes: new Uint8Array(Buffer.from(job.source.base64, 'base64')), ...extra };
  const ref = job.source.via === 'path' ? { uri: job.uri, path: job.source.path } : { uri: job.uri, url: job.source.url };
  const loaded = await readInput(ref, job.maxBytes, signal, job.options.timeoutMs);
  return { ...loaded, ...extra };
}

/** One job: checked, its source read and checked, then the stages. Never throws. */
async function runJob(data: unknown, engine: DocumentEngine, fingerprint: string, signal: AbortSignal | undefined): Promise<Processed> {
  const parsed = QueueJobSchema.safeParse(data);
  if (!parsed.success) return refused('queue-job-invalid', `the queued job is malformed: ${z.prettifyError(parsed.error).split('\n').slice(0, 4).join(' ')}`);
  const job = parsed.data;
  if (job.fingerprint !== fingerprint) {
    return refused('queue-version-mismatch', `${job.uri}: queued by pipeline ${job.fingerprint}, but this worker runs ${fingerprint}`);
  }
  let loaded: Loaded;
  try {
    loaded = await sourceBytes(job, signal);
  } catch (error) {
    return { ok: false, failure: toFailure(error, 'read'), timings: {} };
  }
  const sha256 = sha256Hex(loaded.bytes);
  if (sha256 !== job.sha256) {
    const failure = toFailure(new DocumentError('source-changed', `${job.uri}: read sha256 ${sha256}, but the job was queued for ${job.sha256}`), 'read');
    return { ok: false, failure, timings: {} };
  }
  const ref = { uri: job.uri, ...(job.title ? { title: job.title } : {}), ...(job.collection ? { collection: job.collection } : {}) };
  return engine.process(ref, loaded, { sha256, id: documentId(sha256), kind: job.kind, mediaType: job.mediaType }, job.options, signal);
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const connection = redisConnection(options.url);
  const threads = options.threads ?? defaultThreads();
  const threadMemoryMb = options.threadMemoryMb ?? DEFAULT_THREAD_MEMORY_MB;
  checkPoolOptions(threads, threadMemoryMb);
  for (const [option, value] of [['concurrency', options.concurrency], ['stallMs', options.stallMs], ['maxStalls', options.maxStalls]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new TypeError(`Expected \`${option}\` to be an integer >= 1, got \`${value}\` (${typeof value})`);
  }
  const fingerprint = await pipelineFingerprint();
  const engine = createLocalEngine(threads, threadMemoryMb);
  const stallMs = options.stallMs ?? 30_000;
  const worker = new Worker(
    options.name ?? DEFAULT_QUEUE_NAME,
    async (job, _token, signal) => {
      const result = await runJob(job.data, engine, fingerprint, signal);
      const uri = typeof (job.data as { uri?: unknown } | undefined)?.uri === 'string' ? (job.data as { uri: string }).uri : `job ${job.id}`;
      options.onEvent?.({ type: 'done', uri, ...(result.ok ? {} : { failure: result.failure }) });
      return result;
    },
    {
      connection,
      concurrency: options.concurrency ?? threads * 2,
      lockDuration: stallMs,
      stalledInterval: stallMs,
      maxStalledCount: options.maxStalls ?? 1,
      // Counts of finished jobs, for `samut status` (the coordinator removes each job it collects).
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      // Redis client names take no spaces: `samut status` lists this.
      name: `${os.hostname()}.pid${process.pid}`,
    },
  );
  const seen = new Set<string>();
  worker.on('error', (error) => {
    if (seen.has(error.message)) return;
    seen.add(error.message);
    options.onEvent?.({ type: 'error', message: `queue ${maskRedisUrl(options.url)}: ${error.message}` });
  });
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await engine.close();
    },
  };
}
