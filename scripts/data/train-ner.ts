// Trains samut's Thai tagger (people, organisations, places) on ThaiNER 1.5 and writes
// pipeline/tag/data/thai-ner.bin.gz. An averaged structured perceptron with Viterbi over BIO labels:
// a few dozen lines, no dependency, exact integer weights at the end, and the same data always
// gives the same bytes (a seeded shuffle, no clock, no threads). Its training decode adds a
// margin (every wrong label scores `margin` more): on val.txt people 0.870 -> 0.883 and
// organisations 0.819 -> 0.828 against plain perceptron updates (margin 0).
//
//   npx tsx scripts/data/train-ner.ts                    # train on train.txt, write the model
//   npx tsx scripts/data/train-ner.ts --tune             # also score val.txt after every epoch
//   npx tsx scripts/data/train-ner.ts --check            # retrain; exit 1 unless the committed model is byte-identical
//   (--data DIR for a ThaiNER folder elsewhere, --out FILE, --epochs/--bits/--seed/--runs/--prune/--margin N)
//
// Data: ../shared/ner/thainer-1.5/{train,val}.txt (CC-BY 3.0, see pipeline/tag/data/PROVENANCE.md).
// The corpus's test split is held out: this script never reads it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeBoundaries } from '../../pipeline/tag/text.ts';
import { matchGazetteer } from '../../pipeline/tag/gazetteer.ts';
import type { Boundaries } from '../../pipeline/tag/text.ts';
import { FEATURES_PER_TOKEN, gazetteerMarks, tokenize, type TokenRun } from '../../pipeline/tag/ner/features.ts';
import { lexiconMarks, type NameLexicon } from '../../pipeline/tag/ner/lexicon.ts';
import { decode, labelSpans, MODEL_FILE, NUM_LABELS, readModelFile, serialize, START_ROW, STRIDE, toModelFile, type NerModel } from '../../pipeline/tag/ner/model.ts';
import { featurizeLine } from '../../pipeline/tag/ner/tagger.ts';
import { random } from '../lib/random.ts';
import { parseFile, scoreSpans, type NerExample, type SpanScore } from './thainer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA = path.resolve(ROOT, '..', 'shared', 'ner', 'thainer-1.5');
export const MODEL_PATH = fileURLToPath(MODEL_FILE);

export interface TrainOptions {
  /** Passes over the training data (chosen on val.txt). */
  epochs: number;
  /** The weight table has 2^bits rows. */
  bits: number;
  /** Seed of the example order. */
  seed: number;
  /** Perceptrons averaged, each with its own shuffle (seed, seed + 1, …). */
  runs: number;
  /** Quantised weights smaller than this (in 1/32767 of the largest) are dropped. */
  prune: number;
  /** Margin of the training decode: labels other than the gold one score this much more. */
  margin: number;
}

export const DEFAULT_OPTIONS: TrainOptions = { epochs: 20, bits: 20, seed: 18, runs: 3, prune: 40, margin: 100 };

const BASE: Record<string, number> = { PERSON: 1, ORGANIZATION: 3, LOCATION: 5 };

interface Prepared {
  buckets: Uint32Array;
  gold: Uint8Array;
  starts: number[];
  ends: number[];
}

/** Token labels from character spans: a token inside a span is I-, the one holding its start B-. */
function goldLabels(example: NerExample, starts: number[], ends: number[]): Uint8Array {
  const owner = new Int32Array(example.text.length).fill(-1);
  example.spans.forEach((s, i) => {
    if (BASE[s.type]) owner.fill(i, s.start, s.end);
  });
  const labels = new Uint8Array(starts.length);
  let previousOwner = -1;
  for (let t = 0; t < starts.length; t++) {
    let o = -1;
    for (let i = starts[t]!; i < ends[t]! && o < 0; i++) o = owner[i]!;
    if (o >= 0) labels[t] = BASE[example.spans[o]!.type]! + (o === previousOwner ? 1 : 0);
    previousOwner = o;
  }
  return labels;
}

interface Tokenized {
  example: NerExample;
  b: Boundaries;
  run: TokenRun;
  marks: Uint8Array;
}

function tokenizeAll(examples: NerExample[]): Tokenized[] {
  return examples.map((example) => {
    const b = computeBoundaries(example.text);
    const marks = gazetteerMarks(matchGazetteer(example.text, b), example.text.length);
    return { example, b, marks, run: tokenize(example.text, b, 0, example.text.length) };
  });
}

function featurize({ example, b, marks }: Tokenized, lexicon: NameLexicon, bits: number): Prepared {
  const { run, buckets } = featurizeLine(example.text, b, marks, lexicon, 0, example.text.length, bits);
  return { buckets, gold: goldLabels(example, run.starts, run.ends), starts: run.starts, ends: run.ends };
}

/** Examples featurized with one lexicon (the model's, for scoring). */
export function prepare(examples: NerExample[], bits: number, lexicon: NameLexicon): Prepared[] {
  return tokenizeAll(examples).map((t) => featurize(t, lexicon, bits));
}

const TYPE_CODE: Record<string, number> = { PERSON: 0, ORGANIZATION: 1, LOCATION: 2 };
/** Contiguous blocks of the training file; each block's lexicon feature comes from the others. */
const LEXICON_FOLDS = 5;

/** The precision bucket of a name whose hits in the training text were that entity `share` of the time. */
const precisionBucket = (share: number) => (share >= 0.7 ? 2 : share >= 0.3 ? 1 : 0);

/**
 * The names tagged in these examples (token-aligned ones), each with its most frequent type and
 * the share of its lexicon hits in the same examples that were that entity.
 */
export function buildLexicon(examples: readonly Tokenized[]): NameLexicon {
  const counts = new Map<string, number[]>();
  const firstWords = new Set<string>();
  for (const { example, run } of examples) {
    for (const s of example.spans) {
      const code = TYPE_CODE[s.type];
      const first = run.starts.indexOf(s.start);
      if (code === undefined || first < 0 || !run.ends.includes(s.end)) continue;
      const name = example.text.slice(s.start, s.end);
      const c = counts.get(name) ?? [0, 0, 0];
      c[code]!++;
      counts.set(name, c);
      firstWords.add(example.text.slice(run.starts[first], run.ends[first]));
    }
  }
  const names = new Map<string, number>();
  for (const [name, c] of counts) names.set(name, c.indexOf(Math.max(...c)) * 3 + 2);
  const lexicon: NameLexicon = { names, firstWords };
  // Precision of each name: how many of its hits (longest first, as at tagging) were gold spans of its type.
  const hits = new Map<string, [number, number]>();
  for (const { example, run } of examples) {
    const gold = new Set(example.spans.map((s) => `${TYPE_CODE[s.type]}:${s.start}:${s.end}`));
    const marks = lexiconMarks(example.text, run, lexicon);
    for (let i = 0; i < marks.length; i++) {
      if (marks[i]! % 2 !== 1) continue;
      let j = i;
      while (j + 1 < marks.length && marks[j + 1] === marks[i]! + 1) j++;
      const name = example.text.slice(run.starts[i], run.ends[j]);
      const h = hits.get(name) ?? [0, 0];
      h[0]++;
      if (gold.has(`${Math.floor(names.get(name)! / 3)}:${run.starts[i]}:${run.ends[j]}`)) h[1]++;
      hits.set(name, h);
    }
  }
  for (const [name, code] of names) {
    const [all, right] = hits.get(name) ?? [1, 1];
    names.set(name, code - 2 + precisionBucket(right / all));
  }
  return lexicon;
}

/** Averaged weights rounded to 16-bit integers, small ones dropped. */
function quantize(bits: number, weights: Float64Array, transitions: Float64Array, prune: number, lexicon: NameLexicon): NerModel {
  let max = 0;
  for (const v of weights) max = Math.max(max, Math.abs(v));
  for (const v of transitions) max = Math.max(max, Math.abs(v));
  const scale = 32767 / (max || 1);
  const q = (v: number) => {
    const r = Math.round(v * scale);
    return Math.abs(r) < prune ? 0 : r;
  };
  return { bits, weights: Int16Array.from(weights, q), transitions: Int16Array.from(transitions, (v) => Math.round(v * scale)), lexicon };
}

export function evaluate(model: NerModel, prepared: Prepared[]): Record<string, SpanScore> {
  const pairs = prepared.map((p): [ReturnType<typeof toSpans>, ReturnType<typeof toSpans>] => [toSpans(p, p.gold), toSpans(p, decode(model, p.buckets, FEATURES_PER_TOKEN))]);
  return scoreSpans(pairs, Object.keys(BASE));
}

function toSpans(p: Prepared, labels: Uint8Array) {
  return labelSpans(labels).map(([type, first, last]) => ({ type, start: p.starts[first]!, end: p.ends[last - 1]! }));
}

export function train(examples: NerExample[], options: TrainOptions = DEFAULT_OPTIONS, onEpoch?: (epoch: number, model: NerModel) => void): NerModel {
  const { bits } = options;
  const tokenized = tokenizeAll(examples);
  const lexicon = buildLexicon(tokenized);
  // Jackknifed lexicon feature: a training line never finds its own names in the lexicon, so the
  // model learns how far a hit on a name seen elsewhere goes, as on new text.
  const foldSize = Math.ceil(tokenized.length / LEXICON_FOLDS);
  const prepared: Prepared[] = [];
  for (let from = 0; from < tokenized.length; from += foldSize) {
    const others = buildLexicon([...tokenized.slice(0, from), ...tokenized.slice(from + foldSize)]);
    for (const t of tokenized.slice(from, from + foldSize)) prepared.push(featurize(t, others, bits));
  }
  // Several perceptrons, each over its own shuffle of the data, averaged: steadier than one.
  const weights = new Float64Array((1 << bits) * STRIDE);
  const transitions = new Float64Array((NUM_LABELS + 1) * STRIDE);
  for (let r = 0; r < options.runs; r++) {
    const last = r === options.runs - 1;
    const run = trainOne(prepared, options, options.seed + r, lexicon, last && onEpoch ? (epoch, m) => onEpoch(epoch, quantize(bits, mean(weights, m.weights, r), mean(transitions, m.transitions, r), options.prune, lexicon)) : undefined);
    for (let i = 0; i < weights.length; i++) weights[i]! += run.weights[i]!;
    for (let i = 0; i < transitions.length; i++) transitions[i]! += run.transitions[i]!;
  }
  for (let i = 0; i < weights.length; i++) weights[i]! /= options.runs;
  for (let i = 0; i < transitions.length; i++) transitions[i]! /= options.runs;
  return quantize(bits, weights, transitions, options.prune, lexicon);
}

/** (sum of `runs` earlier runs + this one) / (runs + 1). */
function mean(sum: Float64Array, current: Int16Array | Float64Array, runs: number): Float64Array {
  return sum.map((v, i) => (v + current[i]!) / (runs + 1));
}

/** One averaged perceptron; its float weights (averaged over every update). */
function trainOne(prepared: Prepared[], options: TrainOptions, seed: number, lexicon: NameLexicon, onEpoch?: (epoch: number, model: NerModel) => void): NerModel {
  const { bits, epochs } = options;
  const size = (1 << bits) * STRIDE;
  const w = new Float64Array(size);
  const acc = new Float64Array(size);
  const tw = new Float64Array((NUM_LABELS + 1) * STRIDE);
  const tacc = new Float64Array(tw.length);
  const current: NerModel = { bits, weights: w, transitions: tw, lexicon };
  const averaged = (): NerModel => ({ bits, weights: w.map((v, i) => v - acc[i]! / c), transitions: tw.map((v, i) => v - tacc[i]! / c), lexicon });
  const order = prepared.map((_, i) => i);
  const next = random(seed);
  let c = 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { buckets, gold } = prepared[index]!;
      const predicted = decode(current, buckets, FEATURES_PER_TOKEN, options.margin ? { gold, cost: options.margin } : undefined);
      for (let t = 0; t < gold.length; t++) {
        const g = gold[t]!;
        const p = predicted[t]!;
        if (g !== p) {
          for (let f = t * FEATURES_PER_TOKEN; f < (t + 1) * FEATURES_PER_TOKEN; f++) {
            const row = buckets[f]! * STRIDE;
            w[row + g]! += 1;
            acc[row + g]! += c;
            w[row + p]! -= 1;
            acc[row + p]! -= c;
          }
        }
        const gp = t ? gold[t - 1]! : START_ROW;
        const pp = t ? predicted[t - 1]! : START_ROW;
        if (gp !== pp || g !== p) {
          tw[gp * STRIDE + g]! += 1;
          tacc[gp * STRIDE + g]! += c;
          tw[pp * STRIDE + p]! -= 1;
          tacc[pp * STRIDE + p]! -= c;
        }
      }
      c++;
    }
    if (onEpoch) onEpoch(epoch, averaged());
  }
  return averaged();
}

/**
 * ThaiNER 1.5's train.txt holds every line of val.txt as well (all 510 of them), so a model
 * trained on the whole file would be scored on its own training data. The lines of val.txt are
 * taken out of the training set, which keeps val.txt a fair tuning set.
 */
export function trainingExamples(train: string, val: string): NerExample[] {
  const valLines = new Set(val.split('\n').map((l) => l.replace(/\r$/u, '').replace(/^\uFEFF/u, '')));
  const kept = train.split('\n').filter((l) => !valLines.has(l.replace(/\r$/u, '').replace(/^\uFEFF/u, '')));
  return parseFile(kept.join('\n'));
}

export function modelBytes(model: NerModel): Uint8Array {
  return serialize(model.bits, model.weights as Int16Array, model.transitions as Int16Array, model.lexicon);
}

function formatScores(scores: Record<string, SpanScore>): string {
  return Object.entries(scores)
    .map(([t, s]) => `${t} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`)
    .join(' | ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const options: TrainOptions = {
    epochs: Number(option('epochs') ?? DEFAULT_OPTIONS.epochs),
    bits: Number(option('bits') ?? DEFAULT_OPTIONS.bits),
    seed: Number(option('seed') ?? DEFAULT_OPTIONS.seed),
    runs: Number(option('runs') ?? DEFAULT_OPTIONS.runs),
    prune: Number(option('prune') ?? DEFAULT_OPTIONS.prune),
    margin: Number(option('margin') ?? DEFAULT_OPTIONS.margin),
  };
  const data = option('data') ?? DEFAULT_DATA;
  const out = option('out') ?? MODEL_PATH;
  const trainSet = trainingExamples(readFileSync(path.join(data, 'train.txt'), 'utf8'), readFileSync(path.join(data, 'val.txt'), 'utf8'));
  const started = performance.now();
  const valExamples = args.includes('--tune') ? parseFile(readFileSync(path.join(data, 'val.txt'), 'utf8')) : undefined;
  let val: Prepared[] | undefined;
  const model = train(trainSet, options, (epoch, m) => {
    // The lexicon is the same after every epoch: val.txt is featurized once, with it.
    if (valExamples) val ??= prepare(valExamples, options.bits, m.lexicon);
    const line = `epoch ${epoch} ${((performance.now() - started) / 1000).toFixed(1)} s`;
    console.error(val ? `${line} val: ${formatScores(evaluate(m, val))}` : line);
  });
  const bytes = modelBytes(model);
  if (args.includes('--check')) {
    // Reproducibility check: the committed model must be exactly what this data trains.
    const same = Buffer.compare(Buffer.from(bytes), readModelFile(MODEL_PATH)) === 0;
    console.error(same ? `same bytes as ${MODEL_PATH}` : `differs from ${MODEL_PATH}: retrain and commit`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(out, toModelFile(bytes));
  console.error(`${trainSet.length} examples, ${options.epochs} epochs, 2^${options.bits} buckets: ${bytes.length} bytes, gzipped → ${out}`);
}
