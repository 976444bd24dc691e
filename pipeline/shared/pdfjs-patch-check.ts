// Whether samut's pdf.js source patches apply to the installed pdfjs-dist, checked on the text of
// its files (pdf.js itself is not loaded: this runs in the caller's thread). A patch that no
// longer applies leaves PDFs read unpatched, only more slowly; samut says so once per process on
// stderr, and a build records it in its manifest.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFJS_PATCHES, patchPdfJs } from './pdfjs-patches.mjs';

const require = createRequire(import.meta.url);

/** pdf.js as the published package carries it, patched when the package was built
 * (scripts/build-package.mjs, which fails on a patch that does not apply); absent in the repository. */
export const PREBUILT_PDFJS = {
  api: new URL('./pdfjs/pdf.mjs', import.meta.url),
  worker: new URL('./pdfjs/pdf.worker.mjs', import.meta.url),
} as const;

export function hasPrebuiltPdfJs(): boolean {
  return existsSync(PREBUILT_PDFJS.api) && existsSync(PREBUILT_PDFJS.worker);
}

/** The reasons (`why`) of the patches that do not apply to the pdfjs-dist in `root`. */
export function missedPdfJsPatches(root: string = dirname(require.resolve('pdfjs-dist/package.json'))): string[] {
  const missed: string[] = [];
  for (const file of new Set(PDFJS_PATCHES.map((patch) => patch.file))) {
    let source = '';
    try {
      source = readFileSync(join(root, file), 'utf8');
    } catch {
      // A file that is gone misses all its patches.
    }
    missed.push(...patchPdfJs(`/node_modules/pdfjs-dist/${file}`, source).missed.map((patch) => patch.why));
  }
  return missed;
}

let checked: string[] | undefined;

/** The patches that do not apply, checked once per process; the first call reports them on `stderr`. */
export function reportMissedPdfJsPatches(stderr: { write(text: string): unknown } = process.stderr, root?: string): string[] {
  if (checked) return checked;
  // The package's own patched copy is what its threads load: the installed pdfjs-dist's code is not run.
  checked = root === undefined && hasPrebuiltPdfJs() ? [] : missedPdfJsPatches(root);
  if (checked.length > 0) {
    stderr.write(
      `samut: ${checked.length} of ${PDFJS_PATCHES.length} pdf.js source patches no longer apply to the installed pdfjs-dist ` +
        `(samut is tested with 5.6.205); PDFs are read without them, more slowly:\n${checked.map((why) => `  - ${why}\n`).join('')}`,
    );
  }
  return checked;
}
