// Language by script: Thai letters vs Latin letters. Enough for th/en reports, and honest
// ("mixed") when a block carries both in earnest.
import type { BlockLang } from './document.ts';

const THAI_LETTER = /[\u0E01-\u0E4E]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;

/** Share of the minority script above which a block is "mixed". Thai reports quote English
 * terms in brackets ("(Urbanization)"): that alone must not make a Thai paragraph mixed. */
export const MIXED_MINORITY_SHARE = 0.3;

export function scriptCounts(text: string): { thai: number; latin: number } {
  return { thai: text.match(THAI_LETTER)?.length ?? 0, latin: text.match(LATIN_LETTER)?.length ?? 0 };
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
