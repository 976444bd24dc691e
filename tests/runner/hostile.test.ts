// Issue 13: a hostile corpus built beside good documents, through the command line in a child
// process (as a user runs it): nothing crashes the build, every input is accounted for with a
// code, the good documents are written with exact offsets, and the child's peak memory stays
// under the documented bound. The inputs are made by scripts/fixtures/hostile/make-hostile.ts.
// As root (CI), the child runs as `nobody`, so that permissions mean something.
import { spawn } from 'node:child_process';
import { runWithPeak, type ChildRun } from '../../scripts/lib/peak.ts';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../pipeline/model/document.ts';
import { ERROR_CODES } from '../../pipeline/model/errors.ts';
import type { Manifest } from '../../pipeline/runner/build.ts';
import { memoryBoundMb } from '../../pipeline/runner/pool.ts';
import { HOSTILE_FILES, makeHostile, type HostileName } from '../../scripts/fixtures/hostile/make-hostile.ts';
import { readJson, tempDir } from '../helpers/corpus.ts';

const CLI = ['--import', 'tsx', path.resolve('scripts/samut.ts')];
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const THREADS = 2;
const THREAD_MEMORY_MB = 96;

/** Runs the CLI in a child (as nobody when we are root), with its peak memory. */
function samut(args: string[]): Promise<ChildRun> {
  return runWithPeak(process.execPath, [...CLI, ...args], {
    env: { ...process.env, CI: 'true', HOME: '/tmp' },
    ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

/** A folder the child (nobody, when we are root) owns. */
function ownedDir(): string {
  const dir = tempDir('samut-hostile-');
  chmodSync(dir, 0o755);
  if (AS_ROOT) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** A folder (the child's) with one good document, and where its output goes. */
function oneGoodDocument(): { good: string; out: string } {
  const dir = ownedDir();
  const good = path.join(dir, 'good.md');
  cpSync('sources/md-th-khon-kaen-smart-city.md', good);
  giveAway(good);
  return { good, out: path.join(dir, 'out') };
}

function giveAway(...paths: string[]): void {
  if (AS_ROOT) for (const file of paths) chownSync(file, NOBODY, NOBODY);
}

function expectExactOffsets(document: Document): void {
  for (const block of document.blocks) expect(document.text.slice(block.start, block.end)).toBe(block.text);
  for (const entity of document.entities) expect(document.text.slice(entity.start, entity.end)).toBe(entity.text);
}

const GOOD = ['md-th-khon-kaen-smart-city.md', 'text-th-legacy-tis620.txt', 'web-uk-thailand-smart-city-handbook-en.html', 'pdf-thai-report.pdf', 'scan-th-decree.png'];
/** A scanned PDF: its pages are rendered for OCR in the worker threads, as the hostile PDFs are. */
const SCANNED_PDF = 'tests/fixtures/scans/scan-2page.pdf';

describe('a hostile corpus beside good documents', () => {
  let dir = '';
  let run: ChildRun;
  let manifest: Manifest;

  beforeAll(async () => {
    dir = ownedDir();
    const inputs = path.join(dir, 'in');
    await makeHostile(inputs, 'small');
    for (const name of GOOD) cpSync(path.join('sources', name), path.join(inputs, name));
    cpSync(SCANNED_PDF, path.join(inputs, path.basename(SCANNED_PDF)));
    // A private file: its output must not be readable by others.
    writeFileSync(path.join(inputs, 'private.txt'), 'A private memo about Khon Kaen.\n', { mode: 0o600 });
    // A folder that cannot be listed, with a document inside.
    mkdirSync(path.join(inputs, 'locked'));
    writeFileSync(path.join(inputs, 'locked', 'inside.txt'), 'never read\n');
    // A symbolic link out of the folder, to the root of the disk.
    symlinkSync('/', path.join(inputs, 'root-link'));
    // A sources list naming files outside its folder.
    writeFileSync(path.join(inputs, 'escape.sources.txt'), '../../../../../../etc/shadow\n/etc/passwd\nprivate.txt\n');
    for (const name of readdirSync(inputs)) if (name !== 'root-link') giveAway(path.join(inputs, name));
    giveAway(inputs, path.join(inputs, 'locked', 'inside.txt'));
    chmodSync(path.join(inputs, 'locked'), 0o000);
    const out = path.join(dir, 'out');
    run = await samut(['build', inputs, '--list', path.join(inputs, 'escape.sources.txt'), '--out', out, '--threads', String(THREADS), '--thread-memory', String(THREAD_MEMORY_MB), '--quiet']);
    manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
  }, 600_000);

  it('finishes with exit 1 and a manifest, without a stack trace', () => {
    expect(run.stderr).not.toMatch(/\n\s+at /u);
    expect(run.status).toBe(1);
    expect(manifest.interrupted).toBe(false);
  });

  it('lists every hostile input with a code: failed with a known code, or done with the warning of the cap it hit', () => {
    const byName = new Map(manifest.documents.map((entry) => [path.basename(entry.uri), entry]));
    const failedWith: Partial<Record<HostileName, string>> = {
      'truncated.jpg': 'ocr-failed',
      'random-idat.png': 'ocr-failed',
      'one-paragraph.html': 'memory-limit',
      'one-paragraph.txt': 'memory-limit',
    };
    const warnedWith: Partial<Record<HostileName, string>> = {
      'flate-bomb.pdf': 'pdf-stream-too-large',
      'huge-font.pdf': 'pdf-stream-too-large',
      'huge-image.pdf': 'page-ocr-failed',
    };
    // Written, but a page's text is lost (its content stream or its image was over the cap, so
    // OCR had nothing to read): the catalogue's page-lost warnings make the status partial.
    const partial = new Set<HostileName>(['flate-bomb.pdf', 'huge-image.pdf']);
    for (const name of Object.keys(HOSTILE_FILES) as HostileName[]) {
      const entry = byName.get(name);
      expect(entry, name).toBeDefined();
      if (failedWith[name]) {
        expect([name, entry!.status, entry!.error?.code]).toEqual([name, 'failed', failedWith[name]]);
        continue;
      }
      expect([name, entry!.status]).toEqual([name, partial.has(name) ? 'partial' : 'ok']);
      const document = readJson<Document>(path.join(dir, 'out', 'docs', `${entry!.id}.json`));
      expectExactOffsets(document);
      if (warnedWith[name]) expect(document.warnings.map((warning) => warning.code)).toContain(warnedWith[name]);
    }
    for (const entry of manifest.documents.filter((doc) => doc.status === 'failed')) expect(Object.keys(ERROR_CODES)).toContain(entry.error?.code);
  });

  it('lists the unlistable folder, the link out and the list entries outside as input problems with codes', () => {
    const problems = manifest.inputProblems.map((problem) => [path.basename(problem.uri), problem.code]);
    if (AS_ROOT || process.getuid?.() !== 0) expect(problems).toContainEqual(['locked', 'input-unreadable']);
    expect(problems).toContainEqual(['root-link', 'input-outside']);
    expect(problems).toContainEqual(['shadow', 'input-outside']);
    expect(problems).toContainEqual(['passwd', 'input-outside']);
    expect(manifest.documents.some((entry) => /etc\/(shadow|passwd)|inside\.txt/u.test(entry.uri))).toBe(false);
  });

  it('writes the good documents, with exact offsets, and a private source stays private', () => {
    const byName = new Map(manifest.documents.map((entry) => [path.basename(entry.uri), entry]));
    for (const name of [...GOOD, path.basename(SCANNED_PDF), 'private.txt']) {
      const entry = byName.get(name);
      expect([name, entry?.status]).toEqual([name, 'ok']);
      const file = path.join(dir, 'out', 'docs', `${entry!.id}.json`);
      const document = readJson<Document>(file);
      expectExactOffsets(document);
      if (name.startsWith('scan')) expect(document.blocks.filter((block) => block.origin === 'ocr').map((block) => block.text).join('').length).toBeGreaterThan(100);
      if (name === 'private.txt') expect(statSync(file).mode & 0o077).toBe(0);
      else expect(statSync(file).mode & 0o777).toBe(0o644);
    }
  });

  it('extract runs the document in a capped worker thread: a code for each, never a crash', async () => {
    const inputs = path.join(dir, 'in');
    const cases: [HostileName, number, RegExp][] = [
      ['truncated.jpg', 1, /\[ocr-failed\]/u],
      ['one-paragraph.txt', 1, /\[memory-limit\]/u],
      ['flate-bomb.pdf', 0, /^$/u],
    ];
    for (const [name, status, stderr] of cases) {
      const result = await samut(['extract', path.join(inputs, name), '--thread-memory', String(THREAD_MEMORY_MB)]);
      expect([name, result.status]).toEqual([name, status]);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('samut:')).join('\n')).toMatch(stderr);
      expect(result.peakMb).toBeLessThan(memoryBoundMb(1, THREAD_MEMORY_MB));
      if (status === 0) expect((JSON.parse(result.stdout) as Document).warnings.map((warning) => warning.code)).toContain('pdf-stream-too-large');
    }
  }, 300_000);

  it('stays under the memory bound threads × (thread memory + allowance) + base', () => {
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(memoryBoundMb(THREADS, THREAD_MEMORY_MB));
  });
});

describe('the environment around a build', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    // A server that takes the request and never answers.
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up on a stalling server at --timeout, with fetch-timeout', async () => {
    const out = path.join(ownedDir(), 'out');
    const run = await samut(['build', `${base}/stall`, '--out', out, '--timeout', '2', '--quiet']);
    expect(run.status).toBe(1);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expect(manifest.documents.map((entry) => [entry.uri, entry.error?.code])).toEqual([[`${base}/stall`, 'fetch-timeout']]);
    // The fetcher's own limits are 15 s for headers and 60 s in all: --timeout 2 is what stopped it.
    expect(manifest.documents[0]?.error?.message).toMatch(/2000 ms/u);
  });

  it('exits 2 with one line for an --out that is a file, a too-small --thread-memory, or too many threads', async () => {
    const dir = ownedDir();
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    for (const args of [
      ['build', 'sources', '--out', file],
      ['build', 'sources', '--out', path.join(dir, 'out'), '--thread-memory', '32'],
      ['build', 'sources', '--out', path.join(dir, 'out'), '--threads', '100000'],
    ]) {
      const run = await samut(args);
      expect([args.join(' '), run.status]).toEqual([args.join(' '), 2]);
      expect(run.stderr).not.toMatch(/\n\s+at /u);
      expect(run.stderr.trim().split('\n')[0]).toMatch(/^samut: /u);
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('fails a document whose file cannot be written with output-write, and exits 1', async () => {
    if (!AS_ROOT && process.getuid?.() === 0) return;
    const dir = ownedDir();
    const inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    cpSync('sources/md-th-khon-kaen-smart-city.md', path.join(inputs, 'a.md'));
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'docs'), { recursive: true });
    giveAway(inputs, path.join(inputs, 'a.md'), out, path.join(out, 'docs'));
    chmodSync(path.join(out, 'docs'), 0o555);
    const run = await samut(['build', inputs, '--out', out, '--quiet']);
    expect(run.status).toBe(1);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expect(manifest.documents.map((entry) => [entry.status, entry.error?.code])).toEqual([['failed', 'output-write']]);
  });

  it('lets one build at a time into an output folder: another exits 2 naming the holder; the lock of a dead holder is taken over', async () => {
    const { good, out } = oneGoodDocument();
    mkdirSync(path.join(out, '.samut'), { recursive: true });
    giveAway(out, path.join(out, '.samut'));
    const lock = path.join(out, '.samut', 'lock');
    // A live holder: a process that sleeps.
    const holder = spawn('sleep', ['600'], { stdio: 'ignore' });
    writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: hostname(), startedAt: '2026-12-06T00:00:00.000Z', purpose: 'samut build' }));
    const blocked = await samut(['build', good, '--out', out, '--quiet']);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toMatch(new RegExp(`in use by samut build \\(pid ${holder.pid} on ${hostname()}, since 2026-12-06T00:00:00.000Z\\)`, 'u'));
    expect(blocked.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    // Killed (SIGKILL: no chance to remove its lock): the next build takes the lock over.
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    const after = await samut(['build', good, '--out', out, '--quiet']);
    expect(after.status).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(readJson<Manifest>(path.join(out, 'manifest.json')).summary.ok).toBe(1);
  });
});
