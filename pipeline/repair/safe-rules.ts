// The repairs that need no judgement: each pattern has only one meaning. They run in the
// catalogue's order (docs/thai-damage.md): re-decode, invisible characters, private use, spaces before
// marks, explicit nikhahit, mark order, NFC, duplicates.
import { applyChanges, applyRegexRule, minimalChange, type PassChange, type RepairState } from './edit-log.ts';
import { SYMBOL_PUA, THAI_PUA } from './glyph-tables.ts';
import { decodeTis620Mojibake, decodeUtf8Mojibake, hasThai, TIS620_MOJIBAKE, UTF8_THAI_MOJIBAKE } from './mojibake.ts';
import { arabicToThaiDigits, COMBINING, CONSONANT, isCombiningCode, isToneCode, THAI_CHAR, THAI_DIGIT, THAI_GLYPH_VARIANT, THAI_LETTER, THAI_WORD_CHAR, TONE } from '../shared/thai.ts';

const INVISIBLE = new RegExp(`[\\u200B\\u2060\\uFEFF\\u00AD]|[\\u200C\\u200D](?=[${THAI_CHAR}])|(?<=[${THAI_CHAR}])[\\u200C\\u200D]`, 'g');
const SPACE_VARIANT = /[\u00A0\u2000-\u200A\u202F]/g;
const THAI_PUA_CHAR = /[\uF700-\uF71A\uF884-\uF89E]/g;
const SYMBOL_PUA_CHAR = /[\uF020-\uF0FF]/g;
/** A PUA Thai glyph counts as Thai only beside Thai text (or beside another such glyph). */
const THAI_CONTEXT = new RegExp(`[${THAI_LETTER}${THAI_GLYPH_VARIANT}]`);
/** Latin-1 letters inside a Thai word: an 8-bit Thai font read without its encoding. */
const LATIN1_RUN = /[\u00A1-\u00FB]+/g;
/** Latin-1 letters (symbols such as © ° × ± · aside) touching a Thai letter or mark. */
const LATIN1_BESIDE_THAI = /(?<=[\u0E01-\u0E4E])[\u00A1-\u00A8\u00AA-\u00AD\u00AF\u00B2-\u00B6\u00B8-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+|[\u00A1-\u00A8\u00AA-\u00AD\u00AF\u00B2-\u00B6\u00B8-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+(?=[\u0E01-\u0E4E])/g;
const THAI_WORD_CHAR_RE = new RegExp(`[${THAI_WORD_CHAR}]`);
const COMBINING_RE = new RegExp(`^[${COMBINING}]`);
const LATIN_LETTER_RE = /[A-Za-z]/;
/** What a Thai mark can sit on: a consonant, or a vowel mark that a tone goes above. */
const MARK_BASE_RE = new RegExp(`[${CONSONANT}\u0E31\u0E34-\u0E39\u0E47]`);
/** TIS-620 byte value minus the Unicode Thai code point. */
const TIS620_OFFSET = 0x0e01 - 0xa1;
const SPACE_BEFORE_MARK = new RegExp(`(?<=[${THAI_WORD_CHAR}]) +(?=[${COMBINING}])`, 'g');
/** consonant, space, tone, า: a lost sara am (the space was the nikhahit), judged later. */
const CONSONANT_RE = new RegExp(`[${CONSONANT}]`);
const LOST_SARA_AM_AHEAD = new RegExp(`^[${TONE}]\u0E32`);
const EXPLICIT_NIKHAHIT = new RegExp(`\u0E4D ?([${TONE}]?) ?\u0E32`, 'g');
const FOLLOW_VOWEL_THEN_TONE = new RegExp(`([\u0E30\u0E32\u0E33])([${TONE}])`, 'g');
const DOUBLED_MARK = new RegExp(`([${COMBINING}])\\1+`, 'g');
const SARA_E_DOUBLED = new RegExp(`\u0E40\u0E40(?=[${CONSONANT}])`, 'g');
const CONFLICTING_TONES = new RegExp(`[${TONE}]{2,}`, 'g');
const FFFD_FOR_SARA_AM = new RegExp(`(?<=[${CONSONANT}][${TONE}]?)\uFFFD\u0E32`, 'g');
const FFFD_AFTER_SARA_AM = /(?<=\u0E33)\uFFFD\u0E32?/g;
const DIGIT_RUN = new RegExp(`[0-9${THAI_DIGIT}]{2,}`, 'g');
const HAS_THAI_DIGIT = new RegExp(`[${THAI_DIGIT}]`);
const HAS_ARABIC_DIGIT = /[0-9]/;
const NOT_ASCII = /[^\u0000-\u007F]/;
const COMBINING_SEQUENCE = /\P{M}\p{M}+/gu;

export function repairMojibake(state: RepairState): void {
  if (state.text.includes('à')) applyRegexRule(state, UTF8_THAI_MOJIBAKE, 'mojibake-utf8', (m) => decodeUtf8Mojibake(m[0]));
  if (!hasThai(state.text)) {
    applyRegexRule(state, TIS620_MOJIBAKE, 'mojibake-tis620', (m) => decodeTis620Mojibake(m[0]));
  }
}

export function repairInvisible(state: RepairState): void {
  applyRegexRule(state, INVISIBLE, 'invisible-chars', () => '');
  applyRegexRule(state, SPACE_VARIANT, 'invisible-chars', () => ' ');
}

export function repairPrivateUse(state: RepairState): void {
  applyRegexRule(state, THAI_PUA_CHAR, 'pua-thai-glyph', (m, text) => {
    const near = (text[m.index - 1] ?? '') + (text[m.index + 1] ?? '');
    return THAI_CONTEXT.test(near) ? THAI_PUA.get(m[0])! : null;
  });
  applyRegexRule(state, SYMBOL_PUA_CHAR, 'symbol-font-pua', (m) => SYMBOL_PUA.get(m[0]) ?? null);
  // Anything private-use left has no known meaning: say so, never guess.
  for (const match of state.text.matchAll(/[\uE000-\uF8FF]/g)) {
    state.warnings.push({
      code: 'private-use-unmapped',
      message: `private-use character U+${match[0].charCodeAt(0).toString(16).toUpperCase()} has no known meaning here`,
      offset: match.index,
    });
  }
}

export function repairLatin1InThai(state: RepairState): void {
  applyRegexRule(state, LATIN1_RUN, 'tis620-in-thai', (m, text) => {
    const previous = text[m.index - 1] ?? '';
    const next = text[m.index + m[0].length] ?? '';
    if (LATIN_LETTER_RE.test(previous) || LATIN_LETTER_RE.test(next)) return null;
    let decoded = '';
    for (const ch of m[0]) decoded += String.fromCharCode(ch.charCodeAt(0) + TIS620_OFFSET);
    // Only Thai letters and marks: U+0E3B-U+0E3E and U+0E5C+ are unassigned.
    if (!/^[\u0E01-\u0E3A\u0E40-\u0E4E]+$/.test(decoded)) return null;
    // It must sit inside a Thai word as well-formed Thai: a mark on a letter that takes it
    // ("กลèาว", "จันทรì"), or letters with Thai on the side they join ("เ»็น", "¼ู้").
    // "ไทย©2024" and "ราคา×2" stay: © would be a consonant at a word's end, × a mark on า.
    const startsWithMark = COMBINING_RE.test(decoded);
    const fitsBefore = startsWithMark ? MARK_BASE_RE.test(previous) : true;
    const fitsAfter = THAI_WORD_CHAR_RE.test(next) || (startsWithMark && !THAI_WORD_CHAR_RE.test(next));
    const joinsThai = THAI_WORD_CHAR_RE.test(previous) || COMBINING_RE.test(next);
    return joinsThai && fitsBefore && fitsAfter ? decoded : null;
  });
  // What the rule could not read back stays, and says so: one warning a site, naming it.
  for (const match of state.text.matchAll(LATIN1_BESIDE_THAI)) {
    state.warnings.push({
      code: 'latin1-in-thai-word',
      message: `"${match[0]}": Latin-1 inside Thai text that no rule could read back as Thai`,
      offset: match.index,
    });
  }
}

export function repairSpaceBeforeMark(state: RepairState): void {
  applyRegexRule(state, SPACE_BEFORE_MARK, 'space-before-mark', (m, text) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    const before = text[m.index - 1] ?? '';
    // "ต ่า" is a lost sara am, not a stray space: the sara am rules judge it.
    if (LOST_SARA_AM_AHEAD.test(after) && CONSONANT_RE.test(before)) return null;
    return '';
  });
}

export function repairExplicitNikhahit(state: RepairState): void {
  if (state.text.includes('\u0E4D')) applyRegexRule(state, EXPLICIT_NIKHAHIT, 'sara-am-nikhahit', (m) => `${m[1]}\u0E33`);
}

export function repairFollowVowelToneOrder(state: RepairState): void {
  applyRegexRule(state, FOLLOW_VOWEL_THEN_TONE, 'follow-vowel-tone-order', (m) => `${m[2]}${m[1]}`);
}

/** A tone mark or thanthakhat, then one of the vowel marks it is written after: ั ิ ี ึ ื ุ ู ็ ํ. */
const MARK_BEFORE_VOWEL = /[\u0E48-\u0E4C][\u0E31\u0E34-\u0E39\u0E47\u0E4D]/g;

/** In damaged PDF text this pair is everywhere (every ที่ as ท่ี). Found by a regex: irregexp
 * scans the text faster than a char-code loop, even with a match object per pair (measured). */
export function repairToneVowelOrder(state: RepairState): void {
  const text = state.text;
  const changes: PassChange[] = [];
  MARK_BEFORE_VOWEL.lastIndex = 0;
  for (let m = MARK_BEFORE_VOWEL.exec(text); m; m = MARK_BEFORE_VOWEL.exec(text)) {
    const pair = m[0];
    changes.push({ start: m.index, end: m.index + 2, after: pair[1]! + pair[0]!, rule: 'tone-vowel-order' });
  }
  applyChanges(state, changes);
}

/** NFC, never NFKC (NFKC splits ำ into ํ + า). Normalised one combining sequence at a time so
 * each edit is small; falls back to one edit for the whole text if that ever differs. */
export function repairNfc(state: RepairState): void {
  const text = state.text;
  if (!NOT_ASCII.test(text)) return;
  const normalized = text.normalize('NFC');
  if (normalized === text) return;
  const changes: PassChange[] = [];
  let rebuilt = '';
  let cursor = 0;
  for (const match of text.matchAll(COMBINING_SEQUENCE)) {
    const nfc = match[0].normalize('NFC');
    rebuilt += text.slice(cursor, match.index) + nfc;
    cursor = match.index + match[0].length;
    const change = minimalChange(match.index, match[0], nfc, 'nfc');
    if (change) changes.push(change);
  }
  rebuilt += text.slice(cursor);
  if (rebuilt === normalized) applyChanges(state, changes);
  else applyChanges(state, [minimalChange(0, text, normalized, 'nfc')!]);
}

export function repairDuplicates(state: RepairState): void {
  // Mark-order repairs can make duplicates, so this pass runs on most damaged text; a
  // char-code walk first says whether any of its three patterns could match at all.
  if (!hasAdjacentDuplicate(state.text)) return;
  applyRegexRule(state, DOUBLED_MARK, 'doubled-mark', (m) => m[1]!);
  applyRegexRule(state, SARA_E_DOUBLED, 'sara-e-doubled', () => '\u0E41');
  for (const match of state.text.matchAll(CONFLICTING_TONES)) {
    state.warnings.push({
      code: 'thai-conflicting-marks',
      message: `two different tone marks "${match[0]}" on one letter: left as found`,
      offset: match.index,
    });
  }
}

const SARA_E_CODE = 0x0e40;

/** A mark after the same mark, two tone marks together, or เเ: what DOUBLED_MARK,
 * CONFLICTING_TONES and SARA_E_DOUBLED each need somewhere in the text. */
function isDuplicatePair(previous: number, c: number): boolean {
  return c === previous ? isCombiningCode(c) || c === SARA_E_CODE : isToneCode(c) && isToneCode(previous);
}

function hasAdjacentDuplicate(text: string): boolean {
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDuplicatePair(previous, c)) return true;
    previous = c;
  }
  return false;
}

/** Whether a duplicate pair touches an edit (has a character in what an edit wrote, or sits
 * across where one deleted). In text whose damage scan found no duplicate, passes can only
 * have made one where they changed it: this looks there instead of at the whole text. */
export function duplicateNextToEdit(state: RepairState): boolean {
  const text = state.text;
  for (const edit of state.edits) {
    const last = Math.min(text.length - 1, edit.offset + edit.after.length);
    for (let at = Math.max(1, edit.offset); at <= last; at++) {
      if (isDuplicatePair(text.charCodeAt(at - 1), text.charCodeAt(at))) return true;
    }
  }
  return false;
}

export function repairReplacementChar(state: RepairState): void {
  applyRegexRule(state, FFFD_AFTER_SARA_AM, 'fffd-after-sara-am', () => '');
  applyRegexRule(state, FFFD_FOR_SARA_AM, 'sara-am-fffd', () => '\u0E33');
  for (const match of state.text.matchAll(/\uFFFD/g)) {
    state.warnings.push({
      code: 'replacement-char',
      message: 'U+FFFD: a character was lost in extraction and nothing says which',
      offset: match.index,
    });
  }
}

/** "๒๕๖6": the TH SarabunIT๙ font draws Arabic code points as Thai digits, so a run that mixes
 * both scripts is written all in Thai digits. */
export function repairMixedDigits(state: RepairState): void {
  applyRegexRule(state, DIGIT_RUN, 'digit-script-mixed', (m) => {
    if (!HAS_THAI_DIGIT.test(m[0]) || !HAS_ARABIC_DIGIT.test(m[0])) return null;
    return arabicToThaiDigits(m[0]);
  });
}
