// PDF text-layer throughput: extractPdf vs poppler's pdftotext on the same files, in one run,
// with pdf.js alone (its operator lists, nothing of samut's) as the ceiling of the pdf.js path.
// Files: the committed PDF fixtures, plus one long PDF (the fixtures repeated with qpdf to
// LONG_PDF_PAGES pages) that shows whether memory stays bounded as pages go by.
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

function runPdftotext(files: string[]): Run {
  let pages = 0;
  let peakKb = 0;
  const useTime = hasCommand('/usr/bin/time');
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const file of files) {
      const command = useTime ? '/usr/bin/time' : 'pdftotext';
      const args = useTime ? ['-f', '%M', 'pdftotext', '-q', file, '-'] : ['-q', file, '-'];
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
    for (const [name, files] of sets) {
      const samut = await timedRounds(files, extractFile);
      figures[`pdf_${name}_pages`] = samut.pages / ROUNDS;
      figures[`pdf_${name}_pages_per_s`] = round(samut.pages / samut.seconds);
      figures[`pdf_${name}_peak_rss_mb`] = round(samut.peakRssMb);
      const pdfjs = await timedRounds(files, readOperatorLists);
      figures[`pdfjs_operator_lists_${name}_pages_per_s`] = round(pdfjs.pages / pdfjs.seconds);
      if (!poppler) continue;
      const reference = runPdftotext(files);
      figures[`pdftotext_${name}_pages_per_s`] = round(reference.pages / reference.seconds);
      figures[`pdftotext_${name}_peak_rss_mb`] = round(reference.peakRssMb);
      figures[`pdf_${name}_speed_ratio_vs_pdftotext`] = round(
        samut.pages / samut.seconds / (reference.pages / reference.seconds),
        3,
      );
      figures[`pdfjs_operator_lists_${name}_ratio_vs_pdftotext`] = round(
        pdfjs.pages / pdfjs.seconds / (reference.pages / reference.seconds),
        3,
      );
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bench(), null, 2));
}
