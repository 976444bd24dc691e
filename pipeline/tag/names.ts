// Names as keys: titles off ("พ.ต.ท.ทักษิณ ชินวัตร" is ทักษิณ ชินวัตร), one normal form, so a person
// or an organisation with no canonical id links across documents by `key`; and, inside one
// document, a short later mention (ทักษิณ, "Chaiwut") links to the full name it stands for.
import type { Entity } from '../model/document.ts';
import { CONSONANT } from '../shared/thai.ts';

/** Abbreviated roles written before a body's abbreviation: ผบ. "commander of", ผอ. "director of",
 * รมว. "minister of" (ผบ.ทร. is the navy's commander; ThaiNER tags ทร. alone). */
export const ROLE_BEFORE_BODY = new RegExp(`^(?:รอง\\s*)?(?:ผช\\.)?(?:ผบ|ผอ|ผกก|ผบก|ผบช|รมว|รมช)\\.\\s*(?=[${CONSONANT}])`, 'u');

/** Titles and ranks before a person's name (the ThaiNER spans include them; samut's do not). */
export const THAI_TITLES = [
  'นาย', 'นาง', 'นางสาว', 'น.ส.', 'ด.ช.', 'ด.ญ.', 'เด็กชาย', 'เด็กหญิง', 'ดร.', 'ศ.', 'รศ.', 'ผศ.', 'ศาสตราจารย์',
  'นพ.', 'น.พ.', 'พญ.', 'พ.ญ.', 'ทพ.', 'ภก.', 'ม.ร.ว.', 'ม.ล.', 'ม.จ.', 'หม่อมราชวงศ์', 'หม่อมหลวง', 'คุณ', 'พระ',
  'พล.อ.', 'พล.ท.', 'พล.ต.', 'พ.อ.', 'พ.ท.', 'พ.ต.', 'ร.อ.', 'ร.ท.', 'ร.ต.', 'จ.ส.อ.', 'ส.อ.', 'พลเอก', 'พลโท', 'พลตรี',
  'พล.ต.อ.', 'พล.ต.ท.', 'พล.ต.ต.', 'พ.ต.อ.', 'พ.ต.ท.', 'พ.ต.ต.', 'ร.ต.อ.', 'ร.ต.ท.', 'ร.ต.ต.', 'ด.ต.', 'จ.ส.ต.', 'ส.ต.อ.',
  'พล.ร.อ.', 'พล.อ.อ.', 'น.อ.', 'ว่าที่', 'นายแพทย์', 'แพทย์หญิง', 'รองฯ', 'ส.ส.', 'ส.ว.', 'อาจารย์', 'ผู้ใหญ่', 'กำนัน',
];
const TITLES_LONGEST_FIRST = [...THAI_TITLES].sort((a, b) => b.length - a.length);
/** Dotted Thai abbreviations before a name that are not in the title list (พ.จ.อ., ร.ต.อ.). */
const DOTTED_TITLE = new RegExp(`^(?:[${CONSONANT}\\u0E30-\\u0E4E]{1,4}\\.)+`, 'u');

/** Characters of titles and ranks at the start of a person's name ("พ.ต.ท.ทักษิณ" → 6). */
export function titleLength(name: string): number {
  let at = 0;
  for (let changed = true; changed; ) {
    changed = false;
    const rest = name.slice(at);
    const title = TITLES_LONGEST_FIRST.find((t) => rest.startsWith(t) && rest.length > t.length);
    const dotted = DOTTED_TITLE.exec(rest)?.[0];
    const cut = Math.max(title?.length ?? 0, dotted && dotted.length < rest.length ? dotted.length : 0);
    if (cut) {
      at += cut;
      while (name[at] === ' ') at++;
      changed = at < name.length;
      if (!changed) return 0;
    }
  }
  return at;
}

/** Words นาย / นาง make nouns with, not a title and a name: ranks and trades (นายตำรวจ "police
 * officer", นายพล "general", นายจ้าง "employer", นางพยาบาล "nurse"). */
const NOUNS_AFTER_TITLE = [
  'ตำรวจ', 'ทหาร', 'พล', 'ร้อย', 'สิบ', 'พัน', 'กอง', 'ดาบ', 'เรือ', 'อากาศ', 'ทุน', 'จ้าง', 'หน้า', 'ประกัน', 'อำเภอ',
  'ด่าน', 'ช่าง', 'ท้าย', 'ห้าง', 'ประตู', 'พราน', 'พยาบาล', 'งาม', 'แบบ', 'เอก', 'ร้าย', 'กำนัน', 'สนม',
];
const SHORT_NOUN = 3;
/** A title abbreviated with ฯ: นายกฯ "the prime minister" (ICU cuts it นา|ยกฯ), not นาย and a name กฯ. */
const FAIYANNOI_ABBREVIATION = new RegExp(`^[${CONSONANT}]{1,3}\\u0E2F`, 'u');
/** A count glued before นาย, its classifier for men in uniform ("ตำรวจกว่าสิบนาย", "20นาย");
 * เรียบร้อย "done" ends in ร้อย and is no count. */
const COUNT_BEFORE = /(?:[0-9\u0E50-\u0E59]|(?<!เรียบ)(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย|พัน|หมื่น|แสน))$/u;

/**
 * Whether a title at [titleStart, nameStart) is no title but part of a common word or a count:
 * "นายกฯ", "นายตำรวจ", "นายทหาร", "สิบนาย". `wordEnd(i)` tells whether a word may end at i.
 */
export function titleStartsNoName(text: string, titleStart: number, nameStart: number, wordEnd: (i: number) => boolean): boolean {
  const rest = text.slice(nameStart, nameStart + 16);
  if (FAIYANNOI_ABBREVIATION.test(rest)) return true;
  const title = text.slice(titleStart, nameStart).trim();
  if (title === 'นาย' && COUNT_BEFORE.test(text.slice(Math.max(0, titleStart - 12), titleStart))) return true;
  if (title !== 'นาย' && title !== 'นาง') return false;
  // A short noun (พล, สิบ) must end at a space or mark: names start so too (พลวัฒน์, สิบทิศ).
  return NOUNS_AFTER_TITLE.some((w) => {
    if (!rest.startsWith(w)) return false;
    const after = nameStart + w.length;
    return after === text.length || !/[\u0E01-\u0E4E]/u.test(text[after]!) || (w.length > SHORT_NOUN && wordEnd(after));
  });
}

/** English titles and ranks a key leaves out ("Dr", "Pol. Gen."). */
const ENGLISH_TITLE = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Khun|Gen|General|Pol|Lt|Col|Maj|Capt|Adm|H\.E)\.?\s+)+/u;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const KEYED = new Set<Entity['type']>(['person', 'organization', 'agency']);

/** A company's legal form, before or after its name: บริษัท … จำกัด (มหาชน), บมจ., "Co., Ltd.", PCL. */
const LEGAL_FORM_BEFORE = /^(?:บริษัท|บมจ\.|บจก\.|หจก\.|ห้างหุ้นส่วนจำกัด)\s*/u;
const LEGAL_FORM_AFTER = /\s*(?:จำกัด\s*(?:\(มหาชน\))?|\(มหาชน\)|,?\s*(?:Co\.,?\s*)?(?:Ltd|PCL|Plc|Inc|Corp)\.?)$/iu;

/** The normal form of a name: NFC, invisible characters out, one space, Latin lowercase; a
 * person's titles and a company's legal form off (บริษัท ซีพี ออลล์ จำกัด (มหาชน) is ซีพี ออลล์). */
export function nameKey(name: string, type: Entity['type']): string {
  let s = name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  if (type === 'person') {
    s = s.replace(ENGLISH_TITLE, '');
    s = s.slice(titleLength(s)).trim();
  } else if (type === 'organization') {
    const bare = s.replace(LEGAL_FORM_BEFORE, '').replace(LEGAL_FORM_AFTER, '').trim();
    if (bare) s = bare;
  }
  return s.toLowerCase();
}

/**
 * Gives every person, organisation and agency without an id a `key`. A one-word person name
 * that is the first or last word of a longer person name in the same document takes that
 * name's key and names (the nearest full name before it, else the first after it).
 */
export function linkNames(entities: Entity[]): Entity[] {
  const keyed = entities.map((e) => (KEYED.has(e.type) && e.id === null ? { ...e, key: nameKey(e.name.th ?? e.name.en ?? e.text, e.type) } : e));
  // A "person" named exactly like an organisation of the same document is that organisation
  // (ซีพี ออลล์ in a headline, บริษัท ซีพี ออลล์ จำกัด in the story).
  const organizations = new Map(keyed.filter((e) => e.type === 'organization' && e.key).map((e) => [e.key!, e]));
  for (const [i, e] of keyed.entries()) {
    const organization = e.type === 'person' && e.key ? organizations.get(e.key) : undefined;
    if (organization) keyed[i] = { ...e, type: 'organization', name: { ...organization.name } };
  }
  const full: { index: number; words: string[]; entity: Entity }[] = [];
  keyed.forEach((e, index) => {
    if (e.type === 'person' && e.key !== undefined && e.key.includes(' ')) full.push({ index, words: e.key.split(' '), entity: e });
  });
  if (!full.length) return keyed;
  return keyed.map((e, index) => {
    if (e.type !== 'person' || e.key === undefined || e.key.includes(' ') || !e.key) return e;
    const matches = full.filter((f) => f.words[0] === e.key || f.words.at(-1) === e.key);
    if (!matches.length) return e;
    const before = matches.filter((f) => f.index < index).at(-1);
    const target = (before ?? matches[0]!).entity;
    return { ...e, key: target.key, name: { ...target.name } };
  });
}
