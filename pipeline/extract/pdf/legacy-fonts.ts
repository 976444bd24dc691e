// Thai drawn by an 8-bit font in TIS-620 codes under a Latin encoding, with no ToUnicode and no
// glyph names to go by (old Windows Thai fonts, some legacy producers): pdf.js reads each code as
// its Latin-1 letter, so "จะนำไปใช้กับ" comes out as "¨Ð¹Óä»ãªé¡Ñº". A font whose letters on a
// page are nearly all in TIS-620's Thai range (U+00A1-U+00FB read as Latin-1), and whose text read
// as TIS-620 is well-formed Thai, is read as TIS-620. Latin-1 text (French, German) has mostly
// ASCII letters among its accented ones, and is left alone.
import { THAI_CHAR } from '../../shared/thai.ts';
import type { Glyph } from './glyphs.ts';

/** TIS-620 0xA1-0xFB is U+0E01-U+0E5B. */
const TIS620_FIRST = 0xa1;
const TIS620_LAST = 0xfb;
const TIS620_TO_THAI = 0x0e01 - TIS620_FIRST;
/** Fewer TIS-620-range letters than this from one font: too little to judge. */
const MIN_LETTERS = 8;
/** Share of the font's letters (ASCII letters counted too) that must be in the TIS-620 range. */
const MIN_TIS620_SHARE = 0.9;
/** Share of Thai marks allowed to stand where no letter carries them (a sign of another code page). */
const MAX_STRAY_MARKS = 0.05;

function isTis620Code(text: string): boolean {
  if (text.length !== 1) return false;
  const code = text.charCodeAt(0);
  return code >= TIS620_FIRST && code <= TIS620_LAST;
}

function isAsciiLetter(text: string): boolean {
  if (text.length !== 1) return false;
  const code = text.charCodeAt(0) | 0x20;
  return code >= 0x61 && code <= 0x7a;
}

function toThai(text: string): string {
  return String.fromCharCode(text.charCodeAt(0) + TIS620_TO_THAI);
}

function isMark(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e);
}

function isConsonant(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x0e01 && code <= 0x0e2e;
}

/** Marks must follow a consonant, or a consonant and one or two marks, within each run. */
function wellFormed(runs: string[][]): boolean {
  let stray = 0;
  let marks = 0;
  for (const thai of runs) for (let i = 0; i < thai.length; i++) {
    if (!isMark(thai[i]!)) continue;
    marks++;
    const before = thai[i - 1] ?? '';
    const twoBefore = thai[i - 2] ?? '';
    const threeBefore = thai[i - 3] ?? '';
    const carried = isConsonant(before) || (isMark(before) && (isConsonant(twoBefore) || (isMark(twoBefore) && isConsonant(threeBefore))));
    if (!carried) stray++;
  }
  return marks === 0 || stray / marks <= MAX_STRAY_MARKS;
}

/** Share of a font's TIS-620-range glyphs that must stand in runs of RUN_LENGTH or more: Thai
 * words are runs of letters; a maths font's × and · stand alone between other fonts' glyphs. */
const MIN_IN_RUNS = 0.7;
const RUN_LENGTH = 3;

/** Runs of consecutive glyphs (in drawing order) of one font whose text is in the TIS-620 range. */
function tis620Runs(glyphs: Glyph[]): Map<string, Glyph[][]> {
  const runs = new Map<string, Glyph[][]>();
  let current: Glyph[] = [];
  const close = () => {
    if (current.length === 0) return;
    const fontId = current[0]!.fontId;
    const list = runs.get(fontId);
    if (list) list.push(current);
    else runs.set(fontId, [current]);
    current = [];
  };
  for (const glyph of glyphs) {
    if (isTis620Code(glyph.text) && (current.length === 0 || current[0]!.fontId === glyph.fontId)) current.push(glyph);
    else {
      close();
      if (isTis620Code(glyph.text)) current.push(glyph);
    }
  }
  close();
  return runs;
}

/** Reads as TIS-620 the fonts on a page that drew Thai in TIS-620 codes; returns their names. */
export function mapTis620Fonts(glyphs: Glyph[], fontName: (fontId: string) => string): string[] {
  const mapped: string[] = [];
  const runsByFont = tis620Runs(glyphs);
  // Most pages have no glyph in the range: nothing to count.
  if (runsByFont.size === 0) return mapped;
  const asciiLetters = new Map<string, number>();
  for (const glyph of glyphs) if (isAsciiLetter(glyph.text)) asciiLetters.set(glyph.fontId, (asciiLetters.get(glyph.fontId) ?? 0) + 1);
  for (const [fontId, runs] of runsByFont) {
    const tis620 = runs.reduce((sum, run) => sum + run.length, 0);
    if (tis620 < MIN_LETTERS || tis620 / (tis620 + (asciiLetters.get(fontId) ?? 0)) < MIN_TIS620_SHARE) continue;
    const inRuns = runs.filter((run) => run.length >= RUN_LENGTH).reduce((sum, run) => sum + run.length, 0);
    if (inRuns / tis620 < MIN_IN_RUNS) continue;
    const decoded = runs.map((run) => run.map((g) => toThai(g.text)));
    if (!wellFormed(decoded)) continue;
    runs.forEach((run, r) => run.forEach((glyph, i) => (glyph.text = decoded[r]![i]!)));
    mapped.push(fontName(fontId) || fontId);
  }
  return mapped;
}

const THAI = new RegExp(`^[${THAI_CHAR}]$`, 'u');

/**
 * In a font that draws Thai, a run of glyphs read as Latin-1 letters right next to its Thai ones
 * ("ผูéใหญè") is the font's TIS-620 codes that its ToUnicode map left out: read as TIS-620 when
 * the run then carries its marks properly. Returns how many glyphs were read so.
 */
export function mapTis620Gaps(glyphs: Glyph[]): number {
  let mapped = 0;
  for (let start = 0; start < glyphs.length; start++) {
    const fontId = glyphs[start]!.fontId;
    if (!isTis620Code(glyphs[start]!.text)) continue;
    let end = start;
    while (end + 1 < glyphs.length && glyphs[end + 1]!.fontId === fontId && isTis620Code(glyphs[end + 1]!.text)) end++;
    // Up to three Thai glyphs of the same font before the run: the letter its first mark sits on.
    const before: string[] = [];
    for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
      const glyph = glyphs[i]!;
      if (glyph.fontId !== fontId || !THAI.test(glyph.text)) break;
      before.unshift(glyph.text);
    }
    const next = glyphs[end + 1];
    const after = next?.fontId === fontId && THAI.test(next.text);
    if (before.length > 0 || after) {
      const run = glyphs.slice(start, end + 1);
      const thai = run.map((g) => toThai(g.text));
      if (wellFormed([[...before, ...thai]])) {
        run.forEach((glyph, i) => (glyph.text = thai[i]!));
        mapped += run.length;
      }
    }
    start = end;
  }
  return mapped;
}
