// Tokens and features for the Thai sequence tagger, shared by inference (tagText) and training
// (scripts/data/train-ner.ts): one function, so the model always sees features built the same way.
// Tokens are Intl.Segmenter words (through computeBoundaries), whitespace left out; every
// feature is a 32-bit hash of (template, strings), so the model is a flat weight table with no
// feature dictionary to load.
import type { Candidate } from '../candidate.ts';
import type { Boundaries } from '../text.ts';
import { THAI_TITLES } from '../names.ts';
import { isConsonantCode, isThaiDigitCode } from '../../shared/thai.ts';

/** First words of organisation names. */
export const ORGANIZATION_PREFIXES = [
  'บริษัท', 'บมจ.', 'บจก.', 'ห้างหุ้นส่วน', 'หจก.', 'พรรค', 'มหาวิทยาลัย', 'ม.', 'โรงเรียน', 'โรงพยาบาล', 'รพ.', 'ธนาคาร',
  'สมาคม', 'มูลนิธิ', 'สหภาพ', 'สหกรณ์', 'ชมรม', 'สถาบัน', 'กระทรวง', 'กรม', 'กอง', 'สำนักงาน', 'สำนัก', 'คณะกรรมการ',
  'คณะ', 'องค์การ', 'องค์กร', 'การไฟฟ้า', 'การประปา', 'การท่าเรือ', 'การรถไฟ', 'การท่องเที่ยว', 'ศาล', 'สภา', 'สถานี',
  'สภ.', 'สน.', 'ศูนย์', 'เทศบาล', 'อบต.', 'อบจ.', 'หนังสือพิมพ์', 'สำนักข่าว', 'สโมสร', 'กลุ่ม', 'เครือ', 'วิทยาลัย',
];
/** First words of place names. */
const PLACE_PREFIXES = ['จังหวัด', 'จ.', 'อำเภอ', 'อ.', 'ตำบล', 'ต.', 'เขต', 'แขวง', 'หมู่บ้าน', 'บ้าน', 'ถนน', 'ถ.', 'ประเทศ', 'เมือง', 'กรุง', 'ภาค', 'แม่น้ำ', 'เกาะ', 'ซอย'];

/** Word-list class of each listed word: 1 title, 2 organisation, 3 place. */
const LEXICON = new Map<string, number>();
for (const [words, kind] of [[PLACE_PREFIXES, 3], [ORGANIZATION_PREFIXES, 2], [THAI_TITLES, 1]] as const) for (const w of words) LEXICON.set(w, kind);
/** Listed words by first character, longest first: the prefix check tries only these. */
const BY_FIRST_CHAR = new Map<number, string[]>();
for (const w of [...LEXICON.keys()].sort((a, b) => b.length - a.length)) {
  const list = BY_FIRST_CHAR.get(w.charCodeAt(0)) ?? [];
  list.push(w);
  BY_FIRST_CHAR.set(w.charCodeAt(0), list);
}

/** 1–3 when the word is a listed title, organisation or place word; 4–6 when it starts with one
 * and goes on (a title glued to the name in one ICU word: "นายสมชาย", "พ.ต.ท.ทักษิณ"); else 0. */
function lexiconClass(word: string): number {
  const exact = LEXICON.get(word);
  if (exact) return exact;
  const candidates = BY_FIRST_CHAR.get(word.charCodeAt(0));
  if (!candidates) return 0;
  for (const head of candidates) if (word.length >= head.length + 2 && word.startsWith(head)) return LEXICON.get(head)! + 3;
  return 0;
}

export interface TokenRun {
  /** Token [start, end) offsets into the text, whitespace tokens left out. */
  starts: number[];
  ends: number[];
}

export const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x200b || c === 0x3000;

/** Tokens of text[from, to): word-boundary runs that are not all whitespace. */
export function tokenize(text: string, b: Boundaries, from: number, to: number): TokenRun {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = from;
  for (let i = from + 1; i <= to; i++) {
    if (i < to && !b.word[i]) continue;
    let blank = true;
    for (let j = start; j < i; j++) if (!isSpaceCode(text.charCodeAt(j))) blank = false;
    if (!blank) {
      starts.push(start);
      ends.push(i);
    }
    start = i;
  }
  return { starts, ends };
}

/** FNV-1a over a string's code units [from, to). */
function hashString(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into one (murmur3 finaliser over a combination). */
function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The shape of a token: script, digits, dots, case; length bucket. */
function shapeOf(word: string): string {
  const c = word.charCodeAt(0);
  let shape: string;
  if (isConsonantCode(c)) shape = word.includes('.') ? 'T.' : 'T';
  else if (c >= 0x0e30 && c <= 0x0e4f) shape = 'Tv';
  else if ((c >= 0x30 && c <= 0x39) || isThaiDigitCode(c)) shape = 'd';
  else if (c >= 0x41 && c <= 0x5a) shape = word === word.toUpperCase() ? 'AA' : 'Aa';
  else if (c >= 0x61 && c <= 0x7a) shape = 'a';
  else shape = word.slice(0, 1);
  const length = word.length;
  return shape + (length <= 1 ? '1' : length <= 2 ? '2' : length <= 4 ? '4' : length <= 7 ? '7' : '+');
}

/** Per-character gazetteer marks: 0 none, else 1 + kind * 2 + (0 at a match start, 1 inside). */
export function gazetteerMarks(candidates: readonly Candidate[], length: number): Uint8Array {
  const marks = new Uint8Array(length);
  for (const c of candidates) {
    const kind = c.type === 'agency' || c.type === 'organization' ? 1 : c.type === 'person' || c.type === 'event' || c.type === 'date' ? 2 : 0;
    marks[c.start] = 1 + kind * 2;
    for (let i = c.start + 1; i < c.end; i++) marks[i] = 2 + kind * 2;
  }
  return marks;
}

const BOUNDARY = '\u0002';
/** Templates: each feature hash starts from its template number. */
const enum T {
  Bias = 1, W0, Wm1, Wp1, Wm2, Wp2, Wm1W0, W0Wp1, Pre2, Suf2, Shape, Spaces, Lex0, LexM1, LexP1, Gaz0, GazM1, GazP1,
  Shapes3, Wm1Space, Wp1Space, Lex0Shape, Wm1Wm2, Suf1, Pre3, Suf3, Wm3, Wp3, Wp1Wp2, LexM2, LexM1W0, W0LexP1,
  SinceLex, SinceLexW0, SpacesSinceLex, InBrackets, Names0, NamesM1, NamesP1, Names0Lex0, Names0W0,
  Suf2M1, Pre2P1, Wm1W0Wp1, ShapeM1W0, NamesM1Names0,
}
export const FEATURES_PER_TOKEN = 46;

/** Columns of a word's row in a WordTable: its hashes and every feature mix that depends on that
 * one word alone (as the token itself or as a neighbour), so a word seen again costs a lookup. */
const enum C {
  Word, Shape, Lex, W0, Wm1, Wp1, Wm2, Wp2, Wm3, Wp3, Pre2, Suf2, ShapeF, Lex0, LexM1, LexP1, LexM2, Suf1, Pre3, Suf3,
  Lex0Shape, Suf2M1, Pre2P1, Wm1W0, W0Wp1, Shapes3, Wm1Space, Wp1Space, Wm1Wm2, Wp1Wp2, Wm1W0Wp1, ShapeM1W0, LexM1W0,
  Width,
}
const BOUNDARY_HASH = hashString(BOUNDARY);

/**
 * The per-word part of the features, computed once per distinct word of a text: a text repeats
 * most of its words, and hashing a word's strings and mixing them into a dozen templates was a
 * third of the tagger's feature time. Row 0 is the padding before and after a line.
 */
export class WordTable {
  private readonly rows = new Map<string, number>();
  table = new Uint32Array(1024 * C.Width);
  private size = 0;

  constructor() {
    this.add(BOUNDARY_HASH, BOUNDARY_HASH, 0, BOUNDARY_HASH, BOUNDARY_HASH, 0, 0, 0);
  }

  /** The row of text[start, end). */
  rowOf(text: string, start: number, end: number): number {
    const word = text.slice(start, end);
    const known = this.rows.get(word);
    if (known !== undefined) return known;
    const length = end - start;
    const row = this.add(
      hashString(word), hashString(shapeOf(word)), lexiconClass(word),
      hashString(text, start, start + Math.min(2, length)), hashString(text, end - Math.min(2, length), end),
      hashString(text, end - 1, end), hashString(text, start, start + Math.min(3, length)), hashString(text, end - Math.min(3, length), end),
    );
    this.rows.set(word, row);
    return row;
  }

  private add(word: number, shape: number, lex: number, pre2: number, suf2: number, suf1: number, pre3: number, suf3: number): number {
    const row = this.size++;
    if (this.size * C.Width > this.table.length) {
      const grown = new Uint32Array(this.table.length * 2);
      grown.set(this.table);
      this.table = grown;
    }
    const t = this.table;
    const o = row * C.Width;
    t[o + C.Word] = word;
    t[o + C.Shape] = shape;
    t[o + C.Lex] = lex;
    t[o + C.W0] = mix(T.W0, word);
    t[o + C.Wm1] = mix(T.Wm1, word);
    t[o + C.Wp1] = mix(T.Wp1, word);
    t[o + C.Wm2] = mix(T.Wm2, word);
    t[o + C.Wp2] = mix(T.Wp2, word);
    t[o + C.Wm3] = mix(T.Wm3, word);
    t[o + C.Wp3] = mix(T.Wp3, word);
    t[o + C.Pre2] = mix(T.Pre2, pre2);
    t[o + C.Suf2] = mix(T.Suf2, suf2);
    t[o + C.ShapeF] = mix(T.Shape, shape);
    t[o + C.Lex0] = mix(T.Lex0, lex);
    t[o + C.LexM1] = mix(T.LexM1, lex);
    t[o + C.LexP1] = mix(T.LexP1, lex);
    t[o + C.LexM2] = mix(T.LexM2, lex);
    t[o + C.Suf1] = mix(T.Suf1, suf1);
    t[o + C.Pre3] = mix(T.Pre3, pre3);
    t[o + C.Suf3] = mix(T.Suf3, suf3);
    t[o + C.Lex0Shape] = mix(mix(T.Lex0Shape, lex), shape);
    t[o + C.Suf2M1] = mix(T.Suf2M1, suf2);
    t[o + C.Pre2P1] = mix(T.Pre2P1, pre2);
    t[o + C.Wm1W0] = mix(T.Wm1W0, word);
    t[o + C.W0Wp1] = mix(T.W0Wp1, word);
    t[o + C.Shapes3] = mix(T.Shapes3, shape);
    t[o + C.Wm1Space] = mix(T.Wm1Space, word);
    t[o + C.Wp1Space] = mix(T.Wp1Space, word);
    t[o + C.Wm1Wm2] = mix(T.Wm1Wm2, word);
    t[o + C.Wp1Wp2] = mix(T.Wp1Wp2, word);
    t[o + C.Wm1W0Wp1] = mix(T.Wm1W0Wp1, word);
    t[o + C.ShapeM1W0] = mix(T.ShapeM1W0, shape);
    t[o + C.LexM1W0] = mix(T.LexM1W0, lex);
    return row;
  }
}

const BIAS = mix(T.Bias, 0);

/**
 * Feature hashes for every token of a run, FEATURES_PER_TOKEN per token, token-major. The same
 * text, boundaries and gazetteer marks always give the same numbers (nothing here depends on
 * the model, nor on which words the table has seen before).
 */
export function featureHashes(text: string, run: TokenRun, marks: Uint8Array, nameMarks: Uint8Array, words = new WordTable()): Uint32Array {
  const n = run.starts.length;
  // Index i + 3 holds token i; three padding slots (row 0, the line boundary) on each side.
  const rowAt = new Uint32Array(n + 6);
  const gaz = new Uint8Array(n + 6);
  const names = new Uint8Array(n + 6);
  names.set(nameMarks, 3);
  for (let i = 0; i < n; i++) {
    rowAt[i + 3] = words.rowOf(text, run.starts[i]!, run.ends[i]!) * C.Width;
    gaz[i + 3] = marks[run.starts[i]!]!;
  }
  const t = words.table;
  const out = new Uint32Array(n * FEATURES_PER_TOKEN);
  // Long-range context: which listed word (title, organisation or place word) came last, how
  // many tokens and spaces ago; organisation names run on for many tokens after their head.
  let lastLex = 0;
  let lastLexAt = -100;
  let spacesSince = 0;
  let inBrackets = 0;
  for (let i = 0; i < n; i++) {
    const k = i + 3;
    const start = run.starts[i]!;
    const end = run.ends[i]!;
    const spaceBefore = start > 0 && isSpaceCode(text.charCodeAt(start - 1)) ? 1 : 0;
    const spaceAfter = end < text.length && isSpaceCode(text.charCodeAt(end)) ? 1 : 0;
    const r0 = rowAt[k]!;
    const rm1 = rowAt[k - 1]!;
    const rp1 = rowAt[k + 1]!;
    const rm2 = rowAt[k - 2]!;
    const rp2 = rowAt[k + 2]!;
    const word = t[r0 + C.Word]!;
    const lex = t[r0 + C.Lex]!;
    let o = i * FEATURES_PER_TOKEN;
    out[o++] = BIAS;
    out[o++] = t[r0 + C.W0]!;
    out[o++] = t[rm1 + C.Wm1]!;
    out[o++] = t[rp1 + C.Wp1]!;
    out[o++] = t[rm2 + C.Wm2]!;
    out[o++] = t[rp2 + C.Wp2]!;
    out[o++] = mix(t[rm1 + C.Wm1W0]!, word);
    out[o++] = mix(t[r0 + C.W0Wp1]!, t[rp1 + C.Word]!);
    out[o++] = t[r0 + C.Pre2]!;
    out[o++] = t[r0 + C.Suf2]!;
    out[o++] = t[r0 + C.ShapeF]!;
    out[o++] = mix(T.Spaces, spaceBefore * 2 + spaceAfter);
    out[o++] = t[r0 + C.Lex0]!;
    out[o++] = t[rm1 + C.LexM1]!;
    out[o++] = t[rp1 + C.LexP1]!;
    out[o++] = mix(T.Gaz0, gaz[k]!);
    out[o++] = mix(T.GazM1, gaz[k - 1]!);
    out[o++] = mix(T.GazP1, gaz[k + 1]!);
    out[o++] = mix(mix(t[rm1 + C.Shapes3]!, t[r0 + C.Shape]!), t[rp1 + C.Shape]!);
    out[o++] = mix(t[rm1 + C.Wm1Space]!, spaceBefore);
    out[o++] = mix(t[rp1 + C.Wp1Space]!, spaceAfter);
    out[o++] = t[r0 + C.Lex0Shape]!;
    out[o++] = mix(t[rm2 + C.Wm1Wm2]!, t[rm1 + C.Word]!);
    out[o++] = t[r0 + C.Suf1]!;
    out[o++] = t[r0 + C.Pre3]!;
    out[o++] = t[r0 + C.Suf3]!;
    out[o++] = t[rowAt[k - 3]! + C.Wm3]!;
    out[o++] = t[rowAt[k + 3]! + C.Wp3]!;
    out[o++] = mix(t[rp1 + C.Wp1Wp2]!, t[rp2 + C.Word]!);
    out[o++] = t[rm2 + C.LexM2]!;
    out[o++] = mix(t[rm1 + C.LexM1W0]!, word);
    out[o++] = mix(mix(T.W0LexP1, word), t[rp1 + C.Lex]!);
    const since = Math.min(i - lastLexAt, 8);
    out[o++] = mix(mix(T.SinceLex, lastLex), since);
    out[o++] = mix(mix(T.SinceLexW0, lastLex), word);
    out[o++] = mix(mix(T.SpacesSinceLex, lastLex), Math.min(spacesSince, 3) * 16 + Math.min(since, 8));
    const first = text.charCodeAt(start);
    if (first === 0x28) inBrackets = 1;
    out[o++] = mix(T.InBrackets, inBrackets);
    out[o++] = mix(T.Names0, names[k]!);
    out[o++] = mix(T.NamesM1, names[k - 1]!);
    out[o++] = mix(T.NamesP1, names[k + 1]!);
    out[o++] = mix(mix(T.Names0Lex0, names[k]!), lex);
    out[o++] = mix(mix(T.Names0W0, names[k]!), word);
    out[o++] = t[rm1 + C.Suf2M1]!;
    out[o++] = t[rp1 + C.Pre2P1]!;
    out[o++] = mix(mix(t[rm1 + C.Wm1W0Wp1]!, word), t[rp1 + C.Word]!);
    out[o++] = mix(t[rm1 + C.ShapeM1W0]!, word);
    out[o++] = mix(mix(T.NamesM1Names0, names[k - 1]!), names[k]!);
    if (first === 0x29) inBrackets = 0;
    if (lex) {
      lastLex = ((lex - 1) % 3) + 1;
      lastLexAt = i;
      spacesSince = 0;
    } else if (spaceAfter) spacesSince++;
  }
  return out;
}
