import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../pipeline/model/document.ts';
import { build, DEFAULT_MAX_BYTES, type Manifest } from '../../pipeline/runner/build.ts';
import { DEFAULT_THREAD_MEMORY_MB } from '../../pipeline/runner/pool.ts';
import { createLocalEngine, identify, resolveProcessOptions } from '../../pipeline/runner/process.ts';
import { readInput } from '../../pipeline/runner/read.ts';
import { fileURLToPath } from 'node:url';
import { makeCorpus, readJson } from '../helpers/corpus.ts';

const TRUNCATED_PDF = fileURLToPath(new URL('../fixtures/pdf/bad-truncated.pdf', import.meta.url));
/** 108 pages (scripts/fixtures/pdf/make.ts): far more than a thread reads in 100 ms. */
const LONG_PDF = fileURLToPath(new URL('../fixtures/pdf/long-108.pdf', import.meta.url));
const SHORT_PDF = fileURLToPath(new URL('../fixtures/pdf/thai-report.pdf', import.meta.url));

const THREADS = 2;

function docs(out: string): Record<string, string> {
  const dir = path.join(out, 'docs');
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

describe('build', () => {
  it('writes good documents, lists bad ones with codes, and exits 1', async () => {
    const dir = makeCorpus({ bad: true });
    const out = path.join(dir, 'out');
    const events: string[] = [];
    const inputs = [path.join(dir, 'in'), path.join(dir, 'missing.pdf'), TRUNCATED_PDF];
    const result = await build({ inputs, out, threads: THREADS, onEvent: (event) => events.push(event.type) });
    expect(result.exitCode).toBe(1);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    const byName = Object.fromEntries(manifest.documents.map((entry) => [path.basename(entry.uri), entry]));
    expect(byName['garbage.txt']?.error?.code).toBe('input-binary');
    expect(byName['empty.txt']?.error?.code).toBe('input-empty');
    expect(byName['archive.docx']?.error?.code).toBe('input-unsupported');
    expect(byName['missing.pdf']?.error?.code).toBe('input-not-found');
    expect(byName['bad-truncated.pdf']?.error?.code).toBe('pdf-corrupt');
    // Each failure names its stage, also when it comes back from the worker that extracts and finishes.
    expect(byName['missing.pdf']?.error?.stage).toBe('read');
    expect(byName['garbage.txt']?.error?.stage).toBe('detect');
    expect(byName['bad-truncated.pdf']?.error?.stage).toBe('extract');
    expect(byName['.hidden.txt']).toBeUndefined();
    expect(manifest.summary).toMatchObject({ total: 8, ok: 3, failed: 5 });
    expect(manifest.summary.failedByCode).toEqual({ 'input-binary': 1, 'input-empty': 1, 'input-unsupported': 1, 'input-not-found': 1, 'pdf-corrupt': 1 });
    // Every written document is valid, and every ok entry has its file.
    for (const [name, json] of Object.entries(docs(out))) {
      expect(Document.safeParse(JSON.parse(json)).success, name).toBe(true);
    }
    for (const entry of manifest.documents.filter((doc) => doc.status === 'ok')) {
      expect(existsSync(path.join(out, 'docs', `${entry.id}.json`))).toBe(true);
      expect(entry.timings.extract).toBeGreaterThan(0);
      // Finished in the same worker call: the later stages' times come back with it.
      expect(entry.timings.repair).toBeGreaterThanOrEqual(0);
      expect(entry.timings.tag).toBeGreaterThanOrEqual(0);
      expect(entry.timings.emit).toBeGreaterThan(0);
    }
    const corpus = readFileSync(path.join(out, 'corpus.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(corpus).toHaveLength(8);
    expect(corpus[0]).toEqual(expect.objectContaining({ uri: expect.any(String), status: expect.any(String), languages: expect.any(Array) }));
    expect(manifest.pipeline.dependencies['pdfjs-dist']).toBe('5.6.205');
    expect(events[0]).toBe('start');
    expect(events.at(-1)).toBe('end');
    // Inputs are walked in a deterministic (code point) order, in the order they were given.
    expect(manifest.documents.map((entry) => path.basename(entry.uri))).toEqual(['archive.docx', 'empty.txt', 'garbage.txt', 'khon-kaen.md', 'legacy.txt', 'uk.md', 'missing.pdf', 'bad-truncated.pdf']);
  });

  it('fails a document that runs past the per-document timeout with timeout, in the stage it was in', async () => {
    const dir = makeCorpus();
    const out = path.join(dir, 'out');
    const longPdf = fileURLToPath(new URL('../fixtures/pdf/long-108.pdf', import.meta.url));
    // 108 pages cannot be read in 50 ms (the pool stops the worker and starts another).
    const result = await build({ inputs: [longPdf], out, threads: 1, timeoutMs: 50 });
    expect(result.exitCode).toBe(1);
    const manifest = readJson<Manifest>(path.join(out, 'manifest.json'));
    expect(manifest.documents[0]?.error).toMatchObject({ code: 'timeout', stage: 'extract' });
  });

  it('stops a document at its deadline inside the thread: a clean timeout from extract, and the thread goes on', async () => {
    const engine = createLocalEngine(1, DEFAULT_THREAD_MEMORY_MB);
    const run = async (file: string, timeoutMs: number) => {
      const ref = { uri: file };
      const loaded = await readInput(ref, DEFAULT_MAX_BYTES);
      return engine.process(ref, loaded, identify(ref, loaded), resolveProcessOptions({ timeoutMs, ocr: 'never' }));
    };
    try {
      // The thread and pdf.js are loaded first, so the long PDF's 100 ms go to reading it.
      expect((await run(SHORT_PDF, 60_000)).ok).toBe(true);
      const stopped = await run(LONG_PDF, 100);
      expect(stopped).toMatchObject({ ok: false, failure: { code: 'timeout', stage: 'extract' } });
      // Its extract time is measured inside the thread and came back with the failure: the thread
      // stopped the stage itself and returned (a thread ended by the pool's backstop returns nothing).
      expect(stopped.timings.extract).toBeGreaterThanOrEqual(0);
      expect((await run(SHORT_PDF, 60_000)).ok).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('decodes a TIS-620 file into Thai', async () => {
    const dir = makeCorpus();
    const out = path.join(dir, 'out');
    await build({ inputs: [path.join(dir, 'in', 'nested', 'legacy.txt')], out, threads: 1 });
    const [json] = Object.values(docs(out));
    const document = JSON.parse(json ?? '{}') as Document;
    expect(document.text).toContain('กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม');
    expect(document.languages[0]).toBe('th');
    expect(document.metadata.encoding).toBe('windows-874');
  });

  it('gives byte-identical documents on two builds', async () => {
    const dir = makeCorpus();
    const first = await build({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'a'), threads: THREADS });
    const second = await build({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'b'), threads: 1, concurrency: 1 });
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    expect(docs(path.join(dir, 'a'))).toEqual(docs(path.join(dir, 'b')));
    expect(readFileSync(path.join(dir, 'a', 'corpus.jsonl'), 'utf8')).toBe(readFileSync(path.join(dir, 'b', 'corpus.jsonl'), 'utf8'));
  });

  it('skips unchanged documents, rebuilds changed ones, reports and prunes vanished ones', async () => {
    const dir = makeCorpus();
    const out = path.join(dir, 'out');
    const inputs = [path.join(dir, 'in')];
    await build({ inputs, out, threads: THREADS });
    const again = await build({ inputs, out, threads: THREADS });
    expect(again.manifest.documents.map((entry) => entry.status)).toEqual(['skipped-unchanged', 'skipped-unchanged', 'skipped-unchanged']);
    appendFileSync(path.join(dir, 'in', 'khon-kaen.md'), '\nย่อหน้าใหม่\n');
    const changed = await build({ inputs, out, threads: THREADS });
    expect(changed.manifest.documents.map((entry) => [path.basename(entry.uri), entry.status])).toEqual([
      ['khon-kaen.md', 'ok'],
      ['legacy.txt', 'skipped-unchanged'],
      ['uk.md', 'skipped-unchanged'],
    ]);
    const forced = await build({ inputs, out, threads: THREADS, force: true });
    expect(forced.manifest.summary.ok).toBe(3);
    const ukEntry = forced.manifest.documents.find((entry) => entry.uri.endsWith('uk.md'))!;
    rmSync(path.join(dir, 'in', 'nested', 'uk.md'));
    const missing = await build({ inputs, out, threads: THREADS });
    expect(missing.manifest.missing).toEqual([{ uri: ukEntry.uri, id: ukEntry.id, removed: false }]);
    expect(existsSync(path.join(out, 'docs', `${ukEntry.id}.json`))).toBe(true);
    const pruned = await build({ inputs, out, threads: THREADS, prune: true });
    expect(pruned.manifest.missing).toEqual([{ uri: ukEntry.uri, id: ukEntry.id, removed: true }]);
    expect(existsSync(path.join(out, 'docs', `${ukEntry.id}.json`))).toBe(false);
    const after = await build({ inputs, out, threads: THREADS });
    expect(after.manifest.missing).toEqual([]);
  });

  it('rebuilds a document whose journal line was torn by a crash, and clears stale temp files', async () => {
    const dir = makeCorpus();
    const out = path.join(dir, 'out');
    const inputs = [path.join(dir, 'in')];
    await build({ inputs, out, threads: 1 });
    const journal = path.join(out, '.samut', 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    writeFileSync(journal, `${lines.slice(0, 2).join('\n')}\n${lines[2]?.slice(0, 40)}`);
    writeFileSync(path.join(out, 'docs', 'deadbeef.json.123.1.tmp'), '{"half":');
    const resumed = await build({ inputs, out, threads: 1 });
    expect(resumed.manifest.documents.map((entry) => entry.status).sort()).toEqual(['ok', 'skipped-unchanged', 'skipped-unchanged']);
    expect(readdirSync(path.join(out, 'docs')).some((name) => name.endsWith('.tmp'))).toBe(false);
  });

  it('walks symlink loops once, marks duplicates, and reads sources lists with metadata', async () => {
    const dir = makeCorpus();
    symlinkSync(path.join(dir, 'in'), path.join(dir, 'in', 'nested', 'loop'));
    writeFileSync(path.join(dir, 'in', 'copy.md'), readFileSync(path.join(dir, 'in', 'khon-kaen.md')));
    const list = path.join(dir, 'corpus.sources.jsonl');
    writeFileSync(list, `${JSON.stringify({ input: 'in/nested/uk.md', collection: 'uk-embassy', title: 'UK and Thailand' })}\n# a comment\n`);
    const out = path.join(dir, 'out');
    const result = await build({ inputs: [path.join(dir, 'in')], lists: [list], out, threads: THREADS });
    const statuses = result.manifest.documents.map((entry) => [path.basename(entry.uri), entry.status]);
    expect(statuses).toEqual([
      ['copy.md', 'ok'],
      ['khon-kaen.md', 'duplicate'],
      ['legacy.txt', 'ok'],
      ['uk.md', 'ok'],
    ]);
    const listed = result.manifest.documents.at(-1)!;
    expect(listed.collection).toBe('uk-embassy');
    const document = readJson<Document>(path.join(out, 'docs', `${listed.id}.json`));
    expect(document.title).toBe('UK and Thailand');
    expect(document.metadata.collection).toBe('uk-embassy');
  });

  it('starts the largest documents first; the manifest stays in input order and the first of two identical files stays the document', async () => {
    const dir = makeCorpus();
    const folder = path.join(dir, 'sized');
    mkdirSync(folder);
    const line = 'Khon Kaen is a smart city in Thailand.\n';
    writeFileSync(path.join(folder, 'a-small.txt'), line);
    writeFileSync(path.join(folder, 'b-twin.txt'), line.repeat(20));
    writeFileSync(path.join(folder, 'c-large.txt'), line.repeat(400));
    writeFileSync(path.join(folder, 'd-twin.txt'), line.repeat(20));
    const started: string[] = [];
    // One document at a time, so they finish in the order they were started.
    const result = await build({ inputs: [folder], out: path.join(dir, 'out'), threads: 1, concurrency: 1, onEvent: (event) => event.type === 'document' && started.push(path.basename(event.entry.uri)) });
    expect(started).toEqual(['c-large.txt', 'b-twin.txt', 'd-twin.txt', 'a-small.txt']);
    expect(result.manifest.documents.map((entry) => [path.basename(entry.uri), entry.status])).toEqual([
      ['a-small.txt', 'ok'],
      ['b-twin.txt', 'ok'],
      ['c-large.txt', 'ok'],
      ['d-twin.txt', 'duplicate'],
    ]);
  });

  it('rejects bad options at once, with the option named', async () => {
    await expect(build({ inputs: [], out: 'x', concurrency: 0 })).rejects.toThrow(/Expected `concurrency` to be an integer >= 1, got `0`/u);
    await expect(build({ inputs: [], out: 'x', ocr: 'sometimes' as never })).rejects.toThrow(/`ocr`/u);
    await expect(build({ inputs: [], out: 'x', threadMemoryMb: 1.5 })).rejects.toThrow(/`threadMemoryMb`/u);
  });
});
