// URLs through the whole build: served by a local HTTP server on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../pipeline/emit/index.ts';
import type { Document } from '../../pipeline/model/document.ts';
import { build } from '../../pipeline/runner/build.ts';
import { readJson, tempDir } from '../helpers/corpus.ts';

const PDF = readFileSync('tests/fixtures/pdf/english-report.pdf');
const HTML = readFileSync('sources/web-uk-thailand-smart-city-handbook-en.html');

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/report') {
      // A PDF behind a URL with no extension and a vague type: the bytes decide.
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(PDF);
    } else if (request.url === '/page') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(HTML);
    } else if (request.url === '/moved') {
      response.writeHead(301, { location: '/page' });
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('build with URLs', () => {
  it('sends each URL down the path its bytes call for, and fails a 404 alone', async () => {
    const out = path.join(tempDir(), 'out');
    const result = await build({ inputs: [`${base}/report`, `${base}/moved`, `${base}/gone`], out, threads: 1 });
    expect(result.exitCode).toBe(1);
    const [report, page, gone] = result.manifest.documents;
    expect(report).toMatchObject({ uri: `${base}/report`, status: 'ok', kind: 'pdf', mediaType: 'application/pdf', sha256: sha256Hex(PDF) });
    expect(page).toMatchObject({ uri: `${base}/moved`, status: 'ok', kind: 'html', sha256: sha256Hex(HTML) });
    expect(gone).toMatchObject({ status: 'failed', error: { code: 'fetch-http', stage: 'read' } });
    const document = readJson<Document>(path.join(out, 'docs', `${page?.id}.json`));
    expect(document.source).toEqual({ uri: `${base}/moved`, mediaType: 'text/html', sha256: sha256Hex(HTML), bytes: HTML.length });
    expect(document.text).toContain('Smart City Handbook');
  });
});
