// The library API as apps call it (from the sources here; tests/package/package.test.ts runs the
// same calls against the packed package): extract's kinds of input, build's stream of documents,
// abort, and options checked at once.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, documentSchema, extract, type BuildEvent } from '../../pipeline/index.ts';
import { makeCorpus, tempDir } from '../helpers/corpus.ts';

const MARKDOWN = 'sources/md-th-khon-kaen-smart-city.md';

describe('extract', () => {
  it('gives the same document for a path, a file: URL and the bytes under the same name', async () => {
    const fromPath = await extract(MARKDOWN);
    const fromUrl = await extract(pathToFileURL(path.resolve(MARKDOWN)));
    const fromBytes = await extract({ bytes: readFileSync(MARKDOWN), name: MARKDOWN });
    if (!('document' in fromPath) || !('document' in fromUrl) || !('document' in fromBytes)) throw new Error('expected documents');
    documentSchema.parse(fromPath.document);
    expect(fromBytes.document).toEqual(fromPath.document);
    expect(fromUrl.document.text).toBe(fromPath.document.text);
    expect(fromUrl.document.source.sha256).toBe(fromPath.document.source.sha256);
  });

  it('reads an http URL (string or URL object) from a local server', async () => {
    const page = readFileSync('tests/fixtures/html/en-news-boilerplate.html');
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news.html`;
      const fromString = await extract(url);
      const fromUrl = await extract(new URL(url));
      if (!('document' in fromString) || !('document' in fromUrl)) throw new Error('expected documents');
      expect(fromString.document.source).toMatchObject({ uri: url, mediaType: 'text/html' });
      expect(fromUrl.document).toEqual(fromString.document);
      expect(fromString.document.title).toBe('Three Thai provinces join ASEAN Smart Cities Network');
    } finally {
      server.close();
    }
  });

  it('takes bare bytes and a media type', async () => {
    const bytes = new TextEncoder().encode('<html><head><title>Khon Kaen</title></head><body><article><p>Khon Kaen is a province in the north-east of Thailand, and its smart city plan is run by a company the city owns.</p></article></body></html>');
    const result = await extract({ bytes, mediaType: 'text/html; charset=utf-8' });
    if (!('document' in result)) throw new Error(JSON.stringify(result.failure));
    expect(result.document.source).toMatchObject({ uri: 'bytes', mediaType: 'text/html' });
    expect(result.document.entities.map((entity) => entity.id)).toContain('TH-40');
    const plain = await extract(new TextEncoder().encode('สวัสดีครับ'));
    expect('document' in plain && plain.document.languages).toEqual(['th']);
  });

  it('resolves to a failure with code, stage and message for bad input', async () => {
    expect(await extract({ bytes: new Uint8Array(0), name: 'empty.txt' })).toEqual({ failure: expect.objectContaining({ code: 'input-empty', stage: 'detect' }) });
    expect(await extract({ bytes: new Uint8Array(10), name: 'x' }, { maxBytes: 5 })).toEqual({ failure: expect.objectContaining({ code: 'input-too-large', stage: 'read' }) });
    expect(await extract('tests/fixtures/pdf/bad-encrypted.pdf')).toEqual({ failure: expect.objectContaining({ code: 'pdf-encrypted', stage: 'extract' }) });
  });

  it('throws a TypeError at once naming a bad option or input', () => {
    expect(() => extract(MARKDOWN, { ocr: 'sometimes' as never })).toThrow(/`ocr`/u);
    expect(() => extract(MARKDOWN, { timeoutMs: -1 })).toThrow(/`timeoutMs`/u);
    expect(() => extract(MARKDOWN, { ocrLanguages: 'thai english' })).toThrow(/`ocrLanguages`/u);
    expect(() => extract(MARKDOWN, { schemaVersion: '2' as never })).toThrow(/`schemaVersion`/u);
    expect(() => extract(MARKDOWN, { timeout: 5 } as never)).toThrow(/Unknown extract option `timeout`/u);
    expect(() => extract(42 as never)).toThrow(/`input`/u);
    expect(() => extract(new URL('ftp://example.org/x.pdf'))).toThrow(/`input`/u);
    expect(() => extract({ bytes: new Uint8Array(1), name: 5 } as never)).toThrow(/`input.name`/u);
  });
});

describe('build', () => {
  it('streams each document as it is done, reports typed events, and resolves to the manifest', async () => {
    const dir = makeCorpus({ bad: true });
    const events: BuildEvent[] = [];
    const run = build({ inputs: ['in'], out: 'out', cwd: dir, threads: 1, onEvent: (event) => events.push(event) });
    const streamed = [];
    for await (const item of run) streamed.push(item);
    const { manifest, exitCode } = await run;
    expect(exitCode).toBe(1);
    // As each is done (the largest first), so in another order than the manifest's input order.
    const byUri = (a: { uri: string }, b: { uri: string }) => (a.uri < b.uri ? -1 : 1);
    expect(streamed.map((item) => item.entry).sort(byUri)).toEqual([...manifest.documents].sort(byUri));
    for (const item of streamed) {
      if (item.entry.status === 'ok') {
        expect(item.file).toBe(path.join(dir, 'out', 'docs', `${item.entry.id}.json`));
        expect(documentSchema.parse(item.document).id).toBe(item.entry.id);
      } else {
        expect(item).toMatchObject({ file: null, document: null });
      }
    }
    expect(events[0]).toMatchObject({ type: 'start', total: 6 });
    expect(events.filter((event) => event.type === 'document')).toHaveLength(6);
    expect(events.at(-1)).toEqual({ type: 'end', manifest });
  });

  it('stops on its AbortSignal, and when the caller leaves the loop', async () => {
    const dir = makeCorpus();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const aborted = await build({ inputs: ['in'], out: 'out', cwd: dir, threads: 1, signal: controller.signal });
    expect(aborted.manifest).toMatchObject({ interrupted: true, documents: [] });
    const run = build({ inputs: ['in'], out: 'out2', cwd: dir, threads: 1, concurrency: 1 });
    for await (const item of run) {
      expect(item.entry.status).toBe('ok');
      break;
    }
    const { manifest } = await run;
    expect(manifest.interrupted).toBe(true);
    expect(manifest.documents.length).toBeLessThan(3);
  });

  it('throws a TypeError at once naming a bad option', () => {
    expect(() => build({ inputs: ['in'] } as never)).toThrow(/`out`/u);
    expect(() => build({ inputs: 'in' as never, out: 'o' })).toThrow(/`inputs`/u);
    expect(() => build({ inputs: ['in'], out: 'o', threads: 0 })).toThrow(/`threads`/u);
    expect(() => build({ inputs: ['in'], out: 'o', threadMemoryMb: 8 })).toThrow(/`threadMemoryMb`/u);
    expect(() => build({ inputs: ['in'], out: 'o', signal: 'stop' as never })).toThrow(/`signal`/u);
    expect(() => build({ inputs: ['in'], out: 'o', onEvent: 1 as never })).toThrow(/`onEvent`/u);
    expect(() => build({ inputs: ['in'], out: 'o', force: 'yes' as never })).toThrow(/`force`/u);
    expect(() => build({ inputs: ['in'], out: 'o', concurency: 2 } as never)).toThrow(/Unknown build option `concurency`/u);
  });

  it('leaves nothing behind when an option is bad', () => {
    const dir = tempDir();
    expect(() => build({ inputs: ['in'], out: 'out', cwd: dir, ocr: 'maybe' as never })).toThrow(TypeError);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
