// Main content: strip page furniture that no article holds, let Mozilla Readability pick the
// article container, fall back to the cleaned page when Readability finds nothing or too
// little, then drop boilerplate blocks that survive inside the container.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { elementBlocks, type HtmlBlock } from './blocks.ts';
import {
  AGENCY_CREDIT,
  AGENCY_CREDIT_MAX_CHARS,
  BARE_URL,
  BOILERPLATE_NAME,
  BOILERPLATE_TEXT,
  BOILERPLATE_TEXT_MAX_CHARS,
  BYLINE_MAX_CHARS,
  BYLINE_TEXT,
  DATE_LINE_MAX_CHARS,
  DATE_LINE_MAX_WORDS,
  DATE_LINE_YEAR,
  CAPTION_LINE,
  FURNITURE_ROLES,
  LEADING_SEPARATORS,
  LINK_DENSE_BLOCK_MAX_CHARS,
  LINK_DENSITY_ANY_LENGTH_MAX,
  LINK_DENSITY_MAX,
  MAX_BOILERPLATE_SHARE,
  MIN_ARTICLE_WORDS,
  NEVER_CONTENT_TAGS,
  NO_LETTER_BLOCK_MAX_CHARS,
  PHOTO_CREDIT,
  PHOTO_CREDIT_MAX_CHARS,
  READABILITY_CHAR_THRESHOLD,
  THAI_AWARE_COMMAS,
} from './rules.ts';

/** Containers that hold the article itself: never removed for a boilerplate-sounding class
 * (WordPress puts "comments-open" on <body> and <article>). */
const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article']);

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Words in a text: Thai has no spaces, so words come from Intl.Segmenter, not from \W. */
export function wordCount(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, '').length;
}

function isBoilerplateContainer(element: Element): boolean {
  const tag = element.localName.toLowerCase();
  if (PROTECTED_TAGS.has(tag) || element.getAttribute('itemprop') === 'articleBody') return false;
  const role = (element.getAttribute('role') ?? '').toLowerCase();
  if (FURNITURE_ROLES.includes(role)) return true;
  const names = `${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`;
  return names.trim().length > 0 && BOILERPLATE_NAME.test(names);
}

/** Removes furniture inside `root`: never-content tags, hidden elements, and containers named
 * or marked as boilerplate, unless such a container holds most of the text (a class word is
 * weak evidence against the bulk of an article). Changes the tree in place. */
export function stripFurniture(root: Element): void {
  for (const element of root.querySelectorAll(NEVER_CONTENT_TAGS.join(','))) element.remove();
  const limit = textLength(root) * MAX_BOILERPLATE_SHARE;
  // Depth first, not descending into what was removed.
  const visit = (parent: Element): void => {
    for (const element of [...parent.children]) {
      if (isHidden(element) || (isBoilerplateContainer(element) && textLength(element) <= limit)) element.remove();
      else visit(element);
    }
  };
  visit(root);
}

/** Page headers and footers outside any article element: only for the whole-page fallback. */
function stripPageChrome(body: Element): void {
  for (const element of [...body.querySelectorAll('header, footer')]) {
    if (body.contains(element) && !element.parentElement?.closest('article, main, [itemprop="articleBody"]')) element.remove();
  }
}

const MONTH_OR_DAY_NAME =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|a\.m|p\.m|utc|gmt|est|edt|pst|pdt|cet|ict|at|on|de|às|um|el)$/i;

/** A short line that is a date and time and nothing else (words that are not month or day
 * names, time-zone abbreviations or linking words stay few). */
function isDateLine(text: string): boolean {
  if (text.length > DATE_LINE_MAX_CHARS || !DATE_LINE_YEAR.test(text)) return false;
  const words = text.match(/[\p{L}.]+/gu)?.map((word) => word.replace(/\.+$/, '')).filter(Boolean) ?? [];
  const dateWords = words.filter((word) => MONTH_OR_DAY_NAME.test(word) || /-feira$/i.test(word));
  // A year alone ("In 2019") is not a date line: a month or day name, a time or a numeric date must be there too.
  const looksDated = dateWords.length > 0 || /\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/.test(text);
  return looksDated && words.length - dateWords.length <= 2 && words.length <= DATE_LINE_MAX_WORDS;
}

function isBoilerplateBlock(block: HtmlBlock): boolean {
  if (block.type === 'table' || block.type === 'code') return false; // data and code are never furniture
  const text = block.text.replace(LEADING_SEPARATORS, '').trim();
  if (BARE_URL.test(text)) return true;
  if (text.length <= BOILERPLATE_TEXT_MAX_CHARS && BOILERPLATE_TEXT.some((pattern) => pattern.test(text))) return true;
  if (text.length <= BYLINE_MAX_CHARS && block.type !== 'heading' && BYLINE_TEXT.some((pattern) => pattern.test(text))) return true;
  if (text.length <= NO_LETTER_BLOCK_MAX_CHARS && !/\p{L}/u.test(text)) return true;
  if (block.type === 'paragraph' && isDateLine(text)) return true;
  const linkDensity = text.length > 0 ? block.linkChars / text.length : 0;
  if (linkDensity > LINK_DENSITY_ANY_LENGTH_MAX) return true;
  return linkDensity > LINK_DENSITY_MAX && text.length <= LINK_DENSE_BLOCK_MAX_CHARS;
}

function blockWords(blocks: readonly HtmlBlock[]): number {
  return blocks.reduce((sum, block) => sum + wordCount(block.text), 0);
}

export interface MainContent {
  blocks: HtmlBlock[];
  /** Which method gave the blocks, for the metadata trail and the README's figures. */
  method: 'readability' | 'page';
}

/** A paragraph that ends in a photo credit is the caption of a picture the page lost its
 * <figcaption> for. */
function retypeCaption(block: HtmlBlock): HtmlBlock {
  if ((block.type !== 'paragraph' && block.type !== 'list-item') || block.text.length > PHOTO_CREDIT_MAX_CHARS) return block;
  const isCaption =
    PHOTO_CREDIT.test(block.text) ||
    CAPTION_LINE.test(block.text) ||
    (block.text.length <= AGENCY_CREDIT_MAX_CHARS && AGENCY_CREDIT.test(block.text));
  return isCaption ? { ...block, type: 'caption' } : block;
}

/** A caption that repeats the block before it word for word is a rendering duplicate (drawn
 * once per screen size). Other repeats stay: a refrain or a repeated table row is text. */
function withoutRepeats(blocks: HtmlBlock[]): HtmlBlock[] {
  return blocks.filter((block, i) => i === 0 || block.type !== 'caption' || block.text !== blocks[i - 1]!.text);
}

function cleanBlocks(root: Element): HtmlBlock[] {
  stripFurniture(root);
  return withoutRepeats(
    elementBlocks(root)
      .filter((block) => !isBoilerplateBlock(block))
      .map(retypeCaption),
  );
}

/** Readability keeps its patterns on its prototype; an own property on the instance overrides
 * the comma pattern for this parse only. */
function makeThaiAware(reader: Readability<Element>): void {
  const patterns = (reader as unknown as { REGEXPS: Record<string, RegExp> }).REGEXPS;
  Object.defineProperty(reader, 'REGEXPS', { value: { ...patterns, commas: THAI_AWARE_COMMAS } });
}

/** The article's blocks from decoded HTML. `parsed`, when given, is that HTML already parsed;
 * it is consumed (Readability rewrites it). */
export function mainContent(html: string, parsed?: Document): MainContent {
  const document = parsed ?? parseHTML(html).document;
  let article: Element | null = null;
  try {
    const reader = new Readability<Element>(document, {
      charThreshold: READABILITY_CHAR_THRESHOLD,
      keepClasses: true,
      serializer: (element: Node) => element as Element,
    });
    makeThaiAware(reader);
    const result = reader.parse();
    article = result?.content ?? null;
  } catch {
    article = null; // Readability throws on pathological pages; the page fallback still works.
  }
  const articleBlocks = article ? cleanBlocks(article) : [];
  if (blockWords(articleBlocks) >= MIN_ARTICLE_WORDS) return { blocks: articleBlocks, method: 'readability' };

  // Readability changed the first tree; the fallback reads a fresh one.
  const page = parseHTML(html).document;
  const body = page.body ?? page.documentElement;
  if (body) stripPageChrome(body);
  const pageBlocks = body ? cleanBlocks(body) : [];
  if (blockWords(pageBlocks) > blockWords(articleBlocks)) return { blocks: pageBlocks, method: 'page' };
  return { blocks: articleBlocks, method: 'readability' };
}
