// npm run bench [-- NAME...]: every benchmark in scripts/bench/, or those named, one after
// another (never in parallel: they measure throughput on the same two cores). Prints each
// figure and writes them all to output/bench.json.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'bench');
/** Fast, single-purpose benchmarks first; the whole-corpus build last. */
const ORDER = ['repair', 'thai', 'entities', 'web', 'pdf', 'pdf-dev', 'ocr', 'corpus', 'hostile'];

const wanted = process.argv.slice(2);
const available = readdirSync(DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/u, ''))
  .sort((a, b) => (ORDER.indexOf(a) === -1 ? 99 : ORDER.indexOf(a)) - (ORDER.indexOf(b) === -1 ? 99 : ORDER.indexOf(b)));
const chosen = wanted.length > 0 ? available.filter((name) => wanted.includes(name)) : available;
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`bench: no benchmark named ${unknown.join(', ')}; have ${available.join(', ')}\n`);
  process.exit(2);
}

const results: Record<string, Record<string, number | string>> = {};
let failed = false;
for (const name of chosen) {
  process.stdout.write(`\n## ${name}\n`);
  const started = performance.now();
  try {
    const module = (await import(path.join(DIR, `${name}.ts`))) as { bench: () => Promise<Record<string, number | string>> };
    const figures = await module.bench();
    results[name] = figures;
    for (const [figure, value] of Object.entries(figures)) process.stdout.write(`${figure.padEnd(36)} ${value}\n`);
  } catch (error) {
    failed = true;
    process.stdout.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.stdout.write(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
mkdirSync('output', { recursive: true });
writeFileSync('output/bench.json', `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
