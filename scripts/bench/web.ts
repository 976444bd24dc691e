// Web main-content benchmark: samut's HTML extraction on the 91 development pages of the
// article-extraction-benchmark, scored as that benchmark scores (see its PROVENANCE.md):
// 4-token word shingles over \w+ tokens, multisets, precision and recall averaged over pages,
// F1 from the two averages.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../../pipeline/extract/html/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';

export const WEB_CORPUS = new URL('../../../shared/corpora/web-articles-dev/', import.meta.url);
const SHINGLE = 4;
/** Python's \w: letters, digits, marks and underscore. */
const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  // A text shorter than one shingle counts as one shingle, as the benchmark's own code does.
  const size = Math.min(SHINGLE, tokens.length);
  for (let i = 0; size > 0 && i + size <= tokens.length; i++) {
    const key = tokens.slice(i, i + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function shingleScore(truth: string, extracted: string): { precision: number; recall: number } {
  const expected = shingles(truth);
  const got = shingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of got) {
    const m = expected.get(key) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [key, m] of expected) fn += Math.max(0, m - (got.get(key) ?? 0));
  const precision = tp + fp > 0 ? tp / (tp + fp) : fn > 0 ? 0 : 1;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  return { precision, recall };
}

export interface WebPage {
  key: string;
  url: string;
  truth: string;
  bytes: Uint8Array;
}

export function loadWebCorpus(keys?: readonly string[]): WebPage[] {
  const truth = JSON.parse(readFileSync(new URL('ground-truth.json', WEB_CORPUS), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const files = readdirSync(new URL('html/', WEB_CORPUS)).filter((name) => name.endsWith('.html.gz')).sort();
  const pages: WebPage[] = [];
  for (const file of files) {
    const key = file.slice(0, -'.html.gz'.length);
    if (keys && !keys.includes(key)) continue;
    const entry = truth[key];
    if (!entry) continue;
    pages.push({ key, url: entry.url, truth: entry.articleBody, bytes: gunzipSync(readFileSync(new URL(`html/${file}`, WEB_CORPUS))) });
  }
  return pages;
}

/** The blocks samut extracts from one page (none when extraction fails). */
async function extractBlocks(page: WebPage): Promise<{ type: string; text: string }[]> {
  const source = {
    uri: page.url,
    mediaType: 'text/html',
    sha256: createHash('sha256').update(page.bytes).digest('hex'),
    bytes: page.bytes.byteLength,
  };
  try {
    const draft = await extractHtml({ source, kind: 'html', bytes: page.bytes, finalUrl: page.url, options: DEFAULT_EXTRACT_OPTIONS });
    return draft.blocks;
  } catch {
    return [];
  }
}

function joinBlocks(blocks: readonly { type: string; text: string }[], withCaptions: boolean): string {
  return blocks
    .filter((block) => withCaptions || block.type !== 'caption')
    .map((block) => block.text)
    .join('\n\n');
}

/** The article text samut extracts from one page ('' when extraction fails). With
 * `withCaptions: false`, caption blocks are left out, as the benchmark's truth leaves them. */
export async function extractArticleText(page: WebPage, withCaptions = true): Promise<string> {
  return joinBlocks(await extractBlocks(page), withCaptions);
}

interface Totals {
  precision: number;
  recall: number;
}

function f1Of(totals: Totals, pages: number): { f1: number; precision: number; recall: number } {
  const precision = totals.precision / pages;
  const recall = totals.recall / pages;
  return { f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

/** Figures on the whole corpus: web_f1 scores the document text as samut emits it; the
 * _body figures leave caption blocks out, which is what the benchmark's truth calls the body. */
export async function bench(): Promise<Record<string, number | string>> {
  const pages = loadWebCorpus();
  const whole: Totals = { precision: 0, recall: 0 };
  const body: Totals = { precision: 0, recall: 0 };
  let seconds = 0;
  for (const page of pages) {
    const started = performance.now();
    const blocks = await extractBlocks(page);
    seconds += (performance.now() - started) / 1000;
    const score = shingleScore(page.truth, joinBlocks(blocks, true));
    whole.precision += score.precision;
    whole.recall += score.recall;
    const bodyScore = shingleScore(page.truth, joinBlocks(blocks, false));
    body.precision += bodyScore.precision;
    body.recall += bodyScore.recall;
  }
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  const all = f1Of(whole, pages.length);
  const noCaptions = f1Of(body, pages.length);
  return {
    web_pages: pages.length,
    web_f1: round(all.f1),
    web_precision: round(all.precision),
    web_recall: round(all.recall),
    web_f1_body: round(noCaptions.f1),
    web_precision_body: round(noCaptions.precision),
    web_recall_body: round(noCaptions.recall),
    web_pages_per_s: Math.round((pages.length / seconds) * 10) / 10,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--pages')) {
    for (const page of loadWebCorpus()) {
      const { precision, recall } = shingleScore(page.truth, await extractArticleText(page));
      console.log(`${page.key.slice(0, 12)} p=${precision.toFixed(3)} r=${recall.toFixed(3)} ${page.url}`);
    }
  }
  console.log(JSON.stringify(await bench(), null, 2));
}
