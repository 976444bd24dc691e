// The page's declared language, checked against the script of its text.
import type { Warning } from '../../model/document.ts';
import { DOCUMENT, warning } from '../../model/warnings.ts';
import { LANGUAGE_CHECK_MIN_LETTERS, LANGUAGE_CHECK_MIN_SHARE, LATIN_LETTERS, THAI_LETTERS } from './rules.ts';

/** Scripts the language check knows: a declared "th" must be backed by Thai letters, a
 * declared Latin-script language by Latin letters. Other languages are not checked. */
const LATIN_SCRIPT_LANGUAGES = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'id', 'ms', 'vi', 'sv', 'da', 'no', 'nb', 'fi', 'pl', 'cs', 'tr']);

/** A warning when the declared language does not fit the text, else null. */
export function languageMismatch(declared: string | null | undefined, texts: readonly string[]): Warning | null {
  if (!declared) return null;
  const primary = declared.toLowerCase().split(/[-_]/)[0] ?? '';
  let thai = 0;
  let latin = 0;
  for (const text of texts) {
    thai += text.match(THAI_LETTERS)?.length ?? 0;
    latin += text.match(LATIN_LETTERS)?.length ?? 0;
  }
  const total = thai + latin;
  if (total < LANGUAGE_CHECK_MIN_LETTERS) return null;
  const share = primary === 'th' ? thai / total : LATIN_SCRIPT_LANGUAGES.has(primary) ? latin / total : null;
  if (share === null || share >= LANGUAGE_CHECK_MIN_SHARE) return null;
  const found = thai > latin ? 'Thai' : 'Latin-script';
  return warning('html-language-mismatch', `the page declares lang="${declared}", but its text is mostly ${found} (${Math.round((1 - share) * 100)}% of letters)`, DOCUMENT);
}

