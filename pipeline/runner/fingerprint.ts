// The pipeline's fingerprint: a hash of its own code and data and of the locked dependency
// versions. A rebuild redoes a document when the fingerprint changes, so a maintainer who
// edits a repair rule never gets stale output, version bump or not.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PIPELINE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ROOT = path.dirname(PIPELINE_DIR);

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
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (version) dependencies[name] = version;
  }
  return { name: pkg.name, version: pkg.version, dependencies };
}
