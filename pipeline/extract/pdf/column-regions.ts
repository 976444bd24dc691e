// Columns inside a page: a list, a glossary or a table of contents set in two to four columns
// (LaTeX multicols, CSS `columns`, Word sections) between one-column paragraphs. Read row by row
// such a region runs its columns together ("1. Chiang 4. Luang 7. Nakhon…"); a reader reads down
// each column. A region looks like a table (rows of cells in aligned columns), so it is taken for
// columns only on evidence a table does not give:
// - list markers in its cells, in more than one column ("1.", "(a)", "•");
// - a cell whose sentence goes on in the cell below it (no full stop, next starts lowercase);
// - or columns alike: evenly spaced, none of them numbers, cells of like length in each.
// A column of numbers ("Bangkok | 5,471,588") is a table's.

export interface CellSpan {
  x0: number;
  x1: number;
  size: number;
  /** The cell's text (its first characters are enough for markers and continuation tests). */
  text: string;
}

/** Column keys look like "region-0-2" (region 0, third column); see Line['column']. */
export type RegionColumn = `region-${number}-${number}`;

/** A row of a region: which region, and the x of each gutter (columns are split there). */
export interface RegionRow {
  region: number;
  gutters: number[];
}

const MAX_COLUMNS = 4;
/** A strip no glyph of any row of the run touches, at least this wide (em), is a gutter. */
const MIN_GUTTER_EM = 0.75;
/** Rows a region needs; two do when list markers stand in two columns or more. */
const MIN_REGION_ROWS = 3;
const MIN_MARKED_REGION_ROWS = 2;
/** Gutters lie inside the text width, this share away from its edges. */
const EDGE_SHARE = 0.1;
const BIN_PT = 1;
/** Even spacing: column starts' steps may differ by this share of the text width. */
const EVEN_STEP_SHARE = 0.04;
/** Alike columns: mean cell lengths within this ratio of each other. */
const ALIKE_LENGTH_RATIO = 2.5;
const NUMERIC_CELL = /^[\s\d๐-๙.,:%()+\-–—/฿$€]+$/u;
const MARKER = /^(?:[•●○◦▪▫■□–—\-*∗]|\(?(?:[0-9]{1,3}|[๐-๙]{1,3}|[a-zก-ฮ]|[ivx]{2,5})[.)])\s?/u;
const SENTENCE_END = /[.:;!?)]$/u;
const LOWERCASE_START = /^[a-z]/u;

/** Bins [first, last], both inclusive: a run of covered bins, or of open ones (a strip). */
type Run = [number, number];

/**
 * Rows (top down) given as their ink glyphs' spans, in x order → for each row, the region it
 * belongs to and the gutters that split it into columns, or null for one-column rows.
 */
export function findColumnRegions(rows: CellSpan[][]): (RegionRow | null)[] {
  // Arrays are built by loops, not by map, filter or slice (see buildLines in lines.ts: arrays
  // those return vary in elements kind, and each new kind threw V8's optimized code away).
  const out: (RegionRow | null)[] = [];
  let left = Infinity;
  let right = -Infinity;
  const sizes: number[] = [];
  for (const row of rows) {
    out.push(null);
    for (const glyph of row) {
      left = Math.min(left, glyph.x0);
      right = Math.max(right, glyph.x1);
      sizes.push(glyph.size);
    }
  }
  if (sizes.length === 0) return out;
  const width = right - left;
  const bins = Math.ceil(width / BIN_PT) + 1;
  if (width <= 0 || bins > 20_000) return out;
  const binOf = (x: number) => Math.min(bins - 1, Math.max(0, Math.floor((x - left) / BIN_PT)));
  const inner: Run = [binOf(left + EDGE_SHARE * width), binOf(right - EDGE_SHARE * width)];
  // Each row's ink as runs of covered bins, and its extremes: a page is scanned as runs, not bin
  // by bin (bin by bin, this search was a quarter of extraction on real PDFs).
  const covered: Run[][] = [];
  /** The rightmost start and the leftmost end of a glyph in each row (ink past a strip's sides). */
  const lastStart = new Float64Array(rows.length);
  const firstEnd = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    covered.push(coveredRuns(row, binOf));
    let start = -Infinity;
    let end = Infinity;
    for (const glyph of row) {
      start = Math.max(start, glyph.x0);
      end = Math.min(end, glyph.x1);
    }
    lastStart[r] = start;
    firstEnd[r] = end;
  }
  const em = medianOf(sizes);

  let region = 0;
  const minBins = (MIN_GUTTER_EM * em) / BIN_PT;
  /** Gutters of rows [from, to]: strips no glyph of them touches, with ink on both sides. */
  const guttersOf = (from: number, to: number): number[] => {
    let open: Run[] = [inner];
    for (let r = from; r <= to; r++) open = openAfter(open, covered[r]!, minBins);
    const gutters: number[] = [];
    for (const [a, b] of open) {
      const x0 = left + a * BIN_PT;
      const x1 = left + (b + 1) * BIN_PT;
      if (inkBeyond(lastStart, from, to, x1) && inkBefore(firstEnd, from, to, x0)) gutters.push((x0 + x1) / 2);
    }
    return gutters;
  };
  // Every glyph left of the first gutter (no gutter: the row is all first column).
  const inFirstColumn = (r: number, gutters: number[]) => gutters.length === 0 || lastStart[r]! < gutters[0]!;
  for (let start = 0; start < rows.length; start++) {
    // The longest run of rows from here that leaves some strip untouched.
    let open: Run[] = [inner];
    let end = start - 1;
    while (end + 1 < rows.length) {
      const next = openAfter(open, covered[end + 1]!, minBins);
      if (next.length === 0) break;
      open = next;
      end++;
    }
    if (end - start + 1 < MIN_MARKED_REGION_ROWS) continue;
    // Rows at either end with ink in the first column only are the paragraphs around the region
    // (a short last line): without them the gutters they closed open again.
    let first = start;
    let last = end;
    let gutters = guttersOf(first, last);
    for (let pass = 0; pass < 2; pass++) {
      while (first < last && inFirstColumn(first, gutters)) first++;
      while (last > first && inFirstColumn(last, gutters)) last--;
      gutters = guttersOf(first, last);
    }
    if (last - first + 1 < MIN_MARKED_REGION_ROWS || gutters.length === 0 || gutters.length > MAX_COLUMNS - 1) continue;
    const run: (CellSpan & { column: number })[][] = [];
    for (let r = first; r <= last; r++) run.push(cellsOf(rows[r]!, gutters));
    if (!looksLikeColumns(run, gutters.length + 1, left, width)) continue;
    for (let r = first; r <= last; r++) out[r] = { region, gutters };
    region++;
    start = last;
  }
  return out;
}

/** Whether a row in [from, to] has a glyph starting at or past x1. */
function inkBeyond(lastStart: Float64Array, from: number, to: number, x1: number): boolean {
  for (let r = from; r <= to; r++) if (lastStart[r]! >= x1) return true;
  return false;
}

/** Whether a row in [from, to] has a glyph ending at or before x0. */
function inkBefore(firstEnd: Float64Array, from: number, to: number, x0: number): boolean {
  for (let r = from; r <= to; r++) if (firstEnd[r]! <= x0) return true;
  return false;
}

/** The middle value (the upper one of an even count); 0 for none. */
export function medianOf(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length >> 1] ?? 0;
}

/** The bins a row's glyphs touch, as runs in x order (touching or overlapping glyphs merged). */
function coveredRuns(row: CellSpan[], binOf: (x: number) => number): Run[] {
  const spans: Run[] = [];
  let inOrder = true;
  for (const glyph of row) {
    const span: Run = [binOf(glyph.x0), binOf(glyph.x1)];
    if (span[1] < span[0]) continue; // no bin
    if (inOrder && spans.length > 0 && span[0] < spans[spans.length - 1]![0]) inOrder = false;
    spans.push(span);
  }
  // Rows come in x order of their glyphs' starts: sorting is for the odd row that does not.
  if (!inOrder) spans.sort((a, b) => a[0] - b[0]);
  const runs: Run[] = [];
  for (const span of spans) {
    const last = runs[runs.length - 1];
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else runs.push(span);
  }
  return runs;
}

/** Strips (open runs at least `minBins` long, in x order) left of `open` once `covered` is inked.
 * Shorter runs are dropped: more rows only ever narrow a strip. */
function openAfter(open: Run[], covered: Run[], minBins: number): Run[] {
  const strips: Run[] = [];
  let c = 0;
  for (const [from, to] of open) {
    let a = from;
    while (c < covered.length && covered[c]![1] < a) c++;
    for (let k = c; k < covered.length && covered[k]![0] <= to; k++) {
      const [inkFrom, inkTo] = covered[k]!;
      if (inkFrom > a && inkFrom - a >= minBins) strips.push([a, inkFrom - 1]);
      a = Math.max(a, inkTo + 1);
    }
    if (a <= to && to - a + 1 >= minBins) strips.push([a, to]);
  }
  return strips;
}

/** Column index of x among the gutters. */
export function columnAt(x: number, gutters: number[]): number {
  let column = 0;
  while (column < gutters.length && x >= gutters[column]!) column++;
  return column;
}

/** A row's glyphs as one cell per column (columns it has no ink in are left out). */
function cellsOf(row: CellSpan[], gutters: number[]): (CellSpan & { column: number })[] {
  const cells: (CellSpan & { column: number })[] = [];
  let cell: (CellSpan & { column: number }) | undefined;
  for (const glyph of row) {
    const column = columnAt(glyph.x0, gutters);
    if (cell?.column === column) {
      cell.x1 = glyph.x1;
      cell.text += glyph.text;
    } else {
      cell = { x0: glyph.x0, x1: glyph.x1, size: glyph.size, text: glyph.text, column };
      cells.push(cell);
    }
  }
  return cells;
}

function looksLikeColumns(run: (CellSpan & { column: number })[][], columns: number, left: number, width: number): boolean {
  const byColumn = Array.from({ length: columns }, () => [] as CellSpan[]);
  for (const cells of run) for (const cell of cells) byColumn[cell.column]!.push(cell);
  if (byColumn.some((cells) => cells.length === 0)) return false;
  // A column of numbers is a table's.
  if (byColumn.some((cells) => cells.filter((c) => NUMERIC_CELL.test(c.text)).length * 2 >= cells.length)) return false;
  const markedColumns = byColumn.filter((cells) => cells.some((c) => MARKER.test(c.text))).length;
  // Numbered markers say the order: (a) (b) (c) across a row is a grid of captions, not columns.
  if (markedColumns >= 2) return !ascending(run.flat().map(ordinal)) || ascending(byColumn.flat().map(ordinal));
  // Without markers: at least three rows, and columns set as a page sets them (even steps; two
  // columns split about in half), not where the word gaps of a few justified lines happen to meet.
  if (run.length < MIN_REGION_ROWS || !evenlySet(byColumn, left, width)) return false;
  for (let r = 1; r < run.length; r++) {
    for (const cell of run[r]!) {
      const above = run[r - 1]!.find((c) => c.column === cell.column);
      if (above && !SENTENCE_END.test(above.text.trim()) && LOWERCASE_START.test(cell.text)) return true;
    }
  }
  return alike(byColumn);
}

/** The number a marker counts ("3." → 3, "(c)" → 3, "๒)" → 2); null for bullets and unmarked cells. */
function ordinal(cell: CellSpan): number | null {
  const marker = /^\(?([0-9]{1,3}|[๐-๙]{1,3}|[a-z])[.)]/u.exec(cell.text)?.[1];
  if (!marker) return null;
  if (/^[a-z]$/u.test(marker)) return marker.charCodeAt(0) - 0x60;
  return Number(marker.replace(/[๐-๙]/gu, (d) => String(d.charCodeAt(0) - 0x0e50)));
}

/** Whether the numbers present (two at least) rise in this order. */
function ascending(values: (number | null)[]): boolean {
  const numbers = values.filter((v): v is number => v !== null);
  return numbers.length >= 2 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
}

function evenlySet(byColumn: CellSpan[][], left: number, width: number): boolean {
  const starts = byColumn.map((cells) => Math.min(...cells.map((c) => c.x0)));
  const steps = starts.slice(1).map((x, i) => x - starts[i]!);
  if (Math.max(...steps) - Math.min(...steps) > EVEN_STEP_SHARE * width) return false;
  // Columns start where the page's text does, and two split it about in half.
  if (starts[0]! > left + 0.05 * width) return false;
  return byColumn.length !== 2 || Math.abs(starts[1]! - left - width / 2) <= 0.1 * width;
}

/** Cells of like length in every column: a list set in columns, not a table. */
function alike(byColumn: CellSpan[][]): boolean {
  const meanLength = byColumn.map((cells) => cells.reduce((sum, c) => sum + c.text.length, 0) / cells.length);
  return Math.max(...meanLength) <= ALIKE_LENGTH_RATIO * Math.min(...meanLength);
}
