// The edit log's promise, checked on random passes: whatever the passes change, in whatever
// overlapping ways, the edits point into the final text and undo back to the original.
import { describe, expect, it } from 'vitest';
import { applyChanges, newState, undoEdits, type PassChange } from '../../pipeline/repair/edit-log.ts';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const LETTERS = 'กขคา ่ำ';

describe('edit log', () => {
  it('undo gives back the original after many random overlapping passes', () => {
    const next = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const length = 1 + Math.floor(next() * 30);
      let original = '';
      for (let k = 0; k < length; k++) original += LETTERS[Math.floor(next() * LETTERS.length)];
      const state = newState(original);
      const passes = 1 + Math.floor(next() * 5);
      for (let pass = 0; pass < passes; pass++) {
        const changes: PassChange[] = [];
        let at = 0;
        while (at <= state.text.length) {
          at += Math.floor(next() * 4);
          if (at > state.text.length) break;
          const end = Math.min(state.text.length, at + Math.floor(next() * 3));
          const after = next() < 0.3 ? '' : LETTERS[Math.floor(next() * LETTERS.length)]!.repeat(1 + Math.floor(next() * 2));
          if (after !== state.text.slice(at, end)) changes.push({ start: at, end, after, rule: `r${pass}` });
          at = end + 1;
        }
        applyChanges(state, changes);
        for (const edit of state.edits) expect(state.text.slice(edit.offset, edit.offset + edit.after.length)).toBe(edit.after);
        expect(undoEdits(state.text, state.edits)).toBe(original);
      }
      const offsets = state.edits.map((edit) => edit.offset);
      expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    }
  });
});
