// Controlled fuzzy matching of transliteration variants ("Chachengsao", "Nakorn Ratchasima",
// "Pitsanulok") against Thai province and Bangkok district names. Only whole capitalised words,
// only when no exact match took them, only with a small edit distance and a unique best target.
// The distance module alone: the package root loads every natural module (and dotenv).
import distance from 'natural/lib/natural/distance/index.js';
import { ENTRIES_BY_ID, GAZETTEER } from './gazetteer.ts';
import { PRIORITY, type Candidate } from './candidate.ts';

const { DamerauLevenshteinDistance, JaroWinklerDistance } = distance;

/** Minimum length of a fuzzy-matched name (letters and spaces): short names are real words. */
const FUZZY_MIN_LENGTH = 6;
/** A single word must be longer still: "Saturn" is a planet, not Satun. */
const FUZZY_MIN_SINGLE_WORD_LENGTH = 8;
/** Edits allowed: 1 up to this length, 2 from it on. */
const FUZZY_TWO_EDITS_FROM = 12;
const FUZZY_MIN_JARO_WINKLER = 0.9;
const MAX_WORDS = 3;
const PLACE_TYPES = new Set(['province', 'city', 'region', 'country']);

interface Target {
  id: string;
  name: string;
  words: number;
}

const TARGETS: Target[] = GAZETTEER.entries
  .filter((e) => e.type === 'province' || e.id.startsWith('district:'))
  .flatMap((e) =>
    e.aliases
      .filter((a) => /^[A-Z][A-Za-z -]+$/.test(a) && !/\b(Province|province|District|district)\b/.test(a))
      .map((a) => ({ id: e.id, name: a, words: a.split(' ').length })),
  );
const EXACT = new Set(TARGETS.map((t) => t.name.toLowerCase()));
/** Targets by first letter and word count: a phrase is only compared with names it could be. */
const targetKey = (name: string, words: number) => `${name[0]}${words}`;
const TARGETS_BY_KEY = new Map<string, Target[]>();
for (const t of TARGETS) {
  const key = targetKey(t.name, t.words);
  TARGETS_BY_KEY.set(key, [...(TARGETS_BY_KEY.get(key) ?? []), t]);
}

const CAP_RUN = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b/gu;

function allowedEdits(length: number): number {
  return length >= FUZZY_TWO_EDITS_FROM ? 2 : 1;
}

const ASCII = 128;
const letterCounts = new Int16Array(ASCII);

/** A lower bound of the edit distance, with or without transpositions: letters one side has and
 * the other lacks (as multisets). Cheap, and it rules out most names before the real distance. */
function bagDistance(a: string, b: string): number {
  letterCounts.fill(0);
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code >= ASCII) return 0;
    letterCounts[code]!++;
  }
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    if (code >= ASCII) return 0;
    letterCounts[code]!--;
  }
  let onlyA = 0;
  let onlyB = 0;
  for (let code = 0; code < ASCII; code++) {
    const count = letterCounts[code]!;
    if (count > 0) onlyA += count;
    else onlyB -= count;
  }
  return Math.max(onlyA, onlyB);
}

function bestTarget(phrase: string): Target | undefined {
  const words = phrase.split(' ');
  const minLength = words.length === 1 ? FUZZY_MIN_SINGLE_WORD_LENGTH : FUZZY_MIN_LENGTH;
  if (phrase.length < minLength || EXACT.has(phrase.toLowerCase())) return undefined;
  let best: Target | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const t of TARGETS_BY_KEY.get(targetKey(phrase, words.length)) ?? []) {
    if (Math.abs(t.name.length - phrase.length) > allowedEdits(t.name.length)) continue;
    const tWords = t.name.split(' ');
    if (tWords.some((w, i) => w[0] !== words[i]![0])) continue;
    if (bagDistance(phrase.toLowerCase(), t.name.toLowerCase()) > allowedEdits(t.name.length)) continue;
    const distance = DamerauLevenshteinDistance(phrase.toLowerCase(), t.name.toLowerCase());
    if (distance > allowedEdits(t.name.length)) continue;
    if (JaroWinklerDistance(phrase.toLowerCase(), t.name.toLowerCase()) < FUZZY_MIN_JARO_WINKLER) continue;
    if (distance < bestDistance) {
      best = t;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && t.id !== best?.id) tie = true;
  }
  return tie ? undefined : best;
}

/** Fuzzy candidates for capitalised word runs the exact matchers left free. */
export function matchFuzzy(text: string, taken: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Exact place matches do not block: "Ubon Ratchatani" may replace the exact "Ubon" inside it.
  const covered = new Uint8Array(text.length);
  for (const c of taken) if (!PLACE_TYPES.has(c.type)) covered.fill(1, c.start, c.end);
  CAP_RUN.lastIndex = 0;
  for (let m = CAP_RUN.exec(text); m; m = CAP_RUN.exec(text)) {
    const words = m[0].split(' ');
    const offsets: number[] = [];
    let o = m.index;
    for (const w of words) {
      offsets.push(o);
      o += w.length + 1;
    }
    for (let i = 0; i < words.length; i++) {
      for (let k = Math.min(MAX_WORDS, words.length - i); k >= 1; k--) {
        if (i + k > words.length) continue;
        const start = offsets[i]!;
        const phrase = words.slice(i, i + k).join(' ');
        const end = start + phrase.length;
        if (covered.subarray(start, end).some((x) => x === 1)) continue;
        const target = bestTarget(phrase);
        if (!target) continue;
        const entry = ENTRIES_BY_ID.get(target.id)!;
        out.push({ type: entry.type, text: phrase, start, end, id: entry.id, name: { ...entry.name }, priority: PRIORITY.fuzzy });
        i += k - 1;
        break;
      }
    }
  }
  return out;
}
