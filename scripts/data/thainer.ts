// ThaiNER 1.5 files: one example a line, entities in inline tags
// ("[PERSON]นางประนอม ทองจันทร์[/PERSON]"). Parsing strips the tags; the spans index the line
// with its tags removed, which is exactly the text samut tags. Also span scoring (precision,
// recall, F1 by exact span and type) shared by the training script and the benchmark.

export interface NerExample {
  text: string;
  spans: { type: string; start: number; end: number }[];
}

const TAG = /\[(\/?)([A-Z_]+)\]/gu;

/** One line. An unclosed or mismatched tag is dropped (its text stays). */
export function parseLine(line: string): NerExample {
  let text = '';
  let last = 0;
  let open: { type: string; start: number } | undefined;
  const spans: NerExample['spans'] = [];
  for (const m of line.matchAll(TAG)) {
    text += line.slice(last, m.index);
    last = m.index + m[0].length;
    if (!m[1]) open = { type: m[2]!, start: text.length };
    else if (open && open.type === m[2]) {
      if (text.length > open.start) spans.push({ type: open.type, start: open.start, end: text.length });
      open = undefined;
    }
  }
  text += line.slice(last);
  return { text, spans };
}

export function parseFile(content: string): NerExample[] {
  return content
    .replace(/^\uFEFF/u, '')
    .split('\n')
    .map((l) => l.replace(/\r$/u, ''))
    .filter((l) => l.trim() !== '')
    .map(parseLine);
}

export interface SpanScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoredSpan {
  type: string;
  start: number;
  end: number;
}

/** Exact-span, exact-type scores per type over (gold, predicted) pairs. */
export function scoreSpans(pairs: Iterable<[ScoredSpan[], ScoredSpan[]]>, types: readonly string[]): Record<string, SpanScore> {
  const counts = new Map(types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const [gold, predicted] of pairs) {
    const key = (s: ScoredSpan) => `${s.type}:${s.start}:${s.end}`;
    const goldKeys = new Set(gold.map(key));
    const predictedKeys = new Set(predicted.map(key));
    for (const s of predicted) {
      const c = counts.get(s.type);
      if (c) goldKeys.has(key(s)) ? c.tp++ : c.fp++;
    }
    for (const s of gold) {
      const c = counts.get(s.type);
      if (c && !predictedKeys.has(key(s))) c.fn++;
    }
  }
  const out: Record<string, SpanScore> = {};
  for (const [type, c] of counts) {
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    out[type] = { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  return out;
}
