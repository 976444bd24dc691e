// Bare pdf.js, for the pdf-dev benchmark: stock pdfjs-dist (none of samut's patches, loader
// hooks or restored built-ins), getTextContent() on every page, in this one thread.
// Usage: node scripts/lib/pdfjs-text-content.mjs [--with-start] ROUNDS FILE...   (prints { pages, seconds })
// One untimed round first (it loads pdf.js and warms up its JIT), then ROUNDS timed rounds; with
// --with-start, no untimed round and the ROUNDS timed from this process's start (loading pdf.js
// and warming up included: pdf.js is imported after the start).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const withStart = process.argv[2] === '--with-start';
const [rounds, ...files] = process.argv.slice(withStart ? 3 : 2);
const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function readFile(file) {
  const task = getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
    standardFontDataUrl: pathToFileURL(join(root, 'standard_fonts') + '/').href,
    cMapUrl: pathToFileURL(join(root, 'cmaps') + '/').href,
    cMapPacked: true,
  });
  try {
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      await page.getTextContent();
      page.cleanup();
    }
    return doc.numPages;
  } catch {
    return 0;
  } finally {
    await task.destroy();
  }
}

if (!withStart) for (const file of files) await readFile(file);
let pages = 0;
// performance.now() counts from this process's start.
const start = withStart ? 0 : performance.now();
for (let round = 0; round < Number(rounds); round++) for (const file of files) pages += await readFile(file);
process.stdout.write(JSON.stringify({ pages, seconds: (performance.now() - start) / 1000 }));
