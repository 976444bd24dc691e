// The Thai tagger's model: a hashed weight table (one row of label weights per feature bucket)
// and label-to-label transition weights, decoded with Viterbi over BIO labels. Weights are
// 16-bit integers, so scores are exact integer sums and decoding is the same on every machine.
// The binary format is written by scripts/data/train-ner.ts and read here.

import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { NameLexicon } from './lexicon.ts';

/** The committed model: serialize()'s bytes, gzipped (4.4 MB → 2.0 MB: the repository keeps
 * its files under 4 MiB; gunzip adds ~30 ms to a thread's load). */
export const MODEL_FILE = new URL('../data/thai-ner.bin.gz', import.meta.url);

/** serialize()'s bytes as the model file stores them. */
export function toModelFile(bytes: Uint8Array): Buffer {
  return gzipSync(bytes, { level: 9 });
}

/** serialize()'s bytes from a model file: what deserialize() reads, and what the training
 * script's --check compares (the uncompressed bytes, so another zlib cannot fail it). */
export function readModelFile(file: URL | string = MODEL_FILE): Uint8Array {
  return gunzipSync(readFileSync(file));
}

const LABELS = ['O', 'B-PERSON', 'I-PERSON', 'B-ORGANIZATION', 'I-ORGANIZATION', 'B-LOCATION', 'I-LOCATION'] as const;
export const NUM_LABELS = LABELS.length;
/** Row width of the weight table (a power of two, so a bucket's row starts at bucket << 3). */
export const STRIDE = 8;
/** Row of the transition table used before the first token. */
export const START_ROW: number = LABELS.length;
export type SpanType = 'PERSON' | 'ORGANIZATION' | 'LOCATION';
const SPAN_TYPES: readonly SpanType[] = ['PERSON', 'ORGANIZATION', 'LOCATION'];

const MAGIC = 0x52454e53; // "SNER" little-endian
const FORMAT_VERSION = 2;

export interface NerModel {
  bits: number;
  /** (1 << bits) * STRIDE weights. */
  weights: Int16Array | Float64Array;
  /** (NUM_LABELS + 1) * STRIDE transition weights, the last row for the start. */
  transitions: Int16Array | Float64Array;
  /** Names from the training data, a feature of their own. */
  lexicon: NameLexicon;
}

/** I-X may only follow B-X or I-X. */
function allowed(prev: number, label: number): boolean {
  if (label === 0 || label % 2 === 1) return true;
  return prev === label || prev === label - 1;
}

/** Transitions with the BIO rule folded in: -Infinity where I-X does not follow B-X or I-X. */
const constrained = new WeakMap<NerModel, Float64Array>();
function constrainedTransitions(model: NerModel): Float64Array {
  let table = constrained.get(model);
  if (!table) {
    table = new Float64Array((NUM_LABELS + 1) * STRIDE);
    for (let p = 0; p <= NUM_LABELS; p++) {
      for (let l = 0; l < NUM_LABELS; l++) table[p * STRIDE + l] = allowed(p, l) ? model.transitions[p * STRIDE + l]! : -Infinity;
    }
    constrained.set(model, table);
  }
  return table;
}

/**
 * Viterbi over the feature buckets (featuresPerToken per token). Returns a label per token.
 * The hot loop of the tagger: the seven label sums are kept in locals rather than an array.
 */
export function decode(model: NerModel, buckets: Uint32Array, featuresPerToken: number, costFor?: { gold: Uint8Array; cost: number }): Uint8Array {
  const n = buckets.length / featuresPerToken;
  const labels = new Uint8Array(n);
  if (!n) return labels;
  const weights = model.weights;
  // Training changes the weights between calls: only a frozen (Int16) model may be cached.
  const transitions = weights instanceof Int16Array ? constrainedTransitions(model) : constrainedCopy(model);
  const score = new Float64Array(n * STRIDE);
  const back = new Uint8Array(n * STRIDE);
  const emission = new Float64Array(STRIDE);
  for (let t = 0; t < n; t++) {
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0;
    for (let f = t * featuresPerToken, end = f + featuresPerToken; f < end; f++) {
      const row = buckets[f]! << 3;
      e0 += weights[row]!;
      e1 += weights[row + 1]!;
      e2 += weights[row + 2]!;
      e3 += weights[row + 3]!;
      e4 += weights[row + 4]!;
      e5 += weights[row + 5]!;
      e6 += weights[row + 6]!;
    }
    emission[0] = e0;
    emission[1] = e1;
    emission[2] = e2;
    emission[3] = e3;
    emission[4] = e4;
    emission[5] = e5;
    emission[6] = e6;
    // Training only: every label but the gold one scores `cost` more, so the update also comes
    // where the gold labels win by less than that margin.
    if (costFor) for (let l = 0; l < NUM_LABELS; l++) if (l !== costFor.gold[t]) emission[l]! += costFor.cost;
    const here = t * STRIDE;
    for (let l = 0; l < NUM_LABELS; l++) {
      let best = -Infinity;
      let arg = 0;
      if (t === 0) best = transitions[START_ROW * STRIDE + l]!;
      else {
        const before = here - STRIDE;
        for (let p = 0; p < NUM_LABELS; p++) {
          const s = score[before + p]! + transitions[p * STRIDE + l]!;
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[here + l] = best + emission[l]!;
      back[here + l] = arg;
    }
  }
  let best = -Infinity;
  let last = 0;
  for (let l = 0; l < NUM_LABELS; l++) {
    if (score[(n - 1) * STRIDE + l]! > best) {
      best = score[(n - 1) * STRIDE + l]!;
      last = l;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    labels[t] = last;
    last = back[t * STRIDE + last]!;
  }
  return labels;
}

function constrainedCopy(model: NerModel): Float64Array {
  constrained.delete(model);
  return constrainedTransitions(model);
}

/** Token label runs as [type, first token, last token + 1]. */
export function labelSpans(labels: Uint8Array): [SpanType, number, number][] {
  const spans: [SpanType, number, number][] = [];
  let open = -1;
  for (let t = 0; t <= labels.length; t++) {
    const l = t < labels.length ? labels[t]! : 0;
    const continues = l !== 0 && l % 2 === 0 && open >= 0 && (labels[open]! === l - 1);
    if (open >= 0 && !continues) {
      spans.push([SPAN_TYPES[(labels[open]! - 1) >> 1]!, open, t]);
      open = -1;
    }
    if (l % 2 === 1) open = t;
  }
  return spans;
}

/**
 * Binary layout, little-endian: magic u32, version u32, bits u32, bucket count u32,
 * transitions (NUM_LABELS + 1) * STRIDE i16, then per stored bucket: the gap from the previous
 * bucket as a LEB128 varint and NUM_LABELS i16 weights; then the lexicon: the
 * name count as a varint and per name, in code-unit order, its code u8 and its UTF-8 bytes after
 * their length as a varint; then the first words so, in the same order. Buckets and names are
 * sorted, so the same weights and names always give the same bytes.
 */
export function serialize(bits: number, weights: Int16Array, transitions: Int16Array, lexicon: NameLexicon): Uint8Array {
  const rows: number[] = [];
  for (let b = 0; b < 1 << bits; b++) {
    for (let l = 0; l < NUM_LABELS; l++) {
      if (weights[b * STRIDE + l] !== 0) {
        rows.push(b);
        break;
      }
    }
  }
  const header = 16 + transitions.length * 2;
  const out = new Uint8Array(header + rows.length * (5 + NUM_LABELS * 2));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, bits, true);
  view.setUint32(12, rows.length, true);
  for (let i = 0; i < transitions.length; i++) view.setInt16(16 + i * 2, transitions[i]!, true);
  let at = header;
  let previous = 0;
  for (const b of rows) {
    let gap = b - previous;
    previous = b;
    do {
      out[at++] = (gap & 0x7f) | (gap > 0x7f ? 0x80 : 0);
      gap >>>= 7;
    } while (gap);
    for (let l = 0; l < NUM_LABELS; l++, at += 2) view.setInt16(at, weights[b * STRIDE + l]!, true);
  }
  return concat([out.slice(0, at), lexiconBytes(lexicon)]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function varint(n: number, out: number[]): void {
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lexiconBytes(lexicon: NameLexicon): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const string = (s: string) => {
    const utf8 = encoder.encode(s);
    varint(utf8.length, bytes);
    for (const x of utf8) bytes.push(x);
  };
  const names = [...lexicon.names.keys()].sort(byCodeUnits);
  varint(names.length, bytes);
  for (const name of names) {
    bytes.push(lexicon.names.get(name)!);
    string(name);
  }
  const firstWords = [...lexicon.firstWords].sort(byCodeUnits);
  varint(firstWords.length, bytes);
  for (const word of firstWords) string(word);
  return Uint8Array.from(bytes);
}

export function deserialize(bytes: Uint8Array): NerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== FORMAT_VERSION) {
    throw new Error('thai-ner.bin.gz: not a samut NER model of this version');
  }
  const bits = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const transitions = new Int16Array((NUM_LABELS + 1) * STRIDE);
  for (let i = 0; i < transitions.length; i++) transitions[i] = view.getInt16(16 + i * 2, true);
  const weights = new Int16Array((1 << bits) * STRIDE);
  let at = 16 + transitions.length * 2;
  const readVarint = () => {
    let n = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      n |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return n;
  };
  let bucket = 0;
  for (let r = 0; r < count; r++) {
    bucket += readVarint(); // rows are stored by the gap from the previous row's bucket
    for (let l = 0; l < NUM_LABELS; l++, at += 2) weights[bucket * STRIDE + l] = view.getInt16(at, true);
  }
  const decoder = new TextDecoder();
  const readString = () => {
    const length = readVarint();
    at += length;
    return decoder.decode(bytes.subarray(at - length, at));
  };
  const lexicon: NameLexicon = { names: new Map(), firstWords: new Set() };
  for (let r = readVarint(); r > 0; r--) {
    const code = bytes[at++]!;
    lexicon.names.set(readString(), code);
  }
  for (let r = readVarint(); r > 0; r--) lexicon.firstWords.add(readString());
  return { bits, weights, transitions, lexicon };
}
