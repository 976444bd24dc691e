import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extractHtml } from '../../pipeline/extract/html/index.ts';
import { fetchUrl, USER_AGENT, type FetchOptions } from '../../pipeline/fetch/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';
import { DocumentError } from '../../pipeline/model/errors.ts';

// "ภาษาไทย" in TIS-620 (one byte per letter: U+0E00 + 0xA0 offset).
const THAI_TIS620 = Uint8Array.from([0xc0, 0xd2, 0xc9, 0xd2, 0xe4, 0xb7, 0xc2]);
const THAI_PAGE = readFileSync(new URL('../fixtures/html/th-tis620-mislabelled.html', import.meta.url));
const FAST: Partial<FetchOptions> = { retryDelayMs: 5, headersTimeoutMs: 2_000, timeoutMs: 5_000 };

let server: Server;
let base = '';
const hits = new Map<string, number>();
const seenUserAgents: string[] = [];
const openTimers = new Set<NodeJS.Timeout>();

function countHit(path: string): number {
  const n = (hits.get(path) ?? 0) + 1;
  hits.set(path, n);
  return n;
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const n = countHit(path);
  seenUserAgents.push(request.headers['user-agent'] ?? '');
  if (path === '/ok') {
    response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
    response.end('<p>hello</p>');
  } else if (path.startsWith('/hop/')) {
    const left = Number(path.slice('/hop/'.length));
    response.writeHead(left > 0 ? 302 : 200, left > 0 ? { location: `/hop/${left - 1}` } : { 'content-type': 'text/plain' });
    response.end(left > 0 ? '' : 'landed');
  } else if (path === '/loop') {
    response.writeHead(301, { location: '/loop' });
    response.end();
  } else if (path === '/missing') {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not here');
  } else if (path === '/flaky') {
    if (n <= 2) {
      response.writeHead(500);
      response.end('boom');
    } else {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`ok after ${n}`);
    }
  } else if (path === '/always-503') {
    response.writeHead(503);
    response.end();
  } else if (path === '/slow-headers') {
    const timer = setTimeout(() => {
      response.writeHead(200);
      response.end('late');
    }, 3_000);
    openTimers.add(timer);
  } else if (path === '/slow-body') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('start…');
    const timer = setTimeout(() => response.end('end'), 3_000);
    openTimers.add(timer);
  } else if (path === '/thai-mislabelled') {
    response.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
    response.end(Buffer.from(THAI_TIS620));
  } else if (path === '/news/thai-page') {
    response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
    response.end(THAI_PAGE);
  } else if (path === '/old/thai-page') {
    response.writeHead(301, { location: '/news/thai-page' });
    response.end();
  } else if (path === '/big-declared') {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(10_000) });
    response.end(Buffer.alloc(10_000));
  } else if (path === '/big-streamed') {
    // Chunked, no Content-Length: the cap must stop the stream itself.
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    let sent = 0;
    const pump = (): void => {
      while (sent < 200_000) {
        sent += 1_000;
        if (!response.write(Buffer.alloc(1_000))) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  } else if (path === '/pdf') {
    response.writeHead(200, { 'content-type': 'application/pdf' });
    response.end('%PDF-1.4\n%%EOF\n');
  } else {
    response.writeHead(404);
    response.end();
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const timer of openTimers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

describe('fetchUrl', () => {
  it('returns bytes, media type, charset and status, with an honest User-Agent', async () => {
    const result = await fetchUrl(`${base}/ok`, FAST);
    expect(new TextDecoder().decode(result.bytes)).toBe('<p>hello</p>');
    expect(result.contentType).toBe('text/html');
    expect(result.charset).toBe('UTF-8');
    expect(result.status).toBe(200);
    expect(result.finalUrl).toBe(`${base}/ok`);
    expect(seenUserAgents.at(-1)).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^samut\/\d+\.\d+\.\d+ \(\+document pipeline\)$/);
  });

  it('follows redirects up to the limit and reports the final URL', async () => {
    const result = await fetchUrl(`${base}/hop/3`, { ...FAST, maxRedirects: 3 });
    expect(new TextDecoder().decode(result.bytes)).toBe('landed');
    expect(result.finalUrl).toBe(`${base}/hop/0`);
  });

  it('stops after too many redirects', async () => {
    const error = await failure(fetchUrl(`${base}/hop/4`, { ...FAST, maxRedirects: 3 }));
    expect(error.code).toBe('fetch-redirects');
    const loop = await failure(fetchUrl(`${base}/loop`, FAST));
    expect(loop.code).toBe('fetch-redirects');
    expect(loop.message).toContain('more than 5 redirects');
  });

  it('fails at once on 404 with the status in the message, without retrying', async () => {
    const before = hits.get('/missing') ?? 0;
    const error = await failure(fetchUrl(`${base}/missing`, FAST));
    expect(error.code).toBe('fetch-http');
    expect(error.message).toContain('404');
    expect(hits.get('/missing')).toBe(before + 1);
  });

  it('retries a 500 with backoff and then succeeds', async () => {
    const result = await fetchUrl(`${base}/flaky`, { ...FAST, retries: 2 });
    expect(new TextDecoder().decode(result.bytes)).toBe('ok after 3');
    expect(hits.get('/flaky')).toBe(3);
  });

  it('gives up on a 5xx after the retries', async () => {
    const error = await failure(fetchUrl(`${base}/always-503`, { ...FAST, retries: 1 }));
    expect(error.code).toBe('fetch-http');
    expect(error.message).toContain('503');
    expect(hits.get('/always-503')).toBe(2);
  });

  it('times out a server that does not answer', async () => {
    const started = Date.now();
    const error = await failure(fetchUrl(`${base}/slow-headers`, { ...FAST, headersTimeoutMs: 200 }));
    expect(error.code).toBe('fetch-timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('times out a body that never ends (overall limit)', async () => {
    const error = await failure(fetchUrl(`${base}/slow-body`, { ...FAST, timeoutMs: 300 }));
    expect(error.code).toBe('fetch-timeout');
  });

  it('passes a mislabelled charset through untouched, with the raw bytes', async () => {
    const result = await fetchUrl(`${base}/thai-mislabelled`, FAST);
    expect(result.charset).toBe('ISO-8859-1');
    expect([...result.bytes]).toEqual([...THAI_TIS620]);
  });

  it('hands extract/html what it needs to undo a wrong charset header (TIS-620 served as UTF-8)', async () => {
    const fetched = await fetchUrl(`${base}/old/thai-page`, FAST);
    expect(fetched.finalUrl).toBe(`${base}/news/thai-page`);
    const source = { uri: `${base}/old/thai-page`, mediaType: 'text/html', sha256: createHash('sha256').update(fetched.bytes).digest('hex'), bytes: fetched.bytes.byteLength };
    expect(source.sha256).toBe(createHash('sha256').update(THAI_PAGE).digest('hex'));
    const draft = await extractHtml({ source, kind: 'html', bytes: fetched.bytes, declaredCharset: fetched.charset, finalUrl: fetched.finalUrl, options: DEFAULT_EXTRACT_OPTIONS });
    expect(draft.metadata.encoding).toBe('windows-874');
    expect(draft.warnings[0]?.message).toContain('the HTTP header says UTF-8');
    expect(draft.blocks[0]?.text).toContain('กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม');
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    const declared = await failure(fetchUrl(`${base}/big-declared`, { ...FAST, maxBytes: 5_000 }));
    expect(declared.code).toBe('fetch-too-large');
    const streamed = await failure(fetchUrl(`${base}/big-streamed`, { ...FAST, maxBytes: 50_000 }));
    expect(streamed.code).toBe('fetch-too-large');
    const fits = await fetchUrl(`${base}/big-streamed`, { ...FAST, maxBytes: 500_000 });
    expect(fits.bytes.byteLength).toBe(200_000);
  });

  it('returns what a PDF URL serves, for the runner to detect', async () => {
    const result = await fetchUrl(`${base}/pdf`, FAST);
    expect(result.contentType).toBe('application/pdf');
    expect(new TextDecoder().decode(result.bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('reports a closed port as a network error after retrying', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await failure(fetchUrl(`http://127.0.0.1:${port}/`, { ...FAST, retries: 1 }));
    expect(error.code).toBe('fetch-network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('rejects with the caller’s reason when the caller aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 50);
    await expect(fetchUrl(`${base}/slow-headers`, FAST, controller.signal)).rejects.toBe(reason);
  });

  it('refuses a non-http URL and bad options as misuse', async () => {
    await expect(fetchUrl('file:///etc/passwd')).rejects.toBeInstanceOf(TypeError);
    await expect(fetchUrl(`${base}/ok`, { maxRedirects: -1 })).rejects.toThrow(/maxRedirects/);
  });
});
