// Entity tagging benchmark: precision and recall per entity group (places, agencies, dates,
// people) on the hand-written test set (tests/tag/cases.ts and the cases added with later rules;
// separately, the held-out batches tests/tag/cases-heldout*.ts), and tagging throughput.
import { tagText } from '../../pipeline/tag/index.ts';
import { CASES } from '../../tests/tag/cases.ts';
import { HELDOUT_CASES, ADDED_CASES } from '../../tests/tag/cases-heldout.ts';
import { HELDOUT2_CASES } from '../../tests/tag/cases-heldout2.ts';
import { ENGLISH_NEWS_CASES, ENGLISH_NEWS_HELDOUT_CASES } from '../../tests/tag/cases-english-news.ts';
import { GROUPS, groupScore, score } from '../../tests/tag/score.ts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { computeBoundaries } from '../../pipeline/tag/text.ts';
import { matchGazetteer } from '../../pipeline/tag/gazetteer.ts';
import { deserialize, readModelFile } from '../../pipeline/tag/ner/model.ts';
import { tagSpans } from '../../pipeline/tag/ner/tagger.ts';
import { tokenize } from '../../pipeline/tag/ner/features.ts';
import { thaiNerModel } from '../../pipeline/tag/ner/index.ts';
import { titleLength } from '../../pipeline/tag/names.ts';
import { parseFile, scoreSpans, type NerExample, type ScoredSpan } from '../data/thainer.ts';

const THROUGHPUT_REPEATS = 20;
const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** ThaiNER 1.5 val.txt (509 lines of Thai news; its lines are taken out of the training set). */
const THAINER_VAL = path.join(process.env.SAMUT_SHARED ?? path.join(ROOT, '..', 'shared'), 'ner', 'thainer-1.5', 'val.txt');
const NER_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION'] as const;
/** samut's entity types as ThaiNER's. */
const AS_THAINER: Record<string, string> = {
  person: 'PERSON', agency: 'ORGANIZATION', organization: 'ORGANIZATION',
  city: 'LOCATION', province: 'LOCATION', country: 'LOCATION', region: 'LOCATION',
};

/** People and organisations (agency or organization, one group) in English news openings. */
function englishNewsFigures(figures: Record<string, number | string>): void {
  const asOneGroup = (text: string) =>
    tagText(text)
      .filter((e) => e.type === 'person' || e.type === 'agency' || e.type === 'organization')
      .map((e) => (e.type === 'agency' ? { ...e, type: 'organization' as const } : e));
  for (const [prefix, cases] of [['en_news_partly_tuned', ENGLISH_NEWS_CASES], ['en_news_heldout', ENGLISH_NEWS_HELDOUT_CASES]] as const) {
    const { byType } = score(cases, asOneGroup);
    for (const type of ['person', 'organization']) {
      const s = groupScore(byType, [type]);
      const name = `${prefix}_${type === 'person' ? 'people' : 'organisations'}`;
      figures[`${name}_p`] = Number(s.precision.toFixed(3));
      figures[`${name}_r`] = Number(s.recall.toFixed(3));
      figures[`${name}_gold`] = s.tp + s.fn;
    }
  }
}

/** CPU time of this process in ms: per-core speed that neighbours on a busy machine do not skew. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Gold spans in samut's convention: a person's title is not part of the name. */
function goldWithoutTitles(example: NerExample): ScoredSpan[] {
  return example.spans
    .filter((s) => (NER_TYPES as readonly string[]).includes(s.type))
    .map((s) => (s.type === 'PERSON' ? { ...s, start: s.start + titleLength(example.text.slice(s.start, s.end)) } : s));
}

/**
 * Span precision, recall and F1 on ThaiNER val.txt: the model alone against the corpus's own
 * spans (titles included), and the whole tagger (tagText: rules, gazetteer and model) against
 * the spans with titles taken off people. Also model load time and Thai throughput.
 */
function thainerFigures(figures: Record<string, number | string>): void {
  if (!existsSync(THAINER_VAL)) {
    figures.thainer_val = `missing: ${THAINER_VAL}`;
    return;
  }
  const examples = parseFile(readFileSync(THAINER_VAL, 'utf8'));
  const modelPairs: [ScoredSpan[], ScoredSpan[]][] = [];
  const samutPairs: [ScoredSpan[], ScoredSpan[]][] = [];
  // Gold spans whose edges fall inside a model token: the tagger cannot give them exactly.
  let unrepresentable = 0;
  for (const example of examples) {
    const b = computeBoundaries(example.text);
    const run = tokenize(example.text, b, 0, example.text.length);
    const starts = new Set(run.starts);
    const ends = new Set(run.ends);
    for (const s of example.spans) if ((NER_TYPES as readonly string[]).includes(s.type) && !(starts.has(s.start) && ends.has(s.end))) unrepresentable++;
    const model = tagSpans(thaiNerModel(), example.text, b, matchGazetteer(example.text, b));
    modelPairs.push([example.spans.filter((s) => (NER_TYPES as readonly string[]).includes(s.type)), model]);
    const samut = tagText(example.text).flatMap((e) => (AS_THAINER[e.type] ? [{ type: AS_THAINER[e.type]!, start: e.start, end: e.end }] : []));
    samutPairs.push([goldWithoutTitles(example), samut]);
  }
  figures.thainer_val_lines = examples.length;
  figures.thainer_val_spans_off_token_edges = unrepresentable;
  for (const [prefix, pairs] of [['thainer_val_model', modelPairs], ['thainer_val_samut', samutPairs]] as const) {
    for (const [type, s] of Object.entries(scoreSpans(pairs, NER_TYPES))) {
      const name = `${prefix}_${type.toLowerCase().slice(0, 3)}`;
      figures[`${name}_p`] = Number(s.precision.toFixed(3));
      figures[`${name}_r`] = Number(s.recall.toFixed(3));
      figures[`${name}_f1`] = Number(s.f1.toFixed(3));
      figures[`${name}_gold`] = s.tp + s.fn;
    }
  }
  const loadStarted = cpuMs();
  deserialize(readModelFile());
  figures.thai_ner_load_cpu_ms = Math.round(cpuMs() - loadStarted);
  const thai = examples.map((e) => e.text).join('\n');
  const bytes = Buffer.byteLength(thai, 'utf8');
  const mbPerS = (ms: number) => Number(((3 * bytes) / 1e6 / (ms / 1000)).toFixed(2));
  // Per core: CPU time of this thread, not wall time, so neighbours on a busy machine do not
  // count against it. Word boundaries and gazetteer marks are shared with the rest of tagText;
  // the model's own work (tokens, features, Viterbi) is timed apart from them.
  let shared = 0;
  let own = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = cpuMs();
    const b = computeBoundaries(thai);
    const gazetteer = matchGazetteer(thai, b);
    const t1 = cpuMs();
    tagSpans(thaiNerModel(), thai, b, gazetteer);
    const t2 = cpuMs();
    shared += t1 - t0;
    own += t2 - t1;
  }
  figures.thai_ner_model_mb_per_cpu_s = mbPerS(own);
  figures.thai_ner_with_segmenter_mb_per_cpu_s = mbPerS(own + shared);
  // The first call loads what tagging loads on first use (the Thai word list, built into a Set):
  // reported apart, once per thread, like the model's load, not spread over the throughput.
  let started = cpuMs();
  tagText(thai);
  figures.thai_tag_first_call_cpu_ms = Math.round(cpuMs() - started);
  // A build's thread tags document after document: the figure is the steady state, after V8 has
  // optimized the tagger (it takes about 2 MB of text; the first passes run at half speed).
  for (let i = 0; i < 6; i++) tagText(thai);
  started = cpuMs();
  for (let i = 0; i < 3; i++) tagText(thai);
  figures.thai_tag_mb_per_cpu_s = mbPerS(cpuMs() - started);
}

export async function bench(): Promise<Record<string, number | string>> {
  const tuned = [...CASES, ...ADDED_CASES];
  const figures: Record<string, number | string> = { entity_cases: tuned.length, entity_heldout_cases: HELDOUT_CASES.length + HELDOUT2_CASES.length };
  const errors: string[] = [];
  for (const [prefix, cases] of [['entities', tuned], ['entities_heldout', [...HELDOUT_CASES, ...HELDOUT2_CASES]]] as const) {
    const { byType, results } = score(cases, tagText);
    for (const [group, types] of Object.entries(GROUPS)) {
      const s = groupScore(byType, types);
      figures[`${prefix}_${group}_precision`] = Number(s.precision.toFixed(3));
      figures[`${prefix}_${group}_recall`] = Number(s.recall.toFixed(3));
      figures[`${prefix}_${group}_expected`] = s.tp + s.fn;
    }
    errors.push(
      ...results.flatMap((r) => [
        ...r.missed.map((m) => `${r.name}: missed ${m.type} "${m.text}"`),
        ...r.spurious.map((x) => `${r.name}: spurious ${x.type} "${x.text}" ${x.id ?? ''}`),
      ]),
    );
  }
  const corpus = [...tuned, ...HELDOUT_CASES, ...HELDOUT2_CASES].map((c) => c.text).join('\n\n');
  const started = performance.now();
  for (let i = 0; i < THROUGHPUT_REPEATS; i++) tagText(corpus);
  const seconds = (performance.now() - started) / 1000;
  figures.tag_chars_per_s = Math.round((corpus.length * THROUGHPUT_REPEATS) / seconds);
  figures.entity_errors = errors.length;
  englishNewsFigures(figures);
  thainerFigures(figures);
  if (process.env.SAMUT_BENCH_VERBOSE) for (const e of errors) console.error(e);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.SAMUT_BENCH_VERBOSE ??= '1';
  console.log(await bench());
}
