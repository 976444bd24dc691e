// Stages that run on the main thread because they are I/O (fetch) or own thread pools of
// their own (OCR: tesseract.js workers). Kept in one place so the runner imports one module.
import { DEFAULT_FETCH_OPTIONS, fetchUrl } from '../fetch/index.ts';
import type { Draft } from '../model/draft.ts';
import { createLazyOcr, type PdfPages } from '../ocr/index.ts';
import { DocumentError } from '../model/errors.ts';
import type { OcrMode } from '../model/stages.ts';
import type { Loaded } from './read.ts';

export async function fetchInput(url: string, maxBytes: number, signal?: AbortSignal): Promise<Loaded> {
  const fetched = await fetchUrl(url, { maxBytes: Math.min(maxBytes, DEFAULT_FETCH_OPTIONS.maxBytes) }, signal);
  return { bytes: fetched.bytes, contentType: fetched.contentType ?? undefined, charset: fetched.charset, finalUrl: fetched.finalUrl };
}

export interface OcrRunner {
  run(draft: Draft, bytes: Uint8Array, options: { ocr: OcrMode; ocrLanguages: string }, signal?: AbortSignal, pdfPages?: PdfPages): Promise<Draft>;
  close(): Promise<void>;
}

/** The OCR stage's lazy engine (started by the first document that needs it), with failures
 * that are not the document's own turned into its 'ocr-failed' error. */
export function createOcrRunner(options: { languages: string; workers: number }): OcrRunner {
  const lazy = createLazyOcr({ languages: options.languages, workers: options.workers });
  return {
    async run(draft, bytes, stageOptions, signal, pdfPages) {
      try {
        return await lazy.run(draft, bytes, stageOptions, signal, pdfPages);
      } catch (error) {
        if (error instanceof DocumentError || signal?.aborted) throw error;
        throw new DocumentError('ocr-failed', `OCR failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    close: () => lazy.close(),
  };
}
