// The maintainers' benchmark: a generated corpus of at least 1,000 documents and 10,000
// pages (Thai and English PDFs, web pages, text and Markdown), built cold, then again
// unchanged; PDF throughput with one and two worker threads, and with two one-thread builds in
// separate processes (what the machine gives two independent jobs); peak memory on a 2,000-page PDF.
// Needs qpdf (Debian) to assemble multi-page PDFs from the committed fixtures; without it,
// the corpus has fewer pages and says so.
// The corpus is generated from few distinct files, and its figures say so (corpus_distinct_*):
// its 350 PDFs are byte-level copies of 2 assembled PDFs (one Thai, one English, 30 pages each,
// made of the 4 committed PDF fixtures), its 350 web pages copies of the 91 real pages of
// tests/fixtures/web-articles-dev, its 300 text and Markdown files copies of the 6 in sources/.
// It measures throughput, memory and incremental builds, not robustness on varied files.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Manifest } from '../../pipeline/index.ts';
import { hasCommand } from '../lib/commands.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const CACHE = path.join(ROOT, '.cache', 'bench-corpus');
const PDF_COPIES = 350;
const PAGES_PER_PDF = 30;
const HTML_COPIES = 350;
const TEXT_COPIES = 300;
const BIG_PDF_PAGES = 2000;
const SCALING_PDFS = 120;

/** Appending a comment after %%EOF changes the bytes (and so the id) but not the content. */
function uniqueCopy(bytes: Buffer, n: number, comment: (n: number) => string): Buffer {
  return Buffer.concat([bytes, Buffer.from(comment(n))]);
}

function pdfSources(): string[] {
  const names = ['thai-report.pdf', 'english-report.pdf', 'two-column.pdf', 'royal-gazette-2566.pdf'];
  return names.map((name) => path.join(ROOT, 'tests', 'fixtures', 'pdf', name)).filter((file) => existsSync(file));
}

/** A PDF of about `pages` pages made by repeating the fixtures with qpdf. */
function assemblePdf(out: string, pages: number, sources: string[]): number {
  const pageCount = (file: string) => Number(execFileSync('qpdf', ['--show-npages', file], { encoding: 'utf8' }).trim());
  const list: string[] = [];
  let total = 0;
  for (let i = 0; total < pages; i++) {
    const file = sources[i % sources.length] ?? '';
    list.push(file);
    total += pageCount(file);
  }
  execFileSync('qpdf', ['--empty', '--pages', ...list, '--', out]);
  return total;
}

interface Corpus {
  dir: string;
  documents: number;
  pages: number;
  bigPdf: string | null;
  /** Distinct files the copies were made from, by kind. */
  distinct: { pdf: number; html: number; text: number };
}

export function makeCorpus(): Corpus {
  const dir = path.join(CACHE, 'corpus');
  const stamp = path.join(CACHE, 'made.json');
  if (existsSync(stamp)) {
    const made = JSON.parse(readFileSync(stamp, 'utf8')) as Partial<Corpus>;
    if (made.distinct) return made as Corpus;
  }
  rmSync(CACHE, { recursive: true, force: true });
  for (const sub of ['pdf', 'html', 'text']) mkdirSync(path.join(dir, sub), { recursive: true });
  const sources = pdfSources();
  let pages = 0;
  let documents = 0;
  let bigPdf: string | null = null;
  let distinctPdfs = 0;
  if (sources.length > 0) {
    const canAssemble = hasCommand('qpdf');
    const thai = path.join(CACHE, 'th-30.pdf');
    const english = path.join(CACHE, 'en-30.pdf');
    const thaiPages = canAssemble ? assemblePdf(thai, PAGES_PER_PDF, sources.filter((f) => /thai|gazette/u.test(f))) : 0;
    const englishPages = canAssemble ? assemblePdf(english, PAGES_PER_PDF, sources.filter((f) => /english|two-column/u.test(f))) : 0;
    distinctPdfs = canAssemble ? 2 : sources.length;
    for (let n = 0; n < PDF_COPIES; n++) {
      const [file, count] = canAssemble ? (n % 2 === 0 ? [thai, thaiPages] : [english, englishPages]) : [sources[n % sources.length] ?? '', 1];
      writeFileSync(path.join(dir, 'pdf', `report-${String(n).padStart(4, '0')}.pdf`), uniqueCopy(readFileSync(file), n, (k) => `\n%samut-bench ${k}\n`));
      pages += count;
      documents++;
    }
    if (canAssemble) {
      bigPdf = path.join(CACHE, `big-${BIG_PDF_PAGES}.pdf`);
      assemblePdf(bigPdf, BIG_PDF_PAGES, sources);
    }
  }
  // The 91 real pages of the web benchmark (tests/fixtures/web-articles-dev), each copied about four times.
  const pagesDir = path.join(ROOT, 'tests', 'fixtures', 'web-articles-dev', 'html');
  const htmlSources = readdirSync(pagesDir).sort().map((name) => gunzipSync(readFileSync(path.join(pagesDir, name))));
  for (let n = 0; n < HTML_COPIES && htmlSources.length > 0; n++) {
    const page = htmlSources[n % htmlSources.length] ?? Buffer.alloc(0);
    writeFileSync(path.join(dir, 'html', `page-${String(n).padStart(4, '0')}.html`), uniqueCopy(page, n, (k) => `\n<!-- samut-bench ${k} -->\n`));
    documents++;
  }
  const texts = readdirSync(path.join(ROOT, 'sources')).filter((name) => /\.(txt|md)$/u.test(name) && name !== 'README.md').sort();
  for (let n = 0; n < TEXT_COPIES; n++) {
    const name = texts[n % texts.length] ?? '';
    const extension = path.extname(name);
    const bytes = readFileSync(path.join(ROOT, 'sources', name));
    const header = extension === '.md' ? `<!-- copy ${n} -->\n` : `Copy ${n}\n\n`;
    // The TIS-620 sample must stay TIS-620: its header is ASCII, so prepending keeps the code page.
    writeFileSync(path.join(dir, 'text', `doc-${String(n).padStart(4, '0')}${extension}`), Buffer.concat([Buffer.from(header), bytes]));
    documents++;
  }
  const made: Corpus = { dir, documents, pages, bigPdf, distinct: { pdf: distinctPdfs, html: htmlSources.length, text: texts.length } };
  writeFileSync(stamp, JSON.stringify(made));
  return made;
}

const execFileAsync = promisify(execFile);

async function mapTwoAtATime<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all([lane(), lane()]);
}

function corpusPages(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + Number(execFileSync('qpdf', ['--show-npages', file], { encoding: 'utf8' }).trim()), 0);
}

export interface Measured {
  manifest: Manifest;
  /** Peak resident memory of the whole build process, worker threads included. */
  peakMiB: number;
  /** CPU time of the whole build process (all its threads), in ms. */
  cpuMs: number;
  /** Wall time of the build process from its start (node, tsx, imports) to its exit, in ms. */
  wallMs: number;
}

const CHILD_ARGS = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'];
const CHILD_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Each build runs in a fresh process, so that its peak memory is its own (also used by pdf-dev.ts). */
export function measuredBuild(options: BuildOptions): Measured {
  const started = performance.now();
  const output = execFileSync(process.execPath, [...CHILD_ARGS, JSON.stringify(options)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: CHILD_OUTPUT_BYTES,
  });
  return { ...(JSON.parse(output) as Omit<Measured, 'wallMs'>), wallMs: performance.now() - started };
}

/** Two builds at once, each in its own process with one worker thread, on alternate files: what
 * two cores give with nothing shared but the machine (the ceiling for two threads in one build). */
async function twoProcessRate(pdfs: readonly string[]): Promise<number> {
  const halves = [pdfs.filter((_, i) => i % 2 === 0), pdfs.filter((_, i) => i % 2 === 1)];
  const runs = await Promise.all(
    halves.map(async (inputs, half) => {
      const out = path.join(CACHE, `scaling-process-${half}`);
      rmSync(out, { recursive: true, force: true });
      const options: BuildOptions = { inputs: [...inputs], out, threads: 1, concurrency: 2, ocr: 'never' };
      const { stdout } = await execFileAsync(process.execPath, [...CHILD_ARGS, JSON.stringify(options)], { cwd: ROOT, maxBuffer: CHILD_OUTPUT_BYTES });
      return JSON.parse(stdout) as Measured;
    }),
  );
  const pages = runs.reduce((sum, run) => sum + run.manifest.summary.pages, 0);
  return perSecond(pages, Math.max(...runs.map((run) => run.manifest.durationMs)));
}

function perSecond(count: number, ms: number): number {
  return Math.round((count / (ms / 1000)) * 10) / 10;
}

export async function bench(): Promise<Record<string, number | string>> {
  const corpus = makeCorpus();
  const out = path.join(CACHE, 'out');
  rmSync(out, { recursive: true, force: true });
  const figures: Record<string, number | string> = {
    corpus_documents: corpus.documents,
    corpus_pdf_pages: corpus.pages,
    corpus_distinct_pdfs: corpus.distinct.pdf,
    corpus_distinct_web_pages: corpus.distinct.html,
    corpus_distinct_texts: corpus.distinct.text,
  };

  const cold = measuredBuild({ inputs: [corpus.dir], out, ocr: 'never' });
  const manifest = cold.manifest;
  figures.cold_seconds = Math.round(manifest.durationMs / 100) / 10;
  figures.cold_documents_per_s = perSecond(manifest.summary.total, manifest.durationMs);
  figures.cold_pages_per_s = perSecond(manifest.summary.pages, manifest.durationMs);
  figures.cold_ok = manifest.summary.ok;
  figures.cold_failed = manifest.summary.failed;
  figures.cold_peak_rss_mib = cold.peakMiB;
  for (const [stage, ms] of Object.entries(manifest.stageTimings)) figures[`stage_${stage}_cpu_s`] = Math.round(ms / 100) / 10;

  const warm = measuredBuild({ inputs: [corpus.dir], out, ocr: 'never' });
  figures.unchanged_rebuild_peak_rss_mib = warm.peakMiB;
  figures.unchanged_rebuild_seconds = Math.round(warm.manifest.durationMs / 10) / 100;
  figures.unchanged_skipped = warm.manifest.summary.skipped;

  // Scaling on the CPU-heavy path: the same PDFs with one worker thread, then two.
  const pdfs = readdirSync(path.join(corpus.dir, 'pdf')).sort().slice(0, SCALING_PDFS).map((name) => path.join(corpus.dir, 'pdf', name));
  if (pdfs.length > 0) {
    const rates: number[] = [];
    let twoThreadsWithStart = 0;
    for (const threads of [1, 2]) {
      const scalingOut = path.join(CACHE, `scaling-${threads}`);
      rmSync(scalingOut, { recursive: true, force: true });
      const run = measuredBuild({ inputs: pdfs, out: scalingOut, threads, concurrency: threads * 2, ocr: 'never' });
      rates.push(perSecond(run.manifest.summary.pages, run.manifest.durationMs));
      const label = `${threads}_thread${threads > 1 ? 's' : ''}`;
      figures[`pdf_pages_per_s_${label}`] = rates.at(-1) ?? 0;
      // Cores kept busy: CPU time of every thread of the build over its wall time.
      figures[`pdf_cores_busy_${label}`] = Math.round((run.cpuMs / run.manifest.durationMs) * 100) / 100;
      // The same run timed as pdftotext is: from process start (node, tsx, worker threads) to exit.
      twoThreadsWithStart = perSecond(run.manifest.summary.pages, run.wallMs);
    }
    figures.pdf_pages_per_s_2_threads_with_start = twoThreadsWithStart;
    figures.two_thread_speedup = Math.round(((rates[1] ?? 0) / (rates[0] || 1)) * 100) / 100;
    const twoProcesses = await twoProcessRate(pdfs);
    figures.pdf_pages_per_s_2_processes_of_1_thread = twoProcesses;
    figures.two_process_speedup = Math.round((twoProcesses / (rates[0] || 1)) * 100) / 100;
    if (hasCommand('pdftotext')) {
      // pdftotext on the same files, one process per file, two at a time: both cores, as samut.
      // Its processes' start-up is in its time, so samut's is in the ratio too (wall time of the
      // build process, from node's start to exit).
      const started = performance.now();
      await mapTwoAtATime(pdfs, (file) => execFileAsync('pdftotext', [file, '-']));
      const elapsed = performance.now() - started;
      // Pages are counted (with qpdf) after the clock stops.
      const pdftotext = perSecond(corpusPages(pdfs), elapsed);
      figures.pdftotext_pages_per_s_2_processes = pdftotext;
      figures.pdf_ratio_vs_pdftotext_with_start = Math.round((twoThreadsWithStart / pdftotext) * 100) / 100;
    } else {
      figures.pdftotext_note = 'pdftotext (poppler-utils) missing: no comparison';
    }
  }

  if (!corpus.bigPdf) figures.corpus_note = 'qpdf missing: one-page PDFs instead of 30-page ones, no 2,000-page PDF';
  if (corpus.bigPdf) {
    const bigOut = path.join(CACHE, 'big-out');
    rmSync(bigOut, { recursive: true, force: true });
    const big = measuredBuild({ inputs: [corpus.bigPdf ?? ''], out: bigOut, ocr: 'never', timeoutMs: 600_000 });
    figures.big_pdf_pages = big.manifest.summary.pages;
    figures.big_pdf_seconds = Math.round(big.manifest.durationMs / 100) / 10;
    figures.big_pdf_peak_rss_mib = big.peakMiB;
    figures.big_pdf_status = big.manifest.documents[0]?.status ?? 'none';
  }
  return figures;
}

if (process.argv[2] === '--child') {
  const cpuBefore = process.cpuUsage();
  const result = await build(JSON.parse(process.argv[3] ?? '{}') as BuildOptions);
  const cpu = process.cpuUsage(cpuBefore);
  const measured: Omit<Measured, 'wallMs'> = {
    manifest: result.manifest,
    peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
  process.stdout.write(JSON.stringify(measured));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await bench();
  for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name}\t${value}\n`);
}
