// The pipeline's fingerprint: a hash of its own code and data and of the locked dependency
// versions. A rebuild redoes a document when the fingerprint changes, so a maintainer who
// edits a repair rule never gets stale output, version bump or not.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PIPELINE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The folder holding samut's package.json: the repository, or the installed package whose
 * built code sits one level deeper (dist/pipeline). */
function findPackageRoot(from: string): string {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`samut: no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(PIPELINE_DIR);
const ROOT = PACKAGE_ROOT;

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (!entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

let cached: Promise<string> | undefined;

export function pipelineFingerprint(): Promise<string> {
  cached ??= (async () => {
    const hash = createHash('sha256');
    for (const file of [...(await listFiles(PIPELINE_DIR)), path.join(ROOT, 'package-lock.json')]) {
      hash.update(path.relative(ROOT, file));
      hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
    }
    // An installed package has no lock file: the versions it was installed with stand in for it.
    if (!existsSync(path.join(ROOT, 'package-lock.json'))) hash.update(JSON.stringify((await packageInfo()).dependencies));
    return hash.digest('hex').slice(0, 16);
  })();
  return cached;
}

export async function packageInfo(): Promise<{ name: string; version: string; dependencies: Record<string, string> }> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const lock = JSON.parse(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8').catch(() => '{}')) as {
    packages?: Record<string, { version?: string }>;
  };
  const dependencies: Record<string, string> = {};
  for (const name of ['pdfjs-dist', 'tesseract.js', 'zod', 'p-queue', 'piscina', 'unified', 'remark-parse', '@mozilla/readability', 'natural']) {
    const version = lock.packages?.[`node_modules/${name}`]?.version ?? (await installedVersion(name));
    if (version) dependencies[name] = version;
  }
  return { name: pkg.name, version: pkg.version, dependencies };
}

/** The version of a dependency as installed beside samut (node_modules of samut or of an ancestor). */
async function installedVersion(name: string): Promise<string | undefined> {
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version;
    if (path.dirname(dir) === dir) return undefined;
  }
}
