// Bodies the gazetteer does not know, found by the shape of their names: "Ministry of ...",
// "... Agency/Office/Committee/Authority", กระทรวง..., กรม..., สำนักงาน..., คณะกรรมการ...;
// and English event names ("... Summit", "... Expo 2023").
// Their id is null: a pattern finds a name, not a canonical entity.
import { THAI_LETTERS_ONLY } from '../shared/thai.ts';
import { PRIORITY, SpanIndex, type Candidate } from './candidate.ts';
import { isThai, segmentsFrom, type Boundaries } from './text.ts';

/** Words that end an English body's name: "X Agency", "X Committee". */
const EN_HEADS = [
  'Ministry', 'Department', 'Office', 'Agency', 'Committee', 'Commission', 'Council', 'Authority', 'Board',
  'Bureau', 'Administration', 'Secretariat', 'Municipality', 'Directorate',
];
/** Words that start an English body's name: "Ministry of ...", "Office of the ...". */
const EN_LEADS = ['Ministry', 'Department', 'Office', 'Bureau', 'Council', 'Board', 'Commission', 'Committee', 'Directorate', 'University', 'Bank'];
const CAP_WORD = "[A-Z][A-Za-z&'’.-]*(?<!'s|’s)";
const CONNECTOR = '(?:of|and|for|the|on|&)';
/** Capitalised words that start sentences or qualify, never a body's name. */
const EN_NOT_NAME_START = new Set(['The', 'This', 'That', 'These', 'Those', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'Our', 'Its', 'Their', 'His', 'Her', 'Each', 'Every', 'With', 'And', 'But', 'As', 'To', 'Of']);

const EN_LEAD_FORM = new RegExp(
  `\\b(?:${EN_LEADS.join('|')}) (?:of|for) (?:the )?${CAP_WORD}(?:,? (?:${CONNECTOR} )*${CAP_WORD})*`,
  'gu',
);
/** Words that end a non-government body's name: "Chiang Mai University". */
const EN_ORG_HEADS = [
  'University', 'Institute', 'Foundation', 'Company', 'Corporation', 'Association', 'Bank', 'Party', 'Airline', 'Airlines',
  'Airways', 'Group', 'Holdings', 'Industries', 'College', 'Hospital', 'Club', 'Society', 'Federation', 'Union',
];
const EN_HEAD_FORM = new RegExp(`\\b${CAP_WORD}(?: (?:${CONNECTOR} )*${CAP_WORD})* (?:${[...EN_HEADS, ...EN_ORG_HEADS].join('|')})\\b`, 'gu');

/** Words that end an event's name: "Smart City Week 2020", "32nd ASEAN Summit". */
const EVENT_HEADS = ['Summit', 'Expo', 'Conference', 'Forum', 'Week', 'Festival', 'Congress', 'Awards', 'Roundtable', 'Exhibition', 'Symposium'];
/** No "and" inside an event name: "Kevin King and Timothy Week" are two people. */
const EVENT_CONNECTOR = '(?:of|for|on|the)';
const EN_EVENT_FORM = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th) )?${CAP_WORD}(?: (?:${EVENT_CONNECTOR} )*${CAP_WORD})* (?:${EVENT_HEADS.join('|')})(?: \\d{4}(?![\\d,.]\\d))?`,
  'gu',
);

/** Thai heads: the first word(s) of a body's name. */
const TH_HEADS = [
  'กระทรวง', 'กรม', 'สำนักงาน', 'คณะกรรมการ', 'สำนัก', 'องค์การ', 'การไฟฟ้า', 'การประปา', 'การรถไฟ',
  'เทศบาลนคร', 'เทศบาลเมือง', 'เทศบาลตำบล', 'องค์การบริหารส่วนจังหวัด', 'องค์การบริหารส่วนตำบล', 'คณะอนุกรรมการ',
];
/** Heads that are also everyday nouns ("สำนักงานใหญ่" head office): they need a longer name. */
const TH_GENERIC_HEADS = new Set(['สำนักงาน', 'คณะกรรมการ', 'สำนัก', 'องค์การ', 'คณะอนุกรรมการ']);
const MIN_TH_NAME_SEGMENTS = 1;
const MIN_TH_GENERIC_NAME_SEGMENTS = 2;
const MAX_TH_NAME_SEGMENTS = 12;
/** Thai words that end a body's name: verbs, prepositions, conjunctions around it in a sentence. */
export const TH_STOP = new Set([
  'ได้', 'ที่', 'ซึ่ง', 'เป็น', 'มี', 'จะ', 'ให้', 'โดย', 'ของ', 'ใน', 'กับ', 'ว่า', 'ก็', 'แล้ว', 'ไป', 'มา', 'ร่วม', 'จัด',
  'ขึ้น', 'นี้', 'นั้น', 'ทั้ง', 'ต่อ', 'จาก', 'ถึง', 'เมื่อ', 'หรือ', 'แต่', 'ยัง', 'กล่าว', 'ประกาศ', 'เปิด', 'ดำเนินการ',
  'ได้รับ', 'คือ', 'ตาม', 'ด้วย', 'ทำ', 'ไม่', 'ได้แก่', 'เช่น', 'รวม', 'ทำหน้าที่', 'มีหน้าที่', 'เพื่อให้', 'เพื่อทำ',
  'ร่วมกับ', 'จัดทำ', 'เสนอ', 'อนุมัติ', 'กำหนด', 'สนับสนุน', 'พัฒนาการ', 'ผู้', 'ประธาน', 'นาย', 'นาง', 'นางสาว',
  'เปิดตัว', 'เปิดเผย', 'ลงนาม', 'จัดงาน', 'แถลง', 'ประชุม', 'มอบ', 'เร่ง', 'ผลักดัน', 'รับ', 'เชิญ', 'ชี้แจง', 'รายงาน',
  'ระบุ', 'เผย', 'แจ้ง', 'ออก', 'สั่ง', 'นำ', 'พร้อม', 'ยืนยัน', 'คาดว่า', 'เห็นว่า', 'จัดตั้ง', 'ก่อตั้ง', 'จึง', 'กำลัง', 'ต้อง', 'ควร',
]);
const TH_CONJUNCTIONS = new Set(['และ', 'หรือ', 'กับ']);
const startsWithHead = (text: string, at: number) => TH_HEADS.some((h) => text.startsWith(h, at + (text[at] === ' ' ? 1 : 0)));
/** Words that may sit inside a name but never end it. */
const TH_TRAILING = new Set(['และ', 'เพื่อ', 'แห่ง', 'ว่าด้วย']);

/** Drops leading sentence words: "The Smart City Office" → "Smart City Office". */
function withoutSentenceWords(surface: string, start: number): [string, number] {
  const words = surface.split(' ');
  let skipped = 0;
  while (words.length > 1 && EN_NOT_NAME_START.has(words[0]!)) skipped += words.shift()!.length + 1;
  return [words.join(' '), start + skipped];
}

function englishPatterns(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const form of [EN_LEAD_FORM, EN_HEAD_FORM]) {
    form.lastIndex = 0;
    for (let m = form.exec(text); m; m = form.exec(text)) {
      const [trimmed, start] = withoutSentenceWords(m[0], m.index);
      const surface = trimmed.replace(/[,.]+$/u, '');
      const words = surface.split(' ');
      if (words.length < 2) continue;
      const type = EN_ORG_HEADS.includes(words.at(-1)!) || EN_ORG_HEADS.includes(words[0]!) ? 'organization' : 'agency';
      out.push({ type, text: surface, start, end: start + surface.length, id: null, name: { en: surface }, priority: PRIORITY.pattern });
    }
  }
  return out;
}

/** Lowercase words that say the next capitalised words are an organisation: "company Coty". */
const ORGANIZATION_NOUN_BEFORE = /\b(?:company|companies|carrier|airline|firm|bank|retailer|giant|maker|brand|startup|start-up|broadcaster|newspaper|network|conglomerate|chain|group|insurer|lender|developer|operator|manufacturer|publisher|studio|label|club|party|union|charity|organisation|organization|outlet|platform|service|streamer|supplier) ((?:[A-Z][A-Za-z&.-]*)(?: [A-Z][A-Za-z&.-]*){0,3})\b/gu;
/** English organisations named after a noun that says what they are: "company Coty", "carrier Emirates Airline". */
function organizationsAfterNouns(text: string): Candidate[] {
  const out: Candidate[] = [];
  ORGANIZATION_NOUN_BEFORE.lastIndex = 0;
  for (let m = ORGANIZATION_NOUN_BEFORE.exec(text); m; m = ORGANIZATION_NOUN_BEFORE.exec(text)) {
    const [trimmed, start] = withoutSentenceWords(m[1]!, m.index + m[0].length - m[1]!.length);
    const surface = trimmed.replace(/[,.]+$/u, '');
    if (!surface || EN_NOT_NAME_START.has(surface)) continue;
    out.push({ type: 'organization', text: surface, start, end: start + surface.length, id: null, name: { en: surface }, priority: PRIORITY.pattern });
  }
  return out;
}

function eventPatterns(text: string): Candidate[] {
  const out: Candidate[] = [];
  EN_EVENT_FORM.lastIndex = 0;
  for (let m = EN_EVENT_FORM.exec(text); m; m = EN_EVENT_FORM.exec(text)) {
    const [surface, start] = withoutSentenceWords(m[0], m.index);
    if (surface.split(' ').length < 2) continue;
    // "Week" is also a surname ("Timothy Week"): an event week needs its year or "the/at" before it.
    if (/ Week$/u.test(surface) && !/\b(?:the|at|during|of)\s+$/iu.test(text.slice(Math.max(0, start - 8), start))) continue;
    out.push({ type: 'event', text: surface, start, end: start + surface.length, id: null, name: { en: surface }, priority: PRIORITY.pattern });
  }
  return out;
}

function thaiPatterns(text: string, b: Boundaries): Candidate[] {
  const out: Candidate[] = [];
  for (const head of TH_HEADS) {
    for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + head.length)) {
      const headEnd = at + head.length;
      // The head must be whole words: "กรม" is not the start of "กรมธรรม์".
      if (!b.word[at] && isThai(text[at - 1])) continue;
      if (!b.word[headEnd]) continue;
      let count = 0;
      let end = headEnd;
      let segments = 0;
      for (const [s, e] of segmentsFrom(b, text, headEnd)) {
        const segment = text.slice(s, e);
        if (!THAI_LETTERS_ONLY.test(segment) || TH_STOP.has(segment) || count >= MAX_TH_NAME_SEGMENTS) break;
        // "X และองค์การ..." joins two bodies: the name ends before the conjunction.
        if (TH_CONJUNCTIONS.has(segment) && startsWithHead(text, e)) break;
        count++;
        if (!TH_TRAILING.has(segment)) {
          end = e;
          segments = count;
        }
      }
      const needed = TH_GENERIC_HEADS.has(head) ? MIN_TH_GENERIC_NAME_SEGMENTS : MIN_TH_NAME_SEGMENTS;
      if (segments < needed) continue;
      const surface = text.slice(at, end);
      out.push({ type: 'agency', text: surface, start: at, end, id: null, name: { th: surface }, priority: PRIORITY.pattern });
    }
  }
  return out;
}

const PLACE_TYPES = new Set(['province', 'city', 'country', 'region']);

/** "Department of Urban Innovation of Udon Thani": the body ends before "of <known place>". */
function withoutTrailingPlace(p: Candidate, placeStarts: Set<number>): Candidate {
  const cut = /,? (?:of|in|for) (?:the )?/gu;
  for (let m = cut.exec(p.text); m; m = cut.exec(p.text)) {
    const placeAt = p.start + m.index + m[0].length;
    if (!placeStarts.has(placeAt) || !/\s/u.test(p.text.slice(0, m.index))) continue;
    const surface = p.text.slice(0, m.index);
    return { ...p, text: surface, end: p.start + surface.length, name: { en: surface } };
  }
  return p;
}

/** Pattern bodies, minus those that overlap a body the gazetteer knows (the gazetteer's name is
 * the real one: "Thai Ministry of Digital Economy and Society" is the ministry, not a new body). */
export function matchAgencyPatterns(text: string, b: Boundaries, known: Candidate[]): Candidate[] {
  const bodies = known.filter((k) => k.type === 'agency' || k.type === 'organization');
  const bodyIndex = new SpanIndex(bodies, text.length);
  const bodyEndByStart = new Map(bodies.map((k) => [k.start, k.end]));
  const placeStarts = new Set(known.filter((k) => PLACE_TYPES.has(k.type)).map((k) => k.start));
  // Exception: a Thai name that starts with a known body and goes on is a different body
  // (กรมทางหลวงชนบท, the rural roads department, is not กรมทางหลวง, the highways department).
  const keep = (p: Candidate) => {
    if (!bodyIndex.overlaps(p.start, p.end)) return true;
    const knownEnd = bodyEndByStart.get(p.start);
    if (p.name.th === undefined || knownEnd === undefined || knownEnd >= p.end || bodyIndex.overlaps(knownEnd, p.end)) return false;
    // "สำนักงานส่งเสริมเศรษฐกิจดิจิทัลและสิงคโปร์" is the known body, a conjunction, and more.
    return ![...TH_CONJUNCTIONS, ...TH_TRAILING].some((w) => text.startsWith(w, knownEnd));
  };
  // "32nd ASEAN Summit" is an edition of the known "ASEAN Summit": it takes that id and name.
  const knownEvents = new Map(known.filter((k) => k.type === 'event').map((k) => [k.start, k]));
  const withKnownEvent = (p: Candidate): Candidate => {
    for (let i = p.start; i < p.end; i++) {
      const k = knownEvents.get(i);
      if (k && k.end <= p.end) return { ...p, id: k.id, name: { ...k.name } };
    }
    return p;
  };
  return [
    ...englishPatterns(text).map((p) => withoutTrailingPlace(p, placeStarts)),
    ...thaiPatterns(text, b),
    ...eventPatterns(text).map(withKnownEvent),
    ...organizationsAfterNouns(text),
  ].filter(keep);
}
