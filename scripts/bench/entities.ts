// Entity tagging benchmark: precision and recall per entity group (places, agencies, dates,
// people) on the hand-written test set tests/tag/cases.ts, and tagging throughput.
import { tagText } from '../../pipeline/tag/index.ts';
import { CASES } from '../../tests/tag/cases.ts';
import { GROUPS, groupScore, score } from '../../tests/tag/score.ts';

const THROUGHPUT_REPEATS = 20;

export async function bench(): Promise<Record<string, number | string>> {
  const { byType, results } = score(CASES, tagText);
  const figures: Record<string, number | string> = { entity_cases: CASES.length };
  for (const [group, types] of Object.entries(GROUPS)) {
    const s = groupScore(byType, types);
    figures[`entities_${group}_precision`] = Number(s.precision.toFixed(3));
    figures[`entities_${group}_recall`] = Number(s.recall.toFixed(3));
    figures[`entities_${group}_expected`] = s.tp + s.fn;
  }
  const corpus = CASES.map((c) => c.text).join('\n\n');
  const started = performance.now();
  for (let i = 0; i < THROUGHPUT_REPEATS; i++) tagText(corpus);
  const seconds = (performance.now() - started) / 1000;
  figures.tag_chars_per_s = Math.round((corpus.length * THROUGHPUT_REPEATS) / seconds);
  const errors = results.flatMap((r) => [
    ...r.missed.map((m) => `${r.name}: missed ${m.type} "${m.text}"`),
    ...r.spurious.map((s) => `${r.name}: spurious ${s.type} "${s.text}" ${s.id ?? ''}`),
  ]);
  figures.entity_errors = errors.length;
  if (process.env.SAMUT_BENCH_VERBOSE) for (const e of errors) console.error(e);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.SAMUT_BENCH_VERBOSE ??= '1';
  console.log(await bench());
}
