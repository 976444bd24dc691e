// samut as a downstream app gets it: `npm pack`, installed from the tarball into an empty project,
// type-checked by tsc against the shipped .d.ts and run under plain node (no tsx, no TypeScript
// at run time). Dependencies come from the npm cache or the registry, as for any install.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const TYPES_NODE = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@types/node/package.json'), 'utf8')) as { version: string }).version;
const PDF = path.join(ROOT, 'tests/fixtures/pdf/english-report.pdf');
const HTML = path.join(ROOT, 'tests/fixtures/html/en-news-boilerplate.html');
const SCANNED_PDF = path.join(ROOT, 'tests/fixtures/scans/scan-2page.pdf');

const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let project = '';
let tarball = '';

beforeAll(() => {
  const work = tempDir('samut-pack-');
  // prepare builds dist/ first, as it does for a publish or an install from git.
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, packed[0]!.filename);
  project = path.join(work, 'app');
  cpSync(path.join(import.meta.dirname, 'consumer'), project, { recursive: true });
  npm(['init', '-y'], project);
  const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ ...pkg, type: 'module' }, null, 2));
  npm(['install', tarball, `@types/node@${TYPES_NODE}`], project);
}, 300_000);

describe('the packed package', () => {
  it('ships built JavaScript, declarations, data, the frozen schema and no TypeScript sources', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/dist/pipeline/index.js');
    expect(listing).toContain('package/dist/pipeline/index.d.ts');
    expect(listing).toContain('package/dist/pipeline/runner/worker-entry.mjs');
    expect(listing).toContain('package/dist/pipeline/tag/data/gazetteer.json');
    expect(listing).toContain('package/dist/pipeline/shared/data/words_th.txt');
    expect(listing).toContain('package/schema/v1/document.schema.json');
    // pdf.js patched at build time, with its licence: the installed threads load it without a loader hook.
    for (const file of ['pdf.mjs', 'pdf.worker.mjs', 'LICENSE', 'NOTICE.md']) expect(listing).toContain(`package/dist/pipeline/shared/pdfjs/${file}`);
    expect(listing.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    const installed = path.join(project, 'node_modules');
    expect(existsSync(path.join(installed, 'tsx'))).toBe(false);
    expect(existsSync(path.join(installed, 'typescript'))).toBe(false);
    expect(readdirSync(path.join(installed, '@tesseract.js-data')).sort()).toEqual(['eng', 'tha']);
  });

  it('type-checks a TypeScript consumer and runs it under plain node on a PDF, a web page and damaged Thai', () => {
    execFileSync(process.execPath, [TSC, '-p', project], { cwd: project, encoding: 'utf8' });
    const out = tempDir('samut-pack-out-');
    const run = spawnSync(process.execPath, [path.join(project, 'build/consumer.js'), PDF, HTML, out], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, any>;
    expect(result.pdf.title).toBe('Coastal Erosion Monitoring Report');
    expect(result.pdf.languages).toEqual(['en']);
    expect(result.html.blocks).toBeGreaterThan(3);
    expect(result.damaged.text).toContain('สำคัญ');
    expect(result.damaged.text).not.toContain('ส า');
    expect(result.damaged.repairs).toEqual([{ rule: 'sara-am-space', count: 1 }]);
    expect(result.missing).toMatchObject({ code: 'input-not-found', stage: 'read' });
    expect(result.events).toEqual(['start', 'document', 'document', 'end']);
    expect(result.streamed.sort()).toEqual([`ok ${PDF}`, `ok ${HTML}`].sort());
    expect(result.ok).toBe(2);
    expect(result.badOption).toMatch(/`ocr`/u);
    expect(result.schemaId).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it("runs the README's library example as it is written", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use as a library'));
    const example = /```ts\n([\s\S]+?)```/u.exec(section)?.[1];
    expect(example).toContain("from 'samut'");
    writeFileSync(path.join(project, 'example.ts'), example!);
    mkdirSync(path.join(project, 'reports'), { recursive: true });
    cpSync(PDF, path.join(project, 'reports', 'english-report.pdf'));
    cpSync(HTML, path.join(project, 'reports', 'news.html'));
    writeFileSync(path.join(project, 'reports', 'broken.pdf'), '%PDF-1.7\nnot really');
    writeFileSync(path.join(project, 'tsconfig.example.json'), JSON.stringify({ extends: './tsconfig.json', files: ['example.ts'] }));
    execFileSync(process.execPath, [TSC, '-p', path.join(project, 'tsconfig.example.json')], { cwd: project, encoding: 'utf8' });
    const run = spawnSync(process.execPath, ['build/example.js'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe("Coastal Erosion Monitoring Report [ 'en' ]");
    expect(lines).toContain('3 inputs');
    expect(lines).toContain('failed reports/broken.pdf pdf-corrupt');
    expect(lines.filter((line) => /^ok reports\/(english-report\.pdf|news\.html) \d+$/u.test(line))).toHaveLength(2);
    expect(run.stdout).toMatch(/ok: 2,\s+partial: 0,\s+failed: 1/u);
  });

  it('leaves a plain Node host as it was: built-ins, globals and module hooks (extract on a PDF and on a scan)', () => {
    const run = spawnSync(process.execPath, ['host.mjs', PDF, SCANNED_PDF], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const host = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(host.pdf).toBe('Coastal Erosion Monitoring Report');
    expect(host.scan).toBe(2); // both pages read by OCR, their images rendered by pdf.js in a worker
    expect(host.scanText).toMatch(/^รายงานผลการดำเนินงานของสำนักงานสถิติแห่งชาติ/u);
    expect(host.registered).toEqual([]);
    expect(host.changed).toEqual([]);
    expect(host.nativePush).toBe(true);
    expect(host.nativeParse).toBe(true);
    expect(host.pdfjsWorkerGlobal).toBe(false);
    // zod (the document model, used in the host) keeps its schema registry on globalThis.
    expect(host.added).toEqual(['globalThis.__zod_globalConfig', 'globalThis.__zod_globalRegistry']);
  });

  it('npx samut build works from the installed package', () => {
    const out = tempDir('samut-pack-cli-');
    const run = spawnSync('npx', ['--no-install', 'samut', 'build', PDF, '--out', out, '--quiet'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { summary: { ok: number }; pipeline: { version: string } };
    expect(manifest.summary.ok).toBe(1);
    expect(manifest.pipeline.version).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
