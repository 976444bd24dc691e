// samut's source patches to pdf.js (pipeline/shared/pdfjs-patches.mjs) must all apply to the
// installed pdfjs-dist, and must take effect in the pdf.js that extraction loads: a version
// bump that silently drops one would only show as a slower build.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../pipeline/extract/pdf/load.ts';
import { PDFJS_PATCHES, patchPdfJs } from '../../pipeline/shared/pdfjs-patches.mjs';
import { loadPdfJs } from '../../pipeline/shared/pdfjs.ts';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
const GAZETTE = new URL('../fixtures/pdf/royal-gazette-2566.pdf', import.meta.url);

describe('pdf.js patches', () => {
  it('each applies exactly once to the installed pdfjs-dist', () => {
    const files = [...new Set(PDFJS_PATCHES.map((patch) => patch.file))];
    for (const file of files) {
      const source = readFileSync(join(PDFJS_ROOT, file), 'utf8');
      const { source: patched, missed } = patchPdfJs(`/node_modules/pdfjs-dist/${file}`, source);
      expect(missed.map((patch) => patch.why)).toEqual([]);
      for (const patch of PDFJS_PATCHES.filter((p) => p.file === file)) expect(patched).toContain(patch.replace);
    }
  });

  it('leaves a file whose text differs unpatched', () => {
    const { source, missed } = patchPdfJs('/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', 'export {};');
    expect(source).toBe('export {};');
    expect(missed.length).toBe(PDFJS_PATCHES.filter((p) => p.file.endsWith('pdf.worker.mjs')).length);
  });

  it('a document opened for text gets no glyph outlines; one opened for rendering does', async () => {
    await loadPdfJs();
    const bytes = new Uint8Array(readFileSync(GAZETTE));
    const outlines = async (task: Awaited<ReturnType<typeof openPdf>>) => {
      const doc = await task.promise;
      try {
        const page = await doc.getPage(1);
        await page.getOperatorList();
        return [...(page.commonObjs as unknown as Iterable<[string, unknown]>)].filter(([id]) => id.includes('_path_')).length;
      } finally {
        await task.destroy();
      }
    };
    expect(await outlines(await openPdf(bytes))).toBe(0);
    const { getDocument } = await loadPdfJs();
    expect(await outlines(getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }))).toBeGreaterThan(100);
  });

  it('a document opened for text skips painting operators and font rebuilding; one opened for rendering keeps both', async () => {
    const { getDocument, OPS } = await loadPdfJs();
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/pdf/thai-report.pdf', import.meta.url)));
    const facts = async (task: Awaited<ReturnType<typeof openPdf>>) => {
      const doc = await task.promise;
      try {
        const page = await doc.getPage(1);
        const { fnArray, argsArray } = await page.getOperatorList();
        const glyphs = fnArray.flatMap((fn, i) => (fn === OPS.showText ? (argsArray[i] as [{ unicode: string; fontChar: string; width: number }[]])[0] : []));
        return {
          paths: fnArray.filter((fn) => fn === OPS.constructPath).length,
          // What text extraction reads, and what only a canvas reads (the character to draw from the rebuilt font).
          text: glyphs.map((g) => `${g?.unicode}:${g?.width}`),
          fontChars: glyphs.map((g) => g?.fontChar ?? ''),
        };
      } finally {
        await task.destroy();
      }
    };
    const textOnly = await facts(await openPdf(bytes));
    const rendering = await facts(getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }));
    expect(textOnly.paths).toBe(0);
    expect(rendering.paths).toBeGreaterThan(0);
    expect(textOnly.text.length).toBeGreaterThan(100);
    expect(textOnly.text).toEqual(rendering.text);
    // The rebuilt font remaps glyphs to private use for canvas; a text-only font is not rebuilt.
    expect(rendering.fontChars.some((c) => c.codePointAt(0)! >= 0xe000)).toBe(true);
    expect(textOnly.fontChars.some((c) => c.codePointAt(0)! >= 0xe000)).toBe(false);
  });

  it('a thread that reads text never loads @napi-rs/canvas; the first page drawn loads it', () => {
    // In a fresh process: this one may have loaded the canvas for another test.
    const module = (file: string) => JSON.stringify(fileURLToPath(new URL(`../../pipeline/${file}`, import.meta.url)));
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const { extractPdf } = await import(${module('extract/pdf/index.ts')});
      const { openPagesHere } = await import(${module('ocr/page-images.ts')});
      const canvasLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('@napi-rs'));
      const bytes = new Uint8Array(readFileSync(${JSON.stringify(fileURLToPath(GAZETTE))}));
      const source = { uri: 'gazette.pdf', mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length };
      const draft = await extractPdf({ source, kind: 'pdf', bytes, options: { ocr: 'never', ocrLanguages: 'tha+eng' } });
      const afterText = canvasLoaded();
      const pages = await openPagesHere('pdf', bytes, 72);
      const image = await pages.pageImage(1);
      await pages.close();
      console.log(JSON.stringify({ blocks: draft.blocks.length, afterText, afterDrawing: canvasLoaded(), png: image?.length ?? 0 }));
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout) as { blocks: number; afterText: boolean; afterDrawing: boolean; png: number };
    expect(result.blocks).toBeGreaterThan(10);
    expect(result.afterText).toBe(false);
    expect(result.afterDrawing).toBe(true);
    expect(result.png).toBeGreaterThan(1000);
  });
});
