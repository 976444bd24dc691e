// The Thai toolkit: character classes, cluster boundaries, digit conversion and the private-use
// glyph variants, defined once for every stage. Ranges follow the Unicode Thai block
// (U+0E00-U+0E7F), whose assigned characters are U+0E01-U+0E3A and U+0E3F-U+0E5B.
// Classes come in two forms: regex source fragments (to build patterns with, inside [...]) and
// char-code tests (for the hot loops, where a range check is much cheaper than a pattern).

/** Every assigned Thai character: letters, vowels, marks, digits and signs (ฯ ๆ ฿ ๏ ๚ ๛); the
 * range also holds the unassigned U+0E3B-U+0E3E, which no text has. */
export const THAI_CHAR = '\\u0E01-\\u0E5B';
/** Thai letters, vowels and marks: no digits, no ๏ ๚ ๛ (what counts as Thai script in a word). */
export const THAI_LETTER = '\\u0E01-\\u0E4E';
/** Consonants ก-ฮ. */
export const CONSONANT = '\\u0E01-\\u0E2E';
/** Tone marks ่ ้ ๊ ๋. */
export const TONE = '\\u0E48-\\u0E4B';
/** Vowels written above and below the consonant, with phinthu and maitaikhu: the marks that
 * stand between a consonant and its tone mark. */
export const VOWEL_MARK = '\\u0E31\\u0E34-\\u0E3A\\u0E47';
/** Every combining mark: vowels above/below, tones, thanthakhat, nikhahit, yamakkan. */
export const COMBINING = '\\u0E31\\u0E34-\\u0E3A\\u0E47-\\u0E4E';
/** Vowels written before the consonant: เ แ โ ใ ไ. */
export const LEADING_VOWEL = '\\u0E40-\\u0E44';
/** Letters and marks that make up Thai words (no digits, no ฯ ๆ ๏ ๚ ๛). */
export const THAI_WORD_CHAR = '\\u0E01-\\u0E3A\\u0E40-\\u0E45\\u0E47-\\u0E4E';
/** Thai digits ๐-๙. */
export const THAI_DIGIT = '\\u0E50-\\u0E59';

export const SARA_AA = '\u0E32';
export const SARA_AM = '\u0E33';

/** A Thai character anywhere in a string (THAI_CHAR). */
export const HAS_THAI = new RegExp(`[${THAI_CHAR}]`, 'u');

/** A string of Thai letters and marks only (THAI_LETTER): a Thai word or name part. */
export const THAI_LETTERS_ONLY = new RegExp(`^[${THAI_LETTER}]+$`, 'u');

/** The Unicode block, for tables indexed by code point - U+0E00 (not a character class). */
export const THAI_BLOCK_FIRST = 0x0e00;
export const THAI_BLOCK_LAST = 0x0e7f;

/** THAI_CHAR as a char-code test. */
export function isThaiCode(code: number): boolean {
  return code >= 0x0e01 && code <= 0x0e5b;
}

/** THAI_LETTER as a char-code test. */
export function isThaiLetterCode(code: number): boolean {
  return code >= 0x0e01 && code <= 0x0e4e;
}

/** THAI_WORD_CHAR as a char-code test. */
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

export function isLeadingVowelCode(code: number): boolean {
  return code >= 0x0e40 && code <= 0x0e44;
}

export function isThaiDigitCode(code: number): boolean {
  return code >= 0x0e50 && code <= 0x0e59;
}

/** Marks and following vowels that attach to the character before them (ะ ั า ำ ิ-ฺ ๅ ๆ ฯ
 * and ็-๎): a Thai character cluster never starts with one. */
export function isAttachedCode(code: number): boolean {
  return (code >= 0x0e30 && code <= 0x0e3a) || code === 0x0e45 || code === 0x0e46 || code === 0x0e2f || (code >= 0x0e47 && code <= 0x0e4e);
}

/** Whether a Thai character cluster may start at `index` of a text whose code units around it
 * are `before` and `at` (-1 outside the text): not before an attached mark or vowel, not after
 * a leading vowel (เ แ โ ใ ไ belong to the consonant after them). */
export function isClusterBoundary(before: number, at: number): boolean {
  return !isAttachedCode(at) && !isLeadingVowelCode(before);
}

const THAI_DIGIT_ZERO = 0x0e50;

/** "๒๕๖๑" → "2561"; other characters unchanged. */
export function thaiToArabicDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/gu, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/** "2561" → "๒๕๖๑"; other characters unchanged. */
export function arabicToThaiDigits(text: string): string {
  return text.replace(/[0-9]/gu, (d) => String.fromCharCode(THAI_DIGIT_ZERO + Number(d)));
}

/** The code unit at `index`, or 0 outside the text. Tested explicitly, not read past the end
 * as NaN and or-ed to 0: a read out of bounds makes optimized code bail out (and be compiled
 * again) the first time it happens, which is often late in a run. */
export function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : 0;
}

/** Windows (U+F700-U+F71A) and Mac (U+F884-U+F89E) positioned Thai glyph variants → the
 * character each stands for, from HarfBuzz's Thai shaper tables (see docs/thai-damage.md). */
const THAI_VARIANT_PAIRS: readonly [windows: number, mac: number, char: string][] = [
  [0xf700, 0xf89e, '\u0E10'], [0xf701, 0xf885, '\u0E34'], [0xf702, 0xf886, '\u0E35'],
  [0xf703, 0xf887, '\u0E36'], [0xf704, 0xf888, '\u0E37'], [0xf705, 0xf88c, '\u0E48'],
  [0xf706, 0xf88f, '\u0E49'], [0xf707, 0xf892, '\u0E4A'], [0xf708, 0xf895, '\u0E4B'],
  [0xf709, 0xf898, '\u0E4C'], [0xf70a, 0xf88b, '\u0E48'], [0xf70b, 0xf88e, '\u0E49'],
  [0xf70c, 0xf891, '\u0E4A'], [0xf70d, 0xf894, '\u0E4B'], [0xf70e, 0xf897, '\u0E4C'],
  [0xf70f, 0xf89a, '\u0E0D'], [0xf710, 0xf884, '\u0E31'], [0xf711, 0xf899, '\u0E4D'],
  [0xf712, 0xf889, '\u0E47'], [0xf713, 0xf88a, '\u0E48'], [0xf714, 0xf88d, '\u0E49'],
  [0xf715, 0xf890, '\u0E4A'], [0xf716, 0xf893, '\u0E4B'], [0xf717, 0xf896, '\u0E4C'],
  [0xf718, 0xf89b, '\u0E38'], [0xf719, 0xf89c, '\u0E39'], [0xf71a, 0xf89d, '\u0E3A'],
];

export const THAI_GLYPH_VARIANTS: ReadonlyMap<number, string> = new Map(
  THAI_VARIANT_PAIRS.flatMap(([windows, mac, char]) => [
    [windows, char],
    [mac, char],
  ]),
);

/** The code point ranges of THAI_GLYPH_VARIANTS, as a regex source fragment. */
export const THAI_GLYPH_VARIANT = '\\uF700-\\uF71A\\uF884-\\uF89E';
