// OCR benchmark: pages per minute and character error rate of the OCR stage (tesseract.js, 2
// workers) on the 300 dpi scans in tests/fixtures/scans/bench/, next to the native `tesseract`
// command (Debian tesseract-ocr + tesseract-ocr-tha) on the same images with -l tha+eng, two
// processes at a time (one per core, OMP_THREAD_LIMIT=1). Targets: CER no worse than native,
// throughput at least 0.8 of native.
//
//   npx tsx scripts/bench/ocr.ts
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { extractImage } from '../../pipeline/extract/image/index.ts';
import { emptyDraft } from '../../pipeline/model/index.ts';
import { encodeImagePdf } from '../fixtures/scans/encoders.ts';
import { rawTextLayer } from '../fixtures/scans/text-layer.ts';
import { levenshtein, normalizeForCer } from '../../pipeline/ocr/cer.ts';
import { createOcrEngine, ocrDraft } from '../../pipeline/ocr/index.ts';

const BENCH_DIR = path.resolve(import.meta.dirname, '../../tests/fixtures/scans/bench');
const WORKERS = 2;
/** Each page is read this many times in a trial, so that a trial lasts long enough to time. */
const ROUNDS = 2;
/** Trials of each side, alternated (ours, native, ours, native…); the best throughput of each
 * counts, since the 2-core machine is shared and a trial can lose its cores to another process. */
const TRIALS = 2;
const LANGUAGES = 'tha+eng';

interface BenchPage {
  name: string;
  bytes: Uint8Array;
  truth: string;
  thai: boolean;
  /** The letters (decree, memo) carry an emblem, a stamp and a signature; the reports do not. */
  officialMarks: boolean;
}

function loadPages(): BenchPage[] {
  return readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.png'))
    .sort()
    .map((name) => {
      const truth = readFileSync(path.join(BENCH_DIR, `${name}.txt`), 'utf8');
      return { name, bytes: new Uint8Array(readFileSync(path.join(BENCH_DIR, name))), truth, thai: /[\u0E01-\u0E5B]/u.test(truth), officialMarks: !name.includes('report') };
    });
}

interface Score {
  edits: number;
  chars: number;
}

function addScore(scores: Map<string, Score>, key: string, truth: string, read: string): void {
  const expected = [...normalizeForCer(truth)];
  const actual = [...normalizeForCer(read)];
  const score = scores.get(key) ?? { edits: 0, chars: 0 };
  score.edits += levenshtein(expected, actual);
  score.chars += expected.length;
  scores.set(key, score);
}

async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** Reads every page ROUNDS times; returns pages per minute and errors by language. */
async function measure(pages: BenchPage[], read: (page: BenchPage) => Promise<string>, concurrency: number) {
  const work = Array.from({ length: ROUNDS }, () => pages).flat();
  const scores = new Map<string, Score>();
  const started = performance.now();
  await pool(work, concurrency, async (page) => {
    const text = await read(page);
    addScore(scores, page.thai ? 'th' : 'en', page.truth, text);
    addScore(scores, 'all', page.truth, text);
    // Pages without emblem, stamp or signature: the recognizers alone, without the picture filter.
    if (!page.officialMarks) addScore(scores, 'plain', page.truth, text);
  });
  const minutes = (performance.now() - started) / 60_000;
  const cer = (key: string) => {
    const score = scores.get(key);
    return score ? Math.round((score.edits / score.chars) * 10_000) / 10_000 : NaN;
  };
  return {
    pagesPerMin: Math.round((work.length / minutes) * 10) / 10,
    cer: cer('all'),
    cerTh: cer('th'),
    cerEn: cer('en'),
    cerPlain: cer('plain'),
  };
}

function nativeAvailable(): boolean {
  const result = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return result.status === 0 && /^tha$/mu.test(result.stdout) && /^eng$/mu.test(result.stdout);
}

function nativeRead(page: BenchPage): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', [path.join(BENCH_DIR, page.name), 'stdout', '-l', LANGUAGES], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`tesseract exited with ${code}`))));
  });
}

/** Pages of the long-scan memory check: a 300-page scanned report, each page one short line. */
const LONG_SCAN_PAGES = 300;
const RSS_SAMPLE_MS = 50;

/** A tiny one-line scanned page, as JPEG, so that 300 of them read in seconds. */
function tinyScanPage(): { jpeg: Uint8Array; width: number; height: number; dpi: number } {
  const width = 700;
  const height = 90;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f6f6f6';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#141414';
  context.font = '34px serif';
  context.fillText('Household survey report, page of 300', 20, 58);
  return { jpeg: new Uint8Array(canvas.encodeSync('jpeg', 85)), width, height, dpi: 150 };
}

/** OCRs a 300-page image-only PDF while sampling the process' resident memory. */
async function longScan(engine: Awaited<ReturnType<typeof createOcrEngine>>) {
  const page = tinyScanPage();
  const bytes = encodeImagePdf(Array.from({ length: LONG_SCAN_PAGES }, () => page));
  const source = { uri: 'long-scan', mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length };
  const draft = {
    ...emptyDraft(source, 'pdf'),
    pages: Array.from({ length: LONG_SCAN_PAGES }, (_, i) => ({ page: i + 1, chars: 0, needsOcr: 'no-text' as const })),
  };
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), RSS_SAMPLE_MS);
  const started = performance.now();
  try {
    const read = await ocrDraft({ draft, bytes, options: { ocr: 'auto', ocrLanguages: LANGUAGES } }, engine);
    const pagesRead = new Set(read.blocks.map((block) => block.page)).size;
    return {
      pagesRead,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rssGrowthMb: Math.round((peak - before) / 1e6),
      pdfMb: Math.round(bytes.length / 1e5) / 10,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The Royal Gazette PDF and its hand transcription (tests/fixtures/pdf/PROVENANCE.md). */
const GAZETTE = path.resolve(import.meta.dirname, '../../tests/fixtures/pdf/royal-gazette-2566');
const SARA_AM = /\u0E33|\u0E4D\u0E32/gu;
/** Upper vowels, tone marks, thanthakhat: what OCR drops and a text layer keeps. */
const UPPER_MARKS = /[\u0E31\u0E34-\u0E37\u0E47-\u0E4C]/gu;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Voting on the real damaged Royal Gazette PDF: sara am and upper marks in the text layer, in
 * OCR alone and after the vote, next to the hand transcription. Counts, not CER: the
 * transcription moves the title and drops the running header, so a string distance would
 * measure layout conventions rather than letters. */
async function gazette(engine: Awaited<ReturnType<typeof createOcrEngine>>) {
  const bytes = new Uint8Array(readFileSync(`${GAZETTE}.pdf`));
  const gold = readFileSync(`${GAZETTE}.gold.md`, 'utf8').replace(/^---[\s\S]*?---\n/u, '');
  const layer = await rawTextLayer(bytes);
  const pages = [...new Set(layer.map((block) => block.page!))].map((page) => ({ page, chars: 1, needsOcr: 'garbage' as const }));
  const source = { uri: 'gazette.pdf', mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length };
  const voted = await ocrDraft(
    { draft: { ...emptyDraft(source, 'pdf'), blocks: layer, pages }, bytes, options: { ocr: 'auto', ocrLanguages: LANGUAGES } },
    engine,
  );
  const layerText = layer.map((block) => block.text).join('\n');
  const votedText = voted.blocks.map((block) => block.text).join('\n');
  const ocrText = voted.blocks.map((block) => block.evidence?.ocrText ?? '').join('\n');
  return {
    gazette_sara_am_gold: count(gold, SARA_AM),
    gazette_sara_am_text_layer: count(layerText, SARA_AM),
    gazette_sara_am_ocr: count(ocrText, SARA_AM),
    gazette_sara_am_voted: count(votedText, SARA_AM),
    gazette_upper_marks_gold: count(gold, UPPER_MARKS),
    gazette_upper_marks_text_layer: count(layerText, UPPER_MARKS),
    gazette_upper_marks_ocr: count(ocrText, UPPER_MARKS),
    gazette_upper_marks_voted: count(votedText, UPPER_MARKS),
    gazette_votes_ocr_won: voted.repairs['ocr-vote-sara-am'] ?? 0,
    gazette_votes_text_layer_won: voted.repairs['ocr-vote-text-layer-kept'] ?? 0,
  };
}

export async function bench(): Promise<Record<string, number | string>> {
  const pages = loadPages();
  const startAt = performance.now();
  const engine = await createOcrEngine({ languages: LANGUAGES, workers: WORKERS });
  const startSeconds = Math.round((performance.now() - startAt) / 10) / 100;
  const options = { ocr: 'auto' as const, ocrLanguages: LANGUAGES };
  const source = { uri: 'bench', mediaType: 'image/png', sha256: '0'.repeat(64), bytes: 0 };
  const hasNative = nativeAvailable();
  const readOurs = async (page: BenchPage) => {
    const draft = await extractImage({ source, kind: 'image', bytes: page.bytes, options });
    const read = await ocrDraft({ draft, bytes: page.bytes, options }, engine);
    return read.blocks.map((block) => block.text).join('\n');
  };
  type Result = Awaited<ReturnType<typeof measure>>;
  const best = (a: Result | undefined, b: Result) => (!a || b.pagesPerMin > a.pagesPerMin ? b : a);
  let ours: Result | undefined;
  let native: Result | undefined;
  let long: Awaited<ReturnType<typeof longScan>> | undefined;
  let voting: Awaited<ReturnType<typeof gazette>> | undefined;
  try {
    for (let trial = 0; trial < TRIALS; trial++) {
      ours = best(ours, await measure(pages, readOurs, WORKERS));
      if (hasNative) native = best(native, await measure(pages, nativeRead, WORKERS));
    }
    long = await longScan(engine);
    voting = await gazette(engine);
  } finally {
    await engine.terminate();
  }
  ours = ours!;
  const figures: Record<string, number | string> = {
    // 4 generated 300 dpi pages (tests/fixtures/scans/bench), each read ROUNDS times a trial.
    ocr_bench_distinct_pages: pages.length,
    ocr_bench_page_reads: pages.length * ROUNDS,
    ocr_engine_start_s: startSeconds,
    ocr_pages_per_min: ours.pagesPerMin,
    ocr_cer: ours.cer,
    ocr_cer_th: ours.cerTh,
    ocr_cer_en: ours.cerEn,
    ocr_cer_plain_pages: ours.cerPlain,
    // One generated one-line page, LONG_SCAN_PAGES times over.
    ocr_long_scan_distinct_pages: 1,
    ocr_long_scan_pages_read: long!.pagesRead,
    ocr_long_scan_s: long!.seconds,
    ocr_long_scan_pdf_mb: long!.pdfMb,
    // Memory stays bounded: rendered pages are released as soon as they are read.
    ocr_long_scan_rss_growth_mb: long!.rssGrowthMb,
    ...voting,
  };
  const reads = pages.length * ROUNDS;
  const withStart = Math.round((reads / (reads / ours.pagesPerMin + startSeconds / 60)) * 10) / 10;
  if (!native) {
    figures.ocr_native = 'tesseract with tha+eng not installed: no comparison';
    return figures;
  }
  return {
    ...figures,
    native_pages_per_min: native.pagesPerMin,
    native_cer: native.cer,
    native_cer_th: native.cerTh,
    native_cer_en: native.cerEn,
    native_cer_plain_pages: native.cerPlain,
    // Targets: throughput ratio >= 0.8, CER ratio <= 1. Native tesseract runs one process per
    // page, so its start-up (loading the models) is in its time on every page; samut's engine
    // starts once per build, so the ratio counts it once per trial too.
    ocr_pages_per_min_with_start: withStart,
    ocr_throughput_ratio: Math.round((withStart / native.pagesPerMin) * 100) / 100,
    ocr_throughput_ratio_without_our_start: Math.round((ours.pagesPerMin / native.pagesPerMin) * 100) / 100,
    ocr_cer_ratio: native.cer > 0 ? Math.round((ours.cer / native.cer) * 100) / 100 : ours.cer === 0 ? 1 : Infinity,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await bench();
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(24)} ${value}`);
}
