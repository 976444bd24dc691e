// Duplicate marks that only appear once the mark order is repaired: the damage scan saw none,
// so the duplicate pass looks next to the edits, and must still find them.
import { describe, expect, it } from 'vitest';
import { repairText, undoEdits } from '../../pipeline/repair/index.ts';

const MADE_BY_REORDER: [string, string][] = [
  ['กิ่ิ', 'กิ่'], // ิ ่ ิ: the tone moves after the first ิ, which then meets the second
  ['นิ่ิ้', 'นิ่้'],
  ['ทั่ั', 'ทั่'],
  ['ก่ี่', 'กี่'], // ่ ี ่: the tone moves after ี and meets the second tone, the same one
];

describe('duplicates made by repairing mark order', () => {
  for (const [damaged, repaired] of MADE_BY_REORDER) {
    it(`${JSON.stringify(damaged)} → ${JSON.stringify(repaired)}`, () => {
      const result = repairText(damaged);
      expect(result.text).toBe(repaired);
      expect(result.counts['tone-vowel-order']).toBe(1);
      expect(result.counts['doubled-mark']).toBe(1);
      expect(undoEdits(result.text, result.edits)).toBe(damaged);
    });
  }
});
