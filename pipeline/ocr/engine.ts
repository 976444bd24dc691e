// The OCR engine: a pool of tesseract.js workers (one WebAssembly tesseract per worker thread)
// behind tesseract.js' scheduler, which hands each job to the next idle worker. Started once per
// build and reused by every document: loading the Thai model takes about half a second a worker.
import os from 'node:os';
import type { Page, Scheduler, Worker } from 'tesseract.js';
import { DocumentError } from '../model/index.ts';
import { prepareTessdata } from './tessdata.ts';

interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBox;
  words: OcrWord[];
}

interface OcrParagraph {
  lines: OcrLine[];
  bbox: OcrBox;
}

/** What tesseract read on one page image: paragraphs of lines, in reading order. */
export interface OcrPageResult {
  paragraphs: OcrParagraph[];
  /** Mean confidence of the page, 0..1. */
  confidence: number;
}

interface RecognizeOptions {
  /** Checked before the job is queued; a job already running is not interrupted. */
  signal?: AbortSignal;
}

export interface OcrEngine {
  readonly languages: string;
  readonly workers: number;
  /** image: PNG or JPEG bytes (tesseract's Leptonica decodes them inside the worker). */
  recognize(image: Uint8Array, opts?: RecognizeOptions): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}

export interface OcrEngineOptions {
  /** tesseract language codes joined by "+". @default 'tha+eng' */
  languages?: string;
  /** Worker threads, one page each at a time. @default os.availableParallelism() */
  workers?: number;
  /** Folder under which the traineddata folder is made. @default os.tmpdir() */
  tessdataRoot?: string;
}

const DEFAULT_OCR_LANGUAGES = 'tha+eng';

/** Tesseract parameters for every job. Thai is written without spaces between words; keeping
 * tesseract's own inter-word spacing stops it from inventing a space between every letter. */
const TESSERACT_PARAMETERS = { preserve_interword_spaces: '1' } as const;

const toUnit = (confidence: number) => Math.max(0, Math.min(1, confidence / 100));

function toPageResult(page: Page): OcrPageResult {
  const paragraphs: OcrParagraph[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      const lines = paragraph.lines
        .map((line) => ({
          text: line.text.replace(/\s+$/u, ''),
          confidence: toUnit(line.confidence),
          bbox: { ...line.bbox },
          words: line.words.map((word) => ({ text: word.text, confidence: toUnit(word.confidence) })),
        }))
        .filter((line) => line.text.trim().length > 0);
      if (lines.length > 0) paragraphs.push({ lines, bbox: { ...paragraph.bbox } });
    }
  }
  return { paragraphs, confidence: toUnit(page.confidence) };
}

/** tesseract.js, loaded with the first engine. Its entry loads regenerator-runtime, which sets a
 * global `regeneratorRuntime` that tesseract.js' own code never reads: it is taken back, so that
 * samut leaves the globals of the thread that calls it as they were. */
async function loadTesseract(): Promise<typeof import('tesseract.js')> {
  const hadRegenerator = 'regeneratorRuntime' in globalThis;
  const tesseract = await import('tesseract.js');
  if (!hadRegenerator) delete (globalThis as { regeneratorRuntime?: unknown }).regeneratorRuntime;
  return tesseract.default ?? tesseract;
}

export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const languages = options.languages ?? DEFAULT_OCR_LANGUAGES;
  const size = options.workers ?? os.availableParallelism();
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError(`Expected \`workers\` to be an integer >= 1, got \`${String(options.workers)}\``);
  }
  const langPath = prepareTessdata(languages, options.tessdataRoot);
  const { createScheduler, createWorker, OEM } = await loadTesseract();
  const scheduler: Scheduler = createScheduler();
  let workers: Worker[];
  try {
    workers = await Promise.all(
      Array.from({ length: size }, () =>
        createWorker(languages, OEM.LSTM_ONLY, {
          langPath,
          gzip: true,
          // Never write the unpacked model into the working directory, never read a stale one.
          cacheMethod: 'none',
          // Without a handler tesseract.js rethrows a rejected job (a truncated JPEG, a PNG of
          // random IDAT) from its message listener, which kills the whole process; the job's own
          // promise is rejected as well, and recognize() turns that into the document's ocr-failed.
          errorHandler: () => undefined,
        }),
      ),
    );
    await Promise.all(workers.map((worker) => worker.setParameters(TESSERACT_PARAMETERS)));
  } catch (error) {
    await scheduler.terminate().catch(() => undefined);
    throw new DocumentError('ocr-failed', `the OCR workers could not start: ${String(error)}`, { cause: error });
  }
  for (const worker of workers) scheduler.addWorker(worker);
  let terminated = false;
  return {
    languages,
    workers: size,
    async recognize(image, opts) {
      if (terminated) throw new TypeError('Cannot call `recognize` on a terminated OCR engine');
      opts?.signal?.throwIfAborted();
      // Buffer, not Uint8Array: tesseract.js reads other typed arrays as image-like objects.
      const buffer = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      try {
        const result = await scheduler.addJob('recognize', buffer, {}, { text: false, blocks: true });
        return toPageResult(result.data);
      } catch (error) {
        throw new DocumentError('ocr-failed', `tesseract could not read the page image: ${String(error)}`, { cause: error });
      }
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      await scheduler.terminate();
    },
  };
}
