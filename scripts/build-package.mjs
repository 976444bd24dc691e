// npm run build: the published package in dist/. tsc compiles pipeline/ and the command line
// (tsconfig.build.json, with the review server it imports); this script runs it on a clean dist/
// and then adds what tsc does not emit: the plain .mjs modules (the worker entry, pdf.js' loader
// hook and patches), the stages' data files and the review page's browser assets. Plain JavaScript so that `npm pack` and installs from git need no tsx.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
