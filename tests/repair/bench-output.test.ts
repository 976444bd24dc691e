// The bench's damaged text, repaired: the exact output (text, edits, warnings, counts) is
// pinned by a hash, so speed work on the stage cannot change what it does. (Re-pinned when edits
// gained `evidence`: without that field the output hashed exactly as before.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { repairDraft } from '../../pipeline/repair/index.ts';
import { corpus } from '../../scripts/bench/repair.ts';

/** Bytes of generated text per damage density: enough for every rule and the document pass. */
const SAMPLE_BYTES = 1_200_000;

function fingerprint(share: number | null, firstSeed: number): string {
  const hash = createHash('sha256');
  for (const draft of corpus(share, SAMPLE_BYTES, firstSeed)) {
    const repaired = repairDraft(draft);
    hash.update(JSON.stringify({ blocks: repaired.blocks, repairs: repaired.repairs, warnings: repaired.warnings }));
  }
  return hash.digest('hex');
}

describe('repair output on the bench text', () => {
  it('is unchanged with every site damaged', () => {
    expect(fingerprint(1, 1)).toBe('68ccab73eb2d551d9ec62268b7ee3ba84cedceab376d28b0547afa95773bd1b7');
  });
  it('is unchanged at a lighter damage density', () => {
    expect(fingerprint(0.45, 500)).toBe('bbf9992b325c96d9af787431f487d7b7a385343b37703bb52b795ac771879bcb');
  });
});
