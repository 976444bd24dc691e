// Language by script: Thai letters vs Latin letters. Enough for th/en reports, and honest
// ("mixed") when a block carries both in earnest.
import { isThaiLetterCode } from '../shared/thai.ts';
import type { BlockLang } from './document.ts';

/** Thai letters and marks (shared/thai.ts THAI_LETTER). Latin letters: A-Z, a-z, U+00C0-U+024F. */
const LATIN_EXTENDED_FIRST = 0x00c0;
const LATIN_EXTENDED_LAST = 0x024f;

/** Share of the minority script above which a block is "mixed". Thai reports quote English
 * terms in brackets ("(Urbanization)"): that alone must not make a Thai paragraph mixed. */
const MIXED_MINORITY_SHARE = 0.3;

/** Counted by code unit (every counted letter is one): a global match would make a string per letter. */
function scriptCounts(text: string): { thai: number; latin: number } {
  let thai = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isThaiLetterCode(code)) thai++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= LATIN_EXTENDED_FIRST && code <= LATIN_EXTENDED_LAST)) latin++;
  }
  return { thai, latin };
}

export function blockLanguage(text: string): BlockLang {
  const { thai, latin } = scriptCounts(text);
  const total = thai + latin;
  if (total === 0) return 'und';
  const minority = Math.min(thai, latin) / total;
  if (minority >= MIXED_MINORITY_SHARE) return 'mixed';
  return thai > latin ? 'th' : 'en';
}

/** BCP 47 primary tags present in the text, by share of letters, largest first. */
export function documentLanguages(texts: Iterable<string>): string[] {
  let thai = 0;
  let latin = 0;
  for (const text of texts) {
    const counts = scriptCounts(text);
    thai += counts.thai;
    latin += counts.latin;
  }
  const total = thai + latin;
  if (total === 0) return [];
  // A language counts when it is at least 2% of the letters: a lone acronym is not a language.
  const present = [
    { tag: 'th', count: thai },
    { tag: 'en', count: latin },
  ].filter((entry) => entry.count / total >= 0.02);
  return present.sort((a, b) => b.count - a.count).map((entry) => entry.tag);
}
