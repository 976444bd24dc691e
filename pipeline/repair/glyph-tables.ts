// Private-use code points that PDF fonts put in place of Thai marks and Symbol-font characters.
import { THAI_GLYPH_VARIANTS } from '../shared/thai.ts';

/** Thai glyph variants (shared/thai.ts), keyed by the character as the repair rules match it. */
export const THAI_PUA = new Map<string, string>([...THAI_GLYPH_VARIANTS].map(([code, char]) => [String.fromCharCode(code), char]));

/** Adobe Symbol encoding for the code points a Symbol font puts at U+F020-U+F07E, plus the
 * bullet U+F0B7. The rest of U+F080-U+F0FF is shared with Wingdings, whose meanings differ,
 * so without the font name those are left alone and reported. */
const SYMBOL_ASCII =
  ' !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_\uF8E5αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼';
export const SYMBOL_PUA = new Map<string, string>();
for (let i = 0; i < SYMBOL_ASCII.length; i++) {
  const char = SYMBOL_ASCII[i]!;
  // 0x60 is the radical extender, which has no Unicode character of its own.
  if (char !== '\uF8E5') SYMBOL_PUA.set(String.fromCharCode(0xf020 + i), char);
}
SYMBOL_PUA.set('\uF0B7', '•');
