// Bytes → text. Order: BOM, then the HTTP header's charset, then <meta charset>/http-equiv,
// then sniffing; but every label is verified against the bytes, because Thai sites serve
// TIS-620/windows-874 labelled ISO-8859-1 or UTF-8, and UTF-8 labelled ISO-8859-1. Thai
// mojibake left in the text by an earlier wrong decode (UTF-8 or TIS-620 read as windows-1252
// and saved again) is undone run by run.
import type { Warning } from '../../model/document.ts';
import { DOCUMENT, warning } from '../../model/warnings.ts';
import { encodeWindows1252 } from '../../shared/cp1252.ts';
import { THAI_CHAR } from '../../shared/thai.ts';
import {
  BROKEN_UTF8_MAX_SHARE,
  META_PRESCAN_BYTES,
  THAI_DECODE_SHARE,
  THAI_HIGH_BYTE_ADJACENCY,
  THAI_RANGE_SHARE,
  THAI_SEATED_MARK_SHARE,
  THAI_SINGLE_BYTE,
  TIS620_MOJIBAKE_RUN,
  UTF8_THAI_MOJIBAKE,
  WESTERN_SINGLE_BYTE,
} from './rules.ts';

export interface Decoded {
  text: string;
  /** Canonical WHATWG name of the encoding used, e.g. "utf-8", "windows-874". */
  encoding: string;
  warnings: Warning[];
}

/** The WHATWG canonical name for a label, or null for an unknown label. TIS-620 and
 * ISO-8859-11 map to windows-874, ISO-8859-1 and ASCII to windows-1252, as browsers do. */
function canonicalEncoding(label: string | undefined | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** <meta charset="…">, <meta http-equiv="Content-Type" content="…; charset=…"> or an XML
 * declaration's encoding, near the top. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_PRESCAN_BYTES));
  // XHTML saved pages may declare it only in the XML declaration.
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  for (const match of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = match[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

/** Valid UTF-8, or UTF-8 with a few broken sequences (a truncated download, one bad paste):
 * replacement characters are at most a small share of the non-ASCII characters. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const replaced = text.match(/\ufffd/g)?.length ?? 0;
    const nonAscii = text.match(/[^\u0000-\u007f]/g)?.length ?? 0;
    return nonAscii > 0 && replaced / nonAscii <= BROKEN_UTF8_MAX_SHARE;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/** Whether single-byte text reads as Thai: its high bytes come in runs, inside TIS-620's range. */
export function looksLikeTis620(bytes: Uint8Array): boolean {
  let high = 0;
  let adjacent = 0;
  let inThaiRange = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    high++;
    if (byte >= 0xa1 && byte <= 0xfb) inThaiRange++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) adjacent++;
  }
  if (high === 0) return false;
  return adjacent / high >= THAI_HIGH_BYTE_ADJACENCY && inThaiRange / high >= THAI_RANGE_SHARE && thaiMarksFollowLetters(bytes);
}

const isThaiConsonantByte = (byte: number): boolean => byte >= 0xa1 && byte <= 0xce;
const isThaiMarkByte = (byte: number): boolean => byte === 0xd1 || (byte >= 0xd4 && byte <= 0xda) || (byte >= 0xe7 && byte <= 0xee);

/** In TIS-620, above/below vowels and tone marks sit on a consonant (or on another mark).
 * Western text read as TIS-620 puts them after ASCII letters: Portuguese "ção", "é". */
function thaiMarksFollowLetters(bytes: Uint8Array): boolean {
  let marks = 0;
  let seated = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (!isThaiMarkByte(bytes[i]!)) continue;
    marks++;
    const before = bytes[i - 1] ?? 0;
    if (isThaiConsonantByte(before) || isThaiMarkByte(before)) seated++;
  }
  return marks === 0 || seated / marks >= THAI_SEATED_MARK_SHARE;
}

/** Picks the encoding the bytes are really in, given a label (or none). */
function verify(declared: string | null, bytes: Uint8Array): string {
  // Without a BOM, a UTF-16 label is a mistake (the HTML standard reads such pages as UTF-8).
  const label = declared?.startsWith('utf-16') ? 'utf-8' : declared;
  if (!hasHighBytes(bytes)) return label ?? 'utf-8';
  const utf8 = isUtf8(bytes);
  if (label === 'utf-8') return utf8 ? 'utf-8' : looksLikeTis620(bytes) ? THAI_SINGLE_BYTE : 'windows-1252';
  if (utf8) return 'utf-8'; // valid multi-byte UTF-8 is almost never an accident in a single-byte encoding
  if (label === THAI_SINGLE_BYTE) return label;
  if (label === null || WESTERN_SINGLE_BYTE.has(label)) return looksLikeTis620(bytes) ? THAI_SINGLE_BYTE : (label ?? 'windows-1252');
  return label;
}


const THAI_CHARS = new RegExp(`[${THAI_CHAR}]`, 'gu');

function thaiShare(text: string): number {
  const thai = text.match(THAI_CHARS)?.length ?? 0;
  return text.length === 0 ? 0 : thai / text.length;
}

/** Undoes runs of Thai mojibake (and runs of any UTF-8 read as windows-1252 that the TIS-620
 * pattern meets). Returns the text and how many runs were repaired. */
export function repairThaiMojibake(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
  let result = text.replace(UTF8_THAI_MOJIBAKE, (run) => {
    const bytes = encodeWindows1252(run);
    if (!bytes) return run;
    try {
      const decoded = utf8Fatal.decode(bytes);
      if (thaiShare(decoded) < THAI_DECODE_SHARE) return run;
      repaired++;
      return decoded;
    } catch {
      return run;
    }
  });
  const thai = new TextDecoder(THAI_SINGLE_BYTE);
  result = result.replace(TIS620_MOJIBAKE_RUN, (run) => {
    const bytes = encodeWindows1252(run);
    if (!bytes) return run;
    // Bytes that form UTF-8 were UTF-8 read as windows-1252 ("funÃ§Ã£o"), whatever the language.
    try {
      const utf8 = utf8Fatal.decode(bytes);
      repaired++;
      return utf8;
    } catch {
      // not UTF-8: TIS-620 read as latin-1, or real text
    }
    if (!thaiMarksFollowLetters(bytes)) return run;
    const decoded = thai.decode(bytes);
    if (thaiShare(decoded) < THAI_DECODE_SHARE) return run;
    repaired++;
    return decoded;
  });
  return { text: result, repaired };
}

/** Decodes HTML bytes. `declaredCharset` is the HTTP header's charset, if any. */
export function decodeHtml(bytes: Uint8Array, declaredCharset?: string): Decoded {
  const warnings: Warning[] = [];
  const bom = bomEncoding(bytes);
  let encoding: string;
  if (bom) {
    encoding = bom.encoding;
  } else {
    const headerLabel = canonicalEncoding(declaredCharset);
    const metaRaw = metaCharset(bytes);
    const metaLabel = canonicalEncoding(metaRaw);
    const label = headerLabel ?? metaLabel;
    const written = headerLabel ? declaredCharset : metaRaw;
    encoding = verify(label, bytes);
    if (label && label !== encoding) {
      const where = headerLabel ? 'the HTTP header' : 'the page';
      warnings.push(warning('html-charset-mislabelled', `${where} says ${written}, but the bytes are ${encoding}; decoded as ${encoding}`, DOCUMENT));
    }
  }
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const decoded = new TextDecoder(encoding).decode(body);
  const { text, repaired } = repairThaiMojibake(decoded);
  const undecodable = text.match(/\ufffd/g)?.length ?? 0;
  if (undecodable > 0) {
    warnings.push(warning('html-undecodable-bytes', `${undecodable} byte sequence(s) were not valid ${encoding} and became U+FFFD`, DOCUMENT));
  }
  if (repaired > 0) {
    warnings.push(warning('html-mojibake-repaired', `${repaired} run(s) of text garbled by an earlier wrong decoding were restored`, DOCUMENT));
  }
  return { text, encoding, warnings };
}
