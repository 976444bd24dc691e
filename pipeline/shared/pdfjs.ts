// pdf.js, loaded once per thread, on first use, for every stage that reads PDFs (extract/pdf
// reads text, ocr renders pages). Two things make loading it not just an import:
// - samut patches pdf.js' source (pdfjs-patches.mjs). The published package carries it patched
//   (dist/pipeline/shared/pdfjs/) and imports it as it is; from the repository, a module loader
//   hook (raw-pdfjs-hooks.mjs, on a thread of its own) patches pdfjs-dist's files as they load and
//   keeps tsx from re-transforming its 3 MB of prebuilt JavaScript (+250 MB RSS, seconds per thread);
// - the legacy build's core-js polyfills replace some built-ins process-wide with JavaScript
//   versions (Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString),
//   although Node 20's own are fine, and slow down every stage in the thread (push alone cost
//   this extractor a third of its time): they are put back once pdf.js and its worker code
//   have loaded. Polyfills that only add methods stay.
// Only types are imported statically.
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resourceLimits } from 'node:worker_threads';
import { hasPrebuiltPdfJs, PREBUILT_PDFJS } from './pdfjs-patch-check.ts';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const NATIVES_TO_KEEP: readonly [object, string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

/** A variable, not a literal: the worker module ships no types and we need none of them. */
const PDFJS_WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<PdfJs> | null = null;

/** Most bytes one PDF stream may decode to (a quarter of this thread's heap cap, 128 MB on the
 * main thread): pdf.js keeps decoded streams in buffers outside the capped V8 heap, so without
 * this a 6 MB flate bomb took 5 GB. A stream past it fails (`samut-stream-too-large`); pdf.js
 * drops what it was part of (a page's content, a font, an image) and goes on. */
export const MAX_STREAM_BYTES = Math.max(32, Math.floor((resourceLimits.maxOldGenerationSizeMb ?? 512) / 4)) * 2 ** 20;

/** How many streams this thread refused at MAX_STREAM_BYTES so far (the patches count them). */
export function streamsTooLarge(): number {
  return (globalThis as { samutStreamsTooLarge?: number }).samutStreamsTooLarge ?? 0;
}

function saveNatives(): () => void {
  const saved = NATIVES_TO_KEEP.map(([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)] as const);
  return () => {
    for (const [target, key, descriptor] of saved) if (descriptor) Object.defineProperty(target, key, descriptor);
  };
}

// Saved when this module loads (with the stages, before any document), not when pdf.js does:
// another stage that imported pdf.js first would otherwise have us save its polyfills.
const restoreNatives = saveNatives();

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    (globalThis as { samutMaxStreamBytes?: number }).samutMaxStreamBytes = MAX_STREAM_BYTES;
    try {
      // The worker code runs in this thread (pdf.js' "fake worker"): loading it now sets
      // globalThis.pdfjsWorker, which pdf.js uses instead of importing it at the first document.
      if (hasPrebuiltPdfJs()) {
        const pdfjs = (await import(PREBUILT_PDFJS.api.href)) as PdfJs;
        await import(PREBUILT_PDFJS.worker.href);
        return pdfjs;
      }
      try {
        register(new URL('./raw-pdfjs-hooks.mjs', import.meta.url));
      } catch {
        // Without the hook pdf.js still loads, only more slowly under tsx.
      }
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import(PDFJS_WORKER_MODULE);
      return pdfjs;
    } finally {
      restoreNatives();
    }
  })();
  return loading;
}

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

/** pdf.js' standard fonts and CMaps from the installed package (folder URLs ending in "/"):
 * nothing is fetched. */
export const PDFJS_ASSETS = {
  standardFontDataUrl: pathToFileURL(join(PDFJS_ROOT, 'standard_fonts') + '/').href,
  cMapUrl: pathToFileURL(join(PDFJS_ROOT, 'cmaps') + '/').href,
} as const;
