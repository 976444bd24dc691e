// The damage patterns of the project's Thai smoke check (its checks/thai-smoke script), shared by
// the `thai` benchmark and the repair tests on real documents, so both count damage as it does.

const SMOKE_DAMAGE: Record<string, RegExp> = {
  'lost sara am (consonant, space, า)': /[\u0e01-\u0e2e][\u0e48-\u0e4b]? \u0e32/gu,
  'tone mark before upper vowel': /[\u0e48-\u0e4b][\u0e31\u0e34-\u0e37]/gu,
  'private-use code point': /[\ue000-\uf8ff]/gu,
  'space before a combining mark': /[\u0e01-\u0e4e] [\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/gu,
  'nikhahit + sara aa (split ำ)': /\u0e4d\u0e32/gu,
  'replacement character': /\ufffd/gu,
};

/** Damage left in `text`, by pattern name; patterns that find nothing are left out. */
export function smokeDamageLeft(text: string): Record<string, number> {
  const left: Record<string, number> = {};
  for (const [name, pattern] of Object.entries(SMOKE_DAMAGE)) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > 0) left[name] = count;
  }
  return left;
}
