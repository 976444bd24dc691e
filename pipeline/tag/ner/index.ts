// The trained Thai tagger as a matcher: its person and organisation spans become candidates
// (titles taken off people, as everywhere in samut); its places only where the gazetteer
// knows them, which the gazetteer matcher already covers, so they are not emitted again.
import { readFileSync } from 'node:fs';
import { PRIORITY, SpanIndex, type Candidate } from '../candidate.ts';
import type { Boundaries } from '../text.ts';
import { nameKey, titleLength } from '../names.ts';
import { ORGANIZATION_PREFIXES } from './features.ts';
import { deserialize } from './model.ts';
import { tagSpans, type NerSpan } from './tagger.ts';
import { CONSONANT, THAI_LETTER as THAI_LETTER_RANGE } from '../../shared/thai.ts';

/** Trained by scripts/data/train-ner.ts on ThaiNER 1.5 (CC-BY 3.0, see ../data/PROVENANCE.md). */
export const THAI_NER_MODEL = deserialize(readFileSync(new URL('../data/thai-ner.bin', import.meta.url)));

const MIN_NAME_LETTERS = 2;
const HEAD_WORDS = new Set(ORGANIZATION_PREFIXES);

/** Thai names of public bodies: the model's organisations that start so are agencies. */
const AGENCY_START = /^(?:กระทรวง|กรม|กอง|สำนักงาน|สำนัก|คณะกรรมการ|คณะรัฐมนตรี|ครม\.|องค์การ|การไฟฟ้า|การประปา|การท่าเรือ|การรถไฟ|การท่องเที่ยว|การกีฬา|ศาล|สภา|รัฐสภา|วุฒิสภา|สถานีตำรวจ|สภ\.|สน\.|ตำรวจ|เทศบาล|อบต\.|อบจ\.|องค์การบริหารส่วน|ศาลา|กองทัพ|ทบ\.|ทร\.|ทอ\.|สตช\.|ตชด\.|ศูนย์|กกต\.|ปปช\.|ป\.ป\.ช\.|ป\.ป\.ส\.|ธปท\.|ธนาคารแห่งประเทศไทย|รัฐบาล|กทม\.|กรุงเทพมหานคร)/u;

const THAI_CONSONANT = new RegExp(`[${CONSONANT}]`, 'u');
const NAME_LETTER = new RegExp(`[${CONSONANT}A-Za-z]`, 'gu');
/** Spaces, punctuation and footnote marks a name never starts or ends with ("กรุงเทพฯ:" is กรุงเทพฯ, "เนตรทัศน์∗" is เนตรทัศน์). */
const EDGE_JUNK = /[\s:;,!?"'“”‘’\-–—|/*∗]/u;
/** Up to six Thai characters and a dot after a space, a dot or the span start: กกต., สตช., พ.ร.บ. */
const ABBREVIATION_BEFORE_DOT = new RegExp(`(?:^|[\\s.])[${THAI_LETTER_RANGE}]{1,6}\\.$`, 'u');

function nerCandidates(text: string, spans: readonly NerSpan[]): Candidate[] {
  const out: Candidate[] = [];
  for (const span of spans) {
    let { start, end } = span;
    while (start < end && EDGE_JUNK.test(text[start]!)) start++;
    while (end > start && EDGE_JUNK.test(text[end - 1]!)) end--;
    // A full stop ends an abbreviation (กกต.) or the sentence: after a long word, the sentence.
    if (text[end - 1] === '.' && !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(start, end - 8), end))) end--;
    // The model learnt Thai names; Latin runs in a Thai line ("ASEAN Secretariat.") are left
    // to the English rules and the gazetteer.
    if (!THAI_CONSONANT.test(text.slice(start, end))) continue;
    if (span.type === 'PERSON') {
      start += titleLength(text.slice(start, end));
      const surface = text.slice(start, end);
      // A name cut down to a letter is a title ICU split badly (นา|งม|นัญญา), not a name.
      if ((surface.match(NAME_LETTER)?.length ?? 0) < MIN_NAME_LETTERS) continue;
      out.push({ type: 'person', text: surface, start, end, id: null, name: { th: surface }, priority: PRIORITY.model });
    } else if (span.type === 'ORGANIZATION') {
      const surface = text.slice(start, end);
      // A head word alone (สำนักงาน "the office", บริษัท "the company") names nothing.
      if (HEAD_WORDS.has(surface)) continue;
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
  const knownBodies = gazetteer.filter((g) => g.type === 'agency' || g.type === 'organization');
  const bodies = new SpanIndex(knownBodies, text.length);
  const knownEndByStart = new Map(knownBodies.map((g) => [g.start, g.end]));
  // The name goes on past the known body with more words, not just a mark ("…ประเทศไทย.").
  const extends_ = (c: Candidate) => {
    const knownEnd = knownEndByStart.get(c.start);
    return knownEnd !== undefined && THAI_CONSONANT.test(text.slice(knownEnd, c.end));
  };
  const spans = toDocumentNames(text, b, nerCandidates(text, tagSpans(THAI_NER_MODEL, text, b, gazetteer)));
  return { spans, candidates: spans.filter((c) => !bodies.overlaps(c.start, c.end) || (c.type !== 'person' && extends_(c))) };
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