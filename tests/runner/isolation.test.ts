// No hidden module state: a document processed after other documents in the same worker thread
// comes out byte for byte as when it is the thread's first. Each build starts its own worker
// thread, so a build of one document is that document processed first; one thread and one
// document at a time make the long build process them in order in one thread.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/runner/build.ts';
import { tempDir } from '../helpers/corpus.ts';

// Thai with every kind of repair judgement (the dictionary's buffers and verdicts), PDF layout
// (row medians, cells broken at a space), Markdown and English.
const INPUTS = [
  'tests/fixtures/pdf/royal-gazette-2566.pdf',
  'sources/text-th-asean-smart-cities-damaged.txt',
  'tests/fixtures/pdf/thai-report.pdf',
  'sources/md-th-khon-kaen-smart-city.md',
  'tests/fixtures/pdf/two-column.pdf',
  'sources/text-th-legacy-tis620.txt',
];

async function buildInOneThread(inputs: readonly string[]): Promise<Map<string, string>> {
  const out = path.join(tempDir('samut-isolation-'), 'out');
  const result = await build({ inputs, out, threads: 1, concurrency: 1, ocr: 'never', force: true });
  expect(result.manifest.summary.failed).toBe(0);
  const docs = path.join(out, 'docs');
  return new Map(readdirSync(docs).map((name) => [name, readFileSync(path.join(docs, name), 'utf8')]));
}

describe('no hidden module state', () => {
  it('each document, processed after the others in one thread, is byte-identical to it processed first', async () => {
    const forwards = await buildInOneThread(INPUTS);
    const backwards = await buildInOneThread([...INPUTS].reverse());
    expect(forwards.size).toBe(INPUTS.length);
    expect(backwards).toEqual(forwards);
    for (const input of INPUTS.slice(1)) {
      const alone = await buildInOneThread([input]);
      const [name, json] = [...alone][0]!;
      expect(forwards.get(name!), input).toBe(json);
    }
  }, 240_000);
});
