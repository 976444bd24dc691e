// The queue engine against the local engine, on the maintainers' 1,000-document generated corpus
// (scripts/bench/corpus.ts: copies of few distinct files, see its figures), in one run: the local
// engine with 1 and with 2 worker threads, and the queue with 1 and with 2 `samut worker`
// processes of 1 thread each, on a real redis-server on this machine. Each build is cold (empty
// output folder); the workers are started and connected before the clock starts. Figures:
// documents/s, pages/s, the queue's overhead per document against the local engine at equal
// threads, and Redis' peak memory. BENCH_QUEUE_DOCUMENTS=N takes the first N documents only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { build, type Manifest } from '../../pipeline/index.ts';
import { redisConnection } from '../../pipeline/runner/queue/connection.ts';
import { makeCorpus } from './corpus.ts';
import { freePort, spawnRedis } from '../lib/redis-server.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const CACHE = path.join(ROOT, '.cache', 'bench-queue');

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = await spawnRedis(['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], 'inherit');
  return { url: `redis://127.0.0.1:${port}/0`, child };
}

function perSecond(count: number, ms: number): number {
  return Math.round((count / (ms / 1000)) * 10) / 10;
}

function inputsOf(dir: string): string[] {
  const all = ['pdf', 'html', 'text'].flatMap((sub) => readdirSync(path.join(dir, sub)).sort().map((name) => path.join(dir, sub, name)));
  const limit = Number(process.env.BENCH_QUEUE_DOCUMENTS ?? all.length);
  // Interleaved, so a partial corpus keeps the mix of kinds.
  return all.sort((a, b) => path.basename(a).localeCompare(path.basename(b))).slice(0, limit);
}

async function queueBuild(inputs: string[], out: string, workers: number): Promise<{ manifest: Manifest; redisPeakMiB: number }> {
  const redis = await startRedis();
  const children: ChildProcess[] = [];
  const queue = new Queue('samut', { connection: redisConnection(redis.url) });
  try {
    for (let i = 0; i < workers; i++) {
      children.push(spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'samut.ts'), 'worker', '--queue', redis.url, '--threads', '1', '-q'], { stdio: 'inherit' }));
    }
    while ((await queue.getWorkersCount()) < workers) await sleep(100);
    const { manifest } = await build({ inputs, out, ocr: 'never', concurrency: 64, queue: { url: redis.url } }).result;
    const info = await (await queue.client).info();
    const peak = Number(/used_memory_peak:(\d+)/u.exec(info)?.[1] ?? 0);
    return { manifest, redisPeakMiB: Math.round(peak / 2 ** 20) };
  } finally {
    await queue.close();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(stopped));
    redis.child.kill('SIGTERM');
    await stopped(redis.child);
  }
}

export async function bench(): Promise<Record<string, number | string>> {
  const corpus = makeCorpus();
  const inputs = inputsOf(corpus.dir);
  const figures: Record<string, number | string> = { queue_corpus_documents: inputs.length, queue_corpus_note: 'generated (scripts/bench/corpus.ts), copies of few distinct files; not tuned on' };
  for (const threads of [1, 2]) {
    const localOut = path.join(CACHE, `local-${threads}`);
    rmSync(localOut, { recursive: true, force: true });
    const local = (await build({ inputs, out: localOut, threads, concurrency: threads * 2, ocr: 'never' }).result).manifest;
    const queuedOut = path.join(CACHE, `queue-${threads}`);
    rmSync(queuedOut, { recursive: true, force: true });
    const queued = await queueBuild(inputs, queuedOut, threads);
    const label = threads === 1 ? '1' : '2';
    figures[`local_${label}_thread_documents_per_s`] = perSecond(local.summary.total, local.durationMs);
    figures[`local_${label}_thread_pages_per_s`] = perSecond(local.summary.pages, local.durationMs);
    figures[`queue_${label}_worker_documents_per_s`] = perSecond(queued.manifest.summary.total, queued.manifest.durationMs);
    figures[`queue_${label}_worker_pages_per_s`] = perSecond(queued.manifest.summary.pages, queued.manifest.durationMs);
    figures[`queue_${label}_worker_overhead_ms_per_document`] = Math.round(((queued.manifest.durationMs - local.durationMs) / local.summary.total) * 100) / 100;
    figures[`queue_${label}_worker_vs_local`] = Math.round((local.durationMs / queued.manifest.durationMs) * 100) / 100;
    figures[`queue_${label}_worker_redis_peak_mib`] = queued.redisPeakMiB;
    figures[`queue_${label}_worker_ok_failed`] = `${queued.manifest.summary.ok + queued.manifest.summary.partial}/${queued.manifest.summary.failed} (local ${local.summary.ok + local.summary.partial}/${local.summary.failed})`;
  }
  return figures;
}
