// The project's Thai smoke check (its checks/thai-smoke script), on the copies committed here:
// seed 002 (real text extracted from a Thai government PDF, with its damage; sources/) and the
// Royal Gazette PDF with a volunteer's hand transcription (tests/fixtures/pdf/). Both documents
// go through the whole pipeline as `samut extract` runs it (default options). Figures: damage
// left (the check's six patterns), repairs logged, and how close the gazette's Thai letters are
// to the transcription's (digits normalised; matching blocks as Python's difflib counts them,
// so the figures agree with the original check). Material: 2 real documents, used while
// developing repair (tuned on).
//
//   npm run bench -- thai
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractOne } from '../../pipeline/index.ts';
import type { Document } from '../../pipeline/index.ts';
import { thaiToArabicDigits } from '../../pipeline/shared/thai.ts';
import { smokeDamageLeft } from '../lib/thai-smoke.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SEED_002 = path.join(ROOT, 'sources', 'text-th-asean-smart-cities-damaged.txt');
const GAZETTE = path.join(ROOT, 'tests', 'fixtures', 'pdf', 'royal-gazette-2566');

const THAI_LETTER = /[\u0e01-\u0e4e]/gu;
const SARA_AM_WORDS = ['ประจำปี', 'อำนาจ', 'นำความ', 'ดำเนินไป', 'กำหนด'];

function damageLeft(text: string): number {
  return Object.values(smokeDamageLeft(text)).reduce((sum, count) => sum + count, 0);
}

/** Characters in matching blocks, as difflib.SequenceMatcher(None, a, b, autojunk=False)
 * .get_matching_blocks() finds them: the longest common run (earliest in a, then in b), then
 * the same on each side of it. */
export function matchedCharacters(a: string[], b: string[]): number {
  const positions = new Map<string, number[]>();
  b.forEach((char, j) => {
    const list = positions.get(char);
    if (list) list.push(j);
    else positions.set(char, [j]);
  });
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let best: [number, number, number] = [alo, blo, 0];
    let runs = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of positions.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (runs.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > best[2]) best = [i - k + 1, j - k + 1, k];
      }
      runs = next;
    }
    return best;
  };
  let matched = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    matched += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return matched;
}

async function documentOf(file: string): Promise<Document> {
  const result = await extractOne(file);
  if ('failure' in result) throw new Error(`${file}: ${result.failure.code} ${result.failure.message}`);
  return result.document;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export async function bench(): Promise<Record<string, number | string>> {
  const seed = await documentOf(SEED_002);
  const gazette = await documentOf(`${GAZETTE}.pdf`);
  const gold = readFileSync(`${GAZETTE}.gold.md`, 'utf8').replace(/^\s*---[\s\S]*?---\s*/u, '');
  const goldLetters = thaiToArabicDigits(gold).match(THAI_LETTER) ?? [];
  const outLetters = thaiToArabicDigits(gazette.text).match(THAI_LETTER) ?? [];
  const matched = matchedCharacters(goldLetters, outLetters);
  const missing = SARA_AM_WORDS.filter((word) => !gazette.text.includes(word));
  const repairs = (document: Document) => document.repairs.reduce((sum, repair) => sum + repair.count, 0);
  return {
    thai_seed002_damage_left: damageLeft(seed.text),
    thai_seed002_repairs: repairs(seed),
    thai_gazette_letters_recall: round(matched / Math.max(goldLetters.length, 1)),
    thai_gazette_letters_precision: round(matched / Math.max(outLetters.length, 1)),
    thai_gazette_sara_am_words_missing: missing.length,
    thai_gazette_damage_left: damageLeft(gazette.text),
    thai_gazette_footer_glued: gazette.text.includes('ไป้หนา') ? 'yes' : 'no',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await bench());
}
