// Private-use code points that PDF fonts put in place of Thai marks and Symbol-font characters.

/** Windows (U+F700-U+F71A) and Mac (U+F884-U+F89E) positioned Thai glyph variants, from
 * HarfBuzz's Thai shaper tables (see ../../shared/thai/damage.md). */
const THAI_PUA_PAIRS: [number, number, string][] = [
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

export const THAI_PUA = new Map<string, string>();
for (const [windows, mac, char] of THAI_PUA_PAIRS) {
  THAI_PUA.set(String.fromCharCode(windows), char);
  THAI_PUA.set(String.fromCharCode(mac), char);
}

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
