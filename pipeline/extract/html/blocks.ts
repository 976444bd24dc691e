// DOM → blocks: headings, paragraphs, list items, tables, quotes, code, captions. Inline
// elements (links included) give their text to the block they sit in.
import type { BlockType } from '../../model/document.ts';
import { BLOCK_TAGS, LAYOUT_CELL_MIN_CHARS, NEVER_CONTENT_TAGS, THAI_CHAR } from './rules.ts';

export interface HtmlBlock {
  type: BlockType;
  text: string;
  level?: number;
  rows?: string[][];
  label?: string;
  /** Characters of the text that came from links: the boilerplate filter reads it. */
  linkChars: number;
}

const SKIPPED = new Set(NEVER_CONTENT_TAGS);
const HEADING = /^h([1-6])$/;
/** Stands for <br> while whitespace is collapsed, so that the break survives. */
const BREAK_MARK = '\u0000';
/** Between cells in a table block's text (rows are lines); the cells themselves are in `rows`. */
const TABLE_CELL_SEPARATOR = '\t';
const DISPLAYED_URL = /^(?:https?:\/\/|www\.)\S+$/i;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Invisible line-breaking hints pages put in text: soft hyphen, zero-width space, a stray BOM
 * (word joiner and ZWNJ/ZWJ stay: they change how text renders). */
const LAYOUT_HINTS = /[\u00ad\u200b\ufeff]/g;

/** Collapses HTML whitespace. A run with a line break between two Thai characters is no word
 * break at all (Thai is written without spaces and sources wrap lines anywhere), so it is
 * removed instead of becoming a space. */
export function collapseWhitespace(raw: string): string {
  const collapsed = raw.replace(LAYOUT_HINTS, '').replace(/[ \t\n\r\f\u00a0]+/g, (run, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + run.length] ?? '';
    if (/[\n\r]/.test(run) && THAI_CHAR.test(before) && THAI_CHAR.test(after)) return '';
    return ' ';
  });
  return collapsed
    .split(BREAK_MARK)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tagOf(node: Node): string {
  return node.nodeType === ELEMENT_NODE ? (node as Element).localName.toLowerCase() : '';
}

function isBlockElement(node: Node): boolean {
  return BLOCK_TAGS.has(tagOf(node));
}

function hasBlockDescendant(element: Element): boolean {
  for (const child of element.childNodes) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    if (isBlockElement(child) || hasBlockDescendant(child as Element)) return true;
  }
  return false;
}

interface InlineText {
  raw: string;
  linkRaw: string;
}

/** Text of inline content; block elements met inside (bad markup) are separated by a break. */
function collectInline(node: Node, into: InlineText, inLink: boolean, skipLists: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const data = (node as Text).data;
    into.raw += data;
    if (inLink) into.linkRaw += data;
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const tag = tagOf(node);
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') {
    into.raw += BREAK_MARK;
    return;
  }
  if (skipLists && (tag === 'ul' || tag === 'ol')) return;
  const block = isBlockElement(node);
  if (block) into.raw += ' ';
  if (tag === 'a' && !inLink) {
    // A link that shows its own address is content (the reader needs the address), not navigation.
    const own: InlineText = { raw: '', linkRaw: '' };
    for (const child of node.childNodes) collectInline(child, own, true, skipLists);
    into.raw += own.raw;
    if (!DISPLAYED_URL.test(collapseWhitespace(own.raw))) into.linkRaw += own.linkRaw;
  } else {
    for (const child of node.childNodes) collectInline(child, into, inLink, skipLists);
  }
  if (block) into.raw += ' ';
}

function inlineOf(nodes: Iterable<Node>, skipLists = false, inLink = false): { text: string; linkChars: number } {
  const into: InlineText = { raw: '', linkRaw: '' };
  for (const node of nodes) collectInline(node, into, inLink, skipLists);
  return { text: collapseWhitespace(into.raw), linkChars: collapseWhitespace(into.linkRaw).length };
}

function cellText(cell: Element): string {
  return inlineOf(cell.childNodes).text.replace(/\n+/g, ' ');
}

/** A table that lays out the page is walked as a container; only a data table becomes a table
 * block. Layout: it holds another table, headings, quotes or preformatted text, a cell longer
 * than a data cell gets, or it is a one-column wrapper. Paragraphs and lists in the cells of a
 * several-column table are not enough: word processors export data tables that way. */
function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table, h1, h2, h3, h4, h5, h6, blockquote, pre') !== null) return true;
  const cells = [...table.querySelectorAll('td, th')];
  if (cells.some((cell) => (cell.textContent ?? '').length > LAYOUT_CELL_MIN_CHARS)) return true;
  // One column: a wrapper when it is a single cell, or when its cells hold paragraphs or lists.
  const rows = [...table.querySelectorAll('tr')];
  const oneColumn = rows.length > 0 && rows.every((row) => row.querySelectorAll('td, th').length <= 1);
  return oneColumn && (rows.length === 1 || table.querySelector('p, div, ul, ol') !== null);
}

function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  for (const row of table.querySelectorAll('tr')) {
    if (row.closest('table') !== table) continue;
    const cells = [...row.children].filter((cell) => /^t[dh]$/.test(tagOf(cell))).map(cellText);
    if (cells.some((cell) => cell.length > 0)) rows.push(cells);
  }
  return rows;
}

class BlockWriter {
  readonly blocks: HtmlBlock[] = [];
  private pending: Node[] = [];

  /** inLink: the writer is inside an <a> that wraps blocks (a teaser card). */
  constructor(
    private readonly inQuote: boolean,
    private readonly inLink = false,
  ) {}

  private inline(nodes: Iterable<Node>, skipLists = false): { text: string; linkChars: number } {
    return inlineOf(nodes, skipLists, this.inLink);
  }

  private push(block: HtmlBlock): void {
    if (block.text.length > 0) this.blocks.push(block);
  }

  /** Loose inline content between blocks becomes a paragraph (or a quote inside <blockquote>). */
  flush(): void {
    if (this.pending.length === 0) return;
    const { text, linkChars } = this.inline(this.pending);
    this.pending = [];
    // A <br><br> inside loose text separates paragraphs.
    for (const part of text.split(/\n{2,}/)) {
      const partText = part.trim();
      const share = text.length > 0 ? partText.length / text.length : 0;
      this.push({ type: this.inQuote ? 'quote' : 'paragraph', text: partText, linkChars: Math.round(linkChars * share) });
    }
  }

  walk(parent: Node): void {
    for (const child of parent.childNodes) {
      if (child.nodeType === TEXT_NODE) {
        this.pending.push(child);
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      const tag = tagOf(element);
      if (SKIPPED.has(tag)) continue;
      if (!isBlockElement(element) && !hasBlockDescendant(element)) {
        this.pending.push(element);
        continue;
      }
      this.flush();
      this.element(element, tag);
    }
    this.flush();
  }

  private nested(element: Element, inQuote: boolean): void {
    const writer = new BlockWriter(inQuote, this.inLink || tagOf(element) === 'a');
    writer.walk(element);
    this.blocks.push(...writer.blocks);
  }

  private element(element: Element, tag: string): void {
    const heading = HEADING.exec(tag);
    if (heading) {
      this.push({ type: 'heading', level: Number(heading[1]), ...this.inline(element.childNodes) });
      return;
    }
    switch (tag) {
      case 'p':
      case 'dt':
      case 'dd':
      case 'summary':
      case 'address':
        if (hasBlockDescendant(element) && element.querySelector('p, div, ul, ol, table, h1, h2, h3, h4, h5, h6, blockquote, pre')) {
          this.nested(element, this.inQuote);
        } else {
          this.pending.push(...element.childNodes);
          this.flush();
        }
        return;
      case 'pre':
        this.push({ type: 'code', text: (element.textContent ?? '').replace(/^\n+|\s+$/g, ''), linkChars: 0 });
        return;
      case 'blockquote':
        this.nested(element, true);
        return;
      case 'ul':
      case 'ol':
        this.list(element, tag === 'ol');
        return;
      case 'table':
        this.table(element);
        return;
      case 'figcaption':
      case 'caption':
        this.push({ type: 'caption', ...this.inline(element.childNodes) });
        return;
      case 'hr':
        return;
      default:
        this.nested(element, this.inQuote);
    }
  }

  private list(list: Element, ordered: boolean): void {
    const start = Number(list.getAttribute('start') ?? '1');
    let index = Number.isFinite(start) ? start : 1;
    for (const child of list.children) {
      const tag = tagOf(child);
      if (tag !== 'li') {
        if (tag === 'ul' || tag === 'ol') this.list(child, tag === 'ol');
        else this.nested(child, this.inQuote);
        continue;
      }
      const own = this.inline(child.childNodes, true);
      this.push({ type: 'list-item', label: ordered ? `${index}.` : '•', text: own.text, linkChars: own.linkChars });
      index++;
      // Nested lists follow their item; deeper ones are reached through their own items.
      for (const sub of child.querySelectorAll('ul, ol')) {
        if (sub.parentElement?.closest('li') === child) this.list(sub, tagOf(sub) === 'ol');
      }
    }
  }

  private table(table: Element): void {
    if (isLayoutTable(table)) {
      this.nested(table, this.inQuote);
      return;
    }
    const caption = [...table.children].find((child) => tagOf(child) === 'caption');
    if (caption) this.push({ type: 'caption', ...this.inline(caption.childNodes) });
    const rows = tableRows(table);
    if (rows.length === 0) return;
    const text = rows.map((row) => row.filter((cell) => cell.length > 0).join(TABLE_CELL_SEPARATOR)).join('\n');
    const linkChars = inlineOf(table.querySelectorAll('a')).linkChars;
    this.push({ type: 'table', text, rows, linkChars });
  }
}

/** Blocks of an element, in document order. */
export function elementBlocks(root: Element): HtmlBlock[] {
  const writer = new BlockWriter(false);
  writer.walk(root);
  return writer.blocks;
}
