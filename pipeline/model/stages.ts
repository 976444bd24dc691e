// The shapes every stage shares. A stage is a plain function from serializable data to
// serializable data; the runner (pipeline/runner) owns concurrency, timeouts, retries,
// caching and progress, and stages never import each other: they meet only through Draft.
import type { Draft, SourceKind } from './draft.ts';
import type { Source } from './document.ts';

/** OCR of pages without a usable text layer (`auto`), of every page (`always`), or none (`never`). */
export type OcrMode = 'auto' | 'always' | 'never';

export interface ExtractOptions {
  /** Whether pages without a usable text layer should be marked for OCR, or OCR forced. */
  ocr: OcrMode;
  /** Languages for OCR, tesseract codes joined by "+". */
  ocrLanguages: string;
}

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = { ocr: 'auto', ocrLanguages: 'tha+eng' };

export interface ExtractInput {
  source: Source;
  kind: SourceKind;
  bytes: Uint8Array;
  /** Character set declared outside the bytes (an HTTP Content-Type header), if any. */
  declaredCharset?: string | undefined;
  /** For documents fetched from a URL: where the bytes finally came from (after redirects). */
  finalUrl?: string | undefined;
  options: ExtractOptions;
}

/** extract: bytes of one kind → a draft. Throws DocumentError for a document it cannot read. */
export type ExtractStage = (input: ExtractInput, signal?: AbortSignal) => Promise<Draft>;

/** repair, tag: draft → draft. Pure and synchronous; problems become draft warnings. */
export type DraftStage = (draft: Draft) => Draft;

const STAGE_NAMES = ['read', 'detect', 'extract', 'ocr', 'repair', 'tag', 'emit', 'write'] as const;
export type StageName = (typeof STAGE_NAMES)[number];
