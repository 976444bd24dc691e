// Stages that run on the main thread because they are I/O (fetch) or own thread pools of
// their own (OCR: tesseract.js workers). Kept in one place so the runner imports one module.
import { DEFAULT_FETCH_OPTIONS, fetchUrl } from '../fetch/index.ts';
import type { Draft } from '../model/draft.ts';
import { createLazyOcr } from '../ocr/lazy.ts';
import type { PageOpener } from '../ocr/page-images.ts';
import { DocumentError } from '../model/errors.ts';
import type { OcrMode } from '../model/stages.ts';

/** The bytes of one input, read from disk (read.ts) or fetched (here). */
export interface Loaded {
  bytes: Uint8Array;
  contentType?: string | undefined;
  charset?: string | undefined;
  finalUrl?: string | undefined;
  /** Permission bits of a local source: its output is written with these at most. */
  mode?: number | undefined;
}

/** timeoutMs: the per-document time limit, which bounds the whole fetch too (a stalling server
 * used to hold a document for the fetcher's own 60 s whatever --timeout said). */
export async function fetchInput(url: string, maxBytes: number, signal?: AbortSignal, timeoutMs?: number): Promise<Loaded> {
  const limits = timeoutMs === undefined ? {} : { timeoutMs: Math.min(timeoutMs, DEFAULT_FETCH_OPTIONS.timeoutMs), headersTimeoutMs: Math.min(timeoutMs, DEFAULT_FETCH_OPTIONS.headersTimeoutMs) };
  const fetched = await fetchUrl(url, { maxBytes: Math.min(maxBytes, DEFAULT_FETCH_OPTIONS.maxBytes), ...limits }, signal);
  return { bytes: fetched.bytes, contentType: fetched.contentType ?? undefined, charset: fetched.charset, finalUrl: fetched.finalUrl };
}

export interface OcrRunner {
  run(draft: Draft, bytes: Uint8Array, options: { ocr: OcrMode; ocrLanguages: string }, signal?: AbortSignal, openPages?: PageOpener): Promise<Draft>;
  close(): Promise<void>;
}

/** The OCR stage's lazy engine (started by the first document that needs it), with failures
 * that are not the document's own turned into its 'ocr-failed' error. */
export function createOcrRunner(options: { languages: string; workers: number }): OcrRunner {
  const lazy = createLazyOcr({ languages: options.languages, workers: options.workers });
  return {
    async run(draft, bytes, stageOptions, signal, openPages) {
      try {
        return await lazy.run(draft, bytes, stageOptions, signal, openPages);
      } catch (error) {
        if (error instanceof DocumentError || signal?.aborted) throw error;
        throw new DocumentError('ocr-failed', `OCR failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    close: () => lazy.close(),
  };
}
