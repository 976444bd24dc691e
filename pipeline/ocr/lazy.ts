// The OCR stage as the runner holds it: the engine starts on the first document that needs OCR
// (a build of HTML never pays for loading the Thai model) and is shared by every one after it.
// Its shape matches pipeline/runner's OcrRunner.
import type { Draft, OcrMode } from '../model/index.ts';
import { createOcrEngine, type OcrEngine, type OcrEngineOptions } from './engine.ts';
import { ocrDraft, type PdfPages } from './index.ts';

export interface LazyOcr {
  run(draft: Draft, bytes: Uint8Array, options: { ocr: OcrMode; ocrLanguages: string; dpi?: number }, signal?: AbortSignal, pdfPages?: PdfPages): Promise<Draft>;
  /** Whether an engine was started (for progress output and tests). */
  readonly started: boolean;
  close(): Promise<void>;
}

export function createLazyOcr(options: OcrEngineOptions = {}): LazyOcr {
  let engine: Promise<OcrEngine> | undefined;
  return {
    get started() {
      return engine !== undefined;
    },
    async run(draft, bytes, stageOptions, signal, pdfPages) {
      if (stageOptions.ocr === 'never') return draft;
      engine ??= createOcrEngine(options);
      return ocrDraft({ draft, bytes, options: stageOptions }, await engine, signal, pdfPages);
    },
    async close() {
      const started = engine;
      engine = undefined;
      if (started) await (await started).terminate();
    },
  };
}
