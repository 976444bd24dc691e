// One input → one document, nothing written: what `samut extract` prints.
import type { Document } from '../model/document.ts';
import { DocumentError, toFailure, type Failure } from '../model/errors.ts';
import type { OcrMode } from '../model/stages.ts';
import { DEFAULT_MAX_BYTES } from './build.ts';
import { expandInputs, type InputRef } from './inputs.ts';
import { createStagePool, DEFAULT_THREAD_MEMORY_MB, type StagePool } from './pool.ts';
import { identify, lazyOcrRunner, processDocument, resolveProcessOptions } from './process.ts';
import { readInput, type Loaded } from './read.ts';
import { reportMissedPdfJsPatches } from '../shared/pdfjs-patch-check.ts';

/** Options of {@link extractOne}. */
export interface ExtractOneOptions {
  /** OCR of pages without a usable text layer (`auto`), of every page (`always`), or none. @default "auto" */
  ocr?: OcrMode;
  /** tesseract languages joined by "+". @default "tha+eng" */
  ocrLanguages?: string;
  /** Time limit for the document, in milliseconds. @default 120000 */
  timeoutMs?: number;
  /** Largest input read, in bytes. @default 512 MiB */
  maxBytes?: number;
  /** Heap of the worker thread the document is parsed in, in MB: a document that needs more
   * fails with `memory-limit`. @default 512 */
  threadMemoryMb?: number;
  /** Stops the work; the promise then resolves to a failure. */
  signal?: AbortSignal;
}

/** A document, or the failure that stopped it. */
export type ExtractOneResult = { document: Document } | { failure: Failure };

/** One path or http(s) URL → one document, nothing written (the command line's `extract`). */
export async function extractOne(input: string, options: ExtractOneOptions = {}): Promise<ExtractOneResult> {
  const refs = [];
  for await (const ref of expandInputs([input])) refs.push(ref);
  const ref = refs[0];
  if (refs.length !== 1 || !ref) {
    return { failure: toFailure(new DocumentError('input-unsupported', `extract takes one document; ${input} holds ${refs.length}`), 'read') };
  }
  let loaded;
  try {
    loaded = await readInput(ref, options.maxBytes ?? DEFAULT_MAX_BYTES, options.signal, resolveProcessOptions(options).timeoutMs);
  } catch (error) {
    return { failure: toFailure(error, 'read') };
  }
  return extractLoaded(ref, loaded, options);
}

const sharedPools = new Map<number, StagePool>();

/** One document whose bytes are already in hand (read from disk or a URL, or given by a caller). */
export async function extractLoaded(ref: InputRef, loaded: Loaded, options: ExtractOneOptions = {}): Promise<ExtractOneResult> {
  const processOptions = resolveProcessOptions(options);
  reportMissedPdfJsPatches();
  let identified;
  try {
    identified = identify(ref, loaded);
  } catch (error) {
    return { failure: toFailure(error, 'detect') };
  }
  // The document is parsed in a worker thread with the build's heap cap and timeout, never in this
  // thread: a flate bomb or a page of nested <div>s fails with its code instead of taking the
  // machine's memory or never returning, and pdf.js and its loader hook never load in the
  // caller's thread. One thread per heap cap serves every call (piscina unrefs it when idle, so it
  // never keeps the process alive): a second document does not pay for starting it again.
  const threadMemoryMb = options.threadMemoryMb ?? DEFAULT_THREAD_MEMORY_MB;
  let pool = sharedPools.get(threadMemoryMb);
  if (!pool) sharedPools.set(threadMemoryMb, (pool = createStagePool(1, threadMemoryMb)));
  const ocr = lazyOcrRunner(processOptions);
  try {
    const result = await processDocument(ref, loaded, identified, processOptions, {
      pool,
      ocr: ocr.get,
      signal: options.signal,
    });
    return result.ok ? { document: JSON.parse(result.json) as Document } : { failure: result.failure };
  } finally {
    await ocr.close();
  }
}
