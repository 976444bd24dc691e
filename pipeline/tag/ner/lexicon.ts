// Names the training data tagged (people, organisations, places), shipped in the model file: a
// token-aligned dictionary hit is a feature, not a decision. Each name carries its type and how
// often a hit on it in the training text was that entity (its precision bucket), so "ศาล"
// (usually just "the court") weighs less than "พรรคอนาคตใหม่". Built by scripts/data/train-ner.ts.
import type { TokenRun } from './features.ts';

export interface NameLexicon {
  /** Name → type * 3 + precision bucket (type 0 person, 1 organisation, 2 place; bucket 0–2). */
  names: Map<string, number>;
  /** First tokens of the names, as ICU split them in training: only these start a lookup. */
  firstWords: Set<string>;
}

/** Longest name a lookup tries, in tokens. */
const MAX_NAME_TOKENS = 12;

/**
 * Per-token lexicon marks of a run: 0 none, else 1 + code * 2 + (0 first token of the hit, 1
 * inside). Hits are longest first, left to right, never overlapping.
 */
export function lexiconMarks(text: string, run: TokenRun, lexicon: NameLexicon): Uint8Array {
  const n = run.starts.length;
  const marks = new Uint8Array(n);
  if (!lexicon.names.size) return marks;
  for (let i = 0; i < n; ) {
    const start = run.starts[i]!;
    let hitEnd = -1;
    let hitCode = 0;
    if (lexicon.firstWords.has(text.slice(start, run.ends[i]))) {
      for (let j = i; j < n && j < i + MAX_NAME_TOKENS; j++) {
        const code = lexicon.names.get(text.slice(start, run.ends[j]));
        if (code !== undefined) {
          hitEnd = j;
          hitCode = code;
        }
      }
    }
    if (hitEnd < 0) {
      i++;
      continue;
    }
    marks[i] = 1 + hitCode * 2;
    for (let j = i + 1; j <= hitEnd; j++) marks[j] = 2 + hitCode * 2;
    i = hitEnd + 1;
  }
  return marks;
}
