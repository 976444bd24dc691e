// Repairs that need judgement: the damaged form has two readings. Each is decided, in order,
// by extraction evidence, by the dictionary, then by what the rest of the document shows;
// when none decides, the text stays and a warning marks the spot.
import type { RepairEvidence } from '../model/draft.ts';
import { compareIcu, MIN_SARA_AM_WORD, type Judge } from './dictionary.ts';
import { MAX_WORD_LENGTH } from '../shared/thai-words.ts';
import { applyChanges, applyRegexRule, type PassChange, type RepairState } from './edit-log.ts';
import { codeAt, CONSONANT, isConsonantCode, isLeadingVowelCode, isThaiWordCode, isToneCode, LEADING_VOWEL, THAI_WORD_CHAR, TONE } from '../shared/thai.ts';

/** What the whole document shows about its sara am, gathered in a first pass over all blocks. */
export interface DocumentHints {
  /** Spaces before า that the evidence or the dictionary decided were a lost ำ. */
  saraAmRestored: number;
  /** Spaces before า that were decided to be a stray space inside a word (ท่ า → ท่า). */
  saraAmJoined: number;
  /** ำ that came through intact (the document's font does not lose them). */
  saraAmIntact: number;
}

export const EMPTY_HINTS: DocumentHints = { saraAmRestored: 0, saraAmJoined: 0, saraAmIntact: 0 };

/** Decided cases a document needs before its pattern decides the undecided ones. */
const MIN_DOCUMENT_DECISIONS = 2;
/** Share of decided cases that must agree for the document pattern to count. */
const MIN_DOCUMENT_AGREEMENT = 0.9;
/** Thai letters of context each side of a suspect spot that the dictionary judges. */
const CONTEXT_CHARS = 12;
/** The narrower window tried first: most spots are decided by their neighbouring words. */
const NEAR_CONTEXT_CHARS = 6;
/** A bare า becomes ำ only inside a word at least this long: short pairs (นา/นำ, ทา/ทำ) are
 * words either way. */
const MIN_LOST_SARA_AM_WORD = MIN_SARA_AM_WORD;

export type DocumentVerdict = 'sara-am' | 'join' | null;

export function documentVerdict(hints: DocumentHints): DocumentVerdict {
  const decided = hints.saraAmRestored + hints.saraAmJoined;
  if (decided < MIN_DOCUMENT_DECISIONS) return null;
  if (hints.saraAmRestored / decided >= MIN_DOCUMENT_AGREEMENT) return 'sara-am';
  if (hints.saraAmJoined / decided >= MIN_DOCUMENT_AGREEMENT) return 'join';
  return null;
}

/** Whether the document lost every ำ: the condition for restoring a bare า with no trace. */
export function documentLostSaraAm(hints: DocumentHints): boolean {
  return hints.saraAmIntact === 0 && documentVerdict(hints) === 'sara-am';
}

/** consonant, tone?, spaces, tone?, า */
const SPACED_SARA_AA = new RegExp(`([${CONSONANT}])([${TONE}]?)( +)([${TONE}]?)\u0E32`, 'g');
function thaiBefore(text: string, end: number, reach = CONTEXT_CHARS): string {
  let start = end;
  while (start > 0 && end - start < reach && isThaiWordCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

function thaiAfter(text: string, start: number, reach = CONTEXT_CHARS): string {
  let end = start;
  while (end < text.length && end - start < reach && isThaiWordCode(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

const SPACE_CODE = 0x20;
const TRAILING_CONSONANT = new RegExp(`[${CONSONANT}][${TONE}]?$`);

/** Context after a spot, without the letter of a next damaged spot ("ต้มย าน้ าข้น"): that
 * letter's reading is not known yet and would mislead the dictionary. */
function rightContext(text: string, start: number): string {
  const right = thaiAfter(text, start);
  if (right.length === CONTEXT_CHARS) return right;
  // Is a "consonant, spaces, tone?, า" next? (char codes: this runs for every spot)
  let at = start + right.length;
  if (codeAt(text, at) !== SPACE_CODE) return right;
  while (codeAt(text, at) === SPACE_CODE) at++;
  if (isToneCode(codeAt(text, at))) at++;
  if (codeAt(text, at) !== 0x0e32) return right;
  return right.replace(TRAILING_CONSONANT, '');
}

/** Judges the two readings on the near window first, then on the whole context if it ties.
 * Not cached: on varied text most windows are new, and building a key costs about as much as
 * judging (measured: 80% of near windows missed a cache over the 8 MB bench text). */
function judgeSaraAm(judge: Judge, left: string, saraAm: string, joined: string, right: string): number {
  const nearLeft = left.length > NEAR_CONTEXT_CHARS ? left.slice(-NEAR_CONTEXT_CHARS) : left;
  const nearRight = right.length > NEAR_CONTEXT_CHARS ? right.slice(0, NEAR_CONTEXT_CHARS) : right;
  const near = judge.compareWindowReadings(nearLeft, saraAm, joined, nearRight);
  if (near !== 0 || (nearLeft === left && nearRight === right)) return near;
  return judge.compareWindowReadings(left, saraAm, joined, right);
}

export const AMBIGUOUS_SARA_AM = 'thai-ambiguous';

export interface SaraAmStats {
  restored: number;
  joined: number;
}

/** "ส าคัญ", "ต่ า", "ต ่า": the space is where a nikhahit glyph was, or a stray space in ท่า. */
export function repairSpacedSaraAm(
  state: RepairState,
  verdict: DocumentVerdict,
  stats: SaraAmStats,
  options: { ocrText?: string | undefined; final: boolean; judge: Judge },
): void {
  const { ocrText, judge } = options;
  const ocr = ocrText ? prepareOcrText(ocrText) : null;
  const pending: RepairState['warnings'] = [];
  const changes: PassChange[] = [];
  const text = state.text;
  SPACED_SARA_AA.lastIndex = 0;
  for (let m = SPACED_SARA_AA.exec(text); m; m = SPACED_SARA_AA.exec(text)) {
    const [whole, consonant, toneBefore, , toneAfter] = m as unknown as [string, string, string, string, string];
    if (toneBefore && toneAfter) continue; // two tones: not this damage
    const tone = toneBefore || toneAfter;
    const saraAm = consonant + tone + '\u0E33';
    const joined = consonant + tone + '\u0E32';
    const left = thaiBefore(text, m.index);
    const right = rightContext(text, m.index + whole.length);
    // -1: sara am, 1: join, 0: undecided
    const voted = ocr ? ocrVote(ocr, left, saraAm, joined, right) : null;
    let choice = voted ?? judgeSaraAm(judge, left, saraAm, joined, right);
    let evidence = voted !== null ? 'ocr' : 'dictionary';
    if (choice === -1) stats.restored++;
    if (choice === 1) stats.joined++;
    if (choice === 0 && verdict) {
      choice = verdict === 'sara-am' ? -1 : 1;
      evidence = 'document';
    }
    // ICU's dictionary is the last and weakest voice: asked only where the document has no pattern.
    // Not final: the document pass comes back to the ties once it knows the document's pattern.
    if (choice === 0 && options.final) {
      choice = judge.cachedVerdict(`icu|${left}|${joined}|${right}`, () => compareIcu(left + saraAm + right, left + joined + right));
      evidence = 'icu';
    }
    if (choice === 0) {
      pending.push({
        code: AMBIGUOUS_SARA_AM,
        message: `"${whole}": a lost sara am (${saraAm}) or a stray space (${joined}); nothing decides`,
        offset: m.index,
      });
      continue;
    }
    const rule = choice === -1 ? 'sara-am-space' : 'word-split-space';
    changes.push({ start: m.index + 1, end: m.index + whole.length, after: choice === -1 ? tone + '\u0E33' : tone + '\u0E32', rule, evidence });
  }
  state.warnings.push(...pending);
  applyChanges(state, changes);
}

/** Letters of context that must match around the spot for an OCR reading to vote. */
const OCR_VOTE_CONTEXT = 3;

/** OCR writes ำ as nikhahit + า and spaces where it likes: compare without them. */
function prepareOcrText(ocrText: string): string {
  return ocrText.normalize('NFC').replace(/\u0E4D\u0E32/g, '\u0E33').replace(/\s+/g, '');
}

/** The OCR reading of the same region votes when it holds exactly one of the two readings. */
function ocrVote(ocr: string, left: string, saraAm: string, joined: string, right: string): number | null {
  const before = left.slice(-OCR_VOTE_CONTEXT);
  const after = right.slice(0, OCR_VOTE_CONTEXT);
  const hasAm = ocr.includes(before + saraAm + after);
  const hasAa = ocr.includes(before + joined + after);
  return hasAm === hasAa ? null : hasAm ? -1 : 1;
}

/** A word can neither end before these nor start with these: a space there is inside a word. */
const SPLIT_CERTAIN_LEFT = new RegExp(`(?:[${LEADING_VOWEL}]|[\u0E31\u0E37][${TONE}]?|(?<!\u0E01)\u0E47)$`);
const SPLIT_CERTAIN_RIGHT = /^[\u0E30\u0E33\u0E45]/;
/** Endings where a space inside a word is common in justified lines: judged by the dictionary. */
const SPLIT_POSSIBLE_LEFT = new RegExp(`(?:[\u0E34-\u0E36\u0E38\u0E39][${TONE}]?|[${TONE}\u0E4C])$`);
const LONE_CONSONANT = new RegExp(`^[${CONSONANT}][${TONE}\u0E4C]?$`);
const LOST_SARA_AM_SHAPE = new RegExp(`[${CONSONANT}][${TONE}]?$`);

/** Spaces inside words from justified lines: "ความยั่ งยืน", "เข้าถึ ง", "เมื่ อ". */
export function repairSplitWords(state: RepairState, judge: Judge): void {
  const text = state.text;
  const changes: PassChange[] = [];
  // A char-code walk, not a regex: most spaces are real and are passed over without allocating.
  for (let start = 1; start < text.length; start++) {
    if (text.charCodeAt(start) !== SPACE_CODE || !isThaiWordCode(text.charCodeAt(start - 1))) continue;
    let end = start + 1;
    while (codeAt(text, end) === SPACE_CODE) end++;
    if (!isThaiWordCode(codeAt(text, end)) || !mayBeSplit(text, start, end)) {
      start = end - 1;
      continue;
    }
    const evidence = splitInsideWord(judge, text, start, end);
    if (evidence) changes.push({ start, end, after: '', rule: 'word-split-space', evidence });
    start = end - 1;
  }
  applyChanges(state, changes);
}

/** Whether the space is inside a word, and what says so (Edit.evidence): spelling (no Thai word
 * ends or starts so) or the dictionary; null: a real space. */
function splitInsideWord(judge: Judge, text: string, start: number, end: number): 'spelling' | 'dictionary' | null {
  const left = thaiBefore(text, start);
  const right = thaiAfter(text, end);
  // "ค่ า" is the sara am rules' to judge; they left it on purpose.
  if (right.startsWith('\u0E32') && LOST_SARA_AM_SHAPE.test(left)) return null;
  if (SPLIT_CERTAIN_LEFT.test(left) || SPLIT_CERTAIN_RIGHT.test(right)) return 'spelling';
  // "พ.ศ.", "น.": a letter before a dot is an abbreviation, not a fragment.
  if (text[end + right.length] === '.') return null;
  const loneLeft = LONE_CONSONANT.test(left);
  const loneRight = LONE_CONSONANT.test(right);
  if (loneLeft && loneRight) return null; // "ก ข ค": a list of letters
  const suspect = SPLIT_POSSIBLE_LEFT.test(left) || loneLeft || loneRight;
  if (!suspect) return null;
  // Both sides already end and start with words (looked at as far as the longest word): a real space.
  if (judge.endsWithWord(thaiBefore(text, start, MAX_WORD_LENGTH)) && judge.startsWithWord(thaiAfter(text, end, MAX_WORD_LENGTH))) {
    return null;
  }
  return joinReadsBetter(judge, left, right) ? 'dictionary' : null;
}

/** Char-code test before any string work: only spaces after ั ื ็ ิ ี ึ ุ ู, a tone, ์, a
 * leading vowel, or beside a lone consonant, or before ะ ำ ๅ, can be inside a word. */
function mayBeSplit(text: string, spaceStart: number, spaceEnd: number): boolean {
  const before = codeAt(text, spaceStart - 1);
  const after = codeAt(text, spaceEnd);
  if (isLeadingVowelCode(before) || before === 0x0e31 || (before >= 0x0e34 && before <= 0x0e39)) return true;
  if ((before >= 0x0e47 && before <= 0x0e4c) || after === 0x0e30 || after === 0x0e33 || after === 0x0e45) return true;
  const loneBefore = isConsonantCode(before) && !isThaiWordCode(codeAt(text, spaceStart - 2));
  const afterEnd = codeAt(text, spaceEnd + 1);
  const loneAfter = isConsonantCode(after) && (!isThaiWordCode(afterEnd) || ((isToneCode(afterEnd) || afterEnd === 0x0e4c) && !isThaiWordCode(codeAt(text, spaceEnd + 2))));
  return loneBefore || loneAfter;
}

/** Joining must leave fewer unknown letters and put the junction inside a dictionary word. */
function joinReadsBetter(judge: Judge, left: string, right: string): boolean {
  if (!judge.wordSpans(left + right, left.length)) return false;
  const leftReading = judge.segment(left);
  const rightReading = judge.segment(right);
  const together = judge.segment(left + right);
  if (together.unknown >= leftReading.unknown + rightReading.unknown) return false;
  const junction = left.length;
  return together.words.some(([start, end]) => start < junction && junction < end);
}

/** "ร ะเบี ย บ": a space between almost every letter of a line. */
const DISTRIBUTED_RUN = new RegExp(`(?<![${THAI_WORD_CHAR}])[${THAI_WORD_CHAR}]{1,4}(?: [${THAI_WORD_CHAR}]{1,4}){2,}`, 'g');
const LONE_LETTER_TOKEN = new RegExp(`^[${CONSONANT}\u0E30-\u0E33][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*$`);
/** Pieces one word can be spread over: bounds the regrouping of a long letter-spaced line. */
const MAX_GROUP_PIECES = 12;
const BARE_CONSONANT = new RegExp(`^[${CONSONANT}]$`);
/** Share of one-letter pieces that marks a run as letter-spaced. */
const MIN_LONE_LETTER_SHARE = 0.4;

export function repairDistributedSpacing(state: RepairState, judge: Judge): void {
  applyRegexRule(state, DISTRIBUTED_RUN, 'distributed-spacing', (m) => {
    const tokens = m[0].split(' ');
    const lone = tokens.filter((token) => LONE_LETTER_TOKEN.test(token)).length;
    if (lone / tokens.length < MIN_LONE_LETTER_SHARE) return null;
    // "ก ข ค ง" is a list of letters: letter-spaced words show their vowels and marks too.
    if (tokens.every((token) => BARE_CONSONANT.test(token))) return null;
    return bestGrouping(judge, tokens);
  });
}

/** Groups the pieces so that the fewest letters are unknown, keeping a space when joining
 * does not help (cost: unknown letters, then joins made). */
function bestGrouping(judge: Judge, tokens: string[]): string {
  const n = tokens.length;
  const cost: { unknown: number; joins: number; from: number }[] = [{ unknown: 0, joins: 0, from: -1 }];
  for (let end = 1; end <= n; end++) {
    let best = { unknown: Infinity, joins: Infinity, from: end - 1 };
    for (let start = end - 1; start >= Math.max(0, end - MAX_GROUP_PIECES); start--) {
      // A spaced "ค่ า" the sara am rules left undecided stays apart.
      if (start < end - 1 && tokens[start + 1]!.startsWith('\u0E32') && LOST_SARA_AM_SHAPE.test(tokens[start]!)) break;
      const piece = tokens.slice(start, end).join('');
      const unknown = cost[start]!.unknown + judge.segment(piece).unknown;
      const joins = cost[start]!.joins + (end - start - 1);
      if (unknown < best.unknown || (unknown === best.unknown && joins < best.joins)) best = { unknown, joins, from: start };
    }
    cost.push(best);
  }
  const groups: string[] = [];
  for (let end = n; end > 0; end = cost[end]!.from) groups.push(tokens.slice(cost[end]!.from, end).join(''));
  return groups.reverse().join(' ');
}

/** "ประจาปี", "อานาจ": a bare า where the document's font lost every ำ. Only in such a
 * document, and only where ำ makes a long dictionary word that า does not. Judged left to
 * right inside each Thai run, so that each decision sees the ones before it. */
const SARA_AM_CHAR = '\u0E33';
const SARA_AA = '\u0E32';

export function repairLostSaraAm(state: RepairState, judge: Judge): void {
  const text = state.text;
  const changes: PassChange[] = [];
  // indexOf, not a char-code loop: one า in about 14 letters, and the native search is faster
  // (measured on the bench text: 2.1 against 3.6 ms per 3 MB).
  for (let at = text.indexOf(SARA_AA, 1); at !== -1; at = text.indexOf(SARA_AA, at + 1)) {
    const previous = text.charCodeAt(at - 1);
    const base = isToneCode(previous) ? codeAt(text, at - 2) : previous;
    if (!isConsonantCode(base) || !judge.couldBeSaraAmWord(text, at)) continue;
    // Earlier restorations change the left context of later ones: patch them in.
    let left = thaiBefore(text, at);
    for (let c = changes.length - 1; c >= 0 && changes[c]!.start >= at - left.length; c--) {
      const offset = changes[c]!.start - (at - left.length);
      left = left.slice(0, offset) + SARA_AM_CHAR + left.slice(offset + 1);
    }
    const right = thaiAfter(text, at + 1);
    const key = `${left}|${right}`;
    const restore = judge.cachedVerdict(`lost|${key}`, () => (saraAmReadsBetter(judge, left, right) ? 1 : 0));
    if (restore) changes.push({ start: at, end: at + 1, after: SARA_AM_CHAR, rule: 'sara-am-lost', evidence: 'dictionary' });
  }
  applyChanges(state, changes);
}

function saraAmReadsBetter(judge: Judge, left: string, right: string): boolean {
  if (judge.compareWindowReadings(left, '\u0E33', '\u0E32', right) !== -1) return false;
  const withAm = left + '\u0E33' + right;
  const withAa = left + '\u0E32' + right;
  const at = left.length;
  const amSegments = judge.segment(withAm);
  const aaSegments = judge.segment(withAa);
  const amWord = amSegments.words.find(([start, end]) => start <= at && at < end);
  if (!amWord || amWord[1] - amWord[0] < MIN_LOST_SARA_AM_WORD) return false;
  // The reading with า must not already hold a word as long across the same spot.
  const aaWord = aaSegments.words.find(([start, end]) => start <= at && at < end);
  return !aaWord || aaWord[1] - aaWord[0] < amWord[1] - amWord[0];
}

/** First of all passes, while offsets still index the text as extracted: spaces that pdf.js
 * drew as a zero-width glyph between a consonant and า are a nikhahit (ำ); a real, wide space
 * there is a stray space inside the word. */
export function applySaraAmEvidence(state: RepairState, evidence: RepairEvidence | undefined, stats: SaraAmStats): void {
  if (!evidence?.lostNikhahit?.length && !evidence?.realSpaces?.length) return;
  const lost = new Set(evidence.lostNikhahit ?? []);
  const real = new Set(evidence.realSpaces ?? []);
  const changes: PassChange[] = [];
  const text = state.text;
  SPACED_SARA_AA.lastIndex = 0;
  for (let m = SPACED_SARA_AA.exec(text); m; m = SPACED_SARA_AA.exec(text)) {
    const [whole, , toneBefore, spaces, toneAfter] = m as unknown as [string, string, string, string, string];
    if (toneBefore && toneAfter) continue;
    const spaceStart = m.index + 1 + toneBefore.length;
    let isLost = false;
    let isReal = false;
    for (let at = spaceStart; at < spaceStart + spaces.length; at++) {
      isLost ||= lost.has(at);
      isReal ||= real.has(at);
    }
    if (isLost === isReal) continue; // no evidence, or contradicting evidence
    const tone = toneBefore || toneAfter;
    if (isLost) stats.restored++;
    else stats.joined++;
    changes.push({
      start: m.index + 1,
      end: m.index + whole.length,
      after: tone + (isLost ? '\u0E33' : '\u0E32'),
      rule: isLost ? 'sara-am-space' : 'word-split-space',
      evidence: 'glyph',
    });
  }
  applyChanges(state, changes);
}
