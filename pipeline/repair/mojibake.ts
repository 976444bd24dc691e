// Thai bytes decoded with the wrong character set. Two shapes: UTF-8 read as Latin-1/cp1252
// ("à¸ªà¸³" for "สำ") and TIS-620 read as Latin-1 ("¡ÃÐ·ÃÇ§" for "กระทรวง"). A run is
// re-decoded only when the result is well-formed Thai, so French or German text never changes.
import { CP1252_HIGH, encodeWindows1252 } from '../shared/cp1252.ts';
import { COMBINING, CONSONANT, HAS_THAI, THAI_WORD_CHAR } from '../shared/thai.ts';

const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH}]`;
/** UTF-8 for U+0E00-U+0E7F is E0 B8|B9 xx: "à¸" or "à¹" then a continuation byte. */
export const UTF8_THAI_MOJIBAKE = new RegExp(`(?:à[¸¹]${CONTINUATION})+`, 'g');
/** A run of TIS-620 Thai letters read as Latin-1 (U+00A1-U+00FB), spaces allowed inside. */
export const TIS620_MOJIBAKE = /[\u00A1-\u00FB]{3,}(?: [\u00A1-\u00FB]{2,})*/g;
/** TIS-620 bytes read as Latin-1 show up only in text with no Thai at all. */
const ANY_THAI = HAS_THAI;
const WELL_FORMED_THAI = new RegExp(
  `^(?:[${CONSONANT}\\u0E40-\\u0E44][${COMBINING}]{0,3}|[\\u0E30\\u0E32\\u0E33\\u0E45\\u0E46\\u0E2F]| |[\\u0E50-\\u0E59])+$`,
);
const THAI_LETTERS = new RegExp(`[${THAI_WORD_CHAR}\\u0E2F\\u0E46\\u0E50-\\u0E59]`, 'g');
/** Share of decoded characters (spaces aside) that must be Thai letters or digits. */
const MIN_THAI_SHARE = 0.8;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows874 = new TextDecoder('windows-874');

function looksThai(decoded: string): boolean {
  const letters = decoded.match(THAI_LETTERS)?.length ?? 0;
  return letters / decoded.replace(/ /g, '').length >= MIN_THAI_SHARE && WELL_FORMED_THAI.test(decoded);
}

export function decodeUtf8Mojibake(run: string): string | null {
  const bytes = encodeWindows1252(run);
  if (!bytes) return null;
  try {
    const decoded = utf8.decode(bytes);
    return looksThai(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

export function hasThai(text: string): boolean {
  return ANY_THAI.test(text);
}

/** One character over and over (spaces aside): a row of dots or signs ("···" for TeX's \cdots,
 * a leader "·······" in a table of contents, "×××"), never a Thai word, though it decodes to
 * well-formed letters ("ททท"). Seen on the real pdf-dev PDFs (tests/repair/real-documents.test.ts). */
function oneCharacterRepeated(run: string): boolean {
  const characters = run.replaceAll(' ', '');
  return [...characters].every((character) => character === characters[0]);
}

export function decodeTis620Mojibake(run: string): string | null {
  if (oneCharacterRepeated(run)) return null;
  const bytes = encodeWindows1252(run);
  if (!bytes) return null;
  const decoded = windows874.decode(bytes);
  return looksThai(decoded) ? decoded : null;
}
