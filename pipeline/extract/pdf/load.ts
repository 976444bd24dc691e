// Opening a PDF with pdf.js in Node: legacy build, no worker thread of its own (the runner
// already runs us in one), no eval, no font faces, no network (standard fonts from the
// package on disk), no console noise, nothing drawn (images and glyph outlines are skipped).
// pdf.js errors become samut error codes.
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentError } from '../../model/index.ts';
import type { Metadata } from '../../model/index.ts';
import { loadPdfJs, PDFJS_ASSETS } from '../../shared/pdfjs.ts';
import type { PdfJs } from '../../shared/pdfjs.ts';


/** The smallest and largest page sides the PDF spec allows (points, at UserUnit 1). */
export const MIN_PAGE_SIDE_PT = 3;
export const MAX_PAGE_SIDE_PT = 14_400;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
  return getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
    ...PDFJS_ASSETS,
    cMapPacked: true,
    // Text only: no image is decoded and no glyph outline compiled (see shared/pdfjs-patches.mjs).
    maxImageSize: 0,
    samutTextOnly: true,
  } as Parameters<PdfJs['getDocument']>[0]);
}

/** Maps what pdf.js throws while opening a file to a DocumentError. */
export function openError(error: unknown): DocumentError {
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new DocumentError('pdf-encrypted', `the PDF needs a password (${message})`, { cause: error });
  return new DocumentError('pdf-corrupt', `pdf.js could not read the PDF: ${message}`, { cause: error });
}

/** Waits for a pdf.js promise unless the signal aborts first. */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function isoDate(pdfjs: PdfJs, value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = pdfjs.PDFDateString.toDateObject(value);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

function cleanString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\u0000/gu, '').trim();
  return text === '' ? null : text;
}

/** Titles that producers write when there is none. */
const PLACEHOLDER_TITLE = /^(?:untitled|unknown|title|document\d*|microsoft word - .*|.*\.(?:docx?|pdf|indd|rtf|odt))$/iu;

export interface DocumentFacts {
  metadata: Metadata;
  infoTitle: string | null;
}

export async function readDocumentFacts(doc: PDFDocumentProxy, signal: AbortSignal | undefined): Promise<DocumentFacts> {
  const pdfjs = await loadPdfJs();
  const { info, metadata: xmp } = await unlessAborted(doc.getMetadata(), signal);
  const fields = (info ?? {}) as Record<string, unknown>;
  const title = cleanString(fields.Title) ?? cleanString(xmp?.get('dc:title'));
  return {
    metadata: {
      author: cleanString(fields.Author) ?? cleanString(xmp?.get('dc:creator')),
      created: isoDate(pdfjs, fields.CreationDate),
      modified: isoDate(pdfjs, fields.ModDate),
      producer: cleanString(fields.Producer),
      declaredLanguage: cleanString(fields.Language),
      pageCount: doc.numPages,
    },
    infoTitle: title && !PLACEHOLDER_TITLE.test(title) ? title : null,
  };
}
