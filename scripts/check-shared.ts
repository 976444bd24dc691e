// Opt-in checks against the project's shared material (the `shared` folder the maintainers keep
// beside the repository, or SAMUT_SHARED): never part of `npm test`, which needs nothing outside
// the repository. Checks that every copy vendored from it is still byte for byte its origin, and
// runs the shared Thai smoke check (checks/thai-smoke, Python 3) on this clone.
//
//   npm run test:shared
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(process.env.SAMUT_SHARED ?? path.join(ROOT, '..', 'shared'));

/** Vendored copy (in the repository) → its origin (in the shared folder). */
const COPIES: [string, string][] = [
  ['pipeline/shared/data/words_th.txt', 'thai/words_th.txt'],
  ['tests/fixtures/thai/thailand_provinces_th.csv', 'thai/thailand_provinces_th.csv'],
  ['tests/fixtures/thai/countries_th.txt', 'thai/countries_th.txt'],
  ['tests/fixtures/pdf/royal-gazette-2566.pdf', 'corpora/thai-pdf/royal-gazette-2566-dissolution.pdf'],
  ['tests/fixtures/pdf/royal-gazette-2566.gold.md', 'corpora/thai-pdf/royal-gazette-2566-dissolution.gold.md'],
  ['sources/text-th-asean-smart-cities-damaged.txt', 'seeds/002_aa8774decc930f92.txt'],
  ['sources/md-uk-thailand-smart-cities.md', 'seeds/000_8717d9d9ce1ad701.txt'],
  ['sources/text-digital-tsunami-ascn.txt', 'seeds/001_cd4601ccb3f794f5.txt'],
  ['tests/fixtures/web-articles-dev/ground-truth.json', 'corpora/web-articles-dev/ground-truth.json'],
  ...readdirSync(path.join(ROOT, 'tests/fixtures/web-articles-dev/html')).map(
    (name): [string, string] => [`tests/fixtures/web-articles-dev/html/${name}`, `corpora/web-articles-dev/html/${name}`],
  ),
];

if (!existsSync(SHARED)) {
  process.stderr.write(
    `test:shared: the project's shared folder is not at ${SHARED}.\n` +
      'These checks compare the vendored copies with their origin and need it; set SAMUT_SHARED to its path.\n' +
      '(`npm test` does not need it.)\n',
  );
  process.exit(1);
}

let failed = false;
for (const [copy, origin] of COPIES) {
  const originPath = path.join(SHARED, origin);
  if (!existsSync(originPath)) {
    process.stdout.write(`missing in shared: ${origin} (vendored as ${copy})\n`);
    failed = true;
  } else if (!readFileSync(path.join(ROOT, copy)).equals(readFileSync(originPath))) {
    process.stdout.write(`differs: ${copy} is no longer ${origin}\n`);
    failed = true;
  }
}
process.stdout.write(`${COPIES.length} vendored files compared with ${SHARED}${failed ? '' : ': all the same'}\n`);

const smoke = path.join(SHARED, 'checks', 'thai-smoke');
const run = spawnSync('python3', [smoke], { cwd: ROOT, stdio: 'inherit' });
if (run.status !== 0) {
  process.stdout.write(`thai-smoke exited with ${run.status ?? run.error?.message}\n`);
  failed = true;
}
process.exitCode = failed ? 1 : 0;
