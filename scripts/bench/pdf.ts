// PDF text-layer throughput: extractPdf vs poppler's pdftotext on the same files, in one run,
// with pdf.js alone (its operator lists, nothing of samut's) as the ceiling of the pdf.js path.
// Files: 4 committed PDF fixtures (3 generated reports, the real Royal Gazette decree; 8 pages),
// plus one long PDF (the same 4 repeated with qpdf to LONG_PDF_PAGES pages) that shows whether
// memory stays bounded as pages go by. Real, varied PDFs: see the pdf-dev benchmark.
// Start-up is counted the same way for both tools, both ways:
//  - without it: samut warm in this process (pdf.js loaded, one untimed round), pdftotext with
//    its process start (measured on a 1-page PDF, median of PDFTOTEXT_START_RUNS) taken off
//    each run: the `_speed_ratio_vs_pdftotext` figures;
//  - with it: one fresh process per file for both (node + tsx + pdf.js for samut, as `samut
//    extract FILE` pays; pdftotext's own start): the `_with_start` figures.
// Run alone: npx tsx scripts/bench/pdf.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdf } from '../../pipeline/extract/pdf/index.ts';
import { openPdf } from '../../pipeline/extract/pdf/load.ts';
import { hasCommand } from '../lib/commands.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = ['thai-report.pdf', 'english-report.pdf', 'two-column.pdf', 'royal-gazette-2566.pdf'].map((name) =>
  path.join(ROOT, 'tests', 'fixtures', 'pdf', name),
);
const LONG_PDF_PAGES = 240;
const RSS_SAMPLE_MS = 10;
/** Timed rounds over each set, after one untimed round that warms up pdf.js' JIT. */
const ROUNDS = 5;
/** Rounds with one fresh process per file (each costs a node start-up). */
const ROUNDS_WITH_START = 2;
const PDFTOTEXT_START_RUNS = 15;
/** A 1-page PDF with one line of text: what remains of pdftotext's time on it is its start-up. */
const TINY_PDF = path.join(ROOT, 'tests', 'fixtures', 'pdf', 'rotated.pdf');
const THIS_FILE = fileURLToPath(import.meta.url);

function pageCount(file: string): number {
  const info = execFileSync('qpdf', ['--show-npages', file], { encoding: 'utf8' });
  return Number(info.trim());
}

/** The fixtures repeated until the file has about `pages` pages. */
function longPdf(dir: string, pages: number): string {
  const perRound = FIXTURES.reduce((sum, file) => sum + pageCount(file), 0);
  const inputs: string[] = [];
  for (let i = 0; i < Math.ceil(pages / perRound); i++) inputs.push(...FIXTURES);
  const out = path.join(dir, `long-${pages}.pdf`);
  execFileSync('qpdf', ['--empty', '--pages', ...inputs, '--', out]);
  return out;
}

interface Run {
  pages: number;
  seconds: number;
  peakRssMb: number;
}

async function extractFile(file: string): Promise<number> {
  const bytes = new Uint8Array(readFileSync(file));
  const draft = await extractPdf({
    source: { uri: file, mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length },
    kind: 'pdf',
    bytes,
    options: { ocr: 'auto', ocrLanguages: 'tha+eng' },
  });
  return draft.pages?.length ?? 0;
}

/** One untimed round over the files (it warms up pdf.js' JIT), then ROUNDS timed rounds of
 * `read` (which returns the pages it read), with peak RSS sampled throughout. */
async function timedRounds(files: string[], read: (file: string) => Promise<number>): Promise<Run> {
  for (const file of files) await read(file);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  let pages = 0;
  const start = performance.now();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const file of files) {
        pages += await read(file);
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }
  } finally {
    clearInterval(timer);
  }
  return { pages, seconds: (performance.now() - start) / 1000, peakRssMb: peak / 2 ** 20 };
}

/** pdf.js alone, opened as extractPdf opens it: each page's operator list and nothing of samut's.
 * The ceiling of any extractor that reads glyphs through pdf.js. */
async function readOperatorLists(file: string): Promise<number> {
  const task = await openPdf(new Uint8Array(readFileSync(file)));
  try {
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      await page.getOperatorList();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

/** pdftotext on one file to stdout, through /usr/bin/time (for its peak memory) when installed. */
function pdftotextCommand(file: string, useTime: boolean): [string, string[]] {
  return useTime ? ['/usr/bin/time', ['-f', '%M', 'pdftotext', '-q', file, '-']] : ['pdftotext', ['-q', file, '-']];
}

/** Median wall time of one pdftotext run, started as the timed runs are, on a 1-page PDF: its
 * start-up, in seconds. */
function pdftotextStartSeconds(): number {
  const [command, args] = pdftotextCommand(TINY_PDF, hasCommand('/usr/bin/time'));
  const times: number[] = [];
  for (let run = 0; run < PDFTOTEXT_START_RUNS; run++) {
    const start = performance.now();
    spawnSync(command, args);
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** samut as `samut extract FILE` runs it: a fresh node process (tsx, pdf.js loaded cold) per file. */
function samutWithStart(files: string[]): Run {
  let pages = 0;
  const start = performance.now();
  for (let round = 0; round < ROUNDS_WITH_START; round++) {
    for (const file of files) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', THIS_FILE, '--extract', file], { encoding: 'utf8', cwd: ROOT });
      if (result.status !== 0) throw new Error(`extract ${file} in a fresh process failed: ${result.stderr}`);
      pages += Number(result.stdout.trim());
    }
  }
  return { pages: pages / ROUNDS_WITH_START, seconds: (performance.now() - start) / 1000 / ROUNDS_WITH_START, peakRssMb: 0 };
}

function runPdftotext(files: string[]): Run {
  let pages = 0;
  let peakKb = 0;
  const useTime = hasCommand('/usr/bin/time');
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const file of files) {
      const [command, args] = pdftotextCommand(file, useTime);
      const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
      if (useTime) peakKb = Math.max(peakKb, Number(result.stderr.trim().split('\n').at(-1)) || 0);
      pages += (result.stdout.match(/\f/gu) ?? []).length;
    }
  }
  return { pages, seconds: (performance.now() - start) / 1000, peakRssMb: peakKb / 1024 };
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samut-bench-pdf-'));
  try {
    const figures: Record<string, number | string> = {};
    // The first document pays for loading pdf.js (once per thread): reported on its own.
    const coldStart = performance.now();
    await extractFile(FIXTURES[0]!);
    figures.pdf_cold_start_ms = Math.round(performance.now() - coldStart);
    const sets: [string, string[]][] = [['fixtures', FIXTURES]];
    if (hasCommand('qpdf')) sets.push(['long', [longPdf(dir, LONG_PDF_PAGES)]]);
    else figures.pdf_long_note = 'qpdf missing: no long PDF';
    const poppler = hasCommand('pdftotext');
    if (!poppler) figures.pdf_pdftotext_note = 'pdftotext missing: no comparison';
    const pdftotextStart = poppler ? pdftotextStartSeconds() : 0;
    if (poppler) figures.pdftotext_start_ms = round(pdftotextStart * 1000);
    for (const [name, files] of sets) {
      figures[`pdf_${name}_files`] = files.length;
      const samut = await timedRounds(files, extractFile);
      figures[`pdf_${name}_pages`] = samut.pages / ROUNDS;
      figures[`pdf_${name}_pages_per_s`] = round(samut.pages / samut.seconds);
      figures[`pdf_${name}_peak_rss_mib`] = round(samut.peakRssMb);
      const pdfjs = await timedRounds(files, readOperatorLists);
      figures[`pdfjs_operator_lists_${name}_pages_per_s`] = round(pdfjs.pages / pdfjs.seconds);
      const cold = samutWithStart(files);
      figures[`pdf_${name}_pages_per_s_with_start`] = round(cold.pages / cold.seconds);
      if (!poppler) continue;
      const reference = runPdftotext(files);
      // Each of the files × ROUNDS processes paid one start-up.
      const referenceWarmSeconds = Math.max(reference.seconds - pdftotextStart * files.length * ROUNDS, 1e-6);
      const referenceRate = reference.pages / referenceWarmSeconds;
      figures[`pdftotext_${name}_pages_per_s`] = round(referenceRate);
      figures[`pdftotext_${name}_pages_per_s_with_start`] = round(reference.pages / reference.seconds);
      figures[`pdftotext_${name}_peak_rss_mib`] = round(reference.peakRssMb);
      figures[`pdf_${name}_speed_ratio_vs_pdftotext`] = round(samut.pages / samut.seconds / referenceRate, 3);
      figures[`pdf_${name}_speed_ratio_vs_pdftotext_with_start`] = round(
        cold.pages / cold.seconds / (reference.pages / reference.seconds),
        3,
      );
      figures[`pdfjs_operator_lists_${name}_ratio_vs_pdftotext`] = round(pdfjs.pages / pdfjs.seconds / referenceRate, 3);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--extract') {
  process.stdout.write(`${await extractFile(process.argv[3] ?? '')}\n`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench(), null, 2));
}
