// compareWindowReadings segments the two readings of a window in one pass when they differ in
// one letter (ำ or า): it must judge exactly as two separate segmentations do.
import { describe, expect, it } from 'vitest';
import { Judge } from '../../pipeline/repair/dictionary.ts';
import { cleanThaiText } from '../../scripts/fixtures/clean-thai.ts';
import { random } from '../../scripts/lib/random.ts';

/** Longer than the longest dictionary word on each side, so that walks are cut by the word limit too. */
const MAX_SIDE = 24;

const judge = new Judge();

function twoSegmentations(left: string, a: string, b: string, right: string): number {
  const costA = judge.segmentCost(left + a + right);
  const costB = judge.segmentCost(left + b + right);
  return costA === costB ? 0 : costA < costB ? -1 : 1;
}

describe('compareWindowReadings', () => {
  it('judges as two segmentations do, on random windows of real Thai', () => {
    const text = cleanThaiText(60_000, 11).replace(/[^\u0E01-\u0E4E]+/g, '');
    const next = random(7);
    const pick = (n: number): number => Math.floor(next() * n);
    let decided = 0;
    for (let trial = 0; trial < 6_000; trial++) {
      const at = pick(text.length - 3 * MAX_SIDE);
      const left = text.slice(at, at + pick(MAX_SIDE));
      const middle = text.slice(at + MAX_SIDE, at + MAX_SIDE + 1 + pick(3));
      const right = text.slice(at + MAX_SIDE + 4, at + MAX_SIDE + 4 + pick(MAX_SIDE));
      // the ำ / า pair the repairs judge, and any other one-letter change anywhere in the middle
      const fork = pick(middle.length);
      const other = middle.slice(0, fork) + String.fromCharCode(0x0e01 + pick(0x4d)) + middle.slice(fork + 1);
      for (const [a, b] of [[middle + '\u0E33', middle + '\u0E32'], [middle, other], [middle, middle + 'ก']]) {
        const expected = twoSegmentations(left, a!, b!, right);
        if (expected !== 0) decided++;
        expect(judge.compareWindowReadings(left, a!, b!, right), JSON.stringify([left, a, b, right])).toBe(expected);
      }
    }
    // the windows are not all ties: the comparison really is exercised
    expect(decided).toBeGreaterThan(3_000);
  });
});
