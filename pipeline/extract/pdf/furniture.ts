// Running headers, footers and page numbers: lines near the top or bottom edge whose text
// (digits aside) repeats on other pages at about the same height, and lone page numbers
// ("- 3 -", "๔", "หน้า ๑", "Page 2 of 9") near an edge even when nothing else repeats.
import type { Furniture } from '../../model/index.ts';
import type { Line } from './lines.ts';

/** Share of the page height from each edge where furniture lives. */
const FURNITURE_BAND = 0.12;
/** Repeated lines must sit at the same height within this share of the page height. */
const SAME_HEIGHT_SHARE = 0.02;
const MIN_REPEATS = 2;
const PAGE_NUMBER =
  /^[-–—\s]*(?:(?:page|p\.|หน้า|หน้าที่)\s*)?[0-9๐-๙]{1,4}(?:\s*(?:of|\/|จาก)\s*[0-9๐-๙]{1,4})?[-–—\s]*$/iu;
const DIGITS = /[0-9๐-๙]+/gu;

export interface PageGeometry {
  page: number;
  height: number;
  lines: Line[];
}

function shape(text: string): string {
  return text.replace(DIGITS, '#').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function band(line: Line, height: number): 'header' | 'footer' | null {
  if (line.top <= FURNITURE_BAND * height) return 'header';
  if (line.top >= (1 - FURNITURE_BAND) * height) return 'footer';
  return null;
}

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** Marks furniture lines; returns them (in page order) and leaves the body lines. */
export function separateFurniture(pages: PageGeometry[]): { furniture: Furniture[]; body: Map<number, Line[]> } {
  const candidates = new Map<string, { page: number; top: number }[]>();
  for (const { page, height, lines } of pages) {
    for (const line of lines) {
      if (!band(line, height)) continue;
      const key = shape(line.text);
      const seen = candidates.get(key) ?? [];
      seen.push({ page, top: line.top / height });
      candidates.set(key, seen);
    }
  }
  const furniture: Furniture[] = [];
  const body = new Map<number, Line[]>();
  for (const { page, height, lines } of pages) {
    const kept: Line[] = [];
    for (const line of lines) {
      const where = band(line, height);
      const kind = where ? furnitureKind(line, where, height, candidates) : null;
      if (kind) furniture.push({ kind, page, text: line.text });
      else kept.push(line);
    }
    body.set(page, kept);
  }
  return { furniture, body };
}

function furnitureKind(
  line: Line,
  where: 'header' | 'footer',
  height: number,
  candidates: Map<string, { page: number; top: number }[]>,
): Furniture['kind'] | null {
  if (isPageNumber(line.text)) return 'page-number';
  const top = line.top / height;
  const repeats = (candidates.get(shape(line.text)) ?? []).filter(
    (c) => c.page !== line.page && Math.abs(c.top - top) <= SAME_HEIGHT_SHARE,
  );
  const pages = new Set(repeats.map((c) => c.page));
  return pages.size + 1 >= MIN_REPEATS ? where : null;
}
