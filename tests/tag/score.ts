// Scores tagText against the test set: an entity is right when its type, span, id (and value,
// for dates) all match an expected one. Precision and recall per entity type.
import type { Entity } from '../../pipeline/model/document.ts';
import type { EntityCase, ExpectedEntity } from './cases.ts';

const LATIN = /[A-Za-z]/;

interface Located extends ExpectedEntity {
  start: number;
  end: number;
}

/** Expected entities with offsets: each is searched after the previous one's end. */
function locate(c: EntityCase): Located[] {
  const out: Located[] = [];
  let from = 0;
  for (const e of c.entities) {
    let start = c.text.indexOf(e.text, from);
    // A Latin name is a whole word: "Rayong" is not the start of "Rayongwittaya".
    while (start >= 0 && (LATIN.test(c.text[start - 1] ?? '') || LATIN.test(c.text[start + e.text.length] ?? ''))) {
      start = c.text.indexOf(e.text, start + 1);
    }
    if (start < 0) throw new Error(`${c.name}: expected "${e.text}" not found after offset ${from}`);
    out.push({ ...e, start, end: start + e.text.length });
    // Expected entities never overlap: "McKinley" after "David McKinley" is a later mention.
    from = start + e.text.length;
  }
  return out;
}

const same = (e: Entity, x: Located) =>
  e.type === x.type &&
  e.start === x.start &&
  e.end === x.end &&
  (x.id === undefined || e.id === x.id) &&
  (x.value === undefined || e.value === x.value);

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CaseResult {
  name: string;
  missed: Located[];
  spurious: Entity[];
}

export function score(cases: readonly EntityCase[], tag: (text: string) => Entity[]): { byType: Record<string, TypeScore>; results: CaseResult[] } {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (type: string, key: 'tp' | 'fp' | 'fn') => ((counts[type] ??= { tp: 0, fp: 0, fn: 0 })[key] += 1);
  const results: CaseResult[] = [];
  for (const c of cases) {
    const expected = locate(c);
    const got = tag(c.text);
    const matched = new Set<Located>();
    const spurious: Entity[] = [];
    for (const e of got) {
      const hit = expected.find((x) => !matched.has(x) && same(e, x));
      if (hit) {
        matched.add(hit);
        bump(e.type, 'tp');
      } else {
        spurious.push(e);
        bump(e.type, 'fp');
      }
    }
    const missed = expected.filter((x) => !matched.has(x));
    for (const x of missed) bump(x.type, 'fn');
    results.push({ name: c.name, missed, spurious });
  }
  const byType: Record<string, TypeScore> = {};
  for (const [type, n] of Object.entries(counts)) {
    byType[type] = {
      ...n,
      precision: n.tp + n.fp === 0 ? 1 : n.tp / (n.tp + n.fp),
      recall: n.tp + n.fn === 0 ? 1 : n.tp / (n.tp + n.fn),
    };
  }
  return { byType, results };
}

/** Types grouped as the issue measures them. */
export const GROUPS: Record<string, string[]> = {
  places: ['city', 'province', 'country', 'region'],
  agencies: ['agency', 'organization'],
  dates: ['date'],
  people: ['person'],
  events: ['event'],
};

export function groupScore(byType: Record<string, TypeScore>, types: string[]): TypeScore {
  const n = { tp: 0, fp: 0, fn: 0 };
  for (const t of types) {
    const s = byType[t];
    if (!s) continue;
    n.tp += s.tp;
    n.fp += s.fp;
    n.fn += s.fn;
  }
  return { ...n, precision: n.tp + n.fp === 0 ? 1 : n.tp / (n.tp + n.fp), recall: n.tp + n.fn === 0 ? 1 : n.tp / (n.tp + n.fn) };
}
