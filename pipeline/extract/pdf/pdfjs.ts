// pdf.js, loaded once per thread, on first use, untouched by the TypeScript loader (see
// raw-pdfjs-hooks.mjs). Only types are imported statically.
import { register } from 'node:module';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    try {
      register(new URL('./raw-pdfjs-hooks.mjs', import.meta.url));
    } catch {
      // Without the hook pdf.js still loads, only more slowly under tsx.
    }
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}
