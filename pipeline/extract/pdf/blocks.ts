// Body lines of a page, in reading order → blocks: headings (by size and weight), paragraphs
// (by vertical gap, first-line indent and short last lines), list items, captions, tables
// (rows of aligned cells) and footnotes (small lines at the foot of the page that start with a
// label). Lines are joined as each script wants: Thai with no space, English with a space,
// hyphens removed only where the line break made them.
import type { BlockBox, DraftBlock, FootnoteRef } from '../../model/index.ts';
import { HAS_THAI, THAI_LETTER } from '../../shared/thai.ts';
import type { FootnoteMark, Line } from './lines.ts';

/** A line this much larger than body text is a heading. */
const HEADING_SIZE_RATIO = 1.15;
/** A bold body-size line is a heading only when short (a bold paragraph is not). */
const BOLD_HEADING_MAX_CHARS = 80;
/** Footnote text is at most this share of the body size. */
const FOOTNOTE_SIZE_RATIO = 0.88;
/** A vertical step this many times the usual line pitch starts a new block. */
const PARAGRAPH_GAP_RATIO = 1.3;
/** A first line indented this much (em) from the column's left edge starts a paragraph. */
const INDENT_EM = 1;
/** A line ending this far (em) before the column's right edge ends its paragraph. */
const SHORT_LINE_EM = 4;
const LIST_MARKER = /^(?:[•●○◦▪▫■□–—\-*∗]|\(?(?:[0-9]{1,3}|[๐-๙]{1,3}|[a-zก-ฮ]|[ivx]{2,5})[.)])\s+/u;
/** A numbered or lettered marker ("๑)", "(ii)", "3."): it says which item this is, so it stays in
 * the text as well as in `label`; a bullet only says that there is an item, and is taken out. */
const ENUMERATED_MARKER = /^\(?[0-9๐-๙a-zก-ฮ]/u;
const CAPTION = /^(?:figure|fig\.|table|chart|ภาพที่|รูปที่|ตารางที่|แผนภาพที่|แผนภูมิที่)\s*[0-9๐-๙]/iu;
const FOOTNOTE_LABEL_TEXT = /^([0-9]{1,3}|[๐-๙]{1,3}|[*∗†‡§])[.)]?\s+/u;
const LOWERCASE_START = /^[a-z]/u;
const SOFT_HYPHEN_END = /\u00AD[-\u2010]?$/u;
const HARD_HYPHEN_END = /[A-Za-z][-\u2010]$/u;
const THAI_HYPHEN_END = new RegExp(`[${THAI_LETTER}][-\u2010]$`, 'u');
const MIN_TABLE_ROWS = 2;
const CELL_ALIGN_EM = 1.5;

export interface BodyMetrics {
  /** The most common text size in the document. */
  bodySize: number;
  /** Heading sizes (rounded) from largest: level = index + 1. */
  headingSizes: number[];
  /** Words seen in the document, to decide line-end hyphens. */
  vocabulary: Set<string>;
}

interface Builder {
  block: DraftBlock;
  lines: number;
  lastLine: Line;
  evidence: Evidence;
}

/** Evidence offsets of a block being built (both kinds move with the text the same way). */
interface Evidence {
  lostNikhahit: number[];
  realSpaces: number[];
}

/** A line's evidence moved by `delta` (negative when text was cut from its start). */
function lineEvidence(line: Line, delta: number): Evidence {
  const move = (offsets: number[]) => offsets.map((o) => o + delta).filter((o) => o >= 0);
  return { lostNikhahit: move(line.lostNikhahit), realSpaces: move(line.realSpaces) };
}

function addEvidence(into: Evidence, more: Evidence): void {
  into.lostNikhahit.push(...more.lostNikhahit);
  into.realSpaces.push(...more.realSpaces);
}

function setEvidence(block: DraftBlock, evidence: Evidence): void {
  const out: NonNullable<DraftBlock['evidence']> = {};
  if (evidence.lostNikhahit.length > 0) out.lostNikhahit = evidence.lostNikhahit;
  if (evidence.realSpaces.length > 0) out.realSpaces = evidence.realSpaces;
  if (Object.keys(out).length > 0) block.evidence = out;
}

export function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

function headingLevel(line: Line, metrics: BodyMetrics): number | null {
  const size = roundSize(line.size);
  if (size >= metrics.bodySize * HEADING_SIZE_RATIO) {
    const index = metrics.headingSizes.indexOf(size);
    return Math.min(6, (index < 0 ? metrics.headingSizes.length : index) + 1);
  }
  if (line.bold && size >= metrics.bodySize && line.text.length <= BOLD_HEADING_MAX_CHARS && !/[.:;,]$/u.test(line.text)) {
    return Math.min(6, metrics.headingSizes.length + 1);
  }
  return null;
}

/** Orders lines: full-width lines where they stand; between them, the left column then the right. */
export function readingOrder(lines: Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const out: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  // A region set in columns inside the page is read down each column, where its first line stands.
  const regions = new Map<string, Line[]>();
  for (const line of sorted) {
    const region = regionOf(line);
    if (region === null) continue;
    const list = regions.get(region);
    if (list) list.push(line);
    else regions.set(region, [line]);
  }
  for (const line of sorted) {
    const region = regionOf(line);
    if (region !== null) {
      const lines = regions.get(region);
      if (!lines) continue;
      flush();
      out.push(...lines.sort((a, b) => a.column.localeCompare(b.column) || a.top - b.top || a.x0 - b.x0));
      regions.delete(region);
    } else if (line.column === 'left') left.push(line);
    else if (line.column === 'right') right.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

/** A column of a region inside the page ends where the next begins (the last where the text
 * does): a list of short names set in columns has no line reaching its column's edge, and each
 * name must end its paragraph as a short line does. */
function regionColumnEdges(lines: Line[], columnLeft: Map<Line['column'], number>, columnRight: Map<Line['column'], number>): void {
  const textRight = Math.max(...lines.map((l) => l.x1));
  for (const column of columnLeft.keys()) {
    if (!column.startsWith('region-')) continue;
    const [, region, index] = column.split('-');
    const nextLeft = columnLeft.get(`region-${Number(region)}-${Number(index) + 1}`);
    const size = lines.find((l) => l.column === column)?.size ?? 0;
    columnRight.set(column, nextLeft === undefined ? textRight : nextLeft - size);
  }
}

/** "region-2" for a line in column 1 of region 2 ("region-2-1"); null outside regions. */
function regionOf(line: Line): string | null {
  return line.column.startsWith('region-') ? line.column.slice(0, line.column.lastIndexOf('-')) : null;
}

/** Footnote lines: the run of small lines at the foot of the page, from the first one that starts with a label. */
function splitFootnotes(lines: Line[], metrics: BodyMetrics): { body: Line[]; notes: Line[] } {
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.size > metrics.bodySize * FOOTNOTE_SIZE_RATIO) break;
    if (noteLabel(line)) start = i;
  }
  return { body: lines.slice(0, start), notes: lines.slice(start) };
}

function noteLabel(line: Line): { label: string; text: string } | null {
  const first = line.marks[0];
  if (first && first.offset === 0) {
    return { label: first.label, text: line.text.trimStart() };
  }
  const match = FOOTNOTE_LABEL_TEXT.exec(line.text);
  return match ? { label: match[1]!, text: line.text.slice(match[0].length) } : null;
}

/** The lines each block was made of, for its box on the page. */
type DrawnLines = Map<DraftBlock, Line[]>;

function drawn(into: DrawnLines, block: DraftBlock, ...lines: Line[]): void {
  const known = into.get(block);
  if (known) known.push(...lines);
  else into.set(block, lines);
}

/** Ascent above and descent below the baseline, in em: Thai marks stand high, so a full em up. */
const BOX_ASCENT_EM = 1;
const BOX_DESCENT_EM = 0.3;
const clamp01 = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000;

/** The box around a block's lines, as fractions of the page (BlockBox). */
function blockBox(lines: Line[], page: { width: number; height: number }): BlockBox {
  const x0 = Math.min(...lines.map((line) => line.x0));
  const x1 = Math.max(...lines.map((line) => line.x1));
  const y0 = Math.min(...lines.map((line) => line.top - BOX_ASCENT_EM * line.size));
  const y1 = Math.max(...lines.map((line) => line.top + BOX_DESCENT_EM * line.size));
  return { x0: clamp01(x0 / page.width), y0: clamp01(y0 / page.height), x1: clamp01(x1 / page.width), y1: clamp01(y1 / page.height) };
}

function footnoteBlocks(notes: Line[], page: number, lines: DrawnLines): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let current: { block: DraftBlock; evidence: Evidence; lastLine: Line } | null = null;
  for (const line of notes) {
    const label = noteLabel(line);
    if (label) {
      if (current) setEvidence(current.block, current.evidence);
      const block: DraftBlock = { type: 'footnote', page, text: label.text, label: label.label, origin: 'text-layer' };
      current = { block, evidence: lineEvidence(line, label.text.length - line.text.length), lastLine: line };
      blocks.push(block);
      drawn(lines, block, line);
    } else if (current) {
      const joined = joinText(keepBreakSpace(current.block.text, current.lastLine, current.evidence), line.text, new Set());
      current.block.text = joined;
      addEvidence(current.evidence, lineEvidence(line, joined.length - line.text.length));
      current.lastLine = line;
      drawn(lines, current.block, line);
    }
  }
  if (current) setEvidence(current.block, current.evidence);
  return blocks;
}

/** Joins a line to the text before it: Thai to Thai with nothing between (Thai puts no spaces
 * between words, and a line break says nothing about a phrase space), anything else with one space. */
function joinText(before: string, next: string, vocabulary: Set<string>): string {
  if (before === '') return next;
  if (SOFT_HYPHEN_END.test(before)) return before.replace(SOFT_HYPHEN_END, '') + next;
  // Thai is not written with hyphens: one at a line end between Thai letters is a hyphenation
  // engine's (pdfTeX's English patterns break Thai words too).
  if (THAI_HYPHEN_END.test(before) && HAS_THAI.test(next[0] ?? '')) return before.slice(0, -1) + next;
  if (HARD_HYPHEN_END.test(before) && LOWERCASE_START.test(next)) {
    const head = /([A-Za-z]+)[-\u2010]$/u.exec(before)?.[1] ?? '';
    const tail = /^[A-Za-z]+/u.exec(next)?.[0] ?? '';
    const joinedWord = (head + tail).toLowerCase();
    const hyphenated = `${head}-${tail}`.toLowerCase();
    // The document's own words decide; without them U+2010 (what Chromium and InDesign draw
    // for a discretionary hyphen) is hyphenation, and an ASCII hyphen stays.
    if (vocabulary.has(hyphenated)) return before + next;
    if (vocabulary.has(joinedWord) || before.endsWith('\u2010')) return before.slice(0, -1) + next;
    return before + next;
  }
  if (before.endsWith(' ')) return before + next;
  const last = before.at(-1)!;
  const first = next[0]!;
  if (HAS_THAI.test(last) && HAS_THAI.test(first)) return before + next;
  return `${before} ${next}`;
}

function isTableRow(line: Line): boolean {
  return line.cells.length >= 2;
}

function alignedColumns(rows: Line[]): boolean {
  const first = rows[0]!;
  const tolerance = CELL_ALIGN_EM * first.size;
  const columns = first.cells.map((c) => c.x0);
  return rows.every((row) => row.cells.every((cell) => columns.some((x) => Math.abs(x - cell.x0) <= tolerance)));
}

/** Runs of rows with aligned cells become tables; returns the index after the run. */
function tableAt(lines: Line[], start: number): number {
  let end = start;
  while (end < lines.length && isTableRow(lines[end]!) && lines[end]!.column === lines[start]!.column) end++;
  if (end - start < MIN_TABLE_ROWS) return start;
  // Shrink until the cells line up.
  while (end - start >= MIN_TABLE_ROWS && !alignedColumns(lines.slice(start, end))) end--;
  return end - start >= MIN_TABLE_ROWS ? end : start;
}

function refsFrom(marks: FootnoteMark[], base: number): FootnoteRef[] {
  return marks.map((m) => ({ label: m.label, offset: m.offset + base, note: null }));
}

/** Blocks of one page from its body lines (already in reading order). With the page's size
 * (points, as shown), each block gets its box on the page. */
export function pageBlocks(page: number, ordered: Line[], metrics: BodyMetrics, pageSize?: { width: number; height: number }): DraftBlock[] {
  const { body, notes } = splitFootnotes(ordered, metrics);
  const blocks: DraftBlock[] = [];
  const lines: DrawnLines = new Map();
  const pitch = linePitch(body);
  const columnLeft = new Map<Line['column'], number>();
  const columnRight = new Map<Line['column'], number>();
  for (const line of body) {
    columnLeft.set(line.column, Math.min(columnLeft.get(line.column) ?? Infinity, line.x0));
    columnRight.set(line.column, Math.max(columnRight.get(line.column) ?? -Infinity, line.x1));
  }
  regionColumnEdges(body, columnLeft, columnRight);
  let current: Builder | null = null;
  let blockRight = 0;
  const finish = () => {
    if (!current) return;
    setEvidence(current.block, current.evidence);
    if (current.block.refs?.length === 0) delete current.block.refs;
    if (current.block.type === 'paragraph' && CAPTION.test(current.block.text)) current.block.type = 'caption';
    blocks.push(current.block);
    current = null;
  };

  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    const tableEnd = tableAt(body, i);
    if (tableEnd > i) {
      finish();
      const rows = body.slice(i, tableEnd).map((row) => row.cells.map((c) => c.text));
      blocks.push({ type: 'table', page, text: rows.map((r) => r.join('\t')).join('\n'), rows, origin: 'text-layer' });
      drawn(lines, blocks.at(-1)!, ...body.slice(i, tableEnd));
      i = tableEnd - 1;
      continue;
    }
    const level = headingLevel(line, metrics);
    const marker = level === null ? LIST_MARKER.exec(line.text) : null;
    const previous: Builder | null = current;
    const startsNew =
      previous === null ||
      level !== null ||
      previous.block.type === 'heading' ||
      marker !== null ||
      (line.column !== previous.lastLine.column
        ? !continuesInNextColumn(previous.lastLine, line, columnLeft, columnRight)
        : isBreak(previous.lastLine, line, pitch, columnLeft.get(line.column) ?? line.x0, regionOf(line) === null ? Math.max(blockRight, line.x1) : columnRight.get(line.column)!, previous.block.type, previous.lines === 1));
    if (level !== null && previous?.block.type === 'heading' && previous.block.level === level && !isBreakGap(previous.lastLine, line, pitch)) {
      appendLine(previous, line, metrics);
      drawn(lines, previous.block, line);
      continue;
    }
    if (!startsNew && previous) {
      appendLine(previous, line, metrics);
      drawn(lines, previous.block, line);
      blockRight = Math.max(blockRight, line.x1);
      continue;
    }
    blockRight = line.x1;
    finish();
    const text = marker && !ENUMERATED_MARKER.test(marker[0]) ? line.text.slice(marker[0].length) : line.text;
    const shift = line.text.length - text.length;
    const block: DraftBlock = {
      type: level !== null ? 'heading' : marker ? 'list-item' : 'paragraph',
      page,
      text,
      origin: 'text-layer',
      refs: refsFrom(line.marks, -shift).filter((r) => r.offset >= 0),
    };
    if (level !== null) block.level = level;
    if (marker) block.label = marker[0].trim();
    current = { block, lines: 1, lastLine: line, evidence: lineEvidence(line, -shift) };
    drawn(lines, block, line);
  }
  finish();
  const all = [...blocks, ...footnoteBlocks(notes, page, lines)];
  if (pageSize) {
    for (const block of all) {
      const from = lines.get(block);
      if (from) block.bbox = blockBox(from, pageSize);
    }
  }
  return all;
}

/** The text so far, with the space its last line broke at when that space was drawn: joining
 * Thai lines puts nothing between them, but a drawn space there was a phrase break. */
function keepBreakSpace(text: string, lastLine: Line, evidence: Evidence): string {
  if (!lastLine.endsWithSpace || text === '' || text.endsWith(' ')) return text;
  evidence.realSpaces.push(text.length);
  return `${text} `;
}

function appendLine(builder: Builder, line: Line, metrics: BodyMetrics): void {
  const joined = joinText(keepBreakSpace(builder.block.text, builder.lastLine, builder.evidence), line.text, metrics.vocabulary);
  const base = joined.length - line.text.length;
  builder.block.text = joined;
  builder.block.refs = [...(builder.block.refs ?? []), ...refsFrom(line.marks, base)];
  addEvidence(builder.evidence, lineEvidence(line, base));
  builder.lastLine = line;
  builder.lines++;
}

/** A paragraph that runs off the foot of the left column goes on at the head of the right one. */
function continuesInNextColumn(
  previous: Line,
  line: Line,
  columnLeft: Map<Line['column'], number>,
  columnRight: Map<Line['column'], number>,
): boolean {
  const nextColumn =
    (previous.column === 'left' && line.column === 'right') ||
    (regionOf(previous) !== null && regionOf(previous) === regionOf(line) && Number(line.column.split('-')[2]) === Number(previous.column.split('-')[2]) + 1);
  if (!nextColumn) return false;
  if (Math.abs(previous.size - line.size) > 0.15 * line.size) return false;
  const leftEdgeOfRight = columnLeft.get(line.column) ?? line.x0;
  const rightEdgeOfLeft = columnRight.get(previous.column) ?? previous.x1;
  return previous.x1 >= rightEdgeOfLeft - SHORT_LINE_EM * line.size && line.x0 <= leftEdgeOfRight + 0.5 * line.size;
}

function linePitch(lines: Line[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const step = b.top - a.top;
    if (a.column === b.column && step > 0 && step < 2.5 * b.size && Math.abs(a.size - b.size) < 0.5) steps.push(step);
  }
  steps.sort((x, y) => x - y);
  return steps[Math.floor(steps.length / 2)] ?? 0;
}

function isBreakGap(previous: Line, line: Line, pitch: number): boolean {
  const step = line.top - previous.top;
  const usual = pitch > 0 ? pitch : 1.5 * line.size;
  return step < 0 || step > PARAGRAPH_GAP_RATIO * Math.max(usual, 1.05 * line.size);
}

/** `right`: the right edge of the block so far and of this line; `singleLine`: the block has one line. */
function isBreak(
  previous: Line,
  line: Line,
  pitch: number,
  left: number,
  right: number,
  type: DraftBlock['type'],
  singleLine: boolean,
): boolean {
  if (isBreakGap(previous, line, pitch)) return true;
  if (Math.abs(previous.size - line.size) > 0.15 * line.size) return true;
  if (type === 'list-item') return line.x0 <= left + 0.5 * line.size;
  if (line.x0 > left + INDENT_EM * line.size && (line.x0 > previous.x0 + 0.5 * line.size || singleLine)) return true;
  return previous.x1 < right - SHORT_LINE_EM * line.size;
}
