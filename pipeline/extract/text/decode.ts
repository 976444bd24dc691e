// Character sets of plain text: BOMs first, then strict UTF-8, then the legacy Thai code page
// (TIS-620 / windows-874) when its bytes read as well-formed Thai, then windows-1252.
// Legacy Thai files must never come out as mojibake: each candidate is checked, not assumed.
import { DocumentError } from '../../model/errors.ts';
import { decodeWindows1252 } from '../../shared/cp1252.ts';
import { COMBINING, CONSONANT, HAS_THAI } from '../../shared/thai.ts';

type Charset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874' | 'windows-1252';

export interface Decoded {
  text: string;
  charset: Charset;
  bom: boolean;
}

const THAI_CONSONANT = new RegExp(`[${CONSONANT}]`, 'u');
const THAI_COMBINING = new RegExp(`[${COMBINING}]`, 'u');
const THAI_CHAR = HAS_THAI;
/** Share of high bytes that must decode to well-formed Thai for windows-874 to win. */
const THAI_WELLFORMED_SHARE = 0.9;
/** A Thai decoding must yield at least this many Thai characters to be trusted. */
const THAI_MIN_CHARS = 4;

/** How well a windows-874 decoding reads as Thai: the share of Thai characters that sit in
 * Thai runs (not alone between Latin letters) with combining marks after a Thai letter. */
function thaiWellformedShare(text: string): { share: number; thai: number } {
  const chars = [...text];
  let thai = 0;
  let good = 0;
  for (const [i, char] of chars.entries()) {
    if (!THAI_CHAR.test(char)) continue;
    thai++;
    const previous = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const inRun = THAI_CHAR.test(previous) || THAI_CHAR.test(next);
    const markOk = !THAI_COMBINING.test(char) || THAI_CONSONANT.test(previous) || THAI_COMBINING.test(previous);
    if (inRun && markOk) good++;
  }
  return { share: thai === 0 ? 0 : good / thai, thai };
}

function isWellformedThai(text: string): boolean {
  const { share, thai } = thaiWellformedShare(text);
  return thai >= THAI_MIN_CHARS && share >= THAI_WELLFORMED_SHARE;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: a legacy single-byte code page.
  }
  const thai = new TextDecoder('windows-874').decode(bytes);
  if (isWellformedThai(thai)) return { text: thai, charset: 'windows-874', bom: false };
  const western = decodeWindows1252(bytes);
  if (/[\u0080-\u009F]/u.test(western)) {
    throw new DocumentError('input-undecodable', 'the text is neither UTF-8, UTF-16, TIS-620/windows-874 nor windows-1252');
  }
  return { text: western, charset: 'windows-1252', bom: false };
}
