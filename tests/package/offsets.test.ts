// Offsets for consumers in other languages: samut counts UTF-16 code units; Python slices by code
// points, Rust and Go by UTF-8 bytes. Thai (every letter and mark one BMP code point, three UTF-8
// bytes, marks combining with the letter before) and emoji (outside the BMP: two UTF-16 units, one
// code point, four bytes; flags and skin tones are several code points) are the cases that differ.
import { describe, expect, it } from 'vitest';
import { extract, offsetConverter, toCodePointOffset, toUtf8Offset } from '../../pipeline/index.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('offset conversion', () => {
  it('counts Thai with combining marks: one code point and three bytes per letter or mark', () => {
    const text = 'ที่สำคัญ Khon Kaen';
    //            ท ี ่ ส ำ ค ั ญ = 8 code points (3 of them combining marks), 24 bytes
    expect(toCodePointOffset(text, 8)).toBe(8);
    expect(toUtf8Offset(text, 8)).toBe(24);
    expect(toUtf8Offset(text, 9)).toBe(25);
    expect(toUtf8Offset(text, text.length)).toBe(24 + 10);
    const bytes = utf8(text);
    expect(decode(bytes.subarray(toUtf8Offset(text, 3), toUtf8Offset(text, 8)))).toBe('สำคัญ');
  });

  it('counts emoji: two UTF-16 units, one code point, four bytes each', () => {
    const text = 'ไทย🇹🇭 ok 👍🏽!';
    // ไทย: 3 units; 🇹🇭: two regional indicators, 4 units, 2 code points, 8 bytes
    expect(toCodePointOffset(text, 3)).toBe(3);
    expect(toCodePointOffset(text, 7)).toBe(5);
    expect(toUtf8Offset(text, 7)).toBe(9 + 8);
    const ok = text.indexOf('ok');
    expect(ok).toBe(8);
    expect(toCodePointOffset(text, ok)).toBe(6);
    expect(toUtf8Offset(text, ok)).toBe(18);
    const thumb = text.indexOf('👍');
    expect([toCodePointOffset(text, thumb), toUtf8Offset(text, thumb)]).toEqual([9, 21]);
    expect([toCodePointOffset(text, text.length), toUtf8Offset(text, text.length)]).toEqual([12, 30]);
    expect(Array.from(text).slice(toCodePointOffset(text, thumb), toCodePointOffset(text, text.length - 1)).join('')).toBe('👍🏽');
  });

  it('agrees with TextEncoder and the string iterator at every character boundary', () => {
    const text = 'กรุงเทพฯ 🏙️ จ.ขอนแก่น ๒๕๖๑ naïve café 𝕏 \u{1F468}\u200D\u{1F469}\u200D\u{1F467} end';
    const offsets = offsetConverter(text);
    let units = 0;
    for (const [index, character] of Array.from(text).entries()) {
      expect(offsets.toCodePoint(units)).toBe(index);
      expect(offsets.toUtf8(units)).toBe(utf8(text.slice(0, units)).length);
      units += character.length;
    }
    expect(offsets.toUtf8(text.length)).toBe(utf8(text).length);
  });

  it('refuses an offset inside a surrogate pair or outside the text', () => {
    expect(() => toCodePointOffset('a😀b', 2)).toThrow(RangeError);
    expect(() => toUtf8Offset('abc', 4)).toThrow(RangeError);
    expect(() => toUtf8Offset('abc', -1)).toThrow(RangeError);
    expect(() => toUtf8Offset('abc', 1.5)).toThrow(RangeError);
  });

  it("slices a real document's entities in UTF-8 bytes and in code points", async () => {
    const result = await extract({ bytes: utf8('ประชุมที่จังหวัดขอนแก่น 🎉 กับ Chiang Mai และกรุงเทพฯ เมื่อ ๘ กรกฎาคม พ.ศ. ๒๕๖๑\n'), name: 'note.txt' });
    if (!('document' in result)) throw new Error(JSON.stringify(result.failure));
    const { text, entities } = result.document;
    expect(entities.length).toBeGreaterThanOrEqual(3);
    const offsets = offsetConverter(text);
    const bytes = utf8(text);
    const points = Array.from(text);
    for (const entity of entities) {
      expect(decode(bytes.subarray(offsets.toUtf8(entity.start), offsets.toUtf8(entity.end)))).toBe(entity.text);
      expect(points.slice(offsets.toCodePoint(entity.start), offsets.toCodePoint(entity.end)).join('')).toBe(entity.text);
    }
    const chiangMai = entities.find((entity) => entity.text === 'Chiang Mai')!;
    expect(offsets.toCodePoint(chiangMai.start)).toBe(chiangMai.start - 1); // the emoji before it is two units, one code point
  });
});
