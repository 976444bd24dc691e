// The vendored CC0 Thai word list (data/words_th.txt, PyThaiNLP; see data/PROVENANCE.md), one
// word a line: repair judges ambiguous repairs by it, tag mends names ICU cut inside a word.
import { readFileSync } from 'node:fs';

const WORDS_FILE = new URL('./data/words_th.txt', import.meta.url);

/** The list's lines as they are (callers trim and filter for their own use). */
export function readThaiWordList(): string[] {
  return readFileSync(WORDS_FILE, 'utf8').split('\n');
}
