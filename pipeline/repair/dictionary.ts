// The Thai dictionary that ambiguous repairs are judged by: the vendored CC0 word list
// (data/words_th.txt, PyThaiNLP) as a Set, loaded once, plus ICU's Thai dictionary behind
// Intl.Segmenter('th') as a second opinion. Judging is always relative: a candidate repair is
// scored against the text left alone, over the same short window around the suspect spot.
import { readFileSync } from 'node:fs';

const WORDS_FILE = new URL('./data/words_th.txt', import.meta.url);
/** Longer dictionary entries are phrases: never needed to judge a repair window. */
export const MAX_WORD_LENGTH = 20;

let words: Set<string> | null = null;

export function dictionary(): Set<string> {
  if (!words) {
    words = new Set();
    for (const line of readFileSync(WORDS_FILE, 'utf8').split('\n')) {
      const word = line.trim();
      // One-letter entries would make every fragment look like words.
      if (word.length >= 2 && word.length <= MAX_WORD_LENGTH) words.add(word);
    }
  }
  return words;
}

export function isWord(text: string): boolean {
  return dictionary().has(text);
}

export interface Segmentation {
  /** Characters not covered by any dictionary word. */
  unknown: number;
  /** Dictionary words used plus unknown characters. */
  pieces: number;
  /** [start, end) of each dictionary word used. */
  words: [number, number][];
}

/** The segmentation with fewest unknown characters, then fewest pieces (longest words). */
export function segment(text: string): Segmentation {
  const dict = dictionary();
  const n = text.length;
  const unknown = new Int32Array(n + 1);
  const pieces = new Int32Array(n + 1);
  const from = new Int32Array(n + 1);
  const isWordStep = new Uint8Array(n + 1);
  for (let end = 1; end <= n; end++) {
    unknown[end] = unknown[end - 1]! + 1;
    pieces[end] = pieces[end - 1]! + 1;
    from[end] = end - 1;
    isWordStep[end] = 0;
    for (let start = Math.max(0, end - MAX_WORD_LENGTH); start <= end - 2; start++) {
      if (!dict.has(text.slice(start, end))) continue;
      const u = unknown[start]!;
      const p = pieces[start]! + 1;
      if (u < unknown[end]! || (u === unknown[end]! && p < pieces[end]!)) {
        unknown[end] = u;
        pieces[end] = p;
        from[end] = start;
        isWordStep[end] = 1;
      }
    }
  }
  const found: [number, number][] = [];
  for (let end = n; end > 0; end = from[end]!) if (isWordStep[end]) found.push([from[end]!, end]);
  return { unknown: unknown[n]!, pieces: pieces[n]!, words: found.reverse() };
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** How many pieces ICU cuts the text into: a tie-breaker when the word list cannot decide. */
export function icuPieces(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** -1 when `a` reads better than `b`, 1 when worse, 0 when the dictionaries cannot tell. */
export function compareReadings(a: string, b: string): number {
  const sa = segment(a);
  const sb = segment(b);
  if (sa.unknown !== sb.unknown) return sa.unknown < sb.unknown ? -1 : 1;
  if (sa.pieces !== sb.pieces) return sa.pieces < sb.pieces ? -1 : 1;
  const ia = icuPieces(a);
  const ib = icuPieces(b);
  return ia === ib ? 0 : ia < ib ? -1 : 1;
}
