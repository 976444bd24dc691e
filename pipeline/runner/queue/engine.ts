// The queue engine, the coordinator's side: each document that must be built becomes a BullMQ job
// and its result (the emitted JSON, or a failure, as data) comes back here, where build() writes
// it as it writes a local result. The coordinator alone writes the output folder.
//
// A job's id is derived from the output folder, the source and its cache key, so a coordinator
// started again with the same command finds the jobs it queued before it died, and the results of
// those that finished meanwhile, instead of queueing them twice. A job is removed once its result
// is taken.
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { Failure } from '../../model/errors.ts';
import type { InputRef } from '../inputs.ts';
import type { DocumentEngine, Identified, Processed, ProcessOptions } from '../process.ts';
import type { Loaded } from '../read.ts';
import { checkQueueOptions, DEFAULT_QUEUE_NAME, maskRedisUrl, redisConnection, type QueueEngineOptions } from './connection.ts';
import { QueueResultSchema, type QueueJob } from './job.ts';

/** Sources up to this size travel through Redis by default (64 MiB); larger ones as a reference. */
const DEFAULT_INLINE_MAX_BYTES = 64 * 1024 * 1024;
/** Finished and failed jobs a dead coordinator left behind are kept this long for it to collect. */
const KEEP_FINISHED_S = 7 * 24 * 3600;

function jobId(outRoot: string, uri: string, key: string): string {
  return createHash('sha256').update(`${outRoot}\n${uri}\n${key}`).digest('hex').slice(0, 40);
}

function failed(code: Failure['code'], message: string): Processed {
  return { ok: false, failure: { code, message, stage: 'queue' }, timings: {} };
}

export function createQueueEngine(options: QueueEngineOptions & { fingerprint: string; outRoot: string; maxBytes: number }): DocumentEngine {
  checkQueueOptions(options);
  const connection = redisConnection(options.url, 'queue.url');
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const inlineMaxBytes = options.inlineMaxBytes ?? DEFAULT_INLINE_MAX_BYTES;
  // The events stream carries each result once; a bounded length keeps Redis' memory bounded.
  const queue = new Queue<QueueJob, Processed>(name, { connection, streams: { events: { maxLen: 2000 } } });
  const events = new QueueEvents(name, { connection });
  // ioredis reports a lost connection as an 'error' event; unheard, it would end the process.
  // Commands wait for Redis to come back (see redisConnection).
  const warned = new Set<string>();
  const onError = (error: Error) => {
    if (warned.has(error.message)) return;
    warned.add(error.message);
    process.stderr.write(`samut: queue ${maskRedisUrl(options.url)}: ${error.message} (waiting for Redis)\n`);
  };
  queue.on('error', onError);
  events.on('error', onError);
  // One listener per document in flight (BullMQ's waitUntilFinished, and ours on the signal).
  queue.setMaxListeners(0);
  events.setMaxListeners(0);

  const source = (ref: InputRef, loaded: Loaded): QueueJob['source'] => {
    if (loaded.bytes.length <= inlineMaxBytes) return { via: 'inline', base64: Buffer.from(loaded.bytes.buffer, loaded.bytes.byteOffset, loaded.bytes.length).toString('base64') };
    if (ref.url) return { via: 'url', url: ref.url };
    return { via: 'path', path: path.resolve(ref.path ?? ref.uri) };
  };

  return {
    async process(ref: InputRef, loaded: Loaded, identified: Identified, stageOptions: ProcessOptions, signal?: AbortSignal): Promise<Processed> {
      const key = createHash('sha256').update(JSON.stringify([options.fingerprint, stageOptions])).digest('hex');
      const id = jobId(options.outRoot, ref.uri, `${identified.sha256}:${key}`);
      const data: QueueJob = {
        fingerprint: options.fingerprint,
        uri: ref.uri,
        ...(ref.title ? { title: ref.title } : {}),
        ...(ref.collection ? { collection: ref.collection } : {}),
        sha256: identified.sha256,
        kind: identified.kind,
        mediaType: identified.mediaType,
        ...(loaded.contentType ? { contentType: loaded.contentType } : {}),
        ...(loaded.charset ? { charset: loaded.charset } : {}),
        ...(loaded.finalUrl ? { finalUrl: loaded.finalUrl } : {}),
        maxBytes: options.maxBytes,
        source: source(ref, loaded),
        options: { ocr: stageOptions.ocr, ocrLanguages: stageOptions.ocrLanguages, timeoutMs: stageOptions.timeoutMs },
      };
      // attempts 1: a document's own failure comes back as data and is final; a worker that dies
      // is BullMQ's stalled-job check, bounded by the workers' maxStalledCount.
      const job = await queue.add('document', data, { jobId: id, attempts: 1, removeOnComplete: { age: KEEP_FINISHED_S }, removeOnFail: { age: KEEP_FINISHED_S } });
      if (signal) setMaxListeners(0, signal);
      let stop: (() => void) | undefined;
      const aborted = new Promise<null>((resolve) => {
        if (signal?.aborted) resolve(null);
        stop = () => resolve(null);
        signal?.addEventListener('abort', stop, { once: true });
      });
      let outcome: unknown;
      try {
        outcome = await Promise.race([job.waitUntilFinished(events), aborted]);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await queue.remove(id).catch(() => undefined);
        if (/stalled/iu.test(reason)) return failed('worker-lost', `${ref.uri}: the worker running it died each time it was tried (${reason})`);
        return failed('internal', `${ref.uri}: the queue job failed: ${reason}`);
      } finally {
        if (stop) signal?.removeEventListener('abort', stop);
      }
      // Interrupted: the job stays queued; the same command started again collects it.
      if (outcome === null) return failed('internal', `${ref.uri}: interrupted`);
      const result = QueueResultSchema.safeParse(outcome);
      await queue.remove(id).catch(() => undefined);
      if (!result.success) return failed('internal', `${ref.uri}: a queue worker returned a malformed result`);
      return result.data as Processed;
    },
    async close() {
      await Promise.all([events.close(), queue.close()]);
    },
  };
}
