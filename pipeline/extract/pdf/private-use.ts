// Private-use code points mapped by the font they came from (see docs/thai-damage.md):
// Symbol fonts put Adobe Symbol codes at U+F020-U+F0FF; Thai fonts put shifted tone marks and
// vowels at U+F700-U+F71A (Windows) and U+F884-U+F89E (Mac). The same code point means
// something else in another font, so each map applies only where its font says it should.
import { HAS_THAI, THAI_GLYPH_VARIANT, THAI_GLYPH_VARIANTS } from '../../shared/thai.ts';
import { SYMBOL_ENCODING } from './symbol-encoding.ts';

const SYMBOL_FONT_NAME = /symbol/i;
const SYMBOL_PUA_START = 0xf020;
const SYMBOL_PUA_END = 0xf0ff;
const SYMBOL_PUA_OFFSET = 0xf000;

const THAI_VARIANT = new RegExp(`[${THAI_GLYPH_VARIANT}]`, 'u');

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

function mapThaiVariantText(text: string): string {
  let out = '';
  for (const ch of text) out += THAI_GLYPH_VARIANTS.get(ch.codePointAt(0)!) ?? ch;
  return out;
}

/** Maps Thai glyph variants on a page, but only those drawn by a font that also draws Thai
 * letters on the page: the same code points are other glyphs in other fonts. */
export function mapThaiVariants(glyphs: { text: string; fontId: string }[]): number {
  const thaiFonts = new Set<string>();
  for (const glyph of glyphs) if (HAS_THAI.test(glyph.text)) thaiFonts.add(glyph.fontId);
  let mapped = 0;
  for (const glyph of glyphs) {
    if (!THAI_VARIANT.test(glyph.text) || !thaiFonts.has(glyph.fontId)) continue;
    glyph.text = mapThaiVariantText(glyph.text);
    mapped++;
  }
  return mapped;
}
