// The Thai toolkit against Unicode's own properties, so a range typo cannot hide: every class is
// checked over the whole Thai block, pattern and char-code test alike.
import { describe, expect, it } from 'vitest';
import {
  arabicToThaiDigits, COMBINING, CONSONANT, HAS_THAI, isAttachedCode, isClusterBoundary, isCombiningCode, isConsonantCode,
  isLeadingVowelCode, isThaiCode, isThaiDigitCode, isThaiLetterCode, isThaiWordCode, isToneCode, LEADING_VOWEL,
  THAI_BLOCK_FIRST, THAI_BLOCK_LAST, THAI_DIGIT, THAI_GLYPH_VARIANT, THAI_GLYPH_VARIANTS, THAI_LETTER, THAI_WORD_CHAR,
  thaiToArabicDigits, TONE, VOWEL_MARK,
} from '../../pipeline/shared/thai.ts';

const BLOCK = Array.from({ length: THAI_BLOCK_LAST - THAI_BLOCK_FIRST + 1 }, (_, i) => THAI_BLOCK_FIRST + i);
const is = (pattern: RegExp) => (code: number) => pattern.test(String.fromCharCode(code));
const inClass = (fragment: string) => is(new RegExp(`^[${fragment}]$`, 'u'));
const members = (test: (code: number) => boolean) => BLOCK.filter(test);

describe('Thai character classes', () => {
  it('match Unicode: characters, letters, consonants, combining marks, digits', () => {
    const assigned = is(/^\p{Assigned}$/u);
    const thaiScript = is(/^\p{Script=Thai}$/u);
    // Every assigned character of the block (the Thai script plus the baht sign ฿, Common), and
    // the four unassigned code points U+0E3B-U+0E3E that sit inside U+0E01-U+0E5B.
    expect(members(isThaiCode)).toEqual(members((c) => (assigned(c) && (thaiScript(c) || c === 0x0e3f)) || (c >= 0x0e3b && c <= 0x0e3e)));
    expect(members(isConsonantCode)).toEqual(members((c) => c <= 0x0e2e && is(/^\p{Lo}$/u)(c)));
    expect(members(isCombiningCode)).toEqual(members(is(/^\p{Mn}$/u)));
    expect(members(isThaiDigitCode)).toEqual(members(is(/^\p{Nd}$/u)));
    expect(members(isToneCode).map((c) => String.fromCharCode(c)).join('')).toBe('่้๊๋');
    expect(members(isLeadingVowelCode).map((c) => String.fromCharCode(c)).join('')).toBe('เแโใไ');
  });

  it('pattern and char-code forms agree on every code point of the block', () => {
    expect(members(is(HAS_THAI))).toEqual(members(isThaiCode));
    expect(members(inClass(THAI_LETTER))).toEqual(members(isThaiLetterCode));
    expect(members(inClass(THAI_WORD_CHAR))).toEqual(members(isThaiWordCode));
    expect(members(inClass(CONSONANT))).toEqual(members(isConsonantCode));
    expect(members(inClass(COMBINING))).toEqual(members(isCombiningCode));
    expect(members(inClass(TONE))).toEqual(members(isToneCode));
    expect(members(inClass(LEADING_VOWEL))).toEqual(members(isLeadingVowelCode));
    expect(members(inClass(THAI_DIGIT))).toEqual(members(isThaiDigitCode));
    // Vowels above and below are combining marks, tones are not among them.
    expect(members(inClass(VOWEL_MARK)).every((c) => isCombiningCode(c) && !isToneCode(c))).toBe(true);
  });

  it('cluster boundaries: never before an attached mark or vowel, never after a leading vowel', () => {
    const boundaries = (text: string) =>
      Array.from({ length: text.length - 1 }, (_, i) => i + 1).filter((i) => isClusterBoundary(text.charCodeAt(i - 1), text.charCodeAt(i)));
    expect(boundaries('เป็นต้นไป')).toEqual([3, 4, 6, 7]); // เป็|น|ต้|น|ไป
    expect(boundaries('สำคัญ')).toEqual([2, 4]); // สำ|คั|ญ
    expect(members(isAttachedCode).every((c) => !isLeadingVowelCode(c) && !isConsonantCode(c))).toBe(true);
  });

  it('converts digits both ways and leaves everything else', () => {
    expect(thaiToArabicDigits('พ.ศ. ๒๕๖๑ (2018)')).toBe('พ.ศ. 2561 (2018)');
    expect(arabicToThaiDigits('หน้า 12')).toBe('หน้า ๑๒');
    expect(thaiToArabicDigits(arabicToThaiDigits('0123456789'))).toBe('0123456789');
  });

  it('maps every Windows and Mac glyph variant to a Thai character', () => {
    const range = inClass(THAI_GLYPH_VARIANT);
    expect(THAI_GLYPH_VARIANTS.size).toBe(54);
    for (const [code, char] of THAI_GLYPH_VARIANTS) {
      expect(range(code)).toBe(true);
      expect(isThaiCode(char.charCodeAt(0))).toBe(true);
    }
  });
});
