// One pass over the char codes that says which rules could act at all. Most text has no
// damage, and damaged text usually has two or three kinds: every other pass is skipped.
// The pass is table-driven: each code unit has a class, and a table indexed by (class of the
// previous unit, class of this one) holds the flags that pair raises. Marks and letters
// alternate at random in Thai, so a chain of comparisons per character mispredicts branches
// often; two array reads do not. Only spaces, which look ahead, take a branch of their own.
// codeAt reads past either end as 0 (not NaN), which keeps the loop on integers.
import { codeAt, isCombiningCode, isThaiDigitCode, isThaiLetterCode, isToneCode } from '../shared/thai.ts';

export interface DamageFlags {
  utf8Mojibake: boolean;
  latin1: boolean;
  invisible: boolean;
  privateUse: boolean;
  spaceBeforeMark: boolean;
  spacedSaraAa: boolean;
  spaceInThai: boolean;
  nikhahit: boolean;
  followVowelThenTone: boolean;
  toneThenVowel: boolean;
  duplicates: boolean;
  replacement: boolean;
  mixedDigits: boolean;
  /** A one-letter Thai token beside a space ("ร ะเบี ย บ"): letter-spacing may be present. */
  loneLetter: boolean;
}

const isThaiLetter = isThaiLetterCode;

/** One bit per flag. */
const FLAG = {
  utf8Mojibake: 1 << 0,
  latin1: 1 << 1,
  invisible: 1 << 2,
  privateUse: 1 << 3,
  spaceBeforeMark: 1 << 4,
  spacedSaraAa: 1 << 5,
  spaceInThai: 1 << 6,
  nikhahit: 1 << 7,
  followVowelThenTone: 1 << 8,
  toneThenVowel: 1 << 9,
  duplicates: 1 << 10,
  replacement: 1 << 11,
  mixedDigits: 1 << 12,
  loneLetter: 1 << 13,
} as const satisfies Record<keyof DamageFlags, number>;

/** What a code unit can take part in. The marks from TONE to OTHER_MARK are consecutive. */
const OTHER = 0;
const SPACE = 1;
const ASCII_DIGIT = 2;
const THAI_DIGIT = 3;
/** Thai letters with no role below: consonants, leading vowels but เ, ฯ, ๅ, ๆ, ฿. */
const THAI_LETTER = 4;
/** ะ า ำ: a tone after one of them is in the wrong order. */
const FOLLOW_VOWEL = 5;
const SARA_E = 6;
const TONE = 7;
const THANTHAKHAT = 8;
/** ั ิ ี ึ ื ุ ู ็: a tone or thanthakhat before one of them is in the wrong order. */
const VOWEL_MARK = 9;
const NIKHAHIT = 10;
/** ฺ and ๎: marks with no other role. */
const OTHER_MARK = 11;
const LATIN1_INVISIBLE = 12;
const LATIN1_E0 = 13;
/** 0xB8, 0xB9: after 0xE0, the lead bytes of UTF-8 Thai read as Latin-1. */
const LATIN1_THAI_TRAIL = 14;
const LATIN1_OTHER = 15;
const INVISIBLE = 16;
const PRIVATE_USE = 17;
const REPLACEMENT = 18;
const CLASS_COUNT = 19;

function classOf(c: number): number {
  if (c === 0x20) return SPACE;
  if (c >= 0x30 && c <= 0x39) return ASCII_DIGIT;
  if (isThaiDigitCode(c)) return THAI_DIGIT;
  if (c === 0x0e30 || c === 0x0e32 || c === 0x0e33) return FOLLOW_VOWEL;
  if (c === 0x0e40) return SARA_E;
  if (isToneCode(c)) return TONE;
  if (c === 0x0e4c) return THANTHAKHAT;
  if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e39) || c === 0x0e47) return VOWEL_MARK;
  if (c === 0x0e4d) return NIKHAHIT;
  if (c === 0x0e3a || c === 0x0e4e) return OTHER_MARK;
  if (isThaiLetter(c)) return THAI_LETTER;
  if (c === 0xa0 || c === 0xad) return LATIN1_INVISIBLE;
  if (c === 0xe0) return LATIN1_E0;
  if (c === 0xb8 || c === 0xb9) return LATIN1_THAI_TRAIL;
  if (c >= 0xa1 && c <= 0xff) return LATIN1_OTHER;
  if ((c >= 0x2000 && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x202f) return INVISIBLE;
  if (c >= 0xe000 && c <= 0xf8ff) return PRIVATE_USE;
  if (c === 0xfffd) return REPLACEMENT;
  return OTHER;
}

/** The flags a (previous, current) pair of classes raises. */
function pairFlags(previous: number, current: number): number {
  const toneBefore = previous === TONE || previous === THANTHAKHAT;
  switch (current) {
    case NIKHAHIT:
      return FLAG.nikhahit | (toneBefore ? FLAG.toneThenVowel : 0);
    case VOWEL_MARK:
      return toneBefore ? FLAG.toneThenVowel : 0;
    case TONE:
      return (previous === FOLLOW_VOWEL ? FLAG.followVowelThenTone : 0) | (previous === TONE ? FLAG.duplicates : 0);
    case THAI_DIGIT:
      return previous === ASCII_DIGIT ? FLAG.mixedDigits : 0;
    case ASCII_DIGIT:
      return previous === THAI_DIGIT ? FLAG.mixedDigits : 0;
    case LATIN1_INVISIBLE:
    case INVISIBLE:
      return FLAG.invisible;
    case LATIN1_THAI_TRAIL:
      return FLAG.latin1 | (previous === LATIN1_E0 ? FLAG.utf8Mojibake : 0);
    case LATIN1_E0:
    case LATIN1_OTHER:
      return FLAG.latin1;
    case PRIVATE_USE:
      return FLAG.privateUse;
    case REPLACEMENT:
      return FLAG.replacement;
    default:
      return 0;
  }
}

/** The flags a code unit raises when it repeats the one before: a mark (tones included) or เ written twice. */
function doubledFlags(current: number): number {
  return current === SARA_E || (current >= TONE && current <= OTHER_MARK) ? FLAG.duplicates : 0;
}

const CODE_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < CODE_CLASS.length; c++) CODE_CLASS[c] = classOf(c);
const PAIR_FLAGS = new Int32Array(CLASS_COUNT * CLASS_COUNT);
const DOUBLED_FLAGS = new Int32Array(CLASS_COUNT);
for (let previous = 0; previous < CLASS_COUNT; previous++) {
  DOUBLED_FLAGS[previous] = doubledFlags(previous);
  for (let current = 0; current < CLASS_COUNT; current++) PAIR_FLAGS[previous * CLASS_COUNT + current] = pairFlags(previous, current);
}

export function scanDamage(text: string): DamageFlags {
  let found = 0;
  let previous = 0;
  let previousClass = OTHER;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const charClass = CODE_CLASS[c]!;
    found |= PAIR_FLAGS[previousClass * CLASS_COUNT + charClass]!;
    if (c === previous) found |= DOUBLED_FLAGS[charClass]!;
    if (charClass === SPACE) found |= spaceFlags(text, i, previous);
    previous = c;
    previousClass = charClass;
  }
  return toFlags(found);
}

function toFlags(found: number): DamageFlags {
  return {
    utf8Mojibake: hasFlag(found, FLAG.utf8Mojibake),
    latin1: hasFlag(found, FLAG.latin1),
    invisible: hasFlag(found, FLAG.invisible),
    privateUse: hasFlag(found, FLAG.privateUse),
    spaceBeforeMark: hasFlag(found, FLAG.spaceBeforeMark),
    spacedSaraAa: hasFlag(found, FLAG.spacedSaraAa),
    spaceInThai: hasFlag(found, FLAG.spaceInThai),
    nikhahit: hasFlag(found, FLAG.nikhahit),
    followVowelThenTone: hasFlag(found, FLAG.followVowelThenTone),
    toneThenVowel: hasFlag(found, FLAG.toneThenVowel),
    duplicates: hasFlag(found, FLAG.duplicates),
    replacement: hasFlag(found, FLAG.replacement),
    mixedDigits: hasFlag(found, FLAG.mixedDigits),
    loneLetter: hasFlag(found, FLAG.loneLetter),
  };
}

/** A function of the module, not an arrow function made per call: tsx (esbuild keepNames)
 * names each arrow function it makes with Object.defineProperty, a cost on every call. */
function hasFlag(found: number, flag: number): boolean {
  return (found & flag) !== 0;
}

/** A space after a Thai letter: a lone letter before it, and what follows the spaces. */
function spaceFlags(text: string, i: number, previous: number): number {
  if (!isThaiLetter(previous)) return 0;
  let found = 0;
  if (!isCombiningCode(previous) && !isThaiLetter(codeAt(text, i - 2))) found |= FLAG.loneLetter;
  let next = i + 1;
  while (codeAt(text, next) === 0x20) next++;
  const after = codeAt(text, next);
  if (isThaiLetter(after)) {
    found |= FLAG.spaceInThai;
    if (isCombiningCode(after)) found |= FLAG.spaceBeforeMark;
    if (after === 0x0e32 || (isToneCode(after) && codeAt(text, next + 1) === 0x0e32)) found |= FLAG.spacedSaraAa;
  }
  return found;
}

export function anyDamage(flags: DamageFlags): boolean {
  for (const key in flags) if (flags[key as keyof DamageFlags]) return true;
  return false;
}
