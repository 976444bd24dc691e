// Dates in English and Thai, Thai or Arabic digits, Buddhist-era (BE) or Gregorian years, as
// ISO 8601 values: "2018-07-08", "2018-07", "2018". A range is one entity whose value is an
// ISO 8601 interval "start/end" of the same precision ("2018/2019", "2020-10-16/2020-10-18").
import type { Warning } from '../model/document.ts';
import { warning } from '../model/warnings.ts';
import { PRIORITY, type Candidate } from './candidate.ts';
import { HAS_THAI, THAI_DIGIT, thaiToArabicDigits as arabicDigits } from '../shared/thai.ts';

/** CE = BE - 543. Before BE 2484 (1941) the Thai year began on 1 April: January to March of BE
 * year Y fall in CE Y - 542, and a year-only value is ambiguous, so those dates get a warning. */
const BE_OFFSET = 543;
const BE_NEW_YEAR_REFORM = 2484;
/** A bare 4-digit year at or above this is Buddhist era; Gregorian years are read 1800..2200. */
const BE_THRESHOLD = 2400;
const CE_MIN = 1800;
const CE_MAX = 2200;
const BE_MAX = 2800;
/** Bare English years (after "in", "since"...) are taken only in this window, to skip counts. */
const BARE_YEAR_MIN = 1900;
const BARE_YEAR_MAX = 2100;
/** Two-digit BE years ("ก.ค. 61") are 25yy. */
const TWO_DIGIT_BE_CENTURY = 2500;

const D = `[0-9${THAI_DIGIT}]`;
const EN_MONTHS = [
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
];
const TH_MONTHS = [
  ['มกราคม', 'ม.ค.'], ['กุมภาพันธ์', 'ก.พ.'], ['มีนาคม', 'มี.ค.'], ['เมษายน', 'เม.ย.'], ['พฤษภาคม', 'พ.ค.'], ['มิถุนายน', 'มิ.ย.'],
  ['กรกฎาคม', 'ก.ค.'], ['สิงหาคม', 'ส.ค.'], ['กันยายน', 'ก.ย.'], ['ตุลาคม', 'ต.ค.'], ['พฤศจิกายน', 'พ.ย.'], ['ธันวาคม', 'ธ.ค.'],
];
const escape = (s: string) => s.replace(/[.]/g, '\\.');
const EN_MONTH = `(?:${EN_MONTHS.flat().sort((a, b) => b.length - a.length).map((m) => (m.length > 3 || m === 'may' ? m : `${m}\\.?`)).join('|')})`;
const TH_MONTH = `(?:${TH_MONTHS.flat().sort((a, b) => b.length - a.length).map(escape).join('|')})`;
const MONTH_BY_NAME = new Map<string, number>();
EN_MONTHS.forEach((names, i) => names.forEach((n) => MONTH_BY_NAME.set(n, i + 1)));
TH_MONTHS.forEach((names, i) => names.forEach((n) => MONTH_BY_NAME.set(n, i + 1)));
const monthNumber = (name: string) => MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, '').replace(/\s/g, '')) ?? MONTH_BY_NAME.get(name);

const DASH = '\\s*[-–—]\\s*';
const TH_ERA = '(?:(พ\\.\\s?ศ\\.|ค\\.\\s?ศ\\.)\\s*)';
const EN_BE = '(?:B\\.\\s?E\\.|BE)';
/** No digit after a year, and no "s" ("the 1950s" is a decade, not 1950). */
const NOT_DIGIT_AFTER = `(?!${D}|s\\b|['’]s\\b)`;
const NOT_DIGIT_BEFORE = `(?<!${D})`;
const NOT_LETTER_BEFORE = '(?<![A-Za-z])';
const NOT_LETTER_AFTER = '(?![A-Za-z])';
/** ก.พ. is also the Civil Service Commission ("สำนักงาน ก.พ."): not a month after an office word. */
const NOT_AFTER_THAI_BODY = '(?<!(?:สำนักงาน|คณะกรรมการ|กรรมการ)\\s?)';

type Era = 'be' | 'ce' | undefined;
interface YMD { y: number; m?: number; d?: number; be: boolean }

/** The Gregorian year for a written year, or undefined when it is not a plausible year. */
function toYear(raw: string, era: Era, twoDigitBe = false): { y: number; be: boolean } | undefined {
  const digits = arabicDigits(raw);
  let n = Number(digits);
  if (digits.length === 2) {
    if (!twoDigitBe) return undefined;
    n += TWO_DIGIT_BE_CENTURY;
    era = 'be';
  }
  const be = era === 'be' || (era === undefined && n >= BE_THRESHOLD);
  if (be) return n >= BE_THRESHOLD && n <= BE_MAX ? { y: n - BE_OFFSET, be: true } : undefined;
  return n >= CE_MIN && n <= CE_MAX ? { y: n, be: false } : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function iso(p: YMD): string | undefined {
  // Before the 1941 reform, January to March belonged to the previous BE year's end.
  const y = p.be && p.m !== undefined && p.m <= 3 && p.y + BE_OFFSET < BE_NEW_YEAR_REFORM ? p.y + 1 : p.y;
  if (p.m === undefined) return String(y);
  if (p.d === undefined) return `${y}-${pad(p.m)}`;
  return validDay(y, p.m, p.d) ? `${y}-${pad(p.m)}-${pad(p.d)}` : undefined;
}

const eraOf = (s: string | undefined): Era => (s === undefined ? undefined : /^(พ|B)/.test(s) ? 'be' : 'ce');

interface DateRule {
  pattern: RegExp;
  /** Group numbers → parts; returns the dates (one, or two for a range). */
  read: (m: RegExpExecArray) => YMD[] | undefined;
}

function ymd(yearRaw: string | undefined, era: Era, month?: string, day?: string, twoDigitBe = false): YMD | undefined {
  if (!yearRaw) return undefined;
  const year = toYear(yearRaw, era, twoDigitBe);
  if (!year) return undefined;
  const m = month === undefined ? undefined : monthNumber(month);
  if (month !== undefined && m === undefined) return undefined;
  const d = day === undefined ? undefined : Number(arabicDigits(day));
  return { y: year.y, be: year.be, ...(m ? { m } : {}), ...(d ? { d } : {}) };
}

const both = (a: YMD | undefined, b: YMD | undefined) => (a && b ? [a, b] : undefined);
const one = (a: YMD | undefined) => (a ? [a] : undefined);
const withMonthDay = (p: YMD | undefined, m: number | undefined, d: number | undefined): YMD | undefined =>
  p && { ...p, ...(m ? { m } : {}), ...(d ? { d } : {}) };

const ORD = '(?:st|nd|rd|th)?';
const YEAR4 = `(${D}{4})${NOT_DIGIT_AFTER}`;

/** Ordered: longer forms first; a later rule never takes text an earlier one took. */
const RULES: DateRule[] = [
  // ISO 8601 written out: 2020-10-16.
  { pattern: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4})-(\\d{2})-(\\d{2})${NOT_DIGIT_AFTER}`, 'gu'), read: (m) => one(ymd(m[1], 'ce', EN_MONTHS[Number(m[2]) - 1]?.[0], m[3])) },
  // 16/10/2020, ๘/๗/๒๕๖๑: day first (Thai and British use); month first only when the day
  // cannot be a month (10/16/2020). Both ≤ 12 with a Gregorian year is ambiguous: skipped.
  {
    pattern: new RegExp(`${NOT_DIGIT_BEFORE}(?<![/.])(${D}{1,2})/(${D}{1,2})/(${D}{4})${NOT_DIGIT_AFTER}(?!/)`, 'gu'),
    read: (m) => {
      const a = Number(arabicDigits(m[1]!));
      const b = Number(arabicDigits(m[2]!));
      const be = Number(arabicDigits(m[3]!)) >= BE_THRESHOLD;
      const [day, month] = be || a > 12 ? [a, b] : b > 12 ? [b, a] : [0, 0];
      if (!day || month < 1 || month > 12) return undefined;
      return one(ymd(m[3], undefined, EN_MONTHS[month - 1]![0], String(day)));
    },
  },
  // 16–18 October 2020 / ๑๕–๑๗ ตุลาคม พ.ศ. ๒๕๖๐
  {
    pattern: new RegExp(`${NOT_DIGIT_BEFORE}(${D}{1,2})${DASH}(${D}{1,2})\\s*(${EN_MONTH}|${TH_MONTH})\\s*(?:${TH_ERA}|${EN_BE}\\s*)?(${D}{4}|${D}{2})${NOT_DIGIT_AFTER}`, 'giu'),
    read: (m) => {
      const thai = HAS_THAI.test(m[3]!);
      const end = ymd(m[5], eraOf(m[4]), m[3], m[2], thai);
      return both(withMonthDay(end, end?.m, Number(arabicDigits(m[1]!))), end);
    },
  },
  // 16 October 2020 / ๘ กรกฎาคม พ.ศ. ๒๕๖๑ / 8 ก.ค. 61 / 16th Oct. 2020 / 8 July B.E. 2561
  {
    pattern: new RegExp(`${NOT_DIGIT_BEFORE}(${D}{1,2})${ORD}\\s*(?:of\\s+)?(${EN_MONTH}|${TH_MONTH}),?\\s*(?:${TH_ERA}|${EN_BE}\\s*)?(${D}{4}|${D}{2})${NOT_DIGIT_AFTER}(?:\\s*${EN_BE}${NOT_LETTER_AFTER})?`, 'giu'),
    read: (m) => {
      const thai = HAS_THAI.test(m[2]!);
      const era = eraOf(m[3]) ?? (/B\.?\s?E/.test(m[0].slice(-5)) ? 'be' : undefined);
      return one(ymd(m[4], era, m[2], m[1], thai));
    },
  },
  // October 16–18, 2020
  {
    pattern: new RegExp(`${NOT_LETTER_BEFORE}(${EN_MONTH})\\s+(${D}{1,2})${ORD}${DASH}(${D}{1,2})${ORD},?\\s+${YEAR4}`, 'giu'),
    read: (m) => {
      const end = ymd(m[4], undefined, m[1], m[3]);
      return both(withMonthDay(end, end?.m, Number(m[2])), end);
    },
  },
  // October 16, 2020
  { pattern: new RegExp(`${NOT_LETTER_BEFORE}(${EN_MONTH})\\s+(${D}{1,2})${ORD},?\\s+${YEAR4}`, 'giu'), read: (m) => one(ymd(m[3], undefined, m[1], m[2])) },
  // June–August 2020 / March to May 2021 / มิถุนายน – สิงหาคม ๒๕๖๒
  {
    pattern: new RegExp(`${NOT_LETTER_BEFORE}(${EN_MONTH}|${TH_MONTH})(?:${DASH}|\\s+(?:to|until|through|ถึง)\\s+)(${EN_MONTH}|${TH_MONTH})\\s*(?:${TH_ERA}|${EN_BE}\\s*)?(${D}{4})${NOT_DIGIT_AFTER}`, 'giu'),
    read: (m) => {
      const end = ymd(m[4], eraOf(m[3]), m[2]);
      return both(withMonthDay(end, monthNumber(m[1]!), undefined), end);
    },
  },
  // October 2020 / เมษายน พ.ศ. ๒๕๖๑ / ก.ค. 61
  {
    pattern: new RegExp(`${NOT_LETTER_BEFORE}${NOT_AFTER_THAI_BODY}(${EN_MONTH}|${TH_MONTH})\\s*,?\\s*(?:${TH_ERA}|${EN_BE}\\s*)?(${D}{4}|${D}{2})${NOT_DIGIT_AFTER}`, 'giu'),
    read: (m) => {
      const thai = HAS_THAI.test(m[1]!);
      // An English month with a 2-digit number ("May 20") is a day, not a year.
      if (!thai && arabicDigits(m[3]!).length === 2) return undefined;
      return one(ymd(m[3], eraOf(m[2]), m[1], undefined, thai));
    },
  },
  // พ.ศ. ๒๕๖๑ – ๒๕๖๒ / ค.ศ. 2018-2019
  {
    pattern: new RegExp(`(พ\\.\\s?ศ\\.|ค\\.\\s?ศ\\.)\\s*(${D}{4})${DASH}(${D}{4})${NOT_DIGIT_AFTER}`, 'gu'),
    read: (m) => both(ymd(m[2], eraOf(m[1])), ymd(m[3], eraOf(m[1]))),
  },
  // พ.ศ. ๒๕๖๑ / ค.ศ. 2018 / B.E. 2561 / 2561 B.E.
  { pattern: new RegExp(`(พ\\.\\s?ศ\\.|ค\\.\\s?ศ\\.|B\\.\\s?E\\.)\\s*${YEAR4}`, 'gu'), read: (m) => one(ymd(m[2], eraOf(m[1]))) },
  { pattern: new RegExp(`${NOT_DIGIT_BEFORE}(${D}{4})\\s*(?:B\\.\\s?E\\.|BE${NOT_LETTER_AFTER})`, 'gu'), read: (m) => one(ymd(m[1], 'be')) },
  // ปี ๒๕๖๑ – ๒๕๖๒ / ในปี 2019 (the year after ปี "year"; the fiscal year ปีงบประมาณ is not a calendar year).
  {
    pattern: new RegExp(`(?<=ปี\\s?)(${D}{4})${DASH}(${D}{4})${NOT_DIGIT_AFTER}`, 'gu'),
    read: (m) => both(ymd(m[1], undefined), ymd(m[2], undefined)),
  },
  { pattern: new RegExp(`(?<=ปี\\s?)${YEAR4}`, 'gu'), read: (m) => one(ymd(m[1], undefined)) },
  // from 2018 to 2020 / between 2018 and 2020 / 2018–2019 / 2018-19
  {
    pattern: new RegExp(`(?<=\\b(?:[Ff]rom|[Bb]etween)\\s)(\\d{4})\\s+(?:to|and|until)\\s+(\\d{4})${NOT_DIGIT_AFTER}`, 'gu'),
    read: (m) => bareRange(m[1]!, m[2]!),
  },
  { pattern: new RegExp(`${NOT_DIGIT_BEFORE}(?<![-–.,/])(\\d{4})\\s?[-–]\\s?(\\d{4}|\\d{2})${NOT_DIGIT_AFTER}(?![-–.,/]\\d)`, 'gu'), read: (m) => bareRange(m[1]!, m[2]!) },
  // in 2019 / since 2018 / by 2040 / year 2020 / early 2021
  {
    pattern: new RegExp(`(?<=\\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Dd]uring|[Bb]efore|[Aa]fter|[Yy]ear|[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of|[Tt]hrough|[Ff]rom|[Ss]tarting|[Bb]eginning)[\\s-])(\\d{4})${NOT_DIGIT_AFTER}(?![.,]\\d)`, 'gu'),
    read: (m) => {
      const y = Number(m[1]);
      return y >= BARE_YEAR_MIN && y <= BARE_YEAR_MAX ? one(ymd(m[1], 'ce')) : undefined;
    },
  },
];

function bareRange(a: string, b: string): YMD[] | undefined {
  const start = Number(a);
  const end = b.length === 2 ? Math.floor(start / 100) * 100 + Number(b) : Number(b);
  if (start < BARE_YEAR_MIN || end > BARE_YEAR_MAX || end <= start) return undefined;
  return [{ y: start, be: false }, { y: end, be: false }];
}

export interface DateMatches {
  candidates: Candidate[];
  warnings: Warning[];
}

export function matchDates(text: string): DateMatches {
  const candidates: Candidate[] = [];
  const warnings: Warning[] = [];
  const taken = new Uint8Array(text.length);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (taken.subarray(start, end).some((x) => x === 1)) continue;
      const parts = rule.read(m);
      if (!parts) continue;
      const values = parts.map(iso);
      if (values.some((v) => v === undefined)) continue;
      if (values.length === 2 && values[0]! >= values[1]!) continue;
      taken.fill(1, start, end);
      const surface = text.slice(start, end);
      candidates.push({ type: 'date', text: surface, start, end, id: null, name: {}, value: values.join('/'), priority: PRIORITY.date });
      const early = parts.find((p) => p.be && p.y + BE_OFFSET < BE_NEW_YEAR_REFORM);
      if (early) {
        warnings.push(
          warning(
            'date-be-before-1941',
            `Buddhist-era year ${early.y + BE_OFFSET} in "${surface}" is before the 1941 calendar reform (the year began in April): the Gregorian year may be off by one`,
            { offset: start },
          ),
        );
      }
    }
  }
  return { candidates, warnings };
}
