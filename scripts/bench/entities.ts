// Entity tagging benchmark: precision and recall per entity group (places, agencies, dates,
// people) on the hand-written test set (tests/tag/cases.ts and the cases added with later rules;
// separately, the held-out batches tests/tag/cases-heldout*.ts), and tagging throughput.
import { tagText } from '../../pipeline/tag/index.ts';
import { CASES } from '../../tests/tag/cases.ts';
import { HELDOUT_CASES, ADDED_CASES } from '../../tests/tag/cases-heldout.ts';
import { HELDOUT2_CASES } from '../../tests/tag/cases-heldout2.ts';
import { GROUPS, groupScore, score } from '../../tests/tag/score.ts';

const THROUGHPUT_REPEATS = 20;

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
  if (process.env.SAMUT_BENCH_VERBOSE) for (const e of errors) console.error(e);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.SAMUT_BENCH_VERBOSE ??= '1';
  console.log(await bench());
}
