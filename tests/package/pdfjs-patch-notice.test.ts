// A pdf.js patch that stops applying (another pdfjs-dist) is said once on stderr, not only in a
// test, and a build records it in its manifest.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../pipeline/index.ts';
import { PDFJS_PATCHES } from '../../pipeline/shared/pdfjs-patches.mjs';
import { makeCorpus, tempDir } from '../helpers/corpus.ts';

const PDFJS_ROOT = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A copy of pdfjs-dist's two patched files, the worker's with one patch's text changed. */
function driftedPdfJs(): string {
  const root = tempDir('samut-pdfjs-');
  mkdirSync(path.join(root, 'legacy/build'), { recursive: true });
  cpSync(path.join(PDFJS_ROOT, 'legacy/build/pdf.mjs'), path.join(root, 'legacy/build/pdf.mjs'));
  const worker = readFileSync(path.join(PDFJS_ROOT, 'legacy/build/pdf.worker.mjs'), 'utf8');
  const zlibPatch = PDFJS_PATCHES.find((patch) => patch.why.startsWith('Flate'))!;
  writeFileSync(path.join(root, 'legacy/build/pdf.worker.mjs'), worker.replace(zlibPatch.find, zlibPatch.find.replace('readable,', 'readable ,')));
  return root;
}

describe('pdf.js patches that stop applying', () => {
  it('are named once on stderr, however often samut is called', async () => {
    vi.resetModules();
    const { reportMissedPdfJsPatches } = await import('../../pipeline/shared/pdfjs-patch-check.ts');
    const written: string[] = [];
    const stderr = { write: (text: string) => written.push(text) };
    const root = driftedPdfJs();
    expect(reportMissedPdfJsPatches(stderr, root)).toEqual([expect.stringMatching(/^Flate and Brotli streams/u)]);
    expect(reportMissedPdfJsPatches(stderr, root)).toHaveLength(1);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(new RegExp(`^samut: 1 of ${PDFJS_PATCHES.length} pdf\\.js source patches no longer apply .*\\n  - Flate and Brotli`, 'su'));
  });

  it('are none for the installed pdfjs-dist, and a build says so in its manifest', async () => {
    const { missedPdfJsPatches } = await import('../../pipeline/shared/pdfjs-patch-check.ts');
    expect(missedPdfJsPatches()).toEqual([]);
    const dir = makeCorpus();
    const { manifest } = await build({ inputs: ['in/khon-kaen.md'], out: 'out', cwd: dir, threads: 1 });
    expect(manifest.pipeline.pdfjsPatchesMissed).toEqual([]);
  });
});
