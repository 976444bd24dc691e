// The damage scan decides which passes run at all: a flag it misses is damage left in place.
// It is table-driven for speed; here it is held to one example per flag and to a plain,
// comparison-by-comparison statement of the same rules on random strings.
import { describe, expect, it } from 'vitest';
import { scanDamage, type DamageFlags } from '../../pipeline/repair/damage-scan.ts';
import { random } from '../../scripts/lib/random.ts';

const EXAMPLES: [keyof DamageFlags, string, string][] = [
  // flag, a text that raises it, a near miss that does not
  ['utf8Mojibake', 'à¸ªà¸³', '¸à'],
  ['latin1', 'กลèาว', 'กล่าว'],
  ['invisible', 'ภาษา\u200Bไทย', 'ภาษาไทย'],
  ['invisible', 'ราคา\u00A0๒๐', 'ราคา ๒๐'],
  ['privateUse', 'ป\uF710\uF713น', 'ปั่น'],
  ['spaceBeforeMark', 'ถ ึง', 'ถึง'],
  ['spacedSaraAa', 'ส าคัญ', 'สำคัญ'],
  ['spacedSaraAa', 'ต ่า', 'ต่ำ'],
  ['spaceInThai', 'ภาษา ไทย', 'ภาษา abc'],
  ['nikhahit', 'นํา', 'นำ'],
  ['followVowelThenTone', 'กา่', 'ก่า'],
  ['toneThenVowel', 'ท่ี', 'ที่'],
  ['duplicates', 'ข้้อ', 'ข้อ'],
  ['duplicates', 'เเมว', 'แมว'],
  ['duplicates', 'ก่๋', 'ก่'],
  ['replacement', 'จ\uFFFDานวน', 'จำนวน'],
  ['mixedDigits', '๒๕๖6', '๒๕๖๖'],
  ['mixedDigits', '6๖', '66'],
  ['loneLetter', 'ร ะเบี ย บ', 'ระเบียบ ไทย'],
];

describe('scanDamage', () => {
  for (const [flag, raises, nearMiss] of EXAMPLES) {
    it(`${flag}: ${JSON.stringify(raises)} yes, ${JSON.stringify(nearMiss)} no`, () => {
      expect(scanDamage(raises)[flag]).toBe(true);
      expect(scanDamage(nearMiss)[flag]).toBe(false);
    });
  }

  it('raises nothing on clean text', () => {
    expect(Object.values(scanDamage('ภาษาไทย English 123 ๒๕๖๗ "quoted" — ok'))).not.toContain(true);
  });

  it('agrees with the rules stated one comparison at a time, on random strings', () => {
    const next = random(20261123);
    const alphabet = [
      ...Array.from({ length: 0x80 }, (_, i) => 0x0e00 + i),
      ...Array.from({ length: 20 }, () => 0x20),
      ...Array.from({ length: 10 }, (_, i) => 0x30 + i),
      0x41, 0x7a, 0xa0, 0xad, 0xb8, 0xb9, 0xe0, 0xe0, 0xe9, 0xff, 0x80,
      0x2000, 0x200b, 0x200d, 0x200e, 0x2060, 0x202f, 0xfeff, 0xe000, 0xf710, 0xf8ff, 0xf900, 0xfffd, 0xd83d,
    ];
    for (let trial = 0; trial < 20_000; trial++) {
      const length = 1 + Math.floor(next() * 8);
      let text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(alphabet[Math.floor(next() * alphabet.length)]!);
      expect(scanDamage(text), JSON.stringify(text)).toEqual(referenceScan(text));
    }
  });
});

/** The scan's rules, one comparison at a time (how the scan was written before it was made table-driven). */
function referenceScan(text: string): DamageFlags {
  const isThaiLetter = (c: number): boolean => c >= 0x0e01 && c <= 0x0e4e;
  const isCombining = (c: number): boolean => c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
  const isTone = (c: number): boolean => c >= 0x0e48 && c <= 0x0e4b;
  const isThaiDigit = (c: number): boolean => c >= 0x0e50 && c <= 0x0e59;
  const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
  const at = (i: number): number => (i >= 0 && i < text.length ? text.charCodeAt(i) : 0);
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
    if (c === 0x20 && isThaiLetter(previous) && !isCombining(previous) && !isThaiLetter(at(i - 2))) flags.loneLetter = true;
    if (c < 0x80) {
      if (c === 0x20 && isThaiLetter(previous)) {
        let next = i + 1;
        while (at(next) === 0x20) next++;
        const after = at(next);
        if (isThaiLetter(after)) {
          flags.spaceInThai = true;
          if (isCombining(after)) flags.spaceBeforeMark = true;
          if (after === 0x0e32 || (isTone(after) && at(next + 1) === 0x0e32)) flags.spacedSaraAa = true;
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
      if (previous === 0xe0 && (c === 0xb8 || c === 0xb9)) flags.utf8Mojibake = true;
    } else if ((c >= 0x2000 && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x202f) flags.invisible = true;
    else if (c >= 0xe000 && c <= 0xf8ff) flags.privateUse = true;
    else if (c === 0xfffd) flags.replacement = true;
    previous = c;
  }
  return flags;
}
