// windows-1252 both ways. Node 20's TextDecoder('windows-1252') decodes as Latin-1 (a known
// regression), so the 0x80-0x9F range, where cp1252 has printable characters, is a table.

/** The characters cp1252 gives bytes 0x80-0x9F (five bytes are undefined and stay C1 controls). */
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF_HIGH = new Map<string, number>([...CP1252_HIGH].map((char, i) => [char, 0x80 + i]));

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** The bytes a windows-1252 (or Latin-1) decoder read to produce `text`, or null if it could not have. */
export function encodeWindows1252(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : BYTE_OF_HIGH.get(text[i]!);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}
