// Runs the Thai tagger over a text: line by line (a ThaiNER example is one line; samut's blocks
// are paragraphs), only on lines with Thai in them, and returns spans with exact text offsets.
import type { Candidate } from '../candidate.ts';
import type { Boundaries } from '../text.ts';
import { featureHashes, FEATURES_PER_TOKEN, gazetteerMarks, isSpaceCode, tokenize, WordTable, type TokenRun } from './features.ts';
import { lexiconMarks, type NameLexicon } from './lexicon.ts';
import { decode, labelSpans, type NerModel, type SpanType } from './model.ts';
import { HAS_THAI } from '../../shared/thai.ts';

export interface NerSpan {
  type: SpanType;
  start: number;
  end: number;
}

const THAI_LINE = HAS_THAI;

/** Feature hashes cut to bucket numbers for a table of 2^bits rows, in place. */
function toBuckets(hashes: Uint32Array, bits: number): Uint32Array {
  const shift = 32 - bits;
  for (let i = 0; i < hashes.length; i++) hashes[i] = hashes[i]! >>> shift;
  return hashes;
}

/** Lines of the text as [start, end), the line breaks left out. */
function* lines(text: string): Generator<[number, number]> {
  let start = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', start)) {
    const end = i === -1 ? text.length : i;
    if (end > start) yield [start, end];
    if (i === -1) return;
    start = i + 1;
  }
}

/** Tokens and feature buckets of one line; `words` may be shared by the lines of one text. */
export function featurizeLine(text: string, b: Boundaries, marks: Uint8Array, lexicon: NameLexicon, from: number, to: number, bits: number, words?: WordTable): { run: TokenRun; buckets: Uint32Array } {
  const run = tokenize(text, b, from, to);
  return { run, buckets: toBuckets(featureHashes(text, run, marks, lexiconMarks(text, run, lexicon), words), bits) };
}

/**
 * A name never holds an unclosed bracket (no span in ThaiNER's training data does): the model
 * sometimes runs a name on into the acronym after it, "สำนักงานประกันสังคม(สปส", and the name
 * ends before the bracket.
 */
function withoutOpenBracket(text: string, start: number, end: number): number {
  const open = text.indexOf('(', start + 1);
  if (open < 0 || open >= end || text.lastIndexOf(')', end - 1) > open) return end;
  let cut = open;
  while (cut > start && isSpaceCode(text.charCodeAt(cut - 1))) cut--;
  return cut;
}

/** The model's person, organisation and place spans in the text. */
export function tagSpans(model: NerModel, text: string, b: Boundaries, gazetteer: readonly Candidate[]): NerSpan[] {
  const marks = gazetteerMarks(gazetteer, text.length);
  const out: NerSpan[] = [];
  // Per text, not kept between texts: its memory ends with the call.
  const words = new WordTable();
  for (const [from, to] of lines(text)) {
    if (!THAI_LINE.test(text.slice(from, to))) continue;
    const { run, buckets } = featurizeLine(text, b, marks, model.lexicon, from, to, model.bits, words);
    const labels = decode(model, buckets, FEATURES_PER_TOKEN);
    for (const [type, first, last] of labelSpans(labels)) {
      const start = run.starts[first]!;
      const end = withoutOpenBracket(text, start, run.ends[last - 1]!);
      if (end > start) out.push({ type, start, end });
    }
  }
  return out;
}
