// The vendored CC0 Thai word list (data/words_th.txt, PyThaiNLP; see data/PROVENANCE.md), one
// word a line: repair judges ambiguous repairs by it, tag mends names ICU cut inside a word.
import { readFileSync } from 'node:fs';
import { THAI_LETTERS_ONLY } from './thai.ts';

const WORDS_FILE = new URL('./data/words_th.txt', import.meta.url);

/** Longer entries are phrases: no repair window or name edge needs them. */
export const MAX_WORD_LENGTH = 20;

let words: ReadonlySet<string> | undefined;

/** The list's Thai words of 2 to MAX_WORD_LENGTH letters (one-letter entries would make every
 * fragment look like a word), built once per thread at its first use: repair and tag share it. */
export function thaiWords(): ReadonlySet<string> {
  words ??= new Set(
    readFileSync(WORDS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((word) => word.length >= 2 && word.length <= MAX_WORD_LENGTH && THAI_LETTERS_ONLY.test(word)),
  );
  return words;
}
