// `samut review` from the command line: prints its address, serves, stops on SIGINT.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReviewCorpus } from './helpers.ts';

const CLI = ['--import', 'tsx', 'scripts/samut.ts'];

describe('samut review (command line)', () => {
  it('prints the 127.0.0.1 address it listens on, serves the corpus, and stops on Ctrl-C', async () => {
    const corpus = await buildReviewCorpus();
    const child = spawn(process.execPath, [...CLI, 'review', corpus.out], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const deadline = Date.now() + 30_000;
    while (!/http:\/\/\S+/u.test(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const url = /http:\/\/\S+/u.exec(stdout)?.[0];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('royal-gazette-2566.pdf');
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits 2 with a clear message for a bad port or a folder that holds no build', () => {
    const badPort = spawnSync(process.execPath, [...CLI, 'review', '--port', 'http'], { encoding: 'utf8' });
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toMatch(/--port/u);
    const empty = mkdtempSync(path.join(tmpdir(), 'samut-review-empty-'));
    const noBuild = spawnSync(process.execPath, [...CLI, 'review', empty], { encoding: 'utf8' });
    expect(noBuild.status).toBe(2);
    expect(noBuild.stderr).toMatch(/manifest\.json/u);
  });
});
