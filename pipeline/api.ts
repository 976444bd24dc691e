// The library's two entry points as downstream apps call them: `extract` (one input → one
// document, nothing written) and `build` (a corpus → files, with progress and per-document
// results as a stream). They check their options at once and hand over to the runner.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from './model/document.ts';
import { DocumentError, toFailure, type Failure } from './model/errors.ts';
import type { OcrMode } from './model/stages.ts';
import { build as runBuild, DEFAULT_MAX_BYTES, type BuildEvent, type BuildOptions as RunnerBuildOptions, type BuildResult } from './runner/build.ts';
import { extractLoaded, extractOne, type ExtractOneOptions } from './runner/extract-one.ts';
import type { Entry } from './runner/store.ts';
import { MIN_THREAD_MEMORY_MB } from './runner/pool.ts';
import { checkQueueOptions, type QueueEngineOptions } from './runner/queue/connection.ts';

/** A samut document: the JSON one source becomes (`schemaVersion` "1"). */
export type SamutDocument = Document;

/** The `schemaVersion`s this version of samut can produce. */
export const SCHEMA_VERSIONS = ['1'] as const;
/** A `schemaVersion` this version of samut can produce. */
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

/** Bytes already in memory, with what is known of them. */
export interface ExtractBytes {
  /** The document's bytes; its kind is recognised from them. */
  bytes: Uint8Array;
  /** A name for the document (a file name or URL): becomes `source.uri`; also a hint for the
   * kind when the bytes alone do not tell. @default "bytes" */
  name?: string;
  /** The media type the bytes came with (for example an HTTP `Content-Type`, charset included). */
  mediaType?: string;
}

/** What `extract` reads: a file path, an `http(s)://` or `file:` URL (string or `URL`), or bytes. */
export type ExtractInput = string | URL | Uint8Array | ExtractBytes;

/** Options of {@link extract}: those of the command line's `extract`, and the schemaVersion. */
export interface ExtractOptions extends ExtractOneOptions {
  /** The `schemaVersion` of the document produced. @default "1" */
  schemaVersion?: SchemaVersion;
}

/** The outcome of {@link extract}: the document, or why there is none (never both). */
export type ExtractResult = { document: SamutDocument } | { failure: Failure };

/** Options of {@link build}. */
export interface BuildOptions extends Omit<RunnerBuildOptions, 'signal' | 'onEvent'> {
  /** Stops the build: nothing new is started, finished documents are kept, and running the
   * same build again completes it. */
  signal?: AbortSignal;
  /** Called with each progress event as it happens. */
  onEvent?: (event: BuildEvent) => void;
  /** The `schemaVersion` of the documents written. @default "1" */
  schemaVersion?: SchemaVersion;
}

/** One document of a build, as soon as it is done. */
export interface BuildDocument {
  /** The document's line in the manifest: status, id, counts, error. */
  entry: Entry;
  /** The document's JSON file, when the build has one for it (status `ok` or `skipped-unchanged`). */
  file: string | null;
  /** The document itself, read from `file`. */
  document: SamutDocument | null;
}

/** A running build: await it for the result, or iterate it for each document as it is done. */
export interface BuildRun extends PromiseLike<BuildResult>, AsyncIterable<BuildDocument> {
  /** The build's result: the manifest (also written to `out/manifest.json`) and an exit code. */
  readonly result: Promise<BuildResult>;
}

type Check = (value: unknown) => string | null;

const positiveInteger: Check = (value) => (Number.isInteger(value) && (value as number) >= 1 ? null : 'an integer >= 1');
const bool: Check = (value) => (typeof value === 'boolean' ? null : 'a boolean');
const nonEmptyString: Check = (value) => (typeof value === 'string' && value !== '' ? null : 'a non-empty string');
const stringList: Check = (value) => (Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '') ? null : 'an array of non-empty strings');
const ocrMode: Check = (value) => (value === 'auto' || value === 'always' || value === 'never' ? null : '"auto", "always" or "never"');
const ocrLanguages: Check = (value) => (typeof value === 'string' && /^[a-z_]{3,10}(\+[a-z_]{3,10})*$/u.test(value) ? null : 'tesseract codes joined by "+", e.g. "tha+eng"');
const abortSignal: Check = (value) => (value instanceof AbortSignal ? null : 'an AbortSignal');
const fn: Check = (value) => (typeof value === 'function' ? null : 'a function');
const schemaVersion: Check = (value) => (SCHEMA_VERSIONS.includes(value as SchemaVersion) ? null : `one of ${SCHEMA_VERSIONS.map((v) => `"${v}"`).join(', ')}`);
/** Throws its own TypeError: the generic message would echo the value, and a Redis URL may hold a password. */
const queueOptions: Check = (value) => {
  if (typeof value !== 'object' || value === null) throw new TypeError('Expected `queue` to be an object { url, name?, inlineMaxBytes? }');
  checkQueueOptions(value as QueueEngineOptions);
  return null;
};
const threadMemory: Check = (value) => (Number.isInteger(value) && (value as number) >= MIN_THREAD_MEMORY_MB ? null : `an integer >= ${MIN_THREAD_MEMORY_MB}`);

const EXTRACT_CHECKS: Record<keyof ExtractOptions, Check> = {
  ocr: ocrMode,
  ocrLanguages,
  timeoutMs: positiveInteger,
  maxBytes: positiveInteger,
  threadMemoryMb: threadMemory,
  signal: abortSignal,
  schemaVersion,
};

const BUILD_CHECKS: Record<keyof BuildOptions, Check> = {
  inputs: stringList,
  lists: stringList,
  out: nonEmptyString,
  concurrency: positiveInteger,
  threads: positiveInteger,
  threadMemoryMb: threadMemory,
  timeoutMs: positiveInteger,
  maxBytes: positiveInteger,
  ocr: ocrMode,
  ocrLanguages,
  force: bool,
  prune: bool,
  allowOutside: bool,
  signal: abortSignal,
  onEvent: fn,
  cwd: nonEmptyString,
  schemaVersion,
  queue: queueOptions,
};

/** Throws a TypeError naming the first option that is unknown or not what it should be. */
function checkOptions(what: string, options: unknown, checks: Record<string, Check>, required: readonly string[] = []): void {
  if (typeof options !== 'object' || options === null) throw new TypeError(`Expected ${what} options to be an object, got \`${String(options)}\``);
  const record = options as Record<string, unknown>;
  for (const name of required) {
    if (record[name] === undefined) throw new TypeError(`Expected \`${name}\` in ${what} options`);
  }
  for (const [name, value] of Object.entries(record)) {
    const check = checks[name];
    if (!check) throw new TypeError(`Unknown ${what} option \`${name}\``);
    if (value === undefined) continue;
    const expected = check(value);
    if (expected) throw new TypeError(`Expected \`${name}\` to be ${expected}, got \`${String(value)}\` (${typeof value})`);
  }
}

function isBytes(input: unknown): input is ExtractBytes {
  return typeof input === 'object' && input !== null && 'bytes' in input && input.bytes instanceof Uint8Array;
}

/** The same input, in the shape the runner takes: a path or http(s) URL, or bytes. */
function normalizeInput(input: ExtractInput): string | ExtractBytes {
  if (input instanceof Uint8Array) return { bytes: input };
  if (isBytes(input)) {
    if (input.name !== undefined && typeof input.name !== 'string') throw new TypeError(`Expected \`input.name\` to be a string, got \`${String(input.name)}\``);
    if (input.mediaType !== undefined && typeof input.mediaType !== 'string') {
      throw new TypeError(`Expected \`input.mediaType\` to be a string, got \`${String(input.mediaType)}\``);
    }
    return input;
  }
  const url = input instanceof URL ? input : typeof input === 'string' && /^file:/iu.test(input) ? new URL(input) : null;
  if (url) {
    if (url.protocol === 'file:') return fileURLToPath(url);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    throw new TypeError(`Expected \`input\` to be an http:, https: or file: URL, got \`${url.href}\``);
  }
  if (typeof input === 'string' && input !== '') return input;
  throw new TypeError(`Expected \`input\` to be a path, a URL, a Uint8Array or { bytes, name?, mediaType? }, got \`${String(input)}\` (${typeof input})`);
}

/**
 * Reads one document and returns it, writing nothing.
 *
 * The kind of input (PDF, scan or image, web page, Markdown, plain text) is recognised from its
 * bytes. A document samut cannot read resolves to `{ failure }` with a stable error `code`, the
 * `stage` it failed in and a `message`; the promise rejects only on misuse.
 *
 * @param input a file path, an `http(s)://` or `file:` URL, or bytes (a `Uint8Array`, or
 *   `{ bytes, name?, mediaType? }`).
 * @param options see {@link ExtractOptions}.
 * @throws TypeError at once, naming the option, when an option or the input is not valid.
 * @example
 * ```ts
 * const result = await extract('report.pdf');
 * if ('document' in result) console.log(result.document.title);
 * else console.error(result.failure.code, result.failure.message);
 * ```
 */
export function extract(input: ExtractInput, options: ExtractOptions = {}): Promise<ExtractResult> {
  checkOptions('extract', options, EXTRACT_CHECKS);
  const normalized = normalizeInput(input);
  const { schemaVersion: _version, ...runnerOptions } = options;
  if (typeof normalized === 'string') return extractOne(normalized, runnerOptions);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = normalized.name ?? 'bytes';
  if (normalized.bytes.length > maxBytes) {
    const error = new DocumentError('input-too-large', `${name} is ${normalized.bytes.length} bytes, over the ${maxBytes}-byte cap (maxBytes)`);
    return Promise.resolve({ failure: toFailure(error, 'read') });
  }
  return extractLoaded({ uri: name }, { bytes: normalized.bytes, contentType: normalized.mediaType }, runnerOptions);
}

/**
 * Builds a corpus: every input (files, folders walked recursively, URLs, sources lists) becomes
 * `out/docs/<id>.json`, with `out/corpus.jsonl` and `out/manifest.json`. Incremental (unchanged
 * documents are skipped) and resumable (an interrupted build is completed by running it again).
 *
 * The returned {@link BuildRun} is awaitable (the {@link BuildResult}) and async-iterable: each
 * document is yielded as soon as it is done, so an app can stream a corpus without waiting for
 * the manifest. Documents are buffered from the start, so iterating late misses none; leaving
 * the loop early (`break`) stops the build as its `signal` would.
 *
 * @param options see {@link BuildOptions}; `inputs` and `out` are required.
 * @throws TypeError at once, naming the option, when an option is unknown or not valid.
 * @example
 * ```ts
 * for await (const { entry, document } of build({ inputs: ['reports/'], out: 'output' })) {
 *   console.log(entry.status, entry.uri, document?.title);
 * }
 * ```
 */
export function build(options: BuildOptions): BuildRun {
  checkOptions('build', options, BUILD_CHECKS, ['inputs', 'out']);
  const { schemaVersion: _version, signal: outerSignal, onEvent, ...rest } = options;
  const stop = new AbortController();
  const signal = outerSignal ? AbortSignal.any([outerSignal, stop.signal]) : stop.signal;
  const docsDir = path.resolve(options.cwd ?? process.cwd(), options.out, 'docs');
  const done: Entry[] = [];
  let finished = false;
  let wake: (() => void) | undefined;
  const result = runBuild({
    ...rest,
    signal,
    onEvent(event) {
      if (event.type === 'document') {
        done.push(event.entry);
        wake?.();
      }
      onEvent?.(event);
    },
  }).finally(() => {
    finished = true;
    wake?.();
  });

  async function* documents(): AsyncGenerator<BuildDocument> {
    let next = 0;
    try {
      for (;;) {
        const entry = done[next];
        if (entry) {
          next++;
          const hasFile = entry.id !== null && (entry.status === 'ok' || entry.status === 'skipped-unchanged');
          const file = hasFile ? path.join(docsDir, `${entry.id}.json`) : null;
          const document = file ? (JSON.parse(await readFile(file, 'utf8')) as SamutDocument) : null;
          yield { entry, file, document };
          continue;
        }
        if (finished) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      await result; // a build that failed as a whole rejects the loop too
    } finally {
      if (!finished) {
        stop.abort(new Error('the caller stopped iterating the build'));
        await result.catch(() => undefined);
      }
    }
  }

  return {
    result,
    then: (onFulfilled, onRejected) => result.then(onFulfilled, onRejected),
    [Symbol.asyncIterator]: () => documents(),
  };
}
