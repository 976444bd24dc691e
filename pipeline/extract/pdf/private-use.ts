// Private-use code points mapped by the font they came from (see shared/thai/damage.md):
// Symbol fonts put Adobe Symbol codes at U+F020-U+F0FF; Thai fonts put shifted tone marks and
// vowels at U+F700-U+F71A (Windows) and U+F884-U+F89E (Mac). The same code point means
// something else in another font, so each map applies only where its font says it should.
import type { Glyph } from './glyphs.ts';
import { SYMBOL_ENCODING } from './symbol-encoding.ts';

const SYMBOL_FONT_NAME = /symbol/i;
const SYMBOL_PUA_START = 0xf020;
const SYMBOL_PUA_END = 0xf0ff;
const SYMBOL_PUA_OFFSET = 0xf000;

/** Thai glyph variants → the character they stand for (HarfBuzz's Thai shaper tables). */
const THAI_VARIANTS: ReadonlyMap<number, string> = new Map([
  [0xf700, '\u0E10'], [0xf701, '\u0E34'], [0xf702, '\u0E35'], [0xf703, '\u0E36'], [0xf704, '\u0E37'],
  [0xf705, '\u0E48'], [0xf706, '\u0E49'], [0xf707, '\u0E4A'], [0xf708, '\u0E4B'], [0xf709, '\u0E4C'],
  [0xf70a, '\u0E48'], [0xf70b, '\u0E49'], [0xf70c, '\u0E4A'], [0xf70d, '\u0E4B'], [0xf70e, '\u0E4C'],
  [0xf70f, '\u0E0D'], [0xf710, '\u0E31'], [0xf711, '\u0E4D'], [0xf712, '\u0E47'], [0xf713, '\u0E48'],
  [0xf714, '\u0E49'], [0xf715, '\u0E4A'], [0xf716, '\u0E4B'], [0xf717, '\u0E4C'], [0xf718, '\u0E38'],
  [0xf719, '\u0E39'], [0xf71a, '\u0E3A'],
  [0xf89e, '\u0E10'], [0xf885, '\u0E34'], [0xf886, '\u0E35'], [0xf887, '\u0E36'], [0xf888, '\u0E37'],
  [0xf88c, '\u0E48'], [0xf88f, '\u0E49'], [0xf892, '\u0E4A'], [0xf895, '\u0E4B'], [0xf898, '\u0E4C'],
  [0xf88b, '\u0E48'], [0xf88e, '\u0E49'], [0xf891, '\u0E4A'], [0xf894, '\u0E4B'], [0xf897, '\u0E4C'],
  [0xf89a, '\u0E0D'], [0xf884, '\u0E31'], [0xf899, '\u0E4D'], [0xf889, '\u0E47'], [0xf88a, '\u0E48'],
  [0xf88d, '\u0E49'], [0xf890, '\u0E4A'], [0xf893, '\u0E4B'], [0xf896, '\u0E4C'], [0xf89b, '\u0E38'],
  [0xf89c, '\u0E39'], [0xf89d, '\u0E3A'],
]);

const THAI_LETTER = /[\u0E01-\u0E5B]/u;
const THAI_VARIANT = /[\uF700-\uF71A\uF884-\uF89E]/u;

/** Symbol-font private use → Unicode through the Adobe Symbol encoding; other fonts untouched. */
export function mapSymbolFont(text: string, fontName: string): string {
  if (!SYMBOL_FONT_NAME.test(fontName)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const mapped = code >= SYMBOL_PUA_START && code <= SYMBOL_PUA_END ? SYMBOL_ENCODING.get(code - SYMBOL_PUA_OFFSET) : undefined;
    out += mapped === undefined ? ch : String.fromCodePoint(mapped);
  }
  return out;
}

export function mapThaiVariantText(text: string): string {
  let out = '';
  for (const ch of text) out += THAI_VARIANTS.get(ch.codePointAt(0)!) ?? ch;
  return out;
}

/** Maps Thai glyph variants on a page, but only those drawn by a font that also draws Thai
 * letters on the page: the same code points are other glyphs in other fonts. */
export function mapThaiVariants(glyphs: Glyph[]): number {
  const thaiFonts = new Set<string>();
  for (const glyph of glyphs) if (THAI_LETTER.test(glyph.text)) thaiFonts.add(glyph.fontId);
  let mapped = 0;
  for (const glyph of glyphs) {
    if (!THAI_VARIANT.test(glyph.text) || !thaiFonts.has(glyph.fontId)) continue;
    glyph.text = mapThaiVariantText(glyph.text);
    mapped++;
  }
  return mapped;
}
