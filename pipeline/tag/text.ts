// Character classes and word boundaries shared by the matchers. Thai has no spaces between words:
// boundaries come from Intl.Segmenter('th'); Latin boundaries are letter/non-letter transitions
// (so "UK's" splits before the apostrophe, "Rayongwittaya" does not split at all).

import { segmentChunks } from '../shared/segment.ts';
import { HAS_THAI, isClusterBoundary, isThaiCode as codeIsThai } from '../shared/thai.ts';

// Character classes by code unit: the boundary loop runs them over every character of every
// document. Thai classes and cluster boundaries are shared/thai.ts'.
/** A-Z, a-z, 0-9, U+00C0-U+024F. */
const codeIsLatinAlnum = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
/** × and ÷ sit in that range but are symbols: ICU puts word boundaries around them. */
const codeIsLatinSymbol = (c: number): boolean => c === 0xd7 || c === 0xf7;

/** Whether a character (one code unit, as text[i] gives) is Thai. */
export const isThai = (ch: string | undefined): boolean => ch !== undefined && ch.length > 0 && codeIsThai(ch.charCodeAt(0));
export const isWhitespace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Intl.Segmenter slows down more than linearly on long strings (V8 re-reads the string per
 * segment), so it runs on chunks cut at whitespace (always a word boundary, so cutting there
 * changes nothing), and a run with no whitespace is cut at shared/segment.ts' MAX_SEGMENT_RUN. */
const chunks = segmentChunks;

export interface Boundaries {
  /** 1 where a word starts or ends at this offset (0..text.length). */
  word: Uint8Array;
  /** 1 where a Thai character cluster may start (no attached mark at i, no leading vowel at i-1). */
  cluster: Uint8Array;
  /** Start offsets of Intl.Segmenter segments, ascending. */
  segmentStarts: number[];
}

export function computeBoundaries(text: string): Boundaries {
  const n = text.length;
  const word = new Uint8Array(n + 1);
  const cluster = new Uint8Array(n + 1);
  const segmentStarts: number[] = [];
  // Outside Thai: a boundary wherever letter-ness changes, and around every non-letter.
  for (let i = 1; i < n; i++) {
    const before = text.charCodeAt(i - 1);
    const at = text.charCodeAt(i);
    if (codeIsThai(before) && codeIsThai(at)) continue;
    const atAlnum = codeIsLatinAlnum(at);
    if (codeIsLatinAlnum(before) !== atAlnum || !atAlnum || codeIsLatinSymbol(at) || codeIsLatinSymbol(before)) word[i] = 1;
  }
  word[0] = 1;
  word[n] = 1;
  for (const [chunkStart, chunkEnd] of chunks(text)) {
    const chunk = text.slice(chunkStart, chunkEnd);
    if (HAS_THAI.test(chunk)) {
      for (const { index } of segmenter.segment(chunk)) {
        word[chunkStart + index] = 1;
        segmentStarts.push(chunkStart + index);
      }
    } else {
      // Without Thai, ICU's word boundaries are a subset of the ones above (letters and digits
      // never break from each other, everything else does), and segments matter only as the
      // end of a Thai run: the boundaries above stand in for them, at a fraction of the cost.
      for (let i = chunkStart; i < chunkEnd; i++) if (word[i]) segmentStarts.push(i);
    }
  }
  for (let i = 0; i <= n; i++) {
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    const at = i < n ? text.charCodeAt(i) : -1;
    if (word[i]) cluster[i] = 1;
    else if ((codeIsThai(before) || codeIsThai(at)) && isClusterBoundary(before, at)) cluster[i] = 1;
  }
  return { word, cluster, segmentStarts };
}

/** The Segmenter's segments from `start` on, as [start, end) pairs. */
export function* segmentsFrom(b: Boundaries, text: string, start: number): Generator<[number, number]> {
  // Binary search the first segment start ≥ start.
  let lo = 0;
  let hi = b.segmentStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.segmentStarts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < b.segmentStarts.length; i++) {
    const s = b.segmentStarts[i]!;
    const e = b.segmentStarts[i + 1] ?? text.length;
    yield [s, e];
  }
}

/** Lowercase, apostrophes unified: the key the gazetteer trie is built on. */
export function foldChar(ch: string): string {
  // Thai has no case: most characters of a Thai text need no lowercasing.
  if (ch.length === 1 && codeIsThai(ch.charCodeAt(0))) return ch;
  if (ch === '\u2019' || ch === '\u02BC') return "'";
  if (ch === '\u2013' || ch === '\u2014') return '-';
  return ch.toLowerCase();
}

/** Escapes a literal for a RegExp (valid in unicode mode). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names (two characters or more) indexed by their first two characters: the returned function
 * gives, in one lookup, the positions in `names` of those that may start at `at` in a text, in
 * `names`' order (the caller checks the rest). Finds many names in one pass over a text instead
 * of one search of the whole text per name. */
export function namesByFirstTwo(names: readonly string[]): (text: string, at: number) => readonly number[] | undefined {
  const firstTwo = (s: string, at: number) => s.charCodeAt(at) * 0x10000 + s.charCodeAt(at + 1);
  const byPrefix = new Map<number, number[]>();
  names.forEach((name, i) => {
    const key = firstTwo(name, 0);
    const list = byPrefix.get(key);
    if (list) list.push(i);
    else byPrefix.set(key, [i]);
  });
  return (text, at) => byPrefix.get(firstTwo(text, at));
}
