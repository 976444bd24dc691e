// Module loader hook (node:module register): serves pdfjs-dist's prebuilt .mjs files as they
// are, so that a TypeScript loader (tsx) does not re-transform them. pdf.js is 3 MB of built
// JavaScript: through tsx it costs ~+250 MB RSS and seconds of start-up per thread, as is ~+30 MB.
// The files are served with samut's few source patches (pdfjs-patches.mjs says which and why).
import { readFile } from 'node:fs/promises';
import { patchPdfJs } from './pdfjs-patches.mjs';

const PDFJS_BUILD = /\/node_modules\/pdfjs-dist\/.+\.mjs$/u;

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && PDFJS_BUILD.test(new URL(url).pathname)) {
    const { source } = patchPdfJs(new URL(url).pathname, await readFile(new URL(url), 'utf8'));
    return { format: 'module', source, shortCircuit: true };
  }
  return nextLoad(url, context);
}
