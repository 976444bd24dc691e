// Thai character classes the rules are written in, as regex source fragments. Ranges follow
// the Unicode Thai block (U+0E00-U+0E7F).

/** Consonants ก-ฮ. */
export const CONSONANT = '\\u0E01-\\u0E2E';
/** Tone marks ่ ้ ๊ ๋. */
export const TONE = '\\u0E48-\\u0E4B';
/** Every combining mark: vowels above/below, tones, thanthakhat, nikhahit, yamakkan. */
export const COMBINING = '\\u0E31\\u0E34-\\u0E3A\\u0E47-\\u0E4E';
/** Vowels written before the consonant: เ แ โ ใ ไ. */
export const LEADING_VOWEL = '\\u0E40-\\u0E44';
/** Letters and marks that make up Thai words (no digits, no ฯ ๆ ๏ ๚ ๛). */
export const THAI_WORD_CHAR = '\\u0E01-\\u0E3A\\u0E40-\\u0E45\\u0E47-\\u0E4E';

/** Char-code versions for the hot loops. */
export function isThaiWordCode(code: number): boolean {
  return (code >= 0x0e01 && code <= 0x0e3a) || (code >= 0x0e40 && code <= 0x0e45) || (code >= 0x0e47 && code <= 0x0e4e);
}

export function isConsonantCode(code: number): boolean {
  return code >= 0x0e01 && code <= 0x0e2e;
}

/** COMBINING as a char-code test. */
export function isCombiningCode(code: number): boolean {
  return code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e);
}

export function isToneCode(code: number): boolean {
  return code >= 0x0e48 && code <= 0x0e4b;
}

/** The code unit at `index`, or 0 outside the text. Tested explicitly, not read past the end
 * as NaN and or-ed to 0: a read out of bounds makes optimized code bail out (and be compiled
 * again) the first time it happens, which is often late in a run. */
export function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : 0;
}
