// The command line end to end, through a child process, as users and checks run it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../pipeline/model/document.ts';
import type { Manifest } from '../pipeline/runner/build.ts';
import { makeCorpus, makeManyDocuments, readJson, tempDir } from './helpers/corpus.ts';

const CLI = ['--import', 'tsx', 'scripts/samut.ts'];

function samut(args: string[]) {
  return spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

describe('samut CLI', () => {
  it('prints help and version, and exits 2 on usage errors', () => {
    const help = samut(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/samut build \[INPUT\.\.\.\] \[--out DIR\]/u);
    expect(samut(['--version']).stdout.trim()).toBe(readJson<{ version: string }>('package.json').version);
    const unknown = samut(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/u);
    expect(samut(['build', '--concurrency', 'zero']).status).toBe(2);
    expect(samut(['build', '--no-such-flag']).status).toBe(2);
    expect(samut(['extract']).status).toBe(2);
  });

  it('prints the JSON Schema kept in output/schema', () => {
    const schema = samut(['schema']);
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout)).toEqual(readJson('output/schema/document.schema.json'));
  });

  it('extract prints only the document JSON on stdout', () => {
    const result = samut(['extract', 'sources/md-th-khon-kaen-smart-city.md']);
    expect(result.status).toBe(0);
    const document = Document.parse(JSON.parse(result.stdout));
    expect(document.title).toContain('ขอนแก่น');
    expect(document.languages[0]).toBe('th');
  });

  it('extract of a bad file exits 1 with its error code on stderr and nothing on stdout', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0, 1, 2, 3, 0, 0, 7]));
    const result = samut(['extract', bad]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\[input-binary\]/u);
  });

  it('builds a folder with a bad file among good ones: exit 1, good ones written, the failure listed', () => {
    const dir = makeCorpus({ bad: true });
    const out = path.join(dir, 'out');
    const result = samut(['build', path.join(dir, 'in'), '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/3 ok, 3 failed/u);
    expect(result.stderr).toMatch(/garbage\.txt: \[input-binary\]/u);
    expect(readdirSync(path.join(out, 'docs'))).toHaveLength(3);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expect(manifest.summary.failed).toBe(3);
  });

  it('resumes after SIGKILL without redoing finished documents or leaving half-written files', async () => {
    const { dir, inputs } = makeManyDocuments(60);
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [...CLI, 'build', inputs, '--out', out, '--concurrency', '2'], { stdio: 'ignore' });
    const journal = path.join(out, '.samut', 'journal.jsonl');
    // Kill it once some, but not all, documents are finished.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const done = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0;
        if (done >= 5) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const finishedBefore = readFileSync(journal, 'utf8').split('\n').filter((line) => line.trim() !== '').length;
    expect(finishedBefore).toBeLessThan(60);
    const rerun = samut(['build', inputs, '--out', out, '--quiet']);
    expect(rerun.status).toBe(0);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    const skipped = manifest.documents.filter((entry) => entry.status === 'skipped-unchanged').length;
    expect(skipped).toBeGreaterThanOrEqual(finishedBefore - 1);
    expect(manifest.summary.ok + manifest.summary.skipped).toBe(60);
    const files = readdirSync(path.join(out, 'docs'));
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(60);
    for (const name of files) JSON.parse(readFileSync(path.join(out, 'docs', name), 'utf8'));
  });
});

describe('samut CLI interruption', () => {
  it('stops cleanly on Ctrl-C (SIGINT), says what was done, and the same command finishes the job', async () => {
    const { dir, inputs } = makeManyDocuments(40);
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [...CLI, 'build', inputs, '--out', out, '--concurrency', '1', '--threads', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/\[3\/40\]/u.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopping/u);
    expect(stderr).toMatch(/interrupted: run the same command again/u);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expect(manifest.interrupted).toBe(true);
    expect(manifest.summary.ok).toBeLessThan(40);
    expect(manifest.summary.ok).toBeGreaterThanOrEqual(3);
    const rerun = samut(['build', inputs, '--out', out, '--quiet']);
    expect(rerun.status).toBe(0);
    const finished = readJson<Manifest>(path.join(out, 'manifest.json'));
    expect(finished.summary.skipped).toBe(manifest.summary.ok);
    expect(finished.summary.ok + finished.summary.skipped).toBe(40);
  });
});
