// npm run build: the published package in dist/. tsc compiles pipeline/ and the command line
// (tsconfig.build.json, with the review server it imports); this script runs it on a clean dist/
// and then adds what tsc does not emit: the plain .mjs modules (the worker entry, pdf.js' loader
// hook and patches), the stages' data files and the review page's browser assets. Plain JavaScript so that `npm pack` and installs from git need no tsx.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'scripts', 'samut.js');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

rmSync(DIST, { recursive: true, force: true });
const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
const tsc = path.join(typescript, 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });

// Everything in pipeline/ that is not TypeScript source travels as it is: .mjs modules and their
// .d.mts, gazetteer and word-list data with their PROVENANCE notes. Stage READMEs stay in the repo.
for (const file of walk(path.join(ROOT, 'pipeline'))) {
  const name = path.basename(file);
  if (name.endsWith('.ts') || name === 'README.md') continue;
  cpSync(file, path.join(DIST, path.relative(ROOT, file)));
}

// pdf.js, patched here once (the patches and their reasons: pipeline/shared/pdfjs-patches.mjs)
// rather than by a module loader hook as each worker thread loads it: the hook runs on a thread
// of its own per worker and cost ~0.17 s of CPU per worker thread at start. pdfjs-dist stays a
// dependency (its fonts, CMaps and types); these two files are its own, pinned version, modified
// only by the patches (Apache-2.0: its licence travels with them). A patch that no longer
// applies fails the build here, not a user's run.
const { patchPdfJs } = await import('../pipeline/shared/pdfjs-patches.mjs');
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const prebuilt = path.join(DIST, 'pipeline', 'shared', 'pdfjs');
mkdirSync(prebuilt, { recursive: true });
for (const file of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs']) {
  const { source, missed } = patchPdfJs(`/node_modules/pdfjs-dist/${file}`, readFileSync(path.join(pdfjsRoot, file), 'utf8'));
  if (missed.length > 0) throw new Error(`pdf.js patches that do not apply to ${file}: ${missed.map((patch) => patch.why).join('; ')}`);
  // Their source maps stay in pdfjs-dist: the comment would point at files not shipped here.
  // Apache-2.0 4(b): a modified file carries a notice that it was changed.
  const notice = `// Modified by samut: pdfjs-dist's ${file} with the source patches of samut's pipeline/shared/pdfjs-patches.mjs.\n`;
  writeFileSync(path.join(prebuilt, path.basename(file)), notice + source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/u, '\n'));
}
cpSync(path.join(pdfjsRoot, 'LICENSE'), path.join(prebuilt, 'LICENSE'));
writeFileSync(
  path.join(prebuilt, 'NOTICE.md'),
  `pdf.mjs and pdf.worker.mjs: pdfjs-dist ${JSON.parse(readFileSync(path.join(pdfjsRoot, 'package.json'), 'utf8')).version} ` +
    '(legacy build, Mozilla, Apache-2.0: LICENSE), modified by samut\'s source patches ' +
    '(pipeline/shared/pdfjs-patches.mjs lists each with its reason).\n',
);

// The review page's browser assets (script, viewer, style) are served as they are.
cpSync(path.join(ROOT, 'review', 'static'), path.join(DIST, 'review', 'static'), { recursive: true });

// tsc keeps '.ts' in the specifiers of declaration files; a consumer's TypeScript (any version,
// any resolution mode) reads them best as the '.js' files they describe.
for (const file of walk(DIST).filter((name) => name.endsWith('.d.ts'))) {
  const source = readFileSync(file, 'utf8');
  const rewritten = source.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+?)\.ts(['"])/gu, '$1$2.js$3');
  if (rewritten !== source) writeFileSync(file, rewritten);
}

// The command line runs under plain node once built (the source's shebang asks for tsx).
const cli = readFileSync(CLI, 'utf8').replace(/^#!.*\n/u, '');
writeFileSync(CLI, `#!/usr/bin/env node\n${cli}`);
chmodSync(CLI, 0o755);
