// Does a change leave the output alone? Runs every distinct PDF in the repository (tests/fixtures
// and sources/, pdf-dev included when present) through `extract` (OCR off) with the working tree
// and with another commit, and compares the documents byte for byte (a failure by its code).
// The other commit is unpacked with `git archive` into a temporary folder and uses this
// clone's node_modules, so compare commits with the same package-lock.json (it says when not).
//
//   npm run check:same-output -- <commit>        (e.g. HEAD~1, or a tag)
//
// Exit code 0 when every document is the same, 1 when one differs (the first few are named).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHOWN_DIFFERENCES = 5;
const CHILD_OUTPUT_BYTES = 512 * 2 ** 20;

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.pdf'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every PDF in the repository, one per distinct content, in path order. */
function distinctPdfs(): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const file of [...pdfsUnder(path.join(ROOT, 'tests', 'fixtures')), ...pdfsUnder(path.join(ROOT, 'sources'))].sort()) {
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (seen.has(hash)) continue;
    seen.add(hash);
    files.push(file);
  }
  return files;
}

/** The serialized document (or `failed: code`) of each file, by the pipeline of `tree`. */
function outputsOf(tree: string, files: string[], scratch: string): Record<string, string> {
  const driver = path.join(scratch, `driver-${createHash('sha256').update(tree).digest('hex').slice(0, 8)}.mts`);
  writeFileSync(
    driver,
    [
      `import { extractOne } from ${JSON.stringify(path.join(tree, 'pipeline', 'index.ts'))};`,
      'const out: Record<string, string> = {};',
      'for (const file of JSON.parse(process.argv[2] ?? "[]") as string[]) {',
      "  const result = await extractOne(file, { ocr: 'never' });",
      "  out[file] = 'document' in result ? JSON.stringify(result.document) : `failed: ${result.failure.code}`;",
      '}',
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n'),
  );
  // Both run from this clone: a document's source.uri is its path relative to the working folder.
  const output = execFileSync(process.execPath, ['--import', 'tsx', driver, JSON.stringify(files)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: CHILD_OUTPUT_BYTES,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output) as Record<string, string>;
}

const commit = process.argv[2];
if (!commit) {
  process.stderr.write('usage: npm run check:same-output -- <commit>\n');
  process.exit(2);
}
const resolved = spawnSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' });
if (resolved.status !== 0) {
  process.stderr.write(`check-same-output: ${commit} is not a commit of this repository\n`);
  process.exit(2);
}
const scratch = mkdtempSync(path.join(tmpdir(), 'samut-same-output-'));
try {
  const other = path.join(scratch, 'tree');
  mkdirSync(other);
  execFileSync('sh', ['-c', `git archive "$1" | tar -x -C "$2"`, 'sh', commit, other], { cwd: ROOT });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(other, 'node_modules'));
  const lockChanged = spawnSync('git', ['diff', '--quiet', commit, '--', 'package-lock.json'], { cwd: ROOT }).status !== 0;
  if (lockChanged) process.stdout.write(`note: package-lock.json differs from ${commit}'s; both run on this clone's node_modules\n`);
  const files = distinctPdfs();
  const before = outputsOf(other, files, scratch);
  const after = outputsOf(ROOT, files, scratch);
  const differing = files.filter((file) => before[file] !== after[file]);
  const failed = files.filter((file) => after[file]?.startsWith('failed:')).length;
  process.stdout.write(
    `${files.length} distinct PDFs (${failed} of them bad files, compared by error code): ` +
      `${files.length - differing.length} the same as ${commit} (${resolved.stdout.trim().slice(0, 12)}), ${differing.length} different\n`,
  );
  for (const file of differing.slice(0, SHOWN_DIFFERENCES)) process.stdout.write(`  differs: ${path.relative(ROOT, file)}\n`);
  process.exitCode = differing.length === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
