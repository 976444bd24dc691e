// fetch: one URL → its bytes and headers. Node's built-in fetch (undici) with redirects
// counted by hand, a streamed size cap, timeouts, and retries with exponential backoff on
// network errors and 5xx. What the bytes are (HTML, PDF, image) is the runner's to detect.
import { readFileSync } from 'node:fs';
import { DocumentError } from '../model/errors.ts';

export interface FetchOptions {
  /** Time allowed for one request to connect and send its response headers, in ms. */
  headersTimeoutMs: number;
  /** Time allowed for the whole call (every redirect, retry and the body), in ms. */
  timeoutMs: number;
  /** Redirects followed before giving up with 'fetch-redirects'. */
  maxRedirects: number;
  /** Largest body accepted, in bytes; larger ones stop with 'fetch-too-large'. */
  maxBytes: number;
  /** Extra attempts after a network error or a 5xx answer. */
  retries: number;
  /** Wait before the first retry, in ms; each further retry waits twice as long. */
  retryDelayMs: number;
  userAgent: string;
}

export interface FetchResult {
  bytes: Uint8Array;
  /** Media type from Content-Type, lower case, without parameters. */
  contentType: string | null;
  /** The charset parameter of Content-Type, as the server wrote it. */
  charset: string | undefined;
  /** The URL the bytes came from, after redirects. */
  finalUrl: string;
  status: number;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const USER_AGENT = `samut/${packageVersion()} (+document pipeline)`;

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  headersTimeoutMs: 15_000,
  timeoutMs: 60_000,
  maxRedirects: 5,
  maxBytes: 50 * 1024 * 1024,
  retries: 2,
  retryDelayMs: 500,
  userAgent: USER_AGENT,
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const SUPPORTED_PROTOCOLS = new Set(['http:', 'https:']);

/** Why one attempt failed in a way worth trying again. */
class RetryableFailure extends Error {
  constructor(readonly failure: DocumentError) {
    super(failure.message);
  }
}

function checkOptions(options: FetchOptions): void {
  for (const key of ['headersTimeoutMs', 'timeoutMs', 'maxRedirects', 'maxBytes', 'retries', 'retryDelayMs'] as const) {
    const value = options[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new TypeError(`Expected \`${key}\` to be a finite number >= 0, got \`${value}\` (${typeof value})`);
    }
  }
}

function parseContentType(header: string | null): { contentType: string | null; charset: string | undefined } {
  if (!header) return { contentType: null, charset: undefined };
  const [type, ...params] = header.split(';');
  let charset: string | undefined;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (match) charset = match[1];
  }
  return { contentType: type?.trim().toLowerCase() || null, charset };
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause ? String(cause.code) : undefined;
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return code && !detail.includes(code) ? `${code}: ${detail}` : detail;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads the body, stopping as soon as it passes the cap. */
async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new DocumentError('fetch-too-large', `${url}: the body passed the ${maxBytes}-byte cap`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** One attempt: follows redirects, reads the body. Throws RetryableFailure for what a retry may fix. */
async function attempt(url: string, options: FetchOptions, overall: AbortSignal): Promise<FetchResult> {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    // The headers timer stops once headers arrive: the body has only the overall limit.
    const headersTimer = new AbortController();
    const timer = setTimeout(() => headersTimer.abort(), options.headersTimeoutMs);
    const requestSignal = AbortSignal.any([overall, headersTimer.signal]);
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: 'manual',
        signal: requestSignal,
        headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf,image/*;q=0.9,*/*;q=0.8' },
      });
    } catch (error) {
      if (overall.aborted) throw overall.reason;
      if (headersTimer.signal.aborted) {
        throw new DocumentError('fetch-timeout', `${current}: no response headers within ${options.headersTimeoutMs} ms`);
      }
      throw new RetryableFailure(new DocumentError('fetch-network', `${current}: ${describeNetworkError(error)}`, { cause: error }));
    } finally {
      clearTimeout(timer);
    }

    if (REDIRECT_STATUSES.has(response.status)) {
      const location = response.headers.get('location');
      await discardBody(response);
      if (!location) throw new DocumentError('fetch-http', `${current}: HTTP ${response.status} redirect without a Location`);
      if (redirects >= options.maxRedirects) {
        throw new DocumentError('fetch-redirects', `${url}: more than ${options.maxRedirects} redirects (last to ${location})`);
      }
      const next = new URL(location, current);
      if (!SUPPORTED_PROTOCOLS.has(next.protocol)) {
        throw new DocumentError('fetch-network', `${current}: redirect to an unsupported scheme (${next.protocol})`);
      }
      current = next.href;
      continue;
    }

    if (response.status >= 500) {
      await discardBody(response);
      throw new RetryableFailure(new DocumentError('fetch-http', `${current}: HTTP ${response.status} ${response.statusText}`.trim()));
    }
    if (response.status >= 400) {
      await discardBody(response);
      throw new DocumentError('fetch-http', `${current}: HTTP ${response.status} ${response.statusText}`.trim());
    }

    const declaredLength = Number(response.headers.get('content-length'));
    if (Number.isFinite(declaredLength) && declaredLength > options.maxBytes) {
      await discardBody(response);
      throw new DocumentError('fetch-too-large', `${current}: Content-Length ${declaredLength} is over the ${options.maxBytes}-byte cap`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, current, options.maxBytes);
    } catch (error) {
      if (error instanceof DocumentError) throw error;
      if (overall.aborted) throw overall.reason;
      throw new RetryableFailure(new DocumentError('fetch-network', `${current}: body cut off: ${describeNetworkError(error)}`, { cause: error }));
    }
    return { bytes, ...parseContentType(response.headers.get('content-type')), finalUrl: current, status: response.status };
  }
}

/**
 * Fetches a URL. Throws DocumentError: 'fetch-http' (4xx, or 5xx after the retries; the status
 * is in the message), 'fetch-network', 'fetch-timeout', 'fetch-too-large', 'fetch-redirects'.
 * An abort of `signal` rejects with the signal's reason.
 */
export async function fetchUrl(url: string, options?: Partial<FetchOptions>, signal?: AbortSignal): Promise<FetchResult> {
  const settings: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...options };
  checkOptions(settings);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Expected \`url\` to be an absolute http(s) URL, got \`${url}\``);
  }
  if (!SUPPORTED_PROTOCOLS.has(parsed.protocol)) {
    throw new TypeError(`Expected \`url\` to be an http(s) URL, got \`${url}\``);
  }

  const overallTimer = AbortSignal.timeout(settings.timeoutMs);
  const overall = signal ? AbortSignal.any([signal, overallTimer]) : overallTimer;
  const timedOut = (): DocumentError => new DocumentError('fetch-timeout', `${url}: not done within ${settings.timeoutMs} ms`);

  for (let attemptIndex = 0; ; attemptIndex++) {
    try {
      return await attempt(parsed.href, settings, overall);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (overallTimer.aborted) throw timedOut();
      if (!(error instanceof RetryableFailure)) throw error;
      if (attemptIndex >= settings.retries) throw error.failure;
      try {
        await sleep(settings.retryDelayMs * 2 ** attemptIndex, overall);
      } catch {
        if (signal?.aborted) throw signal.reason;
        throw timedOut();
      }
    }
  }
}
