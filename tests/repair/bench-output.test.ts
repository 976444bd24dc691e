// The bench's damaged text, repaired: the exact output (text, edits, warnings, counts) is
// pinned by a hash, so speed work on the stage cannot change what it does.
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
    expect(fingerprint(1, 1)).toBe('3f2f30b2d6d795d444b910ade421c3be56a3ad9dd6bfe1d8e210c3c994bcf6bd');
  });
  it('is unchanged at a lighter damage density', () => {
    expect(fingerprint(0.45, 500)).toBe('f9b5251f34bf69f1e77157aba189f57b1404b55cb52edc8ee65b6045315fb304');
  });
});
