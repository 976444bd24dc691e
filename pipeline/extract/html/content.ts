// Main content: Mozilla Readability picks the article container, furniture inside it is
// stripped, and the cleaned page stands in when Readability finds (almost) nothing. The
// blocks then go through the block filters.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { wordSegments } from '../../shared/segment.ts';
import { elementBlocks, type HtmlBlock } from './blocks.ts';
import { filterBlocks } from './filters.ts';
import {
  BOILERPLATE_NAME,
  FURNITURE_ROLES,
  MAX_BOILERPLATE_SHARE,
  MIN_ARTICLE_WORDS,
  NEVER_CONTENT_TAGS,
  READABILITY_CHAR_THRESHOLD,
  THAI_AWARE_COMMAS,
} from './rules.ts';

/** Containers that hold the article itself: never removed for a boilerplate-sounding class
 * (WordPress puts "comments-open" on <body> and <article>). */
const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article']);

/** Words in a text: Thai has no spaces, so words come from Intl.Segmenter, not from \W (in
 * chunks: on one long paragraph the segmenter alone took minutes). */
function wordCount(text: string): number {
  let count = 0;
  for (const segment of wordSegments(text)) if (segment.isWordLike) count++;
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
function stripFurniture(root: Element): void {
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

function blockWords(blocks: readonly HtmlBlock[]): number {
  return blocks.reduce((sum, block) => sum + wordCount(block.text), 0);
}

export interface MainContent {
  blocks: HtmlBlock[];
  /** Which method gave the blocks, for the metadata trail and the README's figures. */
  method: 'readability' | 'page';
}

function cleanBlocks(root: Element): HtmlBlock[] {
  stripFurniture(root);
  return filterBlocks(elementBlocks(root));
}

/** Deepest element nesting read as it is. Real pages nest 20 to 40 deep; Readability's scoring
 * walks each node's ancestors and descendants again and again, so its time grows with the square
 * (or worse) of the depth: 2,000 nested <div>s in a 12 KB file took 106 s. */
const MAX_NESTING_DEPTH = 128;

/** Unwraps every element nested deeper than MAX_NESTING_DEPTH (its children take its place, its
 * text stays where it was), so what Readability reads is never deeper than that. In place; one
 * pass over the tree. Returns how many elements were unwrapped. */
function pruneDeepNesting(root: Element, maxDepth = MAX_NESTING_DEPTH): number {
  let unwrapped = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth >= maxDepth) {
      // Hoist every element below: its descendants become this element's direct children.
      let child = element.firstElementChild;
      while (child) {
        if (child.firstChild) {
          const next = child.firstChild;
          child.replaceWith(...child.childNodes);
          unwrapped++;
          child = next.nodeType === 1 ? (next as Element) : nextElement(next);
        } else child = child.nextElementSibling;
      }
      continue;
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return unwrapped;
}

function nextElement(node: Node): Element | null {
  let next = node.nextSibling;
  while (next && next.nodeType !== 1) next = next.nextSibling;
  return next as Element | null;
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
  if (document.documentElement) pruneDeepNesting(document.documentElement);
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
  if (page.documentElement) pruneDeepNesting(page.documentElement);
  const body = page.body ?? page.documentElement;
  if (body) stripPageChrome(body);
  const pageBlocks = body ? cleanBlocks(body) : [];
  if (blockWords(pageBlocks) > blockWords(articleBlocks)) return { blocks: pageBlocks, method: 'page' };
  return { blocks: articleBlocks, method: 'readability' };
}
