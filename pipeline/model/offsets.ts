// samut's offsets (block start/end, entity start/end, edit and warning offsets) count UTF-16 code
// units: what JavaScript, Java and C# strings index by. Python indexes by code points, Rust and Go
// by UTF-8 bytes; these convert, so an app in any language can slice the document's text exactly.

/** Converts UTF-16 offsets into one text to code point and UTF-8 byte offsets. */
export interface OffsetConverter {
  /** The code point offset (a Python `str` index) of a UTF-16 offset. */
  toCodePoint(utf16Offset: number): number;
  /** The UTF-8 byte offset (a Rust `&str` or Go `string` index) of a UTF-16 offset. */
  toUtf8(utf16Offset: number): number;
}

function check(text: string, offset: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new RangeError(`Expected an offset from 0 to ${text.length}, got ${offset}`);
  }
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) {
    throw new RangeError(`Offset ${offset} falls inside a surrogate pair (one character outside the Basic Multilingual Plane)`);
  }
}

/**
 * A converter for many offsets into the same text (a document's entities and blocks): it reads
 * the text once, then answers each offset at once.
 * @example
 * ```ts
 * const offsets = offsetConverter(document.text);
 * for (const entity of document.entities) console.log(offsets.toUtf8(entity.start), offsets.toUtf8(entity.end));
 * ```
 */
export function offsetConverter(text: string): OffsetConverter {
  const codePoints = new Uint32Array(text.length + 1);
  const utf8 = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // A surrogate pair: one code point, four UTF-8 bytes; the offset between its halves is not a character boundary.
      codePoints[i + 1] = codePoints[i]! + 1;
      utf8[i + 1] = utf8[i]! + 4;
      codePoints[i + 2] = codePoints[i]! + 1;
      utf8[i + 2] = utf8[i]! + 4;
      i++;
      continue;
    }
    codePoints[i + 1] = codePoints[i]! + 1;
    // A lone surrogate is written as U+FFFD (three bytes), as TextEncoder does.
    utf8[i + 1] = utf8[i]! + (unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3);
  }
  return {
    toCodePoint(offset) {
      check(text, offset);
      return codePoints[offset]!;
    },
    toUtf8(offset) {
      check(text, offset);
      return utf8[offset]!;
    },
  };
}

/** The code point offset (a Python `str` index) of a UTF-16 offset into `text`. For many offsets
 * into one text, {@link offsetConverter} reads it once. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  return offsetConverter(text).toCodePoint(utf16Offset);
}

/** The UTF-8 byte offset (a Rust `&str` or Go `string` index) of a UTF-16 offset into `text`. For
 * many offsets into one text, {@link offsetConverter} reads it once. */
export function toUtf8Offset(text: string, utf16Offset: number): number {
  return offsetConverter(text).toUtf8(utf16Offset);
}
