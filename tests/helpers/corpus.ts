// Small real corpora in temporary folders, for runner and CLI tests.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'samut-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Good documents of each text kind, from the sample corpus, plus the bad files named. */
export function makeCorpus(options: { bad?: boolean } = {}): string {
  const dir = tempDir();
  const inputs = path.join(dir, 'in');
  mkdirSync(path.join(inputs, 'nested'), { recursive: true });
  cpSync('sources/md-th-khon-kaen-smart-city.md', path.join(inputs, 'khon-kaen.md'));
  cpSync('sources/text-th-legacy-tis620.txt', path.join(inputs, 'nested', 'legacy.txt'));
  cpSync('sources/md-uk-thailand-smart-cities.md', path.join(inputs, 'nested', 'uk.md'));
  writeFileSync(path.join(inputs, '.hidden.txt'), 'never read');
  if (options.bad) {
    writeFileSync(path.join(inputs, 'garbage.txt'), Buffer.from([0x00, 0x13, 0x88, 0xff, 0x00, 0x01, 0x02, 0x7f, 0x00]));
    writeFileSync(path.join(inputs, 'empty.txt'), '');
    writeFileSync(path.join(inputs, 'archive.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]));
  }
  return dir;
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** `count` distinct Thai text documents (seed 002 with a numbered first line) in DIR/in. */
export function makeManyDocuments(count: number): { dir: string; inputs: string } {
  const dir = tempDir();
  const inputs = path.join(dir, 'in');
  mkdirSync(inputs);
  const text = readFileSync('sources/text-th-asean-smart-cities-damaged.txt', 'utf8');
  for (let i = 0; i < count; i++) writeFileSync(path.join(inputs, `doc-${String(i).padStart(3, '0')}.txt`), `${i}\n\n${text}`);
  return { dir, inputs };
}
