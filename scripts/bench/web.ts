// Web main-content benchmark: samut's HTML extraction on the 91 development pages of the
// article-extraction-benchmark, scored as that benchmark scores (see its PROVENANCE.md):
// 4-token word shingles over \w+ tokens, multisets, precision and recall averaged over pages,
// F1 from the two averages.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { extractHtml } from '../../pipeline/extract/html/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';

/** The 91 development pages, vendored with their PROVENANCE.md (MIT). */
export const WEB_CORPUS = new URL('../../tests/fixtures/web-articles-dev/', import.meta.url);
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

// The alternatives samut's method was chosen against (`--compare`): Readability's own
// textContent, and a first own scorer on the unified route (rehype-parse to hast; each <p>
// gives its non-link text length to its parent and half to its grandparent; the best
// container's text is the article).

function readabilityText(page: WebPage): string {
  try {
    const { document } = parseHTML(new TextDecoder().decode(page.bytes));
    return new Readability(document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
  properties?: Record<string, unknown>;
}
const HAST_SKIPPED = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'template', 'button']);
const HAST_BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'section', 'article', 'ul', 'ol', 'table', 'br', 'figcaption']);
const HAST_BOILERPLATE = /comment|share|social|related|footer|sidebar|cookie|newsletter|promo|advert|nav|menu/i;
const HAST_MIN_PARAGRAPH_CHARS = 25;

function hastText(node: HastNode, withLinks: boolean): string {
  if (node.type === 'text') return node.value ?? '';
  if ((node.type !== 'element' && node.type !== 'root') || (node.tagName && HAST_SKIPPED.has(node.tagName))) return '';
  if (!withLinks && node.tagName === 'a') return '';
  const inner = (node.children ?? []).map((child) => hastText(child, withLinks)).join('');
  return node.tagName && HAST_BLOCKS.has(node.tagName) ? `\n${inner}\n` : inner;
}

function rehypeBaselineText(page: WebPage): string {
  const tree = unified().use(rehypeParse).parse(new TextDecoder().decode(page.bytes)) as HastNode;
  const parents = new Map<HastNode, HastNode>();
  const scores = new Map<HastNode, number>();
  const visit = (node: HastNode): void => {
    for (const child of node.children ?? []) {
      if (child.type !== 'element' || HAST_SKIPPED.has(child.tagName!)) continue;
      const names = `${child.properties?.['id'] ?? ''} ${(child.properties?.['className'] as string[] | undefined)?.join(' ') ?? ''}`;
      if (HAST_BOILERPLATE.test(names)) continue;
      parents.set(child, node);
      if (child.tagName === 'p') {
        const length = hastText(child, false).trim().length;
        if (length > HAST_MIN_PARAGRAPH_CHARS) {
          scores.set(node, (scores.get(node) ?? 0) + length);
          const grandparent = parents.get(node);
          if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
        }
      }
      visit(child);
    }
  };
  visit(tree);
  const best = [...scores].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ? hastText(best, true).split(/\n+/).map((line) => line.trim()).filter(Boolean).join('\n\n') : '';
}

/** F1 of the alternatives on the same pages and scorer. */
export function compareAlternatives(): Record<string, number> {
  const pages = loadWebCorpus();
  const figures: Record<string, number> = {};
  for (const [name, extract] of [['readability_textcontent', readabilityText], ['rehype_paragraph_parents', rehypeBaselineText]] as const) {
    const totals: Totals = { precision: 0, recall: 0 };
    for (const page of pages) {
      const score = shingleScore(page.truth, extract(page));
      totals.precision += score.precision;
      totals.recall += score.recall;
    }
    figures[`web_f1_${name}`] = Math.round(f1Of(totals, pages.length).f1 * 1000) / 1000;
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--compare')) console.log(JSON.stringify(compareAlternatives(), null, 2));
  if (process.argv.includes('--pages')) {
    for (const page of loadWebCorpus()) {
      const { precision, recall } = shingleScore(page.truth, await extractArticleText(page));
      console.log(`${page.key.slice(0, 12)} p=${precision.toFixed(3)} r=${recall.toFixed(3)} ${page.url}`);
    }
  }
  console.log(JSON.stringify(await bench(), null, 2));
}
