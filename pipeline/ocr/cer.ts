// Character error rate, as the OCR tests and benchmark measure it: Levenshtein distance over code
// points divided by the true text's length, on NFC text with whitespace runs made one space.
// Thai puts no spaces between words and tesseract scatters them, so text with Thai letters is
// compared with all whitespace removed. Tesseract's nikhahit + า is read as ำ on both sides: that
// is the first thing the repair stage does, and not an OCR error.

import { HAS_THAI as THAI_LETTER } from '../shared/thai.ts';

export function normalizeForCer(text: string): string {
  const nfc = text.normalize('NFC').replace(/\u0E4D\u0E32/gu, '\u0E33');
  return THAI_LETTER.test(nfc) ? nfc.replace(/\s+/gu, '') : nfc.replace(/\s+/gu, ' ').trim();
}

export function levenshtein(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Errors per true character (0 = perfect; can pass 1 when OCR invents text). */
export function characterErrorRate(truth: string, read: string): number {
  const expected = [...normalizeForCer(truth)];
  const actual = [...normalizeForCer(read)];
  if (expected.length === 0) return actual.length === 0 ? 0 : 1;
  return levenshtein(expected, actual) / expected.length;
}
