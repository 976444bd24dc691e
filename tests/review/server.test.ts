// The review server's safety: it serves only the output folder and the sources its manifest
// names; every change needs the session token; document text is escaped.
import { appendFileSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../pipeline/runner/build.ts';
import { readDecisions } from '../../pipeline/review/decisions.ts';
import { startReviewServer, type ReviewServer } from '../../review/server.ts';
import { buildReviewCorpus, type ReviewCorpus } from './helpers.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes out exactly as written (no URL normalising, unlike fetch). */
function raw(url: string, rawPath: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let corpus: ReviewCorpus;
let server: ReviewServer;
let gazetteId: string;
let textId: string;

beforeAll(async () => {
  corpus = await buildReviewCorpus();
  const manifest = JSON.parse(readFileSync(path.join(corpus.out, 'manifest.json'), 'utf8')) as Manifest;
  gazetteId = manifest.documents.find((entry) => entry.uri.endsWith('.pdf'))!.id!;
  textId = manifest.documents.find((entry) => entry.uri.endsWith('.txt'))!.id!;
  // A secret beside the output folder, that no request may reach.
  writeFileSync(path.join(corpus.dir, 'secret.txt'), 'TOP-SECRET');
  server = await startReviewServer({ out: corpus.out, cwd: corpus.dir });
});

afterAll(async () => {
  await server?.close();
});

describe('samut review server', () => {
  it('listens on 127.0.0.1 by default and serves the corpus and its documents', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    const corpusPage = await raw(server.url, '/');
    expect(corpusPage.status).toBe(200);
    expect(corpusPage.body).toContain(`/doc/${gazetteId}`);
    expect(corpusPage.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await raw(server.url, `/doc/${gazetteId}`)).status).toBe(200);
    const pdf = await raw(server.url, `/source/${gazetteId}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('answers 404 to traversal, encoded traversal and paths outside its routes', async () => {
    for (const attempt of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2fpackage.json',
      '/assets/pdfjs/cmaps/..%2f..%2f..%2fpackage.json',
      '/doc/..%2f..%2fsecret',
      `/doc/${gazetteId}/../../secret.txt`,
      '/source/..%2fsecret.txt',
      '/secret.txt',
      '/out/manifest.json',
      '/docs/' + gazetteId + '.json',
    ]) {
      const reply = await raw(server.url, attempt);
      expect([attempt, reply.status]).toEqual([attempt, 404]);
      expect(reply.body).not.toContain('TOP-SECRET');
      expect(reply.body).not.toContain('root:');
    }
  });

  it('does not follow a document file that is a symbolic link out of the output folder', async () => {
    const file = path.join(corpus.out, 'docs', `${textId}.json`);
    const outside = path.join(corpus.dir, 'outside.json');
    renameSync(file, outside); // a valid document, but outside the folder
    symlinkSync(outside, file);
    try {
      const reply = await raw(server.url, `/doc/${textId}`);
      expect(reply.status).toBe(404);
    } finally {
      renameSync(outside, `${file}.moved`);
      renameSync(`${file}.moved`, file);
    }
  });

  it('serves a source only while its bytes are the ones the manifest names', async () => {
    const pdf = path.join(corpus.dir, 'sources', 'royal-gazette-2566.pdf');
    const bytes = readFileSync(pdf);
    appendFileSync(pdf, '\n%changed');
    try {
      expect((await raw(server.url, `/source/${gazetteId}`)).status).toBe(404);
    } finally {
      writeFileSync(pdf, bytes);
    }
    expect((await raw(server.url, `/source/${gazetteId}`)).status).toBe(200);
    // Text sources are shown as text, never served as files.
    expect((await raw(server.url, `/source/${textId}`)).status).toBe(404);
  });

  it('refuses a change without the session token, with a wrong one, or from another origin', async () => {
    const body = JSON.stringify({ doc: gazetteId, place: { kind: 'document' }, decision: 'reviewed' });
    const json = { 'content-type': 'application/json' };
    const attempts: Record<string, string>[] = [json, { ...json, 'x-samut-token': 'wrong' }, { ...json, 'x-samut-token': `${server.token}x` }, { ...json, 'x-samut-token': server.token, origin: 'http://evil.example' }];
    for (const headers of attempts) {
      const reply = await raw(server.url, '/api/decisions', { method: 'POST', headers, body });
      expect(reply.status).toBe(403);
    }
    // A form post (no JSON, as a cross-site form would send) is refused too.
    const form = await raw(server.url, '/api/decisions', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-samut-token': server.token }, body: 'doc=x' });
    expect(form.status).toBe(415);
    expect(await readDecisions(corpus.out)).toEqual([]);
    // The token is on the page, and with it the change is saved.
    const page = await raw(server.url, `/doc/${gazetteId}`);
    expect(page.body).toContain(`content="${server.token}"`);
    const ok = await raw(server.url, '/api/decisions', { method: 'POST', headers: { ...json, 'x-samut-token': server.token }, body });
    expect(ok.status).toBe(200);
    const saved = await readDecisions(corpus.out);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ doc: gazetteId, place: { kind: 'document' }, decision: 'reviewed' });
    expect(saved[0]!.sha256).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('refuses a decision on a place the document does not have, or an action that does not fit it', async () => {
    const headers = { 'content-type': 'application/json', 'x-samut-token': server.token };
    const before = (await readDecisions(corpus.out)).length;
    const noPlace = await raw(server.url, '/api/decisions', { method: 'POST', headers, body: JSON.stringify({ doc: gazetteId, place: { kind: 'repair', block: 'b1', at: 0, rule: 'x', before: 'y', after: 'z' }, decision: 'reject' }) });
    expect(noPlace.status).toBe(400);
    const wrongAction = await raw(server.url, '/api/decisions', { method: 'POST', headers, body: JSON.stringify({ doc: gazetteId, place: { kind: 'document' }, decision: 'reject' }) });
    expect(wrongAction.status).toBe(400);
    expect(await readDecisions(corpus.out)).toHaveLength(before);
  });

  it('refuses a request whose Host header names another server (DNS rebinding)', async () => {
    const reply = await raw(server.url, '/', { headers: { host: 'evil.example' } });
    expect(reply.status).toBe(421);
  });

  it('escapes document text in the HTML it sends', async () => {
    const reply = await raw(server.url, `/doc/${textId}`);
    expect(reply.body).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(reply.body).toContain('&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;');
    expect(reply.body).not.toContain('<script>window');
    expect(reply.body).not.toContain('<img src=x');
  });

  it('throws a TypeError naming the option for a bad port or a folder with no build', async () => {
    await expect(startReviewServer({ out: corpus.out, port: 70000 })).rejects.toThrow(/`port`/u);
    await expect(startReviewServer({ out: path.join(corpus.dir, 'sources') })).rejects.toThrow(/`out`/u);
  });
});
