// A proposed entity before overlaps are resolved, and the resolution itself.
import type { Entity } from '../model/document.ts';

/** How sure a matcher is, for spans of equal length: a titled person beats a province of the
 * same name ("Dr Surin"), a gazetteer name beats a pattern guess, a fuzzy match loses to all. */
export const PRIORITY = {
  fuzzy: 1,
  coreference: 1,
  pattern: 2,
  model: 2,
  gazetteer: 3,
  acronym: 3,
  date: 3,
  titledPerson: 4,
} as const;

export interface Candidate extends Entity {
  priority: number;
}

/** Longest match wins; then priority; then the earlier start. Linear in text size plus a sort. */
export function resolveOverlaps(candidates: Candidate[], textLength: number): Entity[] {
  const order = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const taken = new Uint8Array(textLength);
  const kept: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ priority: _priority, ...entity }) => entity);
}

/** Constant-time "does [start, end) touch any of these spans?" after a linear build. */
export class SpanIndex {
  private readonly prefix: Uint32Array;
  constructor(spans: readonly { start: number; end: number }[], textLength: number) {
    const marks = new Uint8Array(textLength);
    for (const s of spans) marks.fill(1, s.start, s.end);
    this.prefix = new Uint32Array(textLength + 1);
    for (let i = 0; i < textLength; i++) this.prefix[i + 1] = this.prefix[i]! + marks[i]!;
  }
  overlaps(start: number, end: number): boolean {
    return end > start && this.prefix[end]! - this.prefix[start]! > 0;
  }
}
