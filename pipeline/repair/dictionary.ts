// The Thai dictionary that ambiguous repairs are judged by: the vendored CC0 word list
// (data/words_th.txt, PyThaiNLP) as a Set, loaded once, plus ICU's Thai dictionary behind
// Intl.Segmenter('th') as a second opinion. Judging is always relative: a candidate repair is
// scored against the text left alone, over the same short window around the suspect spot.
import { readFileSync } from 'node:fs';

const WORDS_FILE = new URL('./data/words_th.txt', import.meta.url);
/** Longer dictionary entries are phrases: never needed to judge a repair window. */
export const MAX_WORD_LENGTH = 20;

/** Words with ำ at least this long are the ones a bare า is restored into. */
export const MIN_SARA_AM_WORD = 5;
const SARA_AM = '\u0E33';

let words: Set<string> | null = null;
/** Every prefix of every word: lets a lookup stop as soon as no word can start this way. */
const prefixes = new Set<string>();
/** Letter, ำ, letter as they occur inside long ำ words; and the two letters before a final ำ. */
const saraAmInside = new Set<string>();
const saraAmFinal = new Set<string>();

export function dictionary(): Set<string> {
  if (!words) {
    words = new Set();
    for (const line of readFileSync(WORDS_FILE, 'utf8').split('\n')) {
      const word = line.trim();
      // One-letter entries would make every fragment look like words.
      if (word.length < 2 || word.length > MAX_WORD_LENGTH) continue;
      words.add(word);
      for (let length = 1; length < word.length; length++) prefixes.add(word.slice(0, length));
      if (word.length < MIN_SARA_AM_WORD) continue;
      for (let at = word.indexOf(SARA_AM); at > 0; at = word.indexOf(SARA_AM, at + 1)) {
        if (at + 1 < word.length) saraAmInside.add(word[at - 1]! + SARA_AM + word[at + 1]!);
        else saraAmFinal.add(word.slice(at - 2, at) + SARA_AM);
      }
    }
  }
  return words;
}

/** Cheap test before any segmenting: could ำ at `at` (where the text has า) be inside a long
 * dictionary word? */
export function couldBeSaraAmWord(text: string, at: number): boolean {
  dictionary();
  const previous = text[at - 1] ?? '';
  const next = text[at + 1];
  if (next !== undefined && saraAmInside.has(previous + SARA_AM + next)) return true;
  return saraAmFinal.has((text[at - 2] ?? '') + previous + SARA_AM);
}

/** Cheap test before any segmenting: is there a dictionary word across `junction`? */
export function wordSpans(text: string, junction: number, reach = 10): boolean {
  const dict = dictionary();
  for (let start = junction - 1; start >= Math.max(0, junction - reach); start--) {
    for (let end = start + 1; end <= text.length && end - start <= MAX_WORD_LENGTH; end++) {
      const piece = text.slice(start, end);
      if (end > junction && dict.has(piece)) return true;
      if (!prefixes.has(piece)) break;
    }
  }
  return false;
}

/** Whether some dictionary word is a prefix of the text. */
export function startsWithWord(text: string): boolean {
  const dict = dictionary();
  for (let end = 2; end <= Math.min(text.length, MAX_WORD_LENGTH); end++) {
    const piece = text.slice(0, end);
    if (dict.has(piece)) return true;
    if (!prefixes.has(piece)) return false;
  }
  return false;
}

/** Whether some dictionary word is a suffix of the text. */
export function endsWithWord(text: string): boolean {
  const dict = dictionary();
  for (let start = text.length - 2; start >= Math.max(0, text.length - MAX_WORD_LENGTH); start--) {
    if (dict.has(text.slice(start))) return true;
  }
  return false;
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
  const unknown = new Int32Array(n + 1).fill(0x3fffffff);
  const pieces = new Int32Array(n + 1);
  const from = new Int32Array(n + 1);
  const isWordStep = new Uint8Array(n + 1);
  unknown[0] = 0;
  const relax = (start: number, end: number, u: number, word: boolean): void => {
    const p = pieces[start]! + 1;
    if (u < unknown[end]! || (u === unknown[end]! && p < pieces[end]!)) {
      unknown[end] = u;
      pieces[end] = p;
      from[end] = start;
      isWordStep[end] = word ? 1 : 0;
    }
  };
  for (let start = 0; start < n; start++) {
    relax(start, start + 1, unknown[start]! + 1, false);
    for (let end = start + 1; end <= n && end - start <= MAX_WORD_LENGTH; end++) {
      const piece = text.slice(start, end);
      if (end - start >= 2 && dict.has(piece)) relax(start, end, unknown[start]!, true);
      if (!prefixes.has(piece)) break;
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
