// The trained Thai tagger as a matcher: its person and organisation spans become candidates
// (titles taken off people, as everywhere in samut); its places only where the gazetteer
// knows them, which the gazetteer matcher already covers, so they are not emitted again.
import { PRIORITY, SpanIndex, type Candidate } from '../candidate.ts';
import { namesByFirstTwo, type Boundaries } from '../text.ts';
import { nameKey, ROLE_BEFORE_BODY, titleLength, titleStartsNoName } from '../names.ts';
import { ORGANIZATION_PREFIXES } from './features.ts';
import { TH_STOP } from '../patterns.ts';
import { deserialize, readModelFile, type NerModel } from './model.ts';
import { tagSpans, type NerSpan } from './tagger.ts';
import type { NameLexicon } from './lexicon.ts';
import { CONSONANT, HAS_THAI, THAI_LETTER as THAI_LETTER_RANGE } from '../../shared/thai.ts';
import { thaiWords } from '../../shared/thai-words.ts';

let model: NerModel | undefined;

/** Trained by scripts/data/train-ner.ts on ThaiNER 1.5 (CC-BY 3.0, see ../data/PROVENANCE.md).
 * Read at the first Thai text a thread tags (gunzip and deserialize, ~0.1 s), not when the stage
 * loads: a thread that tags no Thai never reads it. */
export function thaiNerModel(): NerModel {
  model ??= deserialize(readModelFile());
  return model;
}

const MIN_NAME_LETTERS = 2;
/** Shorter names are not looked for again elsewhere in the document. */
const MIN_REPEATED_NAME = 3;
const MIN_REPEATED_PERSON = 4;
const HEAD_WORDS = new Set(ORGANIZATION_PREFIXES);
const startsWithHeadWord = (name: string) => ORGANIZATION_PREFIXES.some((w) => name.startsWith(w) && name.length > w.length);

/** Thai names of public bodies: the model's organisations that start so are agencies. */
const AGENCY_START = /^(?:กระทรวง|กรม|กอง|สำนักงาน|สำนัก|คณะกรรมการ|คณะรัฐมนตรี|ครม\.|องค์การ|การไฟฟ้า|การประปา|การท่าเรือ|การรถไฟ|การท่องเที่ยว|การกีฬา|ศาล|สภา|รัฐสภา|วุฒิสภา|สถานีตำรวจ|สภ\.|สน\.|ตำรวจ|เทศบาล|อบต\.|อบจ\.|องค์การบริหารส่วน|ศาลา|กองทัพ|ทบ\.|ทร\.|ทอ\.|สตช\.|ตชด\.|ศูนย์|กกต\.|ปปช\.|ป\.ป\.ช\.|ป\.ป\.ส\.|ธปท\.|ธนาคารแห่งประเทศไทย|รัฐบาล|กทม\.|กรุงเทพมหานคร)/u;

/** กลุ่ม "group" before an abbreviation: ThaiNER tags the abbreviation alone (6 of 7 in train.txt). */
const GROUP_BEFORE_ABBREVIATION = new RegExp(`^กลุ่ม\\s*(?=[${CONSONANT}]{1,6}\\.)`, 'u');
/** Short words a name never starts with, glued to it by ICU ("ให้การยางแห่งประเทศไทย"); ที่ว่าการ
 * "the office of" and ที่ดิน "land" do start names. */
const GLUED_FUNCTION_WORD = new RegExp(`^(?:ให้|ที่(?!ว่าการ|ดิน)|ของ|จาก|โดย|และ|กับ|แก่|ต่อ|ถึง|ซึ่ง)(?=[${CONSONANT}\\u0E40-\\u0E44][\\u0E01-\\u0E4E]{2})`, 'u');
/** A Latin acronym: SIPA, ETDA, TDRI, CAT. */
const LATIN_ACRONYM = /^[A-Z]{2,6}$/u;
/** A head word and the class of body, no name: เทศบาลนคร "city municipality", สถาบันการศึกษา
 * "educational institution". */
const GENERIC_BODIES = /^(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วน(?:จังหวัด|ตำบล)|องค์กรปกครองส่วน(?:ท้องถิ่น)?|สถาบันการศึกษา|มหาวิทยาลัยไทย|หน่วยงาน(?:รัฐ|ราชการ)?)$/u;
const THAI_CONSONANT = new RegExp(`[${CONSONANT}]`, 'u');
const NAME_LETTER = new RegExp(`[${CONSONANT}A-Za-z]`, 'gu');
/** Spaces, punctuation and footnote marks a name never starts or ends with ("กรุงเทพฯ:" is กรุงเทพฯ, "เนตรทัศน์∗" is เนตรทัศน์). */
const EDGE_JUNK = /[\s:;,!?"'“”‘’\-–—|/*∗]/u;
/** Up to six Thai characters and a dot after a space, a dot or the span start: กกต., สตช., พ.ร.บ. */
const ABBREVIATION_BEFORE_DOT = new RegExp(`(?:^|[\\s.])[${THAI_LETTER_RANGE}]{1,6}\\.$`, 'u');

/** A head word and one sentence word (a verb, an auxiliary), no name: "สมาคมกำลัง". */
const headWithSentenceWord = (name: string) => ORGANIZATION_PREFIXES.some((w) => name.startsWith(w) && TH_STOP.has(name.slice(w.length).trim()));

/** A head word, up to eight more letters and ฯ, the mark that shortens a name the text gave in
 * full: สมาคมฯ "the Association", สำนักงบฯ "the Budget Bureau" (not ฯลฯ, "etc."). */
const SHORTENED_BODY = new RegExp(`(?:${ORGANIZATION_PREFIXES.filter((w) => !w.endsWith('.')).join('|')})[${THAI_LETTER_RANGE}]{0,8}?ฯ(?!ลฯ)`, 'gu');

/** Shortened names (สมาคมฯ) where no model span is: ThaiNER's train.txt tags 123 of 163 so. */
function shortenedBodies(text: string, b: Boundaries, model: readonly Candidate[]): Candidate[] {
  const taken = new SpanIndex(model, text.length);
  const out: Candidate[] = [];
  for (const m of text.matchAll(SHORTENED_BODY)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!b.word[start] || taken.overlaps(start, end)) continue;
    out.push({ type: AGENCY_START.test(m[0]) ? 'agency' : 'organization', text: m[0], start, end, id: null, name: { th: m[0] }, priority: PRIORITY.model });
  }
  return out.length ? [...model, ...out].sort((x, y) => x.start - y.start) : [...model];
}

/** Whether [start, end) is all of its line but spaces. */
function aloneOnLine(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && text[i] !== '\n'; i--) if (!/\s/u.test(text[i]!)) return false;
  for (let i = end; i < text.length && text[i] !== '\n'; i++) if (!/\s/u.test(text[i]!)) return false;
  return true;
}

/** Whether no word boundary falls inside [start, end). */
function isOneWord(b: Boundaries, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (b.word[i]) return false;
  return true;
}

function nerCandidates(text: string, b: Boundaries, spans: readonly NerSpan[], lexicon: NameLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const span of spans) {
    let { start, end } = span;
    while (start < end && EDGE_JUNK.test(text[start]!)) start++;
    while (end > start && EDGE_JUNK.test(text[end - 1]!)) end--;
    // A full stop ends an abbreviation (กกต.) or the sentence: after a long word, the sentence.
    if (text[end - 1] === '.' && !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(start, end - 8), end))) end--;
    // The model learnt Thai names; Latin runs in a Thai line ("ASEAN Secretariat.") are left
    // to the English rules and the gazetteer, but for an acronym the model calls a body there
    // ("SIPA เปิดตัว…", "ดีแทค และ CAT"): val.txt has 13 right and 2 wrong of those.
    if (!THAI_CONSONANT.test(text.slice(start, end)) && !(span.type === 'ORGANIZATION' && LATIN_ACRONYM.test(text.slice(start, end)))) continue;
    if (span.type === 'PERSON') {
      const titleStart = start;
      start += titleLength(text.slice(start, end));
      if (start > titleStart && titleStartsNoName(text, titleStart, start, (i) => b.word[i] === 1)) continue;
      const surface = text.slice(start, end);
      // A name cut down to a letter is a title ICU split badly (นา|งม|นัญญา), not a name.
      if ((surface.match(NAME_LETTER)?.length ?? 0) < MIN_NAME_LETTERS) continue;
      out.push({ type: 'person', text: surface, start, end, id: null, name: { th: surface }, priority: PRIORITY.model });
    } else if (span.type === 'ORGANIZATION') {
      // A commander's or director's title is not part of the unit's name: ผบ.ทร. is ทร.
      start += ROLE_BEFORE_BODY.exec(text.slice(start, end))?.[0].length ?? 0;
      // "กลุ่ม กปปส." is the group กปปส.; "ให้การยาง…" (ICU's ให้การ "testimony") is การยาง….
      start += (GROUP_BEFORE_ABBREVIATION.exec(text.slice(start, end)) ?? GLUED_FUNCTION_WORD.exec(text.slice(start, end)))?.[0].length ?? 0;
      const surface = text.slice(start, end);
      // A head word alone (สำนักงาน "the office", บริษัท "the company") names nothing.
      // …nor does one with a sentence word after it ("สมาคมกำลัง…", the association "is now …").
      if (HEAD_WORDS.has(surface) || GENERIC_BODIES.test(surface) || headWithSentenceWord(surface)) continue;
      // A lone word on a line of its own is a heading ("วัตถุประสงค์"), named only if the
      // training data named it or it is an abbreviation.
      if (aloneOnLine(text, start, end) && isOneWord(b, start, end) && !lexicon.names.has(surface) && !/[.ฯ]/u.test(surface)) continue;
      const type = AGENCY_START.test(surface) ? 'agency' : 'organization';
      out.push({ type, text: surface, start, end, id: null, name: { th: surface }, priority: PRIORITY.model });
    }
  }
  return out;
}

/**
 * The document's own organisation names, second pass: a model span that is only the start of a
 * name the model found in full elsewhere in the document ("ซีพี" where "ซีพี ออลล์" follows,
 * after "บริษัท ซีพี ออลล์ จำกัด (มหาชน)" earlier) is that name.
 */
function toDocumentNames(text: string, b: Boundaries, candidates: Candidate[]): Candidate[] {
  const names = new Set<string>();
  for (const c of candidates) {
    if (c.type === 'person') continue;
    names.add(c.text);
    names.add(nameKey(c.text, c.type));
  }
  const longestFirst = [...names].sort((x, y) => y.length - x.length);
  return candidates.map((c) => {
    if (c.type === 'person') return c;
    const name = longestFirst.find((n) => n.length > c.text.length && text.startsWith(n, c.start) && b.word[c.start + n.length]);
    return name ? { ...c, text: name, end: c.start + name.length, name: { th: name } } : c;
  });
}

/** How far past a model organisation's end a longer word or name is looked for, in characters. */
const MAX_EXTENSION = 40;
const ORGANIZATION_CODE = 1;
const withoutSpaces = (s: string) => s.replace(/\s+/gu, '');
/** The organisations the training data named, but for those it rarely tagged where they occur
 * (precision bucket 0), spaces and legal forms off: "บริษัท ซีพี ออลล์ จำกัด (มหาชน)" → ซีพีออลล์. */
let lexiconOrganizationNames: Set<string> | undefined;

/** Made from the model's lexicon with the model, at its first use. */
function lexiconOrganizations(): Set<string> {
  if (lexiconOrganizationNames) return lexiconOrganizationNames;
  const names = new Set<string>();
  for (const [name, code] of thaiNerModel().lexicon.names) {
    if (Math.floor(code / 3) !== ORGANIZATION_CODE || code % 3 === 0) continue;
    names.add(withoutSpaces(name));
    names.add(withoutSpaces(nameKey(name, 'organization')));
  }
  lexiconOrganizationNames = names;
  return names;
}

/**
 * A model organisation that ends inside a dictionary word ICU split ("…ปราบปรามยา|เสพ|ติด"), or
 * that the text goes on into an organisation the training data named ("ซีพี" before "ออลล์",
 * written with a space or without), runs to the end of that word or name (the longest one).
 * ThaiNER val.txt (tuned on), whole tagger: organisations F1 0.838 -> 0.847.
 */
function toWholeWords(text: string, b: Boundaries, candidates: Candidate[]): Candidate[] {
  return candidates.map((c) => {
    if (c.type === 'person') return c;
    let lastWordStart = c.end - 1;
    while (lastWordStart > c.start && !b.word[lastWordStart]) lastWordStart--;
    let end = -1;
    for (let e = c.end + 1; e <= Math.min(text.length, c.end + MAX_EXTENSION) && text[e - 1] !== '\n'; e++) {
      if ((e < text.length && !b.word[e]) || /\s/u.test(text[e - 1]!)) continue;
      if (thaiWords().has(text.slice(lastWordStart, e)) || lexiconOrganizations().has(withoutSpaces(text.slice(c.start, e)))) end = e;
    }
    if (end < 0) return c;
    const name = text.slice(c.start, end);
    return { ...c, text: name, end, name: { th: name } };
  });
}

/**
 * Other mentions of the names the model found, where it left them untagged: a name is the same
 * body or person wherever the document repeats it on word boundaries ("SIPA … ร่วมกับ SIPA").
 * On ThaiNER val.txt, lines alone: organisations F1 0.830 -> 0.835, people 0.884 -> 0.891.
 */
function otherMentions(text: string, b: Boundaries, candidates: Candidate[]): Candidate[] {
  const names = new Map<string, Candidate>();
  for (const c of candidates) if (c.text.length >= (c.type === 'person' ? MIN_REPEATED_PERSON : MIN_REPEATED_NAME)) names.set(c.text, c);
  if (!names.size) return candidates;
  const claimed = new Uint8Array(text.length);
  for (const c of candidates) claimed.fill(1, c.start, c.end);
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (claimed[i]) return false;
    return true;
  };
  // One pass over the word starts, names looked up by their first two characters, longest first.
  const longestFirst = [...names.keys()].sort((x, y) => y.length - x.length);
  const startingAt = namesByFirstTwo(longestFirst);
  const added: Candidate[] = [];
  for (let at = 0; at < text.length - 1; at++) {
    if (!b.word[at] || claimed[at]) continue;
    const found = startingAt(text, at)?.find((i) => {
      const n = longestFirst[i]!;
      return text.startsWith(n, at) && b.word[at + n.length] && free(at, at + n.length);
    });
    if (found === undefined) continue;
    const name = longestFirst[found]!;
    claimed.fill(1, at, at + name.length);
    added.push({ ...names.get(name)!, start: at, end: at + name.length });
  }
  return added.length ? [...candidates, ...added].sort((x, y) => x.start - y.start) : candidates;
}

export interface ThaiNerFound {
  /** The model's people and organisations that samut emits. */
  candidates: Candidate[];
  /** Every person and organisation span the model found, known bodies included: where the rules disagree with these, the model decides. */
  spans: Candidate[];
}

/**
 * Person and organisation candidates the trained model finds on the Thai lines of the text. As
 * for the name patterns, a known body wins: an organisation that overlaps a gazetteer body is
 * kept only when it starts with it and goes on (กรมทางหลวงชนบท), so "สำนักงาน กสทช." stays the
 * known กสทช.; a person never overlaps a known body. A place inside an organisation's name
 * (มหาวิทยาลัยขอนแก่น) is part of that name.
 */
export function matchThaiNer(text: string, b: Boundaries, gazetteer: readonly Candidate[]): ThaiNerFound {
  // The model reads Thai lines only, and a shortened body is Thai: a text without Thai has neither.
  if (!HAS_THAI.test(text)) return { candidates: [], spans: [] };
  const knownBodies = gazetteer.filter((g) => g.type === 'agency' || g.type === 'organization');
  const bodies = new SpanIndex(knownBodies, text.length);
  const knownEndByStart = new Map(knownBodies.map((g) => [g.start, g.end]));
  // The name goes on past the known body with more words, not just a mark ("…ประเทศไทย.").
  const extends_ = (c: Candidate) => {
    const knownEnd = knownEndByStart.get(c.start);
    return knownEnd !== undefined && THAI_CONSONANT.test(text.slice(knownEnd, c.end));
  };
  // A body whose name holds a known one after a head word is another body: the students'
  // council สภานิสิตจุฬาฯ, the university ม.หอการค้าไทย. สำนักงาน X, the office of a known X,
  // stays X, with its id.
  const bodyAt = new Int32Array(text.length + 1).fill(-1);
  knownBodies.forEach((g, i) => bodyAt.fill(i, g.start, g.end));
  const holdsKnown = (c: Candidate) =>
    c.type !== 'person' && startsWithHeadWord(c.text) && !c.text.startsWith('สำนักงาน') &&
    bodyAt[c.start] === -1 && (bodyAt[c.end] === -1 || bodyAt[c.end] !== bodyAt[c.end - 1]);
  const ner = thaiNerModel();
  const spans = otherMentions(text, b, toDocumentNames(text, b, shortenedBodies(text, b, toWholeWords(text, b, nerCandidates(text, b, tagSpans(ner, text, b, gazetteer), ner.lexicon)))));
  const candidates = spans.filter((c) => !bodies.overlaps(c.start, c.end) || (c.type !== 'person' && (extends_(c) || holdsKnown(c))));
  // Only Thai names overrule the rules: a Latin acronym ("ASEAN" in "32nd ASEAN Summit") is the
  // English patterns' to read.
  return { spans: spans.filter((c) => THAI_CONSONANT.test(c.text)), candidates };
}

/**
 * Where the model has read a Thai line, its people and organisations replace the rules' guesses
 * that overlap them: the rules take the longest run after a title ("วิรัตน์ ตามหมายจับศาล…") or
 * a generic "คณะกรรมการ…" phrase, the model learnt where names end.
 */
export function dropOverlapped(rules: Candidate[], model: readonly Candidate[], textLength: number): Candidate[] {
  if (!model.length) return rules;
  const taken = new SpanIndex(model, textLength);
  return rules.filter((r) => !taken.overlaps(r.start, r.end));
}