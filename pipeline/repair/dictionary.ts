// The Thai dictionary that ambiguous repairs are judged by: the vendored CC0 word list
// (shared/data/words_th.txt, PyThaiNLP) as a Set, loaded once, plus ICU's Thai dictionary behind
// Intl.Segmenter('th') as a second opinion. Judging is always relative: a candidate repair is
// scored against the text left alone, over the same short window around the suspect spot.
import { SARA_AA, SARA_AM, THAI_BLOCK_FIRST } from '../shared/thai.ts';
import { MAX_WORD_LENGTH, thaiWords } from '../shared/thai-words.ts';

/** Words with ำ at least this long are the ones a bare า is restored into. */
export const MIN_SARA_AM_WORD = 5;

/** A trie over Thai code points (code - U+0E00), so a lookup walks letter by letter without
 * making substrings. */
interface Trie {
  /** The root's edges as an array (-1: none): half of all steps start there. */
  root: Int32Array;
  /** Children of node i are childCode/childNode[childStart[i] .. childStart[i + 1]), sorted
   * by code: contiguous memory, so a step costs a short scan instead of a hash lookup. */
  childStart: Int32Array;
  childCode: Uint8Array;
  childNode: Int32Array;
  terminal: Uint8Array;
  /** For a node with many children, where its row starts in `dense` (-1: none): one array
   * read per step instead of a binary search, where most steps happen (near the root). */
  denseRow: Int32Array;
  /** Rows of THAI_BLOCK_SIZE child nodes (-1: none). */
  dense: Int32Array;
}

/** Nodes with at least this many children get a dense row. */
const DENSE_MIN_CHILDREN = 8;

const THAI_BLOCK = THAI_BLOCK_FIRST;
const THAI_BLOCK_SIZE = 128;

function buildTrie(entries: Iterable<string>): Trie {
  // Entries in code-unit order: each shares its path with the one before up to their common
  // prefix, so the trie grows with no lookup per letter (a hash map of edges made the four
  // tries cost ~0.4 s at every thread's first document), and a node's children come in code order.
  const sorted = [...entries].sort();
  /** path[i]: the node after the first i letters of the entry before. */
  const path = [0];
  /** Edge e creates node e + 1: its parent and the code (offset in the Thai block) it is for. */
  const parents: number[] = [];
  const codes: number[] = [];
  const ends: number[] = [];
  let previous = '';
  for (const word of sorted) {
    const limit = Math.min(word.length, previous.length);
    let common = 0;
    while (common < limit && word.charCodeAt(common) === previous.charCodeAt(common)) common++;
    for (let i = common; i < word.length; i++) {
      parents.push(path[i]!);
      codes.push(word.charCodeAt(i) - THAI_BLOCK);
      path[i + 1] = parents.length;
    }
    ends.push(path[word.length]!);
    previous = word;
  }
  const nodes = parents.length + 1;
  const terminal = new Uint8Array(nodes);
  for (const node of ends) terminal[node] = 1;
  // Children of each node contiguous, in the order they were made (which is code order).
  const childStart = new Int32Array(nodes + 1);
  for (const parent of parents) childStart[parent + 1]!++;
  for (let node = 0; node < nodes; node++) childStart[node + 1]! += childStart[node]!;
  const nextSlot = childStart.slice(0, nodes);
  const childCode = new Uint8Array(parents.length);
  const childNode = new Int32Array(parents.length);
  for (let edge = 0; edge < parents.length; edge++) {
    const slot = nextSlot[parents[edge]!]!++;
    childCode[slot] = codes[edge]!;
    childNode[slot] = edge + 1;
  }
  const root = new Int32Array(THAI_BLOCK_SIZE).fill(-1);
  for (let i = childStart[0]!; i < childStart[1]!; i++) root[childCode[i]!] = childNode[i]!;
  const denseRow = new Int32Array(nodes).fill(-1);
  let rows = 0;
  for (let node = 1; node < nodes; node++) {
    if (childStart[node + 1]! - childStart[node]! >= DENSE_MIN_CHILDREN) denseRow[node] = THAI_BLOCK_SIZE * rows++;
  }
  const dense = new Int32Array(THAI_BLOCK_SIZE * rows).fill(-1);
  for (let node = 1; node < nodes; node++) {
    if (denseRow[node]! < 0) continue;
    for (let i = childStart[node]!; i < childStart[node + 1]!; i++) dense[denseRow[node]! + childCode[i]!] = childNode[i]!;
  }
  return { root, childStart, childCode, childNode, terminal, denseRow, dense };
}

/** The node reached from `node` by the code unit, or -1. */
function step(trie: Trie, node: number, code: number): number {
  const offset = code - THAI_BLOCK;
  if (offset < 0 || offset >= THAI_BLOCK_SIZE) return -1;
  if (node === 0) return trie.root[offset]!;
  const row = trie.denseRow[node]!;
  if (row >= 0) return trie.dense[row + offset]!;
  // Binary search over the node's children, sorted by code.
  let low = trie.childStart[node]!;
  let high = trie.childStart[node + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const childCode = trie.childCode[middle]!;
    if (childCode === offset) return trie.childNode[middle]!;
    if (childCode < offset) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The word list as a set, tries and lookup tables. Built once per thread from the vendored
 * file (about 0.4 s) by wordList(), and read-only after: documents share it, and nothing they
 * do can change it. */
class WordList {
  readonly words: ReadonlySet<string>;
  readonly wordTrie: Trie;
  /** The words spelled backwards: finds words that end where a text ends. */
  readonly reversedWordTrie: Trie;
  /** Long ำ words written with า instead: the shape a word has where a font lost its ำ. */
  readonly lostSaraAmTrie: Trie;
  /** Every prefix of those words, spelled backwards: walking back from a า finds, in a few
   * steps, the only places a lost-ำ word through it could start (terminal: a word starts there). */
  readonly lostSaraAmReversedPrefixes: Trie;
  /** For each node of lostSaraAmReversedPrefixes, the lostSaraAmTrie node of the same prefix
   * read forwards (-1: not a whole prefix), so a walk back never has to be walked again forwards. */
  readonly lostSaraAmForwardNode: Int32Array;
  /** The letters around each ำ of those words, so that one array lookup rules out almost every
   * า: for an ำ starting a word, (letter before, letter after); inside a word, (two letters
   * before, letter after); ending a word, (three letters before). Offsets in the Thai block;
   * 0 (U+0E00, unassigned) stands for "not a Thai letter". */
  readonly saraAmStarting = new Uint8Array(THAI_BLOCK_SIZE ** 2);
  readonly saraAmInside = new Uint8Array(THAI_BLOCK_SIZE ** 3);
  readonly saraAmEnding = new Uint8Array(THAI_BLOCK_SIZE ** 3);
  /** Pair tables checked first (small enough to stay in cache): (before, after) for any ำ not
   * ending a word, (two before, one before) for one that does. */
  readonly saraAmAroundPair = new Uint8Array(THAI_BLOCK_SIZE ** 2);
  readonly saraAmEndingPair = new Uint8Array(THAI_BLOCK_SIZE ** 2);

  constructor(words: ReadonlySet<string>) {
    this.words = words;
    const lostForms: string[] = [];
    for (const word of words) {
      if (word.length >= MIN_SARA_AM_WORD && word.includes(SARA_AM)) {
        lostForms.push(word.replaceAll(SARA_AM, SARA_AA));
        for (let at = word.indexOf(SARA_AM); at > 0; at = word.indexOf(SARA_AM, at + 1)) {
          const c = (i: number): number => word.charCodeAt(i);
          if (at + 1 < word.length) this.saraAmAroundPair[index2(c(at - 1), c(at + 1))] = 1;
          else this.saraAmEndingPair[index2(c(at - 2), c(at - 1))] = 1;
          if (at === 1) this.saraAmStarting[index2(c(0), c(2))] = 1;
          else if (at + 1 < word.length) this.saraAmInside[index3(c(at - 2), c(at - 1), c(at + 1))] = 1;
          else this.saraAmEnding[index3(c(at - 3), c(at - 2), c(at - 1))] = 1;
        }
      }
    }
    this.wordTrie = buildTrie(this.words);
    this.reversedWordTrie = buildTrie([...this.words].map(reversed));
    this.lostSaraAmTrie = buildTrie(lostForms);
    this.lostSaraAmReversedPrefixes = buildTrie(reversedPrefixes(lostForms));
    this.lostSaraAmForwardNode = forwardNodes(lostForms, this.lostSaraAmTrie, this.lostSaraAmReversedPrefixes);
  }
}

const NOT_THAI = 0;

function thaiOffset(code: number): number {
  const offset = code - THAI_BLOCK;
  return offset >= 0 && offset < THAI_BLOCK_SIZE ? offset : NOT_THAI;
}

function index2(a: number, b: number): number {
  return (thaiOffset(a) << 7) | thaiOffset(b);
}

function index3(a: number, b: number, c: number): number {
  return (thaiOffset(a) << 14) | (thaiOffset(b) << 7) | thaiOffset(c);
}

/** This thread's word list: the one module-level variable here, set once and never changed. */
let loadedWordList: WordList | null = null;

function wordList(): WordList {
  loadedWordList ??= new WordList(thaiWords());
  return loadedWordList;
}

/** A Thai word spelled backwards (Thai is all in the BMP: code units are code points). */
function reversed(word: string): string {
  let out = '';
  for (let i = word.length - 1; i >= 0; i--) out += word[i];
  return out;
}

function* reversedPrefixes(entries: readonly string[]): Generator<string> {
  for (const word of entries) {
    const backwards = reversed(word);
    for (let length = 1; length <= word.length; length++) yield backwards.slice(word.length - length);
  }
}

function forwardNodes(entries: readonly string[], lostSaraAmTrie: Trie, lostSaraAmReversedPrefixes: Trie): Int32Array {
  const forward = new Int32Array(lostSaraAmReversedPrefixes.terminal.length).fill(-1);
  for (const word of entries) {
    let node = 0;
    for (let length = 1; length <= word.length; length++) {
      node = step(lostSaraAmTrie, node, word.charCodeAt(length - 1));
      let reversedNode = 0;
      for (let i = length - 1; i >= 0; i--) reversedNode = step(lostSaraAmReversedPrefixes, reversedNode, word.charCodeAt(i));
      forward[reversedNode] = node;
    }
  }
  return forward;
}

/** Whether a word of lostSaraAmTrie starts at or before `at` (at most MAX_WORD_LENGTH back)
 * and ends after it. Same answer as trieWordAcross(lostSaraAmTrie, text, at, MAX_WORD_LENGTH,
 * at), but a start is tried only where the text from it up to `at` begins such a word. */
function lostSaraAmWordAcross(list: WordList, text: string, at: number): boolean {
  const prefixes = list.lostSaraAmReversedPrefixes;
  let node = 0;
  for (let start = at; start >= Math.max(0, at - MAX_WORD_LENGTH); start--) {
    node = step(prefixes, node, text.charCodeAt(start));
    if (node === -1) return false;
    if (prefixes.terminal[node] && wordContinuesPast(list.lostSaraAmTrie, text, start, at, list.lostSaraAmForwardNode[node]!)) return true;
  }
  return false;
}

/** Whether the lost-ำ word prefix text[start, at] (its lostSaraAmTrie node `node`) is, or
 * goes on into, a whole word (at most MAX_WORD_LENGTH long). */
function wordContinuesPast(lostSaraAmTrie: Trie, text: string, start: number, at: number, node: number): boolean {
  if (lostSaraAmTrie.terminal[node]) return true;
  for (let end = at + 2; end <= text.length && end - start <= MAX_WORD_LENGTH; end++) {
    node = step(lostSaraAmTrie, node, text.charCodeAt(end - 1));
    if (node === -1) return false;
    if (lostSaraAmTrie.terminal[node]) return true;
  }
  return false;
}

/** Whether a word of `trie` starts before or at `from` (and not before `to`) and ends after `past`. */
function trieWordAcross(trie: Trie, text: string, past: number, reach: number, from = past - 1, to = 0): boolean {
  for (let start = from; start >= Math.max(to, past - reach); start--) {
    let node = 0;
    for (let end = start + 1; end <= text.length && end - start <= MAX_WORD_LENGTH; end++) {
      node = step(trie, node, text.charCodeAt(end - 1));
      if (node === -1) break;
      if (end > past && trie.terminal[node]) return true;
    }
  }
  return false;
}

export interface Segmentation {
  /** Characters not covered by any dictionary word. */
  unknown: number;
  /** Dictionary words used plus unknown characters. */
  pieces: number;
  /** [start, end) of each dictionary word used. */
  words: [number, number][];
}

const UNREACHED = 0x3fffffff;
/** Pieces never reach this, so unknown * PIECES_SCALE + pieces orders like (unknown, pieces). */
const PIECES_SCALE = 4096;
/** The same order as steps of one number: a letter outside words is one unknown and one
 * piece, a word is one piece. */
const UNKNOWN_LETTER_COST = PIECES_SCALE + 1;
const WORD_COST = 1;
/** Verdicts kept by one Judge; cleared when full. */
const MAX_CACHED_VERDICTS = 50_000;

/** Judges readings against the word list. It owns what judging changes as it goes: the
 * buffers of the segmentation DP (reused from call to call; the stage is synchronous) and the
 * verdicts already reached (common damaged words, "ส าคัญ", "จ านวน", are judged once). Its
 * owner is one repair run: repairDraft makes one per document and repairText one per call, so
 * nothing one document does can reach another. */
export class Judge {
  /** The word list, built at this thread's first Thai question: a thread that only ever sees
   * documents without Thai never builds it (0.3-0.4 s per thread). */
  private loadedList: WordList | null = null;
  private get list(): WordList {
    return (this.loadedList ??= wordList());
  }
  private readonly verdicts = new Map<string, number>();
  private unknownAt = new Int32Array(64);
  private piecesAt = new Int32Array(64);
  private fromAt = new Int32Array(64);
  private wordStepAt = new Uint8Array(64);
  /** Best cost up to each position under each of two readings (forkedWindowCosts). */
  private costA = new Int32Array(64);
  private costB = new Int32Array(64);
  /** The code units being segmented: windows are written here straight from their parts, so
   * judging a reading never builds (and flattens) the joined string. */
  private windowCodes = new Uint16Array(64);

  /** A verdict that depends only on `key`, judged once per Judge. */
  cachedVerdict(key: string, judge: () => number): number {
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = judge();
      if (this.verdicts.size >= MAX_CACHED_VERDICTS) this.verdicts.clear();
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  /** Cheap test before any segmenting: could า at `at` be the ำ of a long dictionary word
   * (one the text holds with every ำ written า)? */
  couldBeSaraAmWord(text: string, at: number): boolean {
    const list = this.list;
    // Outside the text counts as "not Thai" (0), never NaN: NaN would make these doubles.
    const before1 = at >= 1 ? text.charCodeAt(at - 1) : 0;
    const before2 = at >= 2 ? text.charCodeAt(at - 2) : 0;
    const before3 = at >= 3 ? text.charCodeAt(at - 3) : 0;
    const after = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
    if (!list.saraAmAroundPair[index2(before1, after)] && !list.saraAmEndingPair[index2(before2, before1)]) return false;
    const possible =
      list.saraAmStarting[index2(before1, after)] ||
      list.saraAmInside[index3(before2, before1, after)] ||
      list.saraAmEnding[index3(before3, before2, before1)];
    if (!possible) return false;
    return lostSaraAmWordAcross(list, text, at);
  }

  /** Cheap test before any segmenting: is there a dictionary word across `junction`? */
  wordSpans(text: string, junction: number, reach = 10): boolean {
    return trieWordAcross(this.list.wordTrie, text, junction, reach);
  }

  /** Whether some dictionary word is a prefix of the text. */
  startsWithWord(text: string): boolean {
    const trie = this.list.wordTrie;
    let node = 0;
    for (let end = 1; end <= Math.min(text.length, MAX_WORD_LENGTH); end++) {
      node = step(trie, node, text.charCodeAt(end - 1));
      if (node === -1) return false;
      if (end >= 2 && trie.terminal[node]) return true;
    }
    return false;
  }

  /** Whether some dictionary word is a suffix of the text. */
  endsWithWord(text: string): boolean {
    const trie = this.list.reversedWordTrie;
    let node = 0;
    for (let start = text.length - 1; start >= Math.max(0, text.length - MAX_WORD_LENGTH); start--) {
      node = step(trie, node, text.charCodeAt(start));
      if (node === -1) return false;
      if (text.length - start >= 2 && trie.terminal[node]) return true;
    }
    return false;
  }

  /** -1 when the window left + a + right reads better (fewer letters outside words, then fewer
   * pieces) than left + b + right, 1 when worse, 0 when the word list cannot tell. */
  compareWindowReadings(left: string, a: string, b: string, right: string): number {
    const fork = forkIndex(a, b);
    let withA: number;
    let withB: number;
    if (fork === -1) {
      withA = this.windowCost(left, a, right);
      withB = this.windowCost(left, b, right);
    } else {
      this.ensureCapacity(left.length + a.length + right.length);
      const n = this.writeCodes(right, this.writeCodes(a, this.writeCodes(left, 0)));
      this.forkedWindowCosts(n, left.length + fork, a.charCodeAt(fork), b.charCodeAt(fork));
      withA = this.costA[n]!;
      withB = this.costB[n]!;
    }
    return withA === withB ? 0 : withA < withB ? -1 : 1;
  }

  /** The segmentation with fewest unknown characters, then fewest pieces (longest words). */
  segment(text: string): Segmentation {
    const n = this.runSegmentation(text);
    const found: [number, number][] = [];
    for (let end = n; end > 0; end = this.fromAt[end]!) if (this.wordStepAt[end]) found.push([this.fromAt[end]!, end]);
    return { unknown: this.unknownAt[n]!, pieces: this.piecesAt[n]!, words: found.reverse() };
  }

  /** (unknown letters, pieces) of the best segmentation as one number that orders the same way. */
  segmentCost(text: string): number {
    const n = this.runSegmentation(text);
    return this.unknownAt[n]! * PIECES_SCALE + this.piecesAt[n]!;
  }

  private ensureCapacity(n: number): void {
    if (this.unknownAt.length > n) return;
    const size = 2 * (n + 1);
    this.unknownAt = new Int32Array(size);
    this.piecesAt = new Int32Array(size);
    this.fromAt = new Int32Array(size);
    this.wordStepAt = new Uint8Array(size);
    this.windowCodes = new Uint16Array(size);
    this.costA = new Int32Array(size);
    this.costB = new Int32Array(size);
  }

  /** Writes `part` into windowCodes at `at`; returns where the next part goes. */
  private writeCodes(part: string, at: number): number {
    const codes = this.windowCodes;
    for (let i = 0; i < part.length; i++) codes[at + i] = part.charCodeAt(i);
    return at + part.length;
  }

  /** Fills the DP buffers for `text`: the fewest unknown letters, then the fewest pieces. */
  private runSegmentation(text: string): number {
    this.ensureCapacity(text.length);
    return this.segmentCodes(this.writeCodes(text, 0));
  }

  /** segmentCost(left + middle + right), without building that string. */
  private windowCost(left: string, middle: string, right: string): number {
    this.ensureCapacity(left.length + middle.length + right.length);
    const n = this.segmentCodes(this.writeCodes(right, this.writeCodes(middle, this.writeCodes(left, 0))));
    return this.unknownAt[n]! * PIECES_SCALE + this.piecesAt[n]!;
  }

  /** The DP over windowCodes[0, n). */
  private segmentCodes(n: number): number {
    const { unknownAt, piecesAt, fromAt, wordStepAt, windowCodes } = this;
    const wordTrie = this.list.wordTrie;
    unknownAt.fill(UNREACHED, 0, n + 1);
    unknownAt[0] = 0;
    piecesAt[0] = 0;
    for (let start = 0; start < n; start++) {
      const here = unknownAt[start]!;
      const piecesHere = piecesAt[start]! + 1;
      // one unknown letter
      if (here + 1 < unknownAt[start + 1]! || (here + 1 === unknownAt[start + 1]! && piecesHere < piecesAt[start + 1]!)) {
        unknownAt[start + 1] = here + 1;
        piecesAt[start + 1] = piecesHere;
        fromAt[start + 1] = start;
        wordStepAt[start + 1] = 0;
      }
      // every dictionary word starting here
      let node = 0;
      for (let end = start + 1; end <= n && end - start <= MAX_WORD_LENGTH; end++) {
        node = step(wordTrie, node, windowCodes[end - 1]!);
        if (node === -1) break;
        if (end - start < 2 || !wordTrie.terminal[node]) continue;
        if (here < unknownAt[end]! || (here === unknownAt[end]! && piecesHere < piecesAt[end]!)) {
          unknownAt[end] = here;
          piecesAt[end] = piecesHere;
          fromAt[end] = start;
          wordStepAt[end] = 1;
        }
      }
    }
    return n;
  }

  /** segmentCost of windowCodes[0, n) read with `codeA` at `fork` (into costA[n]) and with
   * `codeB` there (into costB[n]), in one pass: the two readings share every letter but one, so
   * a word walk from before the fork is made once up to it and only then goes two ways, and a
   * walk from after it is made once for both. Same costs as two segmentCodes runs. */
  private forkedWindowCosts(n: number, fork: number, codeA: number, codeB: number): void {
    const { costA, costB, windowCodes } = this;
    const wordTrie = this.list.wordTrie;
    costA.fill(UNREACHED, 0, n + 1);
    costB.fill(UNREACHED, 0, n + 1);
    costA[0] = 0;
    costB[0] = 0;
    for (let start = 0; start < n; start++) {
      const hereA = costA[start]!;
      const hereB = costB[start]!;
      if (hereA + UNKNOWN_LETTER_COST < costA[start + 1]!) costA[start + 1] = hereA + UNKNOWN_LETTER_COST;
      if (hereB + UNKNOWN_LETTER_COST < costB[start + 1]!) costB[start + 1] = hereB + UNKNOWN_LETTER_COST;
      let node = 0;
      let end = start + 1;
      // Up to the fork both readings are one text (and hereA === hereB); after it too.
      const sharedEnd = start <= fork ? fork : n;
      for (; end <= sharedEnd && end - start <= MAX_WORD_LENGTH; end++) {
        node = step(wordTrie, node, windowCodes[end - 1]!);
        if (node === -1) break;
        if (end - start < 2 || !wordTrie.terminal[node]) continue;
        if (hereA + WORD_COST < costA[end]!) costA[end] = hereA + WORD_COST;
        if (hereB + WORD_COST < costB[end]!) costB[end] = hereB + WORD_COST;
      }
      if (start <= fork && node !== -1 && end === fork + 1 && end - start <= MAX_WORD_LENGTH) {
        this.continueWalk(costA, node, start, fork, codeA, n, hereA);
        this.continueWalk(costB, node, start, fork, codeB, n, hereB);
      }
    }
  }

  /** A word walk from `start` that reached the fork at trie node `node`, carried on through
   * the fork letter `forkCode` and the letters after it, relaxing `cost`. */
  private continueWalk(cost: Int32Array, node: number, start: number, fork: number, forkCode: number, n: number, here: number): void {
    const { windowCodes } = this;
    const wordTrie = this.list.wordTrie;
    for (let end = fork + 1; end <= n && end - start <= MAX_WORD_LENGTH; end++) {
      node = step(wordTrie, node, end - 1 === fork ? forkCode : windowCodes[end - 1]!);
      if (node === -1) return;
      if (end - start >= 2 && wordTrie.terminal[node] && here + WORD_COST < cost[end]!) cost[end] = here + WORD_COST;
    }
  }
}

/** Where two readings of one length differ, when they differ in exactly one code unit (as
 * ำ and า do); -1 otherwise. */
function forkIndex(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let fork = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (fork !== -1) return -1;
    fork = i;
  }
  return fork;
}

/** Stateless: Intl.Segmenter keeps nothing between calls. */
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** How many pieces ICU cuts the text into: a tie-breaker when the word list cannot decide. */
function icuPieces(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** -1, 1 or 0 as ICU's Thai dictionary cuts `a` into fewer, more or as many pieces as `b`. */
export function compareIcu(a: string, b: string): number {
  const ia = icuPieces(a);
  const ib = icuPieces(b);
  return ia === ib ? 0 : ia < ib ? -1 : 1;
}
