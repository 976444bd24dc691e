// Gazetteer matching: one character trie of every alias (both languages), built once at module
// load, walked from every word (or Thai cluster) start. Thai aliases may end inside an ICU word
// when they are long enough (ICU splits "จ.เชียงราย" as จ.เชียง|รา|ย...), short ones may not.
import { readFileSync } from 'node:fs';
import type { Gazetteer, GazetteerEntry } from './data/source/types.ts';
import type { EntityType } from '../model/document.ts';
import { PRIORITY, type Candidate } from './candidate.ts';
import { HAS_THAI } from '../shared/thai.ts';
import { foldChar, isThai, isWhitespace, type Boundaries } from './text.ts';

/** Thai aliases at least this long may start/end at a Thai cluster boundary inside an ICU word. */
const MIN_LOOSE_THAI_LENGTH = 4;
/** Words before a Thai country name that make it a language or a people, not a country. */
const THAI_NOT_COUNTRY_BEFORE = /(ภาษา|ชาว|คน|เชื้อสาย|สัญชาติ|ดอลลาร์|เงินดอลลาร์)\s?$/u;

const INVISIBLE = /[\u200B\u00AD\u2060\uFEFF]/u;

interface AliasRef {
  entry: GazetteerEntry;
  alias: string;
  type: EntityType;
  /** Acronyms and lowercase brands ("UK", "depa") match only in their exact case. */
  exactCase: boolean;
  thai: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  refs: AliasRef[];
}

const newNode = (): TrieNode => ({ next: new Map(), refs: [] });

export const GAZETTEER: Gazetteer = JSON.parse(
  readFileSync(new URL('./data/gazetteer.json', import.meta.url), 'utf8'),
) as Gazetteer;

export const ENTRIES_BY_ID = new Map(GAZETTEER.entries.map((e) => [e.id, e]));

function trieKey(alias: string): string[] {
  const keys: string[] = [];
  for (const ch of alias.replace(/\s+/gu, ' ').trim()) keys.push(ch === ' ' ? ' ' : foldChar(ch));
  return keys;
}

function buildTrie(entries: GazetteerEntry[]): TrieNode {
  const root = newNode();
  const add = (entry: GazetteerEntry, alias: string, type: EntityType) => {
    let node = root;
    for (const key of trieKey(alias)) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = newNode()));
      node = child;
    }
    const letters = alias.replace(/[^A-Za-z]/g, '');
    const exactCase = letters !== '' && (letters === letters.toUpperCase() || letters === letters.toLowerCase());
    node.refs.push({ entry, alias, type, exactCase, thai: HAS_THAI.test(alias) });
  };
  for (const entry of entries) {
    for (const alias of entry.aliases) add(entry, alias, entry.type);
    for (const alias of entry.cityAliases ?? []) add(entry, alias, 'city');
  }
  return root;
}

const ROOT = buildTrie(GAZETTEER.entries);

/** Does the matched surface respect the alias's capitals? "Chiang Mai", "CHIANG MAI" yes; "china" no. */
function caseMatches(surface: string, ref: AliasRef): boolean {
  if (ref.thai && !/[A-Za-z]/.test(ref.alias)) return true;
  const aliasLetters = ref.alias.replace(/[^\p{L}]/gu, '');
  const surfaceLetters = surface.replace(/[^\p{L}]/gu, '');
  if (ref.exactCase) return aliasLetters === surfaceLetters;
  if (surfaceLetters.length > 3 && surfaceLetters === surfaceLetters.toUpperCase()) return true;
  for (let i = 0; i < aliasLetters.length; i++) {
    const a = aliasLetters[i]!;
    if (a !== a.toLowerCase() && surfaceLetters[i] !== a) return false;
  }
  return true;
}

function boundaryOk(b: Boundaries, offset: number, ref: AliasRef): boolean {
  if (b.word[offset]) return true;
  return ref.thai && ref.alias.length >= MIN_LOOSE_THAI_LENGTH && b.cluster[offset] === 1;
}

/** Every gazetteer alias found in the text, longest per start position. */
export function matchGazetteer(text: string, b: Boundaries): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  for (let start = 0; start < n; start++) {
    if (!b.word[start] && !(b.cluster[start] && isThai(text[start]))) continue;
    let node: TrieNode | undefined = ROOT.next.get(foldChar(text[start]!));
    if (!node) continue;
    let j = start + 1;
    let best: Candidate | undefined;
    let skippedInvisible = false;
    while (node) {
      // A name never ends on an invisible character: it ended before it.
      for (const ref of skippedInvisible ? [] : node.refs) {
        const surface = text.slice(start, j);
        if (!boundaryOk(b, start, ref) || !boundaryOk(b, j, ref) || !caseMatches(surface, ref)) continue;
        if (ref.type === 'country' && ref.thai && THAI_NOT_COUNTRY_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
        best = {
          type: ref.type,
          text: surface,
          start,
          end: j,
          id: ref.entry.id,
          name: { ...ref.entry.name },
          priority: PRIORITY.gazetteer,
        };
        break;
      }
      if (j >= n) break;
      const ch = text[j]!;
      if (INVISIBLE.test(ch)) {
        // Zero-width spaces (Thai web text marks word breaks with them) and soft hyphens sit
        // inside names without changing them.
        j++;
        skippedInvisible = true;
        continue;
      }
      skippedInvisible = false;
      if (isWhitespace(ch)) {
        node = node.next.get(' ');
        const gapStart = j;
        while (j < n && isWhitespace(text[j])) j++;
        // A name never runs across a paragraph break.
        if (text.slice(gapStart, j).includes('\n\n')) break;
      } else {
        node = node.next.get(foldChar(ch));
        j++;
      }
    }
    if (best) out.push(best);
  }
  return out;
}

const LIST_ALIASES = new Map<string, GazetteerEntry>();
for (const entry of GAZETTEER.entries) for (const alias of entry.listAliases ?? []) LIST_ALIASES.set(alias, entry);
const LIST_ALIAS_PATTERN = new RegExp(`(?<=^|[\\s,(]|และ|หรือ)(${[...LIST_ALIASES.keys()].join('|')})(?=$|[\\s,)])`, 'gu');
/** What may separate the names of a list: spaces, commas, "และ", "and". */
const LIST_SEPARATOR = /^(?:\s*,?\s*(?:และ|หรือ|and|or)?\s*)$/u;
const MAX_LIST_GAP = 8;

/** Ambiguous province names (เลย, แพร่, กระบี่, Tak) standing in a list next to another province:
 * "ภูเก็ต กระบี่ พังงา", "Tak, Phrae and Nan". */
export function matchListedProvinces(text: string, settled: readonly { type: string; start: number; end: number }[]): Candidate[] {
  const provinces = settled.filter((e) => e.type === 'province');
  if (!provinces.length) return [];
  const ends = new Set(provinces.map((p) => p.end));
  const starts = new Set(provinces.map((p) => p.start));
  const near = (from: number, to: number) => to - from <= MAX_LIST_GAP && LIST_SEPARATOR.test(text.slice(from, to));
  const out: Candidate[] = [];
  LIST_ALIAS_PATTERN.lastIndex = 0;
  for (let m = LIST_ALIAS_PATTERN.exec(text); m; m = LIST_ALIAS_PATTERN.exec(text)) {
    const start = m.index;
    const end = start + m[1]!.length;
    let listed = false;
    for (let k = 0; k <= MAX_LIST_GAP && !listed; k++) listed = (ends.has(start - k) && near(start - k, start)) || (starts.has(end + k) && near(end, end + k));
    if (!listed) continue;
    const entry = LIST_ALIASES.get(m[1]!)!;
    out.push({ type: 'province', text: m[1]!, start, end, id: entry.id, name: { ...entry.name }, priority: PRIORITY.gazetteer });
  }
  return out;
}
