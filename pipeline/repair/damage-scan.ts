// One pass over the char codes that says which rules could act at all. Most text has no
// damage, and damaged text usually has two or three kinds: every other pass is skipped.
// codeAt reads past either end as 0 (not NaN), which keeps the loop on integers.
import { codeAt } from './thai.ts';

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

const isThaiLetter = (c: number): boolean => c >= 0x0e01 && c <= 0x0e4e;
const isCombining = (c: number): boolean => c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
const isTone = (c: number): boolean => c >= 0x0e48 && c <= 0x0e4b;
const isThaiDigit = (c: number): boolean => c >= 0x0e50 && c <= 0x0e59;
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

export function scanDamage(text: string): DamageFlags {
  const flags: DamageFlags = {
    utf8Mojibake: false,
    latin1: false,
    invisible: false,
    privateUse: false,
    spaceBeforeMark: false,
    spacedSaraAa: false,
    spaceInThai: false,
    nikhahit: false,
    followVowelThenTone: false,
    toneThenVowel: false,
    duplicates: false,
    replacement: false,
    mixedDigits: false,
    loneLetter: false,
  };
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 && isThaiLetter(previous) && !isCombining(previous) && !isThaiLetter(codeAt(text, i - 2))) {
      flags.loneLetter = true;
    }
    if (c < 0x80) {
      if (c === 0x20 && isThaiLetter(previous)) {
        let next = i + 1;
        while (codeAt(text, next) === 0x20) next++;
        const after = codeAt(text, next);
        if (isThaiLetter(after)) {
          flags.spaceInThai = true;
          if (isCombining(after)) flags.spaceBeforeMark = true;
          if (after === 0x0e32 || (isTone(after) && codeAt(text, next + 1) === 0x0e32)) flags.spacedSaraAa = true;
        }
      } else if (isAsciiDigit(c) && isThaiDigit(previous)) flags.mixedDigits = true;
    } else if (c >= 0x0e00 && c <= 0x0e7f) {
      if (c === 0x0e4d) flags.nikhahit = true;
      if (isTone(c) && (previous === 0x0e30 || previous === 0x0e32 || previous === 0x0e33)) flags.followVowelThenTone = true;
      if ((isTone(previous) || previous === 0x0e4c) && (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e39) || c === 0x0e47 || c === 0x0e4d)) {
        flags.toneThenVowel = true;
      }
      if ((isCombining(c) && c === previous) || (isTone(c) && isTone(previous)) || (c === 0x0e40 && previous === 0x0e40)) {
        flags.duplicates = true;
      }
      if (isThaiDigit(c) && isAsciiDigit(previous)) flags.mixedDigits = true;
    } else if (c >= 0xa0 && c <= 0xff) {
      if (c === 0xa0 || c === 0xad) flags.invisible = true;
      else flags.latin1 = true;
      if ((previous === 0xe0 && (c === 0xb8 || c === 0xb9))) flags.utf8Mojibake = true;
    } else if ((c >= 0x2000 && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x202f) flags.invisible = true;
    else if (c >= 0xe000 && c <= 0xf8ff) flags.privateUse = true;
    else if (c === 0xfffd) flags.replacement = true;
    previous = c;
  }
  return flags;
}

export function anyDamage(flags: DamageFlags): boolean {
  for (const key in flags) if (flags[key as keyof DamageFlags]) return true;
  return false;
}
