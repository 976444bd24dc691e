// Speed on real PDFs (tests/fixtures/pdf-dev: 25 files, 175 pages, from pdfminer.six's and
// py-pdf's test suites, many fonts, one to a few pages each but one of 117), in one run:
// - samut: a whole build (extract, repair, tag, emit; OCR off) with two worker threads, over
//   COPIES copies of the set (each copy's bytes differ by a trailing comment, so none is skipped
//   as a duplicate); its time (the manifest's durationMs) includes starting the threads and
//   loading pdf.js in each. Measured twice:
//   - as users run it: the installed package's command line (dist/, plain node), built from this
//     tree first (npm run build);
//   - from the repository through tsx, as `npm run samut` runs it: each worker thread also starts
//     tsx and transforms the stages' TypeScript, which an installed package never does;
// - bare pdf.js: stock pdfjs-dist, getTextContent() on every page, one thread, in its own process
//   (scripts/lib/pdfjs-text-content.mjs), one untimed round then COPIES timed rounds; and once
//   more timed from its process start (loading pdf.js and warming up included, as samut's time
//   includes its threads' start), for the `_with_start` pair;
// - pdftotext: one process per file, one at a time, COPIES rounds.
// Each is run TURNS times in turn and keeps its best. Target (issue 19): samut with two threads
// at least 1.5 × bare pdf.js in one thread.
// Run alone: npx tsx scripts/bench/pdf-dev.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasCommand } from '../lib/commands.ts';
import { measuredBuild } from './corpus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = path.join(ROOT, 'tests', 'fixtures', 'pdf-dev');
const COPIES = 4;
const THREADS = 2;
const TURNS = 2;

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function copies(dir: string, files: string[]): string {
  const inputs = path.join(dir, 'inputs');
  for (let copy = 0; copy < COPIES; copy++) {
    const sub = path.join(inputs, String(copy));
    mkdirSync(sub, { recursive: true });
    for (const file of files) {
      writeFileSync(path.join(sub, path.basename(file)), Buffer.concat([readFileSync(file), Buffer.from(`\n%samut-bench-copy-${copy}\n`)]));
    }
  }
  return inputs;
}

/** Bare pdf.js over COPIES rounds: warm (after an untimed round), or with its start: the whole
 * process timed from here, as samut's `_with_start` build is. */
function barePdfJs(files: string[], withStart: boolean): { pages: number; seconds: number } {
  const script = path.join(ROOT, 'scripts', 'lib', 'pdfjs-text-content.mjs');
  const args = [script, ...(withStart ? ['--with-start'] : []), String(COPIES), ...files];
  const started = performance.now();
  const output = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  const wallSeconds = (performance.now() - started) / 1000;
  const inside = JSON.parse(output) as { pages: number; seconds: number };
  return withStart ? { pages: inside.pages, seconds: wallSeconds } : inside;
}

/** samut as users run it: the built package's command line, in a fresh process. */
function installedBuild(inputs: string, out: string): { pages: number; durationMs: number; wallMs: number; peakMiB: number | null } {
  const cli = path.join(ROOT, 'dist', 'scripts', 'samut.js');
  const args = [cli, 'build', inputs, '--out', out, '--threads', String(THREADS), '--concurrency', String(THREADS * 2), '--ocr', 'never', '--quiet'];
  const useTime = hasCommand('/usr/bin/time');
  const started = performance.now();
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { durationMs: number; summary: { pages: number; failed: number } };
  if (result.status !== 0 && manifest.summary.failed === 0) throw new Error(`samut build (dist/) failed: ${result.stderr}`);
  const peakKb = useTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { pages: manifest.summary.pages, durationMs: manifest.durationMs, wallMs, peakMiB: Number.isFinite(peakKb) ? Math.round(peakKb / 1024) : null };
}

function pdftotext(files: string[]): { pages: number; seconds: number } {
  let pages = 0;
  const start = performance.now();
  for (let copy = 0; copy < COPIES; copy++) {
    for (const file of files) {
      const result = spawnSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
      pages += (result.stdout.match(/\f/gu) ?? []).length;
    }
  }
  return { pages, seconds: (performance.now() - start) / 1000 };
}

export async function bench(): Promise<Record<string, number | string>> {
  const files = readdirSync(DIR).filter((name) => name.endsWith('.pdf')).sort().map((name) => path.join(DIR, name));
  const dir = mkdtempSync(path.join(tmpdir(), 'samut-bench-pdf-dev-'));
  try {
    // What users run is the built package: build it from this tree, so that it measures this code.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-package.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const figures: Record<string, number | string> = { pdf_dev_files: files.length, pdf_dev_copies: COPIES, turns: TURNS };
    // The machine is shared: the contenders are measured in turn, TURNS times, and each keeps its
    // best turn, so that a load that comes and goes does not favour whichever ran in a quiet moment.
    let installed = 0;
    let installedWithStart = 0;
    let fromRepository = 0;
    let bare = 0;
    let bareWithStart = 0;
    let poppler = 0;
    const hasPdftotext = hasCommand('pdftotext');
    const inputs = copies(dir, files);
    const loads: number[] = [];
    for (let turn = 0; turn < TURNS; turn++) {
      loads.push(loadavg()[0] ?? 0);
      const users = installedBuild(inputs, path.join(dir, `installed-${turn}`));
      installed = Math.max(installed, users.pages / (users.durationMs / 1000));
      installedWithStart = Math.max(installedWithStart, users.pages / (users.wallMs / 1000));
      if (users.peakMiB !== null) figures.samut_peak_rss_mib = users.peakMiB;
      const run = measuredBuild({ inputs: [inputs], out: path.join(dir, `out-${turn}`), threads: THREADS, concurrency: THREADS * 2, ocr: 'never' });
      const summary = run.manifest.summary;
      figures.samut_documents_ok = summary.ok;
      figures.samut_documents_failed = summary.failed;
      figures.samut_pages = summary.pages;
      figures.samut_tsx_peak_rss_mib = run.peakMiB;
      fromRepository = Math.max(fromRepository, summary.pages / (run.manifest.durationMs / 1000));
      const pdfjs = barePdfJs(files, false);
      bare = Math.max(bare, pdfjs.pages / pdfjs.seconds);
      const pdfjsCold = barePdfJs(files, true);
      bareWithStart = Math.max(bareWithStart, pdfjsCold.pages / pdfjsCold.seconds);
      if (hasPdftotext) {
        const reference = pdftotext(files);
        poppler = Math.max(poppler, reference.pages / reference.seconds);
      }
      loads.push(loadavg()[0] ?? 0);
    }
    figures.samut_2_threads_pages_per_s = round(installed);
    figures.samut_2_threads_tsx_pages_per_s = round(fromRepository);
    figures.bare_pdfjs_text_content_1_thread_pages_per_s = round(bare);
    figures.samut_over_bare_pdfjs = round(installed / bare, 2);
    figures.samut_tsx_over_bare_pdfjs = round(fromRepository / bare, 2);
    // Both timed from their process's start to their last page: node, pdf.js, warming up.
    figures.samut_2_threads_with_start_pages_per_s = round(installedWithStart);
    figures.bare_pdfjs_with_start_pages_per_s = round(bareWithStart);
    figures.samut_over_bare_pdfjs_with_start = round(installedWithStart / bareWithStart, 2);
    if (hasPdftotext) {
      figures.pdftotext_1_process_pages_per_s = round(poppler);
      figures.samut_over_pdftotext = round(installed / poppler, 2);
    } else {
      figures.pdftotext_note = 'pdftotext missing: no comparison';
    }
    figures.load_average_1_min = `${round(Math.min(...loads), 2)}-${round(Math.max(...loads), 2)}`;
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench(), null, 2));
}
