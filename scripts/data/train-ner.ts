// Trains samut's Thai tagger (people, organisations, places) on ThaiNER 1.5 and writes
// pipeline/tag/data/thai-ner.bin. An averaged structured perceptron with Viterbi over BIO labels:
// a few dozen lines, no dependency, exact integer weights at the end, and the same data always
// gives the same bytes (a seeded shuffle, no clock, no threads).
//
//   npx tsx scripts/data/train-ner.ts                    # train on train.txt, write the model
//   npx tsx scripts/data/train-ner.ts --tune             # also score val.txt after every epoch
//   npx tsx scripts/data/train-ner.ts --check            # retrain; exit 1 unless the committed model is byte-identical
//   (--data DIR for a ThaiNER folder elsewhere, --out FILE, --epochs/--bits/--seed/--prune N)
//
// Data: ../shared/ner/thainer-1.5/{train,val}.txt (CC-BY 3.0, see pipeline/tag/data/PROVENANCE.md).
// The corpus's test split is held out: this script never reads it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeBoundaries } from '../../pipeline/tag/text.ts';
import { matchGazetteer } from '../../pipeline/tag/gazetteer.ts';
import { FEATURES_PER_TOKEN, gazetteerMarks } from '../../pipeline/tag/ner/features.ts';
import { decode, labelSpans, NUM_LABELS, serialize, START_ROW, STRIDE, type NerModel } from '../../pipeline/tag/ner/model.ts';
import { featurizeLine } from '../../pipeline/tag/ner/tagger.ts';
import { parseFile, scoreSpans, type NerExample, type SpanScore } from './thainer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA = path.resolve(ROOT, '..', 'shared', 'ner', 'thainer-1.5');
export const MODEL_PATH = path.join(ROOT, 'pipeline', 'tag', 'data', 'thai-ner.bin');

export interface TrainOptions {
  /** Passes over the training data (chosen on val.txt). */
  epochs: number;
  /** The weight table has 2^bits rows. */
  bits: number;
  /** Seed of the example order. */
  seed: number;
  /** Quantised weights smaller than this (in 1/32767 of the largest) are dropped. */
  prune: number;
}

export const DEFAULT_OPTIONS: TrainOptions = { epochs: 14, bits: 20, seed: 18, prune: 40 };

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

export function prepare(examples: NerExample[], bits: number): Prepared[] {
  return examples.map((example) => {
    const b = computeBoundaries(example.text);
    const marks = gazetteerMarks(matchGazetteer(example.text, b), example.text.length);
    const { run, buckets } = featurizeLine(example.text, b, marks, 0, example.text.length, bits);
    return { buckets, gold: goldLabels(example, run.starts, run.ends), starts: run.starts, ends: run.ends };
  });
}

/** mulberry32: a small seeded generator, so the shuffle is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged weights rounded to 16-bit integers, small ones dropped. */
function quantize(bits: number, w: Float64Array, acc: Float64Array, tw: Float64Array, tacc: Float64Array, c: number, prune: number): NerModel {
  const average = (x: Float64Array, a: Float64Array) => x.map((v, i) => v - a[i]! / c);
  const weights = average(w, acc);
  const transitions = average(tw, tacc);
  let max = 0;
  for (const v of weights) max = Math.max(max, Math.abs(v));
  for (const v of transitions) max = Math.max(max, Math.abs(v));
  const scale = 32767 / (max || 1);
  const q = (v: number) => {
    const r = Math.round(v * scale);
    return Math.abs(r) < prune ? 0 : r;
  };
  return { bits, weights: Int16Array.from(weights, q), transitions: Int16Array.from(transitions, (v) => Math.round(v * scale)) };
}

export function evaluate(model: NerModel, prepared: Prepared[]): Record<string, SpanScore> {
  const pairs = prepared.map((p): [ReturnType<typeof toSpans>, ReturnType<typeof toSpans>] => [toSpans(p, p.gold), toSpans(p, decode(model, p.buckets, FEATURES_PER_TOKEN))]);
  return scoreSpans(pairs, Object.keys(BASE));
}

function toSpans(p: Prepared, labels: Uint8Array) {
  return labelSpans(labels).map(([type, first, last]) => ({ type, start: p.starts[first]!, end: p.ends[last - 1]! }));
}

export function train(examples: NerExample[], options: TrainOptions = DEFAULT_OPTIONS, onEpoch?: (epoch: number, model: NerModel) => void): NerModel {
  const { bits, epochs } = options;
  const size = (1 << bits) * STRIDE;
  const w = new Float64Array(size);
  const acc = new Float64Array(size);
  const tw = new Float64Array((NUM_LABELS + 1) * STRIDE);
  const tacc = new Float64Array(tw.length);
  const current: NerModel = { bits, weights: w, transitions: tw };
  const prepared = prepare(examples, bits);
  const order = prepared.map((_, i) => i);
  const next = random(options.seed);
  let c = 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { buckets, gold } = prepared[index]!;
      const predicted = decode(current, buckets, FEATURES_PER_TOKEN);
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
    if (onEpoch) onEpoch(epoch, quantize(bits, w, acc, tw, tacc, c, options.prune));
  }
  return quantize(bits, w, acc, tw, tacc, c, options.prune);
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
  return serialize(model.bits, model.weights as Int16Array, model.transitions as Int16Array);
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
    prune: Number(option('prune') ?? DEFAULT_OPTIONS.prune),
  };
  const data = option('data') ?? DEFAULT_DATA;
  const out = option('out') ?? MODEL_PATH;
  const trainSet = trainingExamples(readFileSync(path.join(data, 'train.txt'), 'utf8'), readFileSync(path.join(data, 'val.txt'), 'utf8'));
  const started = performance.now();
  const val = args.includes('--tune') ? prepare(parseFile(readFileSync(path.join(data, 'val.txt'), 'utf8')), options.bits) : undefined;
  const model = train(trainSet, options, (epoch, m) => {
    const line = `epoch ${epoch} ${((performance.now() - started) / 1000).toFixed(1)} s`;
    console.error(val ? `${line} val: ${formatScores(evaluate(m, val))}` : line);
  });
  const bytes = modelBytes(model);
  if (args.includes('--check')) {
    // Reproducibility check: the committed model must be exactly what this data trains.
    const same = Buffer.compare(Buffer.from(bytes), readFileSync(MODEL_PATH)) === 0;
    console.error(same ? `same bytes as ${MODEL_PATH}` : `differs from ${MODEL_PATH}: retrain and commit`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(out, bytes);
  console.error(`${trainSet.length} examples, ${options.epochs} epochs, 2^${options.bits} buckets: ${bytes.length} bytes → ${out}`);
}
