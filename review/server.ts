// samut review: a local web app over a build's output folder. Node's own http server: the app
// has five routes, so a framework would add a dependency and nothing we use.
//
// What it serves, and nothing else (every other path is a 404, so "/../../etc/passwd" and its
// encoded forms never reach the file system):
// - pages rendered from OUT/manifest.json and OUT/docs/<id>.json (a document file that is a
//   symbolic link out of OUT is refused);
// - /source/<id>: the source of a PDF or image the manifest names, and only while its bytes
//   still have the manifest's SHA-256;
// - /assets/…: a fixed list of files (the page's script and style, pdf.js from the installed
//   pdfjs-dist, the Sarabun font from @fontsource/sarabun); pdf.js' data folders by a listing
//   made at start.
// Changes (POST /api/decisions) need the per-session token the pages carry, and a same-origin
// request; the Host header must name this server (no DNS rebinding) when it listens on loopback.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from '../pipeline/model/document.ts';
import { ACTIONS_FOR, appendDecision, decisionsByDocument, readDecisions, type Decision, type DecisionAction } from '../pipeline/review/decisions.ts';
import { ambiguousPlace, entityPlace, placeKey, repairPlace, type Place } from '../pipeline/review/places.ts';
import { filterCorpus, loadCorpus, manifestMtime, type CorpusIndex, type CorpusQuery } from './corpus.ts';
import { renderCorpus, renderDocument, renderMessage } from './render.ts';

export interface ReviewServerOptions {
  /** The build's output folder (with manifest.json). */
  out: string;
  /** @default "127.0.0.1" */
  host?: string;
  /** 0: a free port. @default 0 */
  port?: number;
  /** Where relative source uris in the manifest are resolved (where the build ran). @default process.cwd() */
  cwd?: string;
}

export interface ReviewServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const PDFJS = path.dirname(require.resolve('pdfjs-dist/package.json'));
const SARABUN = path.join(path.dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');

const ASSETS: Record<string, [file: string, type: string]> = {
  '/assets/review.css': [path.join(HERE, 'static', 'review.css'), 'text/css; charset=utf-8'],
  '/assets/review.js': [path.join(HERE, 'static', 'review.js'), 'text/javascript; charset=utf-8'],
  '/assets/viewer.js': [path.join(HERE, 'static', 'viewer.js'), 'text/javascript; charset=utf-8'],
  '/assets/pdf.min.mjs': [path.join(PDFJS, 'build', 'pdf.min.mjs'), 'text/javascript; charset=utf-8'],
  '/assets/pdf.worker.min.mjs': [path.join(PDFJS, 'build', 'pdf.worker.min.mjs'), 'text/javascript; charset=utf-8'],
  '/assets/sarabun-thai-400.woff2': [path.join(SARABUN, 'sarabun-thai-400-normal.woff2'), 'font/woff2'],
  '/assets/sarabun-thai-700.woff2': [path.join(SARABUN, 'sarabun-thai-700-normal.woff2'), 'font/woff2'],
  '/assets/sarabun-latin-400.woff2': [path.join(SARABUN, 'sarabun-latin-400-normal.woff2'), 'font/woff2'],
  '/assets/sarabun-latin-700.woff2': [path.join(SARABUN, 'sarabun-latin-700-normal.woff2'), 'font/woff2'],
};

/** pdf.js' data folders: character maps, standard fonts, its WebAssembly decoders. */
const PDFJS_DATA = ['cmaps', 'standard_fonts', 'wasm'] as const;

const DOC_ID = /^[0-9a-f]{16}$/u;
const MAX_BODY_BYTES = 64 * 1024;
const ENTITY_ID = /^[\p{L}\p{N}._:\-]{1,100}$/u;

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

async function isInside(root: string, file: string): Promise<boolean> {
  const real = await realpath(file).catch(() => null);
  return real !== null && real.startsWith(root + path.sep);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Every place a reviewer can decide on in this document, by key. */
function placesOf(document: Document): Map<string, { place: Place; readings?: string[] }> {
  const places = new Map<string, { place: Place; readings?: string[] }>();
  for (const block of document.blocks) for (const edit of block.edits ?? []) {
    const place = repairPlace(block, edit);
    places.set(placeKey(place), { place });
  }
  for (const entity of document.entities) {
    const place = entityPlace(document, entity);
    if (place) places.set(placeKey(place), { place });
  }
  for (const warning of document.warnings) {
    if (warning.code !== 'thai-ambiguous' || warning.offset === undefined) continue;
    const found = ambiguousPlace(document, warning.offset);
    if (found) places.set(placeKey(found.place), found);
  }
  places.set('document', { place: { kind: 'document' } });
  return places;
}

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  if (typeof options.out !== 'string' || options.out === '') throw new TypeError('Expected `out` to be a folder path');
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`Expected \`port\` to be an integer from 0 to 65535, got \`${String(options.port)}\``);
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') throw new TypeError('Expected `host` to be a host name or address');
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const out = await realpath(path.resolve(cwd, options.out)).catch(() => {
    throw new TypeError(`Expected \`out\` to be a build's output folder: ${options.out} does not exist`);
  });
  if ((await manifestMtime(out)) === 0) throw new TypeError(`Expected \`out\` to be a build's output folder: ${options.out} has no manifest.json (run samut build first)`);

  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const pdfjsData = new Map<string, Set<string>>();
  for (const folder of PDFJS_DATA) pdfjsData.set(folder, new Set(await readdir(path.join(PDFJS, folder)).catch(() => [])));

  let index: Promise<CorpusIndex> = loadCorpus(out);
  const currentIndex = async () => {
    const loaded = await index;
    if ((await manifestMtime(out)) !== loaded.manifestMtimeMs) index = loadCorpus(out); // a build finished
    return index;
  };
  const sourceHashes = new Map<string, { mtimeMs: number; size: number; sha256: string }>();

  async function loadDocument(id: string): Promise<Document> {
    const file = path.join(out, 'docs', `${id}.json`);
    if (!(await isInside(out, file))) throw new HttpError(404, 'no such document');
    const parsed = Document.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new HttpError(500, `docs/${id}.json is not a samut document`);
    return parsed.data;
  }

  async function sourceFile(id: string): Promise<{ file: string; type: string } | null> {
    const entry = (await currentIndex()).entries.get(id);
    if (!entry || !entry.sha256 || !entry.mediaType || /^[a-z][a-z0-9+.-]*:\/\//iu.test(entry.uri)) return null;
    if (entry.kind !== 'pdf' && entry.kind !== 'image') return null;
    const file = path.resolve(cwd, entry.uri);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    let known = sourceHashes.get(file);
    if (!known || known.mtimeMs !== info.mtimeMs || known.size !== info.size) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      known = { mtimeMs: info.mtimeMs, size: info.size, sha256: hash.digest('hex') };
      sourceHashes.set(file, known);
    }
    return known.sha256 === entry.sha256 ? { file, type: entry.mediaType } : null;
  }

  async function handleDecision(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
    const given = Buffer.from(String(request.headers['x-samut-token'] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) throw new HttpError(403, 'missing or wrong session token');
    if (request.headers.origin !== undefined && request.headers.origin !== origin) throw new HttpError(403, 'cross-origin request');
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'send JSON');
    let body: { doc?: unknown; place?: unknown; decision?: unknown; value?: unknown; name?: unknown };
    try {
      body = JSON.parse(await readBody(request)) as typeof body;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'the body is not JSON');
    }
    if (typeof body.doc !== 'string' || !DOC_ID.test(body.doc)) throw new HttpError(400, 'doc: a document id');
    const entry = (await currentIndex()).entries.get(body.doc);
    if (!entry?.sha256) throw new HttpError(404, 'no such document');
    const document = await loadDocument(body.doc);
    const known = placesOf(document).get(placeKey((body.place ?? {}) as Place));
    if (!known) throw new HttpError(400, 'place: no such place in this document');
    const action = body.decision as DecisionAction;
    if (!ACTIONS_FOR[known.place.kind].includes(action)) throw new HttpError(400, `decision: one of ${ACTIONS_FOR[known.place.kind].join(', ')} here`);
    const decision: Decision = { doc: body.doc, sha256: entry.sha256, place: known.place, decision: action, time: new Date().toISOString() };
    if (action === 'reading') {
      if (typeof body.value !== 'string' || !known.readings?.includes(body.value)) throw new HttpError(400, `value: one of ${known.readings?.join(', ')}`);
      decision.value = body.value;
    }
    if (action === 'set-id') {
      if (typeof body.value !== 'string' || !ENTITY_ID.test(body.value)) throw new HttpError(400, 'value: an id of letters, digits, ".", "_", ":" or "-"');
      decision.value = body.value;
      const name = body.name as { en?: unknown; th?: unknown } | undefined;
      const names: { en?: string; th?: string } = {};
      for (const language of ['en', 'th'] as const) {
        const value = name?.[language];
        if (typeof value === 'string' && value.trim() !== '' && value.length <= 200) names[language] = value.trim();
      }
      if (names.en || names.th) decision.name = names;
    }
    await appendDecision(out, decision);
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify({ ok: true, decision }));
  }

  async function route(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';
    if (url.pathname === '/api/decisions') {
      if (method !== 'POST') throw new HttpError(405, 'POST only');
      return handleDecision(request, response, origin);
    }
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'GET only');
    if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    const asset = ASSETS[url.pathname];
    if (asset) return send(response, 200, asset[1], await readFile(asset[0]), { 'cache-control': 'max-age=3600' });
    const data = /^\/assets\/pdfjs\/([a-z_]+)\/([A-Za-z0-9._-]+)$/u.exec(url.pathname);
    if (data && pdfjsData.get(data[1]!)?.has(data[2]!)) {
      const type = data[2]!.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
      return send(response, 200, type, await readFile(path.join(PDFJS, data[1]!, data[2]!)), { 'cache-control': 'max-age=3600' });
    }
    if (url.pathname === '/') {
      const loaded = await currentIndex();
      const query: CorpusQuery = {};
      for (const key of ['status', 'lang', 'warning', 'rule', 'entity', 'q'] as const) {
        const value = url.searchParams.get(key);
        if (value) query[key] = value.slice(0, 200);
      }
      const pageNumber = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
      return send(response, 200, 'text/html; charset=utf-8', renderCorpus(loaded, query, filterCorpus(loaded, query), pageNumber, token, out));
    }
    const doc = /^\/doc\/([0-9a-f]{16})$/u.exec(url.pathname);
    if (doc) {
      const id = doc[1]!;
      const loaded = await currentIndex();
      const entry = loaded.entries.get(id);
      if (!entry || entry.status === 'failed') throw new HttpError(404, 'no such document');
      const document = await loadDocument(id).catch((error: unknown) => {
        if (error instanceof HttpError) throw error;
        throw new HttpError(404, 'no such document');
      });
      const decisions = decisionsByDocument(await readDecisions(out)).get(id) ?? [];
      const viewer = entry.kind === 'pdf' ? 'pdf' : entry.kind === 'image' && entry.mediaType !== 'image/tiff' ? 'image' : null;
      const available = viewer !== null && (await sourceFile(id)) !== null;
      return send(response, 200, 'text/html; charset=utf-8', renderDocument(document, loaded.byId.get(id), decisions, { viewer, available }, token, entry.review?.unresolved ?? []));
    }
    const source = /^\/source\/([0-9a-f]{16})$/u.exec(url.pathname);
    if (source) {
      const found = await sourceFile(source[1]!);
      if (!found) throw new HttpError(404, 'no such source');
      // A source is data: never run as a page, even if opened directly.
      return send(response, 200, found.type, await readFile(found.file), { 'content-security-policy': "sandbox; default-src 'none'" });
    }
    throw new HttpError(404, 'not found');
  }

  const server: Server = createServer((request, response) => {
    const address = server.address() as AddressInfo;
    const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    const loopback = ['127.0.0.1', '::1', 'localhost'].includes(host);
    const allowedHosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`, `[::1]:${address.port}`]);
    if (loopback && !allowedHosts.has(String(request.headers.host ?? ''))) {
      send(response, 421, 'text/plain; charset=utf-8', 'unexpected Host header');
      return;
    }
    const selfOrigin = `http://${request.headers.host ?? origin}`;
    route(request, response, selfOrigin).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (response.headersSent) return void response.destroy();
      if (request.url?.startsWith('/api/')) send(response, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: message }));
      else send(response, status, 'text/html; charset=utf-8', renderMessage(status, status === 500 ? 'the review server failed on this request' : message, token));
    });
  });
  await index; // fail at start, not on the first request, when the output cannot be read
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
