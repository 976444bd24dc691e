// Speed on real PDFs (tests/fixtures/pdf-dev: 25 files, 175 pages, from pdfminer.six's and
// py-pdf's test suites, many fonts, one to a few pages each but one of 117), in one run:
// - samut: a whole build (extract, repair, tag, emit; OCR off) with two worker threads, over
//   COPIES copies of the set (each copy's bytes differ by a trailing comment, so none is skipped
//   as a duplicate); its wall time includes starting the threads and loading pdf.js in each;
// - bare pdf.js: stock pdfjs-dist, getTextContent() on every page, one thread, in its own process
//   (scripts/lib/pdfjs-text-content.mjs), one untimed round then COPIES timed rounds;
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

function barePdfJs(files: string[]): { pages: number; seconds: number } {
  const script = path.join(ROOT, 'scripts', 'lib', 'pdfjs-text-content.mjs');
  const output = execFileSync(process.execPath, [script, String(COPIES), ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(output) as { pages: number; seconds: number };
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
    const figures: Record<string, number | string> = { pdf_dev_files: files.length, pdf_dev_copies: COPIES, turns: TURNS };
    // The machine is shared: the three are measured in turn, TURNS times, and each keeps its best
    // turn, so that a load that comes and goes does not favour whichever ran in a quiet moment.
    let samut = 0;
    let bare = 0;
    let poppler = 0;
    const hasPdftotext = hasCommand('pdftotext');
    const inputs = copies(dir, files);
    for (let turn = 0; turn < TURNS; turn++) {
      const run = measuredBuild({ inputs: [inputs], out: path.join(dir, `out-${turn}`), threads: THREADS, concurrency: THREADS * 2, ocr: 'never' });
      const summary = run.manifest.summary;
      figures.samut_documents_ok = summary.ok;
      figures.samut_documents_failed = summary.failed;
      figures.samut_pages = summary.pages;
      figures.samut_peak_rss_mib = run.peakMiB;
      samut = Math.max(samut, summary.pages / (run.manifest.durationMs / 1000));
      const pdfjs = barePdfJs(files);
      bare = Math.max(bare, pdfjs.pages / pdfjs.seconds);
      if (hasPdftotext) {
        const reference = pdftotext(files);
        poppler = Math.max(poppler, reference.pages / reference.seconds);
      }
    }
    figures.samut_2_threads_pages_per_s = round(samut);
    figures.bare_pdfjs_text_content_1_thread_pages_per_s = round(bare);
    figures.samut_over_bare_pdfjs = round(samut / bare, 2);
    if (hasPdftotext) {
      figures.pdftotext_1_process_pages_per_s = round(poppler);
      figures.samut_over_pdftotext = round(samut / poppler, 2);
    } else {
      figures.pdftotext_note = 'pdftotext missing: no comparison';
    }
    figures.load_average_1_min = round(loadavg()[0] ?? 0, 2);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench(), null, 2));
}
