// From tesseract's paragraphs to draft blocks: drop the lines that are not text (tesseract reads
// the Garuda emblem atop Thai government letters, stamps and signatures as lines of symbols and
// stray marks), join the rest into paragraphs, and carry their confidence.
import type { BlockBox, DraftBlock, Warning } from '../model/index.ts';
import { warning } from '../model/warnings.ts';
import type { OcrLine, OcrPageResult } from './engine.ts';
import { joinLines as joinSharedLines } from '../shared/lines.ts';
import { COMBINING, CONSONANT, THAI_LETTER as THAI_LETTER_RANGE } from '../shared/thai.ts';

/** A line with less than this share of letters and digits among its non-space characters is a
 * picture read as symbols ("|\\ //= ~~"), whatever tesseract's confidence. */
const MIN_LETTER_SHARE = 0.5;
/** Below this line confidence tesseract is guessing: the line is dropped. */
const NON_TEXT_MAX_CONFIDENCE = 0.45;
/** Below this a line is doubtful: the shape tests below decide whether it is writing. */
const SHAPE_CHECK_CONFIDENCE = 0.8;
/** Below this, a line must also be long enough and carry few orphan marks. */
const DOUBTFUL_CONFIDENCE = 0.7;
/** Share of Thai marks with no consonant to sit on above which a doubtful line is not Thai text. */
const MAX_ORPHAN_MARK_SHARE = 0.1;
/** A doubtful line shorter than this (non-space characters) is a speck or a blot, not a line. */
const MIN_DOUBTFUL_CHARS = 8;
/** Rings and dots read as letters: a line of nothing but these (and punctuation) is an ornament. */
const ROUND_GLYPHS = /^[0oOQ\u0E50\u0E51\u00B0\u2022\u00B7.,:;'"`~\-_|*]+$/u;
const MIN_ORNAMENT_GLYPHS = 4;
/** A run of this many spaces inside a doubtful line: blobs scattered across a picture. */
const WIDE_GAP = / {6,}/u;
/** Share of tokens that mix Thai with Latin letters or ASCII digits, or Latin with digits, above
 * which a doubtful line is letter soup (tesseract's reading of line art). */
const MAX_MIXED_TOKEN_SHARE = 0.3;
const THAI_LETTER = new RegExp(`[${THAI_LETTER_RANGE}]`, 'u');
const LATIN_LETTER = /[A-Za-z]/u;
const ASCII_DIGIT = /[0-9]/u;
/** Share of a paragraph's lines dropped as pictures from which its short lines go too. */
const PICTURE_PARAGRAPH_SHARE = 0.5;
/** Blocks whose confidence is below this get an 'ocr-low-confidence' warning. */
const LOW_CONFIDENCE = 0.6;

const LETTER_OR_DIGIT = /[\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46\u0E50-\u0E59\p{L}\p{N}]/u;
/** Thai marks that sit above or below a consonant (mai han-akat, upper/lower vowels, tones, thanthakhat…). */
const THAI_MARK = new RegExp(`[${COMBINING}]`, 'u');
const THAI_BASE = new RegExp(`[${CONSONANT}]`, 'u');
/** Most marks one consonant carries (vowel + tone). */
const MAX_STACKED_MARKS = 2;

interface LineShape {
  chars: number;
  letterShare: number;
  orphanMarkShare: number;
}

function lineShape(text: string): LineShape {
  const chars = [...text.replace(/\s+/gu, '')];
  let letters = 0;
  let orphans = 0;
  let stacked = 0;
  let previous = '';
  for (const char of chars) {
    if (THAI_MARK.test(char)) {
      stacked = THAI_BASE.test(previous) || (THAI_MARK.test(previous) && stacked > 0) ? stacked + 1 : 0;
      if (stacked === 0 || stacked > MAX_STACKED_MARKS) orphans++;
      else letters++;
    } else {
      stacked = 0;
      if (LETTER_OR_DIGIT.test(char)) letters++;
    }
    previous = char;
  }
  const count = chars.length || 1;
  return { chars: chars.length, letterShare: letters / count, orphanMarkShare: orphans / count };
}

function isMixedToken(token: string): boolean {
  const thai = THAI_LETTER.test(token);
  const latin = LATIN_LETTER.test(token);
  const digit = ASCII_DIGIT.test(token);
  return (thai && (latin || digit)) || (latin && digit);
}

/** Why a line is not text (emblem, stamp, signature, ornament), or null when it is. */
export function nonTextReason(line: Pick<OcrLine, 'text' | 'confidence'>): string | null {
  const shape = lineShape(line.text);
  const compact = line.text.replace(/\s+/gu, '');
  if (shape.chars === 0) return 'empty';
  if (shape.letterShare < MIN_LETTER_SHARE) return 'symbols';
  if (line.confidence < NON_TEXT_MAX_CONFIDENCE) return 'confidence';
  if (ROUND_GLYPHS.test(compact) && compact.replace(/[^0oOQ\u0E50\u0E51]/gu, '').length >= MIN_ORNAMENT_GLYPHS) return 'ornament';
  if (line.confidence < SHAPE_CHECK_CONFIDENCE) {
    if (WIDE_GAP.test(line.text.trim())) return 'scattered';
    const tokens = line.text.trim().split(/\s+/u);
    if (tokens.filter(isMixedToken).length / tokens.length >= MAX_MIXED_TOKEN_SHARE) return 'mixed-script';
  }
  if (line.confidence < DOUBTFUL_CONFIDENCE) {
    if (shape.orphanMarkShare > MAX_ORPHAN_MARK_SHARE) return 'orphan-marks';
    if (shape.chars < MIN_DOUBTFUL_CHARS) return 'speck';
  }
  return null;
}

/** Joins the lines of a paragraph: Thai runs on without a space, a hyphen-broken English word
 * is mended, everything else gets one space. */
export function joinLines(lines: readonly string[]): string {
  return joinSharedLines(lines, { mendHyphens: true });
}

/** A line whose left and right margins within the page's text column are each at least this
 * share of the column, and equal within CENTRED_TOLERANCE, is centred: a title. */
const CENTRED_MIN_MARGIN = 0.1;
const CENTRED_TOLERANCE = 0.06;

interface Column {
  x0: number;
  x1: number;
}

function isCentred(line: OcrLine, column: Column): boolean {
  const width = column.x1 - column.x0;
  if (width <= 0) return false;
  const left = (line.bbox.x0 - column.x0) / width;
  const right = (column.x1 - line.bbox.x1) / width;
  return left >= CENTRED_MIN_MARGIN && right >= CENTRED_MIN_MARGIN && Math.abs(left - right) <= CENTRED_TOLERANCE;
}

/** Splits a paragraph's lines where centred title lines start or stop. */
function splitTitles(lines: OcrLine[], column: Column): { lines: OcrLine[]; title: boolean }[] {
  const groups: { lines: OcrLine[]; title: boolean }[] = [];
  for (const line of lines) {
    const title = isCentred(line, column);
    const last = groups.at(-1);
    if (last && last.title === title) last.lines.push(line);
    else groups.push({ lines: [line], title });
  }
  return groups;
}

export interface PageBlocks {
  blocks: DraftBlock[];
  warnings: Warning[];
  droppedLines: number;
  /** Kept lines in reading order, for voting against a text layer. */
  lines: OcrLine[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

const fraction = (value: number, of: number) => Math.round(Math.min(1, Math.max(0, value / of)) * 10_000) / 10_000;

/** The box around OCR lines, as fractions of the image they were read from (BlockBox). */
function linesBox(lines: OcrLine[], image: { width: number; height: number }): BlockBox {
  return {
    x0: fraction(Math.min(...lines.map((line) => line.bbox.x0)), image.width),
    y0: fraction(Math.min(...lines.map((line) => line.bbox.y0)), image.height),
    x1: fraction(Math.max(...lines.map((line) => line.bbox.x1)), image.width),
    y1: fraction(Math.max(...lines.map((line) => line.bbox.y1)), image.height),
  };
}

/** With the size in pixels of the image OCR read, each block gets its box on the page. */
export function pageBlocks(result: OcrPageResult, page: number, image?: { width: number; height: number } | null): PageBlocks {
  const blocks: DraftBlock[] = [];
  const warnings: Warning[] = [];
  const kept: OcrLine[] = [];
  let droppedLines = 0;
  const paragraphs: OcrLine[][] = [];
  for (const paragraph of result.paragraphs) {
    let lines = paragraph.lines.filter((line) => nonTextReason(line) === null);
    // In a paragraph that is mostly picture, a short line that survived is picture too ("๐๑๐").
    if (paragraph.lines.length - lines.length >= paragraph.lines.length * PICTURE_PARAGRAPH_SHARE) {
      lines = lines.filter((line) => lineShape(line.text).chars >= MIN_DOUBTFUL_CHARS);
    }
    droppedLines += paragraph.lines.length - lines.length;
    if (lines.length > 0) paragraphs.push(lines);
  }
  // The text column of the page: where its text lines start and end.
  const all = paragraphs.flat();
  const column = { x0: Math.min(...all.map((line) => line.bbox.x0)), x1: Math.max(...all.map((line) => line.bbox.x1)) };
  for (const group of paragraphs.flatMap((lines) => splitTitles(lines, column))) {
    const lines = group.lines;
    kept.push(...lines);
    const type = group.title ? 'heading' : 'paragraph';
    const weight = lines.reduce((sum, line) => sum + line.text.length, 0) || 1;
    const confidence = round(lines.reduce((sum, line) => sum + line.confidence * line.text.length, 0) / weight);
    const text = joinLines(lines.map((line) => line.text));
    blocks.push({ type, ...(type === 'heading' ? { level: 1 } : {}), page, text, origin: 'ocr', confidence, ...(image ? { bbox: linesBox(lines, image) } : {}) });
    if (confidence < LOW_CONFIDENCE) {
      warnings.push(warning('ocr-low-confidence', `OCR confidence ${confidence.toFixed(2)} (below ${LOW_CONFIDENCE}) for a block starting "${lines[0]!.text.slice(0, 30)}"`, { page }));
    }
  }
  if (droppedLines > 0) {
    warnings.push(warning('ocr-non-text-dropped', `${droppedLines} OCR line(s) that read as pictures (emblem, stamp, signature) were left out`, { page }));
  }
  return { blocks, warnings, droppedLines, lines: kept };
}
