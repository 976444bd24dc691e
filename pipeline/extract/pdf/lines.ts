// Glyphs → lines of one page. Every decision here is made from glyph positions, before any
// text is joined: text drawn twice is kept once, Thai marks go to the base glyph they sit on
// (even when the PDF drew them in another line's run), raised small digits become reference
// marks, and wide gaps split a row into fragments (table cells, or the two halves of a
// two-column page).
// One file of ~660 lines: every pass reads and marks the same page-local glyph record (Base: its
// Thai marks, its superscript flag) and the page's row medians, which split across modules would
// become an interface of their own; the column-region search, which needs only spans, is apart.
import { codeAt, COMBINING, isCombiningCode, isConsonantCode, isToneCode, SARA_AA } from '../../shared/thai.ts';
import type { Glyph } from './glyphs.ts';
import { columnAt, findColumnRegions, medianOf } from './column-regions.ts';
import type { CellSpan, RegionColumn, RegionRow } from './column-regions.ts';

export interface FootnoteMark {
  offset: number;
  label: string;
}

export interface Line {
  page: number;
  /** Baseline, points from the top of the page. */
  top: number;
  x0: number;
  x1: number;
  size: number;
  bold: boolean;
  text: string;
  /** Offsets in `text` of spaces that were zero-width glyphs between a Thai consonant and า. */
  lostNikhahit: number[];
  /** Offsets in `text` of spaces drawn as wide space glyphs (not inferred from gaps). */
  realSpaces: number[];
  /** A wide space glyph was drawn after the line's last letter: the line broke at a space (in
   * Thai, a phrase break that joining the lines must keep). */
  endsWithSpace: boolean;
  /** Raised reference marks taken out of the text; at offset 0 on a note line they are its label. */
  marks: FootnoteMark[];
  /** Text of each cell when the row has wide gaps (more than one = a table row candidate). */
  cells: { x0: number; text: string }[];
  /** Which column of a two-column page, or of a region set in columns inside the page. */
  column: 'left' | 'right' | 'full' | RegionColumn;
}

interface Base extends Glyph {
  /** The Thai marks drawn over it; null until one is (most glyphs carry none). */
  marks: Glyph[] | null;
  superscript: boolean;
}

/** Thai combining marks: drawn with zero width over (or under) a base glyph. */
const THAI_MARK = new RegExp(`^[${COMBINING}]+$`, 'u');
const SOFT_HYPHEN = '\u00AD';
const OVERDRAWN_SPACE_SHARE = 0.5;
/** A space glyph at least this wide (em) is a real space: repair must not join across it. */
const REAL_SPACE_MIN_EM = 0.15;
const HYPHEN = /^[-\u2010]$/u;
/** Two copies of a glyph closer than this (in em) are one glyph drawn twice (fake bold). */
const OVERLAY_TOLERANCE_EM = 0.12;
/** Glyphs whose baselines differ by less than this (in em) share a row. */
const ROW_TOLERANCE_EM = 0.3;
/** A mark attaches to a base on a row whose baseline is within this distance (em). */
const MARK_ROW_REACH_EM = 0.6;
/** A mark drawn at a base's right edge belongs to it (marks have zero advance). */
const MARK_EDGE_SLACK_EM = 0.1;
/** A raised row of glyphs at most this share of the size of the row below is superscript. */
const SUPERSCRIPT_SIZE_RATIO = 0.8;
const SUPERSCRIPT_REACH_EM = 0.75;
const REFERENCE_LABEL = /^(?:[0-9]{1,3}|[๐-๙]{1,3}|[*∗†‡§¶]{1,3}|[a-z])$/u;
/** A gap wider than this (em) between glyphs on one row splits it into cells. */
const CELL_GAP_EM = 1.2;
/** A gap wider than this (em) with no space glyph is a word space. */
const SPACE_GAP_EM = 0.2;

function isThaiMark(text: string): boolean {
  // Most glyphs are one character: a range check is much cheaper than the pattern.
  if (text.length === 1) {
    return isCombiningCode(text.charCodeAt(0));
  }
  return THAI_MARK.test(text);
}

/** Written out, not spread: a spread of a dozen fields was a fifth of this module's time. */
function toBase(glyph: Glyph): Base {
  return {
    text: glyph.text,
    x: glyph.x,
    top: glyph.top,
    width: glyph.width,
    size: glyph.size,
    fontId: glyph.fontId,
    bold: glyph.bold,
    zeroWidthSpace: glyph.zeroWidthSpace,
    seq: glyph.seq,
    rotation: glyph.rotation,
    marks: null,
    superscript: false,
  };
}

/** Code units per band in a one-character glyph's key (band × this + its code unit). */
const BAND_KEY_STRIDE = 0x10000;

/** Drops the second copy of glyphs drawn twice at (nearly) the same place. */
function removeOverlay(glyphs: Glyph[]): Glyph[] {
  // (height band, text) → glyphs: a glyph compares only with the same text in its band and the
  // next. Almost every glyph is one code unit: those are keyed by a number (no map per band).
  const single = new Map<number, Glyph[]>();
  const longer = new Map<string, Glyph[]>();
  const near = (band: number, text: string): Glyph[] | undefined =>
    text.length === 1 ? single.get(band * BAND_KEY_STRIDE + text.charCodeAt(0)) : longer.get(`${band}\u0000${text}`);
  const kept: Glyph[] = [];
  for (const glyph of glyphs) {
    if (glyph.text === '' || glyph.text === ' ') {
      kept.push(glyph);
      continue;
    }
    const tolerance = Math.max(0.5, OVERLAY_TOLERANCE_EM * glyph.size);
    const band = Math.floor(glyph.top / tolerance);
    let duplicate = false;
    for (let d = -1; d <= 1 && !duplicate; d++) {
      const others = near(band + d, glyph.text);
      if (!others) continue;
      for (const other of others) {
        if (Math.abs(other.x - glyph.x) < tolerance && Math.abs(other.top - glyph.top) < tolerance) {
          duplicate = true;
          break;
        }
      }
    }
    if (duplicate) continue;
    const same = near(band, glyph.text);
    if (same) same.push(glyph);
    else if (glyph.text.length === 1) single.set(band * BAND_KEY_STRIDE + glyph.text.charCodeAt(0), [glyph]);
    else longer.set(`${band}\u0000${glyph.text}`, [glyph]);
    kept.push(glyph);
  }
  return kept;
}

function groupRows(bases: Base[]): Base[][] {
  // Sorted in place: the caller's list is made for this and not read again.
  const sorted = bases.sort((a, b) => a.top - b.top || a.x - b.x);
  const rows: Base[][] = [];
  let current: Base[] = [];
  let rowTop = 0;
  let rowSize = 0;
  for (const glyph of sorted) {
    if (current.length > 0 && glyph.top - rowTop > ROW_TOLERANCE_EM * Math.max(rowSize, glyph.size)) {
      rows.push(current);
      current = [];
    }
    if (current.length === 0) {
      rowTop = glyph.top;
      rowSize = glyph.size;
    }
    rowSize = Math.max(rowSize, glyph.size);
    current.push(glyph);
  }
  if (current.length > 0) rows.push(current);
  return rows;
}

/** The middle value (the upper one of an even count); 0 for none. A typed array sorts numbers
 * natively, without a comparator call per comparison. */
function middle(values: Float64Array): number {
  values.sort();
  return values[values.length >> 1] ?? 0;
}

/** The medians of one page's rows: rows are not changed once grouped, and their medians are
 * asked for again and again. Owned by the buildLines call that grouped the rows; gone with it. */
class RowMedians {
  private readonly tops = new Map<Base[], number>();
  private readonly sizes = new Map<Base[], number>();

  size(row: Base[]): number {
    let size = this.sizes.get(row);
    if (size === undefined) this.sizes.set(row, (size = medianBy(row.filter(isInk), (g) => g.size)));
    return size;
  }

  top(row: Base[]): number {
    let top = this.tops.get(row);
    if (top === undefined) this.tops.set(row, (top = medianBy(row, (g) => g.top)));
    return top;
  }
}

function medianBy<T>(items: readonly T[], pick: (item: T) => number): number {
  if (items.length === 0) return 0;
  const values = new Float64Array(items.length);
  let same = true;
  for (let i = 0; i < items.length; i++) {
    values[i] = pick(items[i]!);
    if (values[i] !== values[0]) same = false;
  }
  // Most rows are set in one size on one baseline: nothing to sort.
  return same ? values[0]! : middle(values);
}

/** A glyph that draws something (not a space). */
function isInk(glyph: Glyph): boolean {
  return glyph.text.trim() !== '';
}

/** Raised rows of small label-like glyphs ("๑", "12", "∗") join the row below as superscripts. */
function mergeSuperscripts(rows: Base[][], medians: RowMedians): Base[][] {
  const out: Base[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const below = rows[i + 1];
    if (below && isSuperscriptRow(row, below, medians)) {
      for (const glyph of row) glyph.superscript = true;
      rows[i + 1] = [...row, ...below];
      continue;
    }
    out.push(row);
  }
  return out;
}

function isSuperscriptRow(row: Base[], below: Base[], medians: RowMedians): boolean {
  const size = medians.size(below);
  // Cheapest test first: most rows are as large as the row below them.
  if (size === 0 || row.some((g) => g.size > SUPERSCRIPT_SIZE_RATIO * size)) return false;
  const distance = medians.top(below) - medians.top(row);
  if (distance <= 0 || distance > SUPERSCRIPT_REACH_EM * size) return false;
  return splitRuns(row).every((run) => REFERENCE_LABEL.test(run));
}

/** A lowered glyph inside a line (the E of the TeX and LaTeX logos, dropped by half an x-height)
 * stays in that line: a row of at most LOWERED_MAX_GLYPHS glyphs, less than LOWERED_REACH_EM
 * below a row, that sits in a gap between that row's glyphs. */
const LOWERED_MAX_GLYPHS = 3;
const LOWERED_REACH_EM = 0.45;
const LOWERED_KERN_EM = 0.25;

function mergeLowered(rows: Base[][], medians: RowMedians): Base[][] {
  const out: Base[][] = [];
  for (const row of rows) {
    const above = out.at(-1);
    if (above && row.length <= LOWERED_MAX_GLYPHS && sitsInGapOf(row, above, medians)) {
      out[out.length - 1] = [...above, ...row];
      continue;
    }
    out.push(row);
  }
  return out;
}

function sitsInGapOf(row: Base[], above: Base[], medians: RowMedians): boolean {
  const size = medians.size(above);
  const distance = medians.top(row) - medians.top(above);
  if (size === 0 || distance <= 0 || distance > LOWERED_REACH_EM * size) return false;
  const x0 = Math.min(...row.map((g) => g.x));
  const x1 = Math.max(...row.map((g) => g.x + g.width));
  let before = false;
  let after = false;
  for (const glyph of above) {
    if (!isInk(glyph)) continue;
    // The logos kern E under the T before it and the X after it.
    if (glyph.x + glyph.width <= x0 + LOWERED_KERN_EM * size) before = true;
    else if (glyph.x >= x1 - LOWERED_KERN_EM * size) after = true;
    else return false;
  }
  return before && after;
}

/** Texts of runs of adjacent glyphs (for label tests). */
function splitRuns(row: Base[]): string[] {
  const sorted = [...row].sort((a, b) => a.x - b.x);
  const runs: string[] = [];
  let text = '';
  let end = -Infinity;
  for (const glyph of sorted) {
    if (glyph.text.trim() === '') continue;
    if (text !== '' && glyph.x - end > glyph.size * 0.5) {
      runs.push(text);
      text = '';
    }
    text += glyph.text;
    end = glyph.x + glyph.width;
  }
  if (text) runs.push(text);
  return runs;
}

function addMark(base: Base, mark: Glyph): void {
  if (base.marks) base.marks.push(mark);
  else base.marks = [mark];
}

function covers(base: Base, mark: Glyph): boolean {
  const slack = MARK_EDGE_SLACK_EM * mark.size;
  return base.width > 0 && base.x + slack < mark.x && mark.x <= base.x + base.width + slack;
}

/** Puts each Thai mark on the base glyph it was drawn over. Usually that is the base drawn
 * just before it; when not (a mark drawn in another run, even on another line), the rows
 * near the mark's height are searched. */
function attachMarks(marks: Glyph[], rows: Base[][], previousBase: Map<number, Base>, medians: RowMedians): number {
  let orphans = 0;
  const tops = rows.map((row) => medians.top(row));
  for (const mark of marks) {
    const reach = MARK_ROW_REACH_EM * mark.size;
    const before = previousBase.get(mark.seq);
    if (before && Math.abs(before.top - mark.top) <= reach && covers(before, mark)) {
      addMark(before, mark);
      continue;
    }
    const candidates: { row: Base[]; distance: number }[] = [];
    for (let i = 0; i < rows.length; i++) {
      const distance = Math.abs(tops[i]! - mark.top);
      if (distance <= reach) candidates.push({ row: rows[i]!, distance });
    }
    candidates.sort((a, b) => a.distance - b.distance);
    let target: Base | undefined;
    for (const { row } of candidates) {
      target = row.filter((b) => covers(b, mark)).sort((a, b) => Math.abs(a.seq - mark.seq) - Math.abs(b.seq - mark.seq))[0];
      if (target) break;
    }
    if (!target && candidates[0]) {
      target = [...candidates[0].row].sort((a, b) => Math.abs(a.x + a.width - mark.x) - Math.abs(b.x + b.width - mark.x))[0];
    }
    if (target) addMark(target, mark);
    else orphans++;
  }
  return orphans;
}

/** Splits a row (sorted by x) at wide gaps into cells; adds to `brokeAtSpace` the cells whose
 * trailing spaces, trimmed, included a wide space glyph. */
function splitCells(row: Base[], brokeAtSpace: Set<Base[]>): Base[][] {
  const cells: Base[][] = [];
  let current: Base[] = [];
  let end = -Infinity;
  for (const glyph of row) {
    if (glyph.text === ' ' || glyph.zeroWidthSpace) {
      if (current.length > 0) current.push(glyph);
      continue;
    }
    if (current.length > 0 && glyph.x - end > CELL_GAP_EM * glyph.size) {
      cells.push(trimSpaces(current, brokeAtSpace));
      current = [];
    }
    current.push(glyph);
    end = glyph.x + glyph.width;
  }
  if (current.length > 0) cells.push(trimSpaces(current, brokeAtSpace));
  return cells;
}

function trimSpaces(glyphs: Base[], brokeAtSpace: Set<Base[]>): Base[] {
  let last = glyphs.length;
  let wideSpace = false;
  while (last > 0 && (glyphs[last - 1]!.text === ' ' || glyphs[last - 1]!.zeroWidthSpace)) {
    const space = glyphs[--last]!;
    if (space.width >= REAL_SPACE_MIN_EM * space.size) wideSpace = true;
  }
  const trimmed = glyphs.slice(0, last);
  if (wideSpace) brokeAtSpace.add(trimmed);
  return trimmed;
}

interface BuiltText {
  text: string;
  lostNikhahit: number[];
  realSpaces: number[];
  marks: FootnoteMark[];
}

/** Text of glyphs sorted by x: marks after their base, spaces from space glyphs and gaps,
 * lost nikhahit kept as a space with its offset, superscript labels taken out as marks. */
function buildText(glyphs: Base[]): BuiltText {
  let text = '';
  // Kept alongside: asking a string built by += for its last character flattens it, once per glyph.
  let endsWithSpace = false;
  const lostNikhahit: number[] = [];
  const realSpaces: number[] = [];
  const marks: FootnoteMark[] = [];
  let end = -Infinity;
  let pendingLabel: FootnoteMark | null = null;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    if (glyph.zeroWidthSpace) {
      const next = glyphs[i + 1];
      if (next?.text.startsWith(SARA_AA) && endsWithConsonantTone(text)) {
        lostNikhahit.push(text.length);
        text += ' ';
        endsWithSpace = true;
      }
      continue;
    }
    if (glyph.superscript && glyph.text.trim() !== '') {
      if (pendingLabel && glyph.x - end <= glyph.size * 0.5) pendingLabel.label += glyph.text;
      else {
        pendingLabel = { offset: text.length, label: glyph.text };
        marks.push(pendingLabel);
      }
      end = glyph.x + glyph.width;
      continue;
    }
    pendingLabel = null;
    // A soft hyphen is drawn only where it broke the line (then a hyphen follows it).
    if (glyph.text === SOFT_HYPHEN && glyphs.slice(i + 1).some((g) => g.text.trim() !== '' && !HYPHEN.test(g.text))) continue;
    const isSpace = glyph.text.trim() === '';
    if (isSpace) {
      // A space the next glyph is drawn over took no room: Chromium draws soft hyphens so.
      const next = glyphs[i + 1];
      if (next && next.x < glyph.x + OVERDRAWN_SPACE_SHARE * glyph.width) continue;
      if (text !== '' && !endsWithSpace) {
        if (glyph.width >= REAL_SPACE_MIN_EM * glyph.size) realSpaces.push(text.length);
        text += ' ';
        endsWithSpace = true;
      }
      end = glyph.x + glyph.width;
      continue;
    }
    if (text !== '' && !endsWithSpace && glyph.x - end > SPACE_GAP_EM * glyph.size) {
      text += ' ';
      endsWithSpace = true;
    }
    text += glyph.text;
    if (glyph.text !== '') endsWithSpace = glyph.text.endsWith(' ');
    if (glyph.marks) {
      if (glyph.marks.length > 1) glyph.marks.sort((a, b) => a.seq - b.seq);
      for (const mark of glyph.marks) {
        text += mark.text;
        if (mark.text !== '') endsWithSpace = mark.text.endsWith(' ');
      }
    }
    end = Math.max(end, glyph.x + glyph.width);
  }
  // A trailing space carries nothing; a trailing label stays as a mark at the end.
  while (text.endsWith(' ')) text = text.slice(0, -1);
  return {
    text,
    lostNikhahit: lostNikhahit.filter((o) => o < text.length),
    realSpaces: realSpaces.filter((o) => o < text.length),
    marks: marks.map((m) => ({ ...m, offset: Math.min(m.offset, text.length) })) };
}

function endsWithConsonantTone(text: string): boolean {
  const last = codeAt(text, text.length - 1);
  return isConsonantCode(last) || (isToneCode(last) && isConsonantCode(codeAt(text, text.length - 2)));
}

export interface PageLines {
  lines: Line[];
  /** Marks that sat over no base glyph. */
  orphanMarks: number;
  /** x of the gutter when the page is set in two columns. */
  gutter: number | null;
}

/** Glyphs of one page → lines, with table cells and column membership. The arrays of rows, cells
 * and lines are built by loops, not by filter, map or flat: those return arrays whose elements
 * kind depends on what they hold (nothing, numbers, objects), and each new kind at a call site
 * threw away V8's optimized code for the whole page layout, which was then compiled again (10
 * times per thread on the pdf-dev benchmark, ~75 ms each). */
export function buildLines(page: number, glyphs: Glyph[], pageWidth: number): PageLines {
  if (glyphs.length === 0) return { lines: [], orphanMarks: 0, gutter: null };
  // Glyphs without Unicode stay: they draw nothing but take room, so they are not word spaces.
  const visible = removeOverlay(glyphs);
  const marks: Glyph[] = [];
  const bases: Base[] = [];
  const previousBase = new Map<number, Base>();
  for (const glyph of visible) {
    if (isThaiMark(glyph.text)) {
      marks.push(glyph);
      const last = bases[bases.length - 1];
      if (last) previousBase.set(glyph.seq, last);
    } else bases.push(toBase(glyph));
  }
  // This page's row medians and broken-at-space cells: kept for this call only.
  const medians = new RowMedians();
  const brokeAtSpace = new Set<Base[]>();
  const rows = mergeLowered(mergeSuperscripts(groupRows(bases), medians), medians);
  const orphanMarks = attachMarks(marks, rows, previousBase, medians);
  const cellRows: Base[][][] = [];
  for (const row of rows) {
    // In place: the rows are this function's own, and no median depends on their order.
    row.sort(byXThenSeq);
    cellRows.push(splitCells(row, brokeAtSpace));
  }
  const gutter = findGutter(cellRows, pageWidth);
  // Columns inside a one-column page: each cell of a region row is a line of its own column.
  const regions = gutter === null ? findColumnRegions(rowSpans(rows)) : null;

  const lines: Line[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (const group of lineGroups(rows[r]!, cellRows[r]!, regions?.[r] ?? null, gutter, brokeAtSpace)) {
      const line = toLine(page, group, brokeAtSpace);
      if (line) lines.push(line);
    }
  }
  return { lines, orphanMarks, gutter };
}

function byXThenSeq(a: Base, b: Base): number {
  return a.x - b.x || a.seq - b.seq;
}

/** Each row's glyphs as spans for the column-region search. Space glyphs count as covering their
 * room: a gap a space was drawn in is not a gutter. */
function rowSpans(rows: Base[][]): CellSpan[][] {
  const spans: CellSpan[][] = [];
  for (const row of rows) {
    const rowSpan: CellSpan[] = [];
    for (const glyph of row) {
      if (isInk(glyph) || glyph.width > 0) rowSpan.push({ x0: glyph.x, x1: glyph.x + glyph.width, size: glyph.size, text: glyph.text });
    }
    spans.push(rowSpan);
  }
  return spans;
}

interface LineGroup {
  column: Line['column'];
  cells: Base[][];
}

/** The lines one row makes: one, or one per column it crosses (a two-column page, or a region). */
function lineGroups(row: Base[], cells: Base[][], region: RegionRow | null, gutter: number | null, brokeAtSpace: Set<Base[]>): LineGroup[] {
  const groups: LineGroup[] = [];
  if (region) {
    // Split at the region's gutters, which may be narrower than a cell gap.
    const byColumn = new Map<number, Base[]>();
    for (const glyph of row) {
      const column = columnAt(glyph.x, region.gutters);
      const list = byColumn.get(column);
      if (list) list.push(glyph);
      else byColumn.set(column, [glyph]);
    }
    for (const [column, glyphsOfColumn] of byColumn) groups.push({ column: `region-${region.region}-${column}`, cells: splitCells(glyphsOfColumn, brokeAtSpace) });
  } else if (gutter === null) groups.push({ column: 'full', cells });
  else {
    const left: Base[][] = [];
    const right: Base[][] = [];
    for (const cell of cells) {
      const last = cell[cell.length - 1]!;
      if (last.x + last.width <= gutter) left.push(cell);
      if (cell[0]!.x >= gutter) right.push(cell);
    }
    if (left.length + right.length < cells.length) groups.push({ column: 'full', cells });
    else {
      if (left.length > 0) groups.push({ column: 'left', cells: left });
      if (right.length > 0) groups.push({ column: 'right', cells: right });
    }
  }
  return groups;
}

function toLine(page: number, group: LineGroup, brokeAtSpace: Set<Base[]>): Line | null {
  const glyphsInLine: Base[] = [];
  for (const cell of group.cells) for (const glyph of cell) glyphsInLine.push(glyph);
  if (glyphsInLine.length === 0) return null;
  const built = buildText(glyphsInLine);
  if (built.text === '' && built.marks.length === 0) return null;
  const nonSuper: Base[] = [];
  for (const glyph of glyphsInLine) if (!glyph.superscript && glyph.text.trim() !== '') nonSuper.push(glyph);
  const sized = nonSuper.length > 0 ? nonSuper : glyphsInLine;
  const size = medianBy(sized, (g) => g.size);
  const top = medianBy(sized, (g) => g.top);
  let boldCount = 0;
  for (const glyph of sized) if (glyph.bold) boldCount++;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const glyph of glyphsInLine) {
    x0 = Math.min(x0, glyph.x);
    x1 = Math.max(x1, glyph.x + glyph.width);
  }
  const cells: Line['cells'] = [];
  if (group.cells.length === 1) {
    if (built.text !== '') cells.push({ x0: group.cells[0]![0]!.x, text: built.text });
  } else {
    for (const cell of group.cells) {
      const text = buildText(cell).text;
      if (text !== '') cells.push({ x0: cell[0]!.x, text });
    }
  }
  return {
    page,
    top,
    x0,
    x1,
    size,
    bold: boldCount * 2 > sized.length,
    text: built.text,
    lostNikhahit: built.lostNikhahit,
    realSpaces: built.realSpaces,
    marks: built.marks,
    endsWithSpace: built.text !== '' && brokeAtSpace.has(group.cells[group.cells.length - 1]!),
    cells,
    column: group.column,
  };
}

/** Share of the page width, on each side, where a gutter may be. */
const GUTTER_ZONE = [0.3, 0.7] as const;
const GUTTER_BIN_PT = 2;
/** Text pieces needed wholly on each side of a gutter. */
const MIN_COLUMN_PIECES = 6;
/** Pieces that may cross the gutter (a title spanning both columns), as a share of all. */
const MAX_GUTTER_CROSSINGS_SHARE = 0.1;
const MIN_GUTTER_WIDTH_PT = 6;
/** The typical line of a column spans at least this share of the column's width. */
const MIN_COLUMN_FILL = 0.5;

/** x of a vertical strip in the middle of the page that (almost) no text crosses, with
 * plenty of text on both sides: the gutter of a two-column page. */
function findGutter(cellRows: Base[][][], pageWidth: number): number | null {
  let pieces = 0;
  for (const cells of cellRows) pieces += cells.length;
  if (pieces < 2 * MIN_COLUMN_PIECES) return null;
  // Each cell's span, first x to last glyph's end.
  const starts = new Float64Array(pieces);
  const ends = new Float64Array(pieces);
  let piece = 0;
  for (const cells of cellRows) {
    for (const cell of cells) {
      const last = cell[cell.length - 1]!;
      starts[piece] = cell[0]!.x;
      ends[piece] = last.x + last.width;
      piece++;
    }
  }
  const bins = Math.ceil(pageWidth / GUTTER_BIN_PT);
  const crossing = new Int32Array(bins);
  for (let p = 0; p < pieces; p++) {
    for (let b = Math.max(0, Math.floor(starts[p]! / GUTTER_BIN_PT)); b <= Math.min(bins - 1, Math.floor(ends[p]! / GUTTER_BIN_PT)); b++) crossing[b]!++;
  }
  const allowed = MAX_GUTTER_CROSSINGS_SHARE * pieces;
  let best: { start: number; end: number } | null = null;
  let runStart = -1;
  const from = Math.floor((GUTTER_ZONE[0] * pageWidth) / GUTTER_BIN_PT);
  const to = Math.min(bins - 1, Math.ceil((GUTTER_ZONE[1] * pageWidth) / GUTTER_BIN_PT));
  for (let b = from; b <= to + 1; b++) {
    const open = b <= to && crossing[b]! <= allowed;
    if (open && runStart < 0) runStart = b;
    if (!open && runStart >= 0) {
      if (!best || b - 1 - runStart > best.end - best.start) best = { start: runStart, end: b - 1 };
      runStart = -1;
    }
  }
  if (!best || (best.end - best.start + 1) * GUTTER_BIN_PT < MIN_GUTTER_WIDTH_PT) return null;
  const gutter = ((best.start + best.end + 1) / 2) * GUTTER_BIN_PT;
  const leftWidths: number[] = [];
  const rightWidths: number[] = [];
  let leftEdge = Infinity;
  let rightEdge = -Infinity;
  for (let p = 0; p < pieces; p++) {
    if (ends[p]! <= gutter) {
      leftWidths.push(ends[p]! - starts[p]!);
      leftEdge = Math.min(leftEdge, starts[p]!);
    }
    if (starts[p]! >= gutter) {
      rightWidths.push(ends[p]! - starts[p]!);
      rightEdge = Math.max(rightEdge, ends[p]!);
    }
  }
  if (leftWidths.length < MIN_COLUMN_PIECES || rightWidths.length < MIN_COLUMN_PIECES) return null;
  // Columns of text fill their width; the short cells of a table split down the middle do not.
  const filled = (widths: number[], width: number) => medianOf(widths) >= MIN_COLUMN_FILL * width;
  return filled(leftWidths, gutter - leftEdge) && filled(rightWidths, rightEdge - gutter) ? gutter : null;
}
