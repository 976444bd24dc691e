// The queue engine end to end, with real parts only: a real redis-server on a free 127.0.0.1
// port, a coordinator (`samut build --queue`) and workers (`samut worker`) as child processes of
// the CLI. Faults are real too: a worker process SIGKILLs itself on a chosen document
// (tests/fixtures/queue/die-on.mjs), and the coordinator is SIGKILLed by the test.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, QueueEvents } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { build as runnerBuild, type Manifest } from '../../pipeline/runner/build.ts';
import { pipelineFingerprint } from '../../pipeline/runner/fingerprint.ts';
import { maskRedisUrl, redisConnection } from '../../pipeline/runner/queue/connection.ts';
import { makeManyDocuments, readJson, tempDir } from '../helpers/corpus.ts';
import { freePort, spawnRedis } from '../../scripts/lib/redis-server.ts';

const CLI = ['--import', 'tsx', 'scripts/samut.ts'];
const DIE_ON = ['--import', './tests/fixtures/queue/die-on.mjs'];
const PASSWORD = 'q7-s3cret-pw';

const started: ChildProcess[] = [];

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

interface Redis {
  url: string;
  child: ChildProcess;
  port: number;
  dir: string;
}

/** A real redis-server with a password, on a free port (or `again`'s port and folder, to restart
 * it); persisted to an append-only file, as a production Redis for a queue should be. */
async function startRedis(again?: Redis): Promise<Redis> {
  const port = again?.port ?? (await freePort());
  const dir = again?.dir ?? tempDir('samut-redis-');
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir, '--requirepass', PASSWORD];
  const child = await spawnRedis(args);
  started.push(child);
  return { url: `redis://:${PASSWORD}@127.0.0.1:${port}/0`, child, port, dir };
}

interface Run {
  child: ChildProcess;
  output: () => string;
}

/** A real redis-server speaking only TLS (rediss://), with a certificate made for the test by
 * openssl and trusted by the child processes through NODE_EXTRA_CA_CERTS. */
async function startTlsRedis(): Promise<{ url: string; env: Record<string, string> }> {
  const port = await freePort();
  const dir = tempDir('samut-redis-tls-');
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=samut-test', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert, '-days', '1'], { stdio: 'ignore' });
  const args = ['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--tls-cert-file', cert, '--tls-key-file', key, '--tls-ca-cert-file', cert, '--tls-auth-clients', 'no', '--save', '', '--dir', dir, '--requirepass', PASSWORD];
  const child = await spawnRedis(args);
  started.push(child);
  return { url: `rediss://:${PASSWORD}@127.0.0.1:${port}/0`, env: { NODE_EXTRA_CA_CERTS: cert } };
}

function run(args: string[], preload: string[] = [], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [...CLI.slice(0, 2), ...preload, CLI[2]!, ...args], { env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** A worker with short stall times, so a dead worker's job is retaken in about a second. */
function worker(url: string, env: Record<string, string> = {}, extra: string[] = []): Run {
  return run(['worker', '--queue', url, '--threads', '1', '--stall-ms', '1000', '--max-stalls', '1', ...extra], env.SAMUT_TEST_DIE_ON ? DIE_ON : [], env);
}

async function build(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const coordinator = run(['build', ...args], [], env);
  const { code } = await exited(coordinator.child);
  return { code, output: coordinator.output() };
}

function docs(out: string): Map<string, string> {
  const dir = path.join(out, 'docs');
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

function journalUris(out: string): string[] {
  return readFileSync(path.join(out, '.samut', 'journal.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { uri: string }).uri);
}

/** Waits until the build has journalled `count` documents (and is still running). */
async function untilJournalHas(out: string, count: number, coordinator: Run): Promise<void> {
  const journal = path.join(out, '.samut', 'journal.jsonl');
  while (!existsSync(journal) || journalUris(out).length < count) {
    expect(coordinator.child.exitCode, coordinator.output()).toBeNull();
    await sleep(20);
  }
}

/** The reference: the same inputs through the local engine. */
async function localBuild(inputs: string, out: string): Promise<void> {
  const result = await build([inputs, '--out', out, '--threads', '1', '-q']);
  expect(result.code, result.output).toBe(0);
}

/** resumed: a build run twice lists what the first run finished as skipped-unchanged in
 * corpus.jsonl (as a resumed local build does); otherwise the lines are the same bytes. */
function expectSameOutput(out: string, reference: string, resumed = false): void {
  const made = docs(out);
  const expected = docs(reference);
  expect([...made.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, text] of expected) expect(made.get(name), name).toBe(text);
  const corpus = readFileSync(path.join(out, 'corpus.jsonl'), 'utf8');
  const asFirstRun = resumed ? corpus.replaceAll('"status":"skipped-unchanged"', '"status":"ok"') : corpus;
  expect(asFirstRun).toBe(readFileSync(path.join(reference, 'corpus.jsonl'), 'utf8'));
}

function expectEachOnce(manifest: Manifest, count: number): void {
  const uris = manifest.documents.map((entry) => entry.uri);
  expect(uris).toHaveLength(count);
  expect(new Set(uris).size).toBe(count);
}

afterEach(async () => {
  for (const child of started.splice(0).reverse()) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  }
});

describe('queue options', () => {
  it('a bad queue URL is a TypeError naming the option, before anything is read or written, and without its password', async () => {
    const out = path.join(tempDir(), 'out');
    for (const url of ['http://user:hunter2@host/0', 'redis://:hunter2@host:6379/x', 'not a url hunter2']) {
      const error = await runnerBuild({ inputs: ['sources'], out, queue: { url } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/`queue\.url`/u);
      expect((error as Error).message).not.toContain('hunter2');
    }
    expect(existsSync(out)).toBe(false);
    expect(maskRedisUrl('rediss://admin:pw@redis.example:6380/2')).toBe('rediss://***:***@redis.example:6380/2');
    expect(redisConnection('rediss://admin:p%40ss@redis.example:6380/2')).toMatchObject({ host: 'redis.example', port: 6380, db: 2, username: 'admin', password: 'p@ss', tls: { servername: 'redis.example' } });
  });
});

describe('queue engine (BullMQ on a real redis-server)', () => {
  it('gives the same docs/*.json and corpus.jsonl as a local build, refuses a malformed job (queue-job-invalid) and a source read by path that is not the queued bytes (source-changed), and never shows the password', async () => {
    const redis = await startRedis();
    const { dir, inputs } = makeManyDocuments(12);
    const seed = readFileSync('sources/text-th-asean-smart-cities-damaged.txt', 'utf8');
    writeFileSync(path.join(inputs, 'big.txt'), `big\n\n${seed}\n\n${seed}`);
    await localBuild(inputs, path.join(dir, 'local'));
    const workers = [worker(redis.url), worker(redis.url)];

    // A job no coordinator made: the worker answers it with a failure code and goes on.
    const connection = redisConnection(redis.url);
    const queue = new Queue('samut', { connection });
    const events = new QueueEvents('samut', { connection });
    try {
      const malformed = await queue.add('document', { uri: 'x', sha256: 'not a hash' });
      const answer = (await malformed.waitUntilFinished(events)) as { ok: boolean; failure: { code: string } };
      expect(answer).toMatchObject({ ok: false, failure: { code: 'queue-job-invalid' } });
      // A well-formed job whose source, read by path, is not the bytes it was queued for.
      const changed = await queue.add('document', {
        fingerprint: await pipelineFingerprint(),
        uri: 'changed.txt',
        sha256: '0'.repeat(64),
        kind: 'text',
        mediaType: 'text/plain',
        maxBytes: 1_000_000,
        source: { via: 'path', path: path.resolve(inputs, 'doc-000.txt') },
        options: { ocr: 'auto', ocrLanguages: 'tha+eng', timeoutMs: 60_000 },
      });
      expect(await changed.waitUntilFinished(events)).toMatchObject({ ok: false, failure: { code: 'source-changed' } });
    } finally {
      await Promise.all([events.close(), queue.close()]);
    }

    const out = path.join(dir, 'queued');
    // --inline-max-bytes below big.txt's size (and above the others'): it goes as a path the
    // workers read and check, the others through Redis.
    const result = await build(['--queue', redis.url, inputs, '--out', out, '--inline-max-bytes', '50000']);
    expect(result.code, result.output).toBe(0);
    expectSameOutput(out, path.join(dir, 'local'));
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expectEachOnce(manifest, 13);
    expect(manifest.options.queue).toBe(redis.url.replace(PASSWORD, '***'));

    const status = run(['status', '--queue', redis.url]);
    await exited(status.child);
    expect(status.output()).toMatch(/0 waiting, 0 active, \d+ done, 0 failed; 2 live worker\(s\)/u);
    for (const running of workers) {
      expect(running.child.exitCode).toBeNull(); // alive after the malformed job
      running.child.kill('SIGTERM');
      expect(await exited(running.child)).toEqual({ code: 0, signal: null });
    }
    for (const text of [result.output, status.output(), ...workers.map((w) => w.output()), readFileSync(path.join(out, 'manifest.json'), 'utf8')]) {
      expect(text).not.toContain(PASSWORD);
    }
  });

  it('a job queued by another pipeline version fails with queue-version-mismatch and the worker goes on; a source sent by path that changed after it was queued fails with source-changed', async () => {
    const redis = await startRedis();
    const { dir, inputs } = makeManyDocuments(2);
    const seed = readFileSync('sources/text-th-asean-smart-cities-damaged.txt', 'utf8');
    const big = path.join(inputs, 'big.txt');
    writeFileSync(big, `big\n\n${seed}\n\n${seed}`);
    const connection = redisConnection(redis.url);
    const queue = new Queue('samut', { connection });
    const events = new QueueEvents('samut', { connection });
    try {
      // The coordinator queues all three before any worker runs: big.txt, over the inline cap,
      // as its path; the others through Redis.
      const out = path.join(dir, 'queued');
      const coordinator = run(['build', '--queue', redis.url, inputs, '--out', out, '--inline-max-bytes', '50000']);
      while (((await queue.getJobCounts('waiting')).waiting ?? 0) < 3) {
        expect(coordinator.child.exitCode, coordinator.output()).toBeNull();
        await sleep(50);
      }
      appendFileSync(big, '\nchanged after it was queued\n');
      // A well-formed job from a coordinator running another pipeline.
      const foreign = await queue.add('document', {
        fingerprint: 'another-pipeline',
        uri: 'foreign.txt',
        sha256: '0'.repeat(64),
        kind: 'text',
        mediaType: 'text/plain',
        maxBytes: 1_000_000,
        source: { via: 'inline', base64: Buffer.from('from elsewhere\n').toString('base64') },
        options: { ocr: 'auto', ocrLanguages: 'tha+eng', timeoutMs: 60_000 },
      });
      const running = worker(redis.url);
      expect(await foreign.waitUntilFinished(events)).toMatchObject({ ok: false, failure: { code: 'queue-version-mismatch' } });
      const { code } = await exited(coordinator.child);
      expect(code, coordinator.output()).toBe(1);
      const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
      expect(manifest.documents.map((entry) => [path.basename(entry.uri), entry.status, entry.error?.code])).toEqual([
        ['big.txt', 'failed', 'source-changed'],
        ['doc-000.txt', 'ok', undefined],
        ['doc-001.txt', 'ok', undefined],
      ]);
      expect(running.child.exitCode).toBeNull();
    } finally {
      await Promise.all([events.close(), queue.close()]);
    }
  });

  it('runs over TLS (rediss://) with a password', async () => {
    const redis = await startTlsRedis();
    const { dir, inputs } = makeManyDocuments(3);
    await localBuild(inputs, path.join(dir, 'local'));
    const running = worker(redis.url, redis.env);
    const out = path.join(dir, 'queued');
    const result = await build(['--queue', redis.url, inputs, '--out', out], redis.env);
    expect(result.code, result.output).toBe(0);
    expectSameOutput(out, path.join(dir, 'local'));
    expect(readJson<Manifest>(path.join(out, 'manifest.json')).options.queue).toMatch(/^rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0$/u);
    expect(result.output + running.output()).not.toContain(PASSWORD);
  });

  it('a worker SIGKILLed holding a document: the job is taken up again and finished, nothing lost or written twice', async () => {
    const redis = await startRedis();
    const { dir, inputs } = makeManyDocuments(10);
    await localBuild(inputs, path.join(dir, 'local'));
    const marker = path.join(dir, 'died');
    const env = { SAMUT_TEST_DIE_ON: 'doc-004', SAMUT_TEST_DIE_ONCE: marker };
    const workers = [worker(redis.url, env), worker(redis.url, env)];
    const out = path.join(dir, 'queued');
    const result = await build(['--queue', redis.url, inputs, '--out', out]);
    expect(result.code, result.output).toBe(0);
    // One worker did die, by SIGKILL, holding doc-004.
    expect(existsSync(marker)).toBe(true);
    const dead = workers.find((w) => String(w.child.pid) === readFileSync(marker, 'utf8'));
    expect(await exited(dead!.child)).toEqual({ code: null, signal: 'SIGKILL' });
    expectSameOutput(out, path.join(dir, 'local'));
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expectEachOnce(manifest, 10);
    expect(manifest.summary.ok).toBe(10);
    expect(journalUris(out).sort()).toEqual(manifest.documents.map((entry) => entry.uri).sort());
  });

  it('a document that kills every worker that takes it fails with worker-lost after a bounded number of tries; the build finishes', async () => {
    const redis = await startRedis();
    const { dir, inputs } = makeManyDocuments(6);
    writeFileSync(path.join(inputs, 'poison.txt'), 'this document kills its worker\n');
    const env = { SAMUT_TEST_DIE_ON: 'poison' };
    let deaths = 0;
    let building = true;
    // A supervisor, as systemd or Kubernetes would be: a worker that dies is started again.
    // One job in hand per worker: a job held beside the poison one when its worker dies counts a
    // stall too, and with --max-stalls 1 two such deaths would fail it as well (see the README).
    const supervise = (): void => {
      const w = worker(redis.url, env, ['--concurrency', '1']);
      void exited(w.child).then(({ signal }) => {
        if (signal === 'SIGKILL' && building) {
          deaths++;
          supervise();
        }
      });
    };
    supervise();
    supervise();
    const out = path.join(dir, 'queued');
    const result = await build(['--queue', redis.url, inputs, '--out', out]);
    building = false;
    expect(result.code, result.output).toBe(1);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expectEachOnce(manifest, 7);
    const poison = manifest.documents.find((entry) => entry.uri.endsWith('poison.txt'));
    expect(poison).toMatchObject({ status: 'failed', error: { code: 'worker-lost' } });
    expect(manifest.summary.ok).toBe(6);
    // --max-stalls 1: taken twice (the first try and one retake), so two workers died, no more.
    expect(deaths).toBe(2);
  });

  it('the coordinator SIGKILLed and started again with the same command: finished documents are not redone, none lost or doubled', async () => {
    const redis = await startRedis();
    const { dir, inputs } = makeManyDocuments(40);
    await localBuild(inputs, path.join(dir, 'local'));
    worker(redis.url);
    const out = path.join(dir, 'queued');
    const args = ['--queue', redis.url, inputs, '--out', out, '--concurrency', '4'];
    const first = run(['build', ...args]);
    await untilJournalHas(out, 5, first);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const finishedBefore = new Set(journalUris(out));
    const second = await build(args);
    expect(second.code, second.output).toBe(0);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expectEachOnce(manifest, 40);
    for (const entry of manifest.documents) {
      if (finishedBefore.has(entry.uri)) expect(entry.status, entry.uri).toBe('skipped-unchanged');
    }
    expect(manifest.summary.ok + manifest.summary.skipped).toBe(40);
    expect(manifest.summary.skipped).toBeGreaterThanOrEqual(finishedBefore.size);
    expectSameOutput(out, path.join(dir, 'local'), true);
  });

  it('Redis restarted during a build: coordinator and workers wait for it and the build finishes', async () => {
    const redis = await startRedis();
    const { dir, inputs } = makeManyDocuments(40);
    await localBuild(inputs, path.join(dir, 'local'));
    const running = worker(redis.url);
    const out = path.join(dir, 'queued');
    const coordinator = run(['build', '--queue', redis.url, inputs, '--out', out, '--concurrency', '4']);
    await untilJournalHas(out, 5, coordinator);
    redis.child.kill('SIGTERM');
    await exited(redis.child);
    await sleep(1500);
    await startRedis(redis);
    const { code } = await exited(coordinator.child);
    expect(code, coordinator.output()).toBe(0);
    // It did lose Redis (and said so, without the password), and did not stop.
    expect(coordinator.output()).toMatch(/queue redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0: .*\(waiting for Redis\)/u);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expectEachOnce(manifest, 40);
    expect(manifest.summary.ok).toBe(40);
    expectSameOutput(out, path.join(dir, 'local'));
    expect(running.child.exitCode).toBeNull();
    expect(coordinator.output() + running.output()).not.toContain(PASSWORD);
  });
});
