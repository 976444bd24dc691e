// Hostile inputs at the sizes issue 13 reproduced them with (scripts/fixtures/hostile, `full`):
// each built alone through the CLI in a child process with the default options, then all of
// them in one build; time, peak RSS (VmHWM from /proc) and what each came out as, against the
// memory bound threads × (thread memory + allowance) + base. Generated material, not tuned on.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Document } from '../../pipeline/model/document.ts';
import type { Manifest } from '../../pipeline/runner/build.ts';
import { DEFAULT_THREAD_MEMORY_MB, defaultThreads, memoryBoundMb } from '../../pipeline/runner/pool.ts';
import { HOSTILE_FILES, HOSTILE_SIZES, makeHostile, type HostileName } from '../fixtures/hostile/make-hostile.ts';
import { runWithPeak } from '../lib/peak.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const CACHE = path.join(ROOT, '.cache', 'bench-hostile');

async function inputs(): Promise<string> {
  const dir = path.join(CACHE, 'full');
  const stamp = path.join(CACHE, 'made.json');
  const sizes = JSON.stringify(HOSTILE_SIZES.full);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sizes) return dir;
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await makeHostile(dir, 'full');
  writeFileSync(stamp, sizes);
  return dir;
}

function outcome(out: string): string {
  const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  return manifest.documents
    .map((entry) => {
      if (entry.status === 'failed') return entry.error?.code ?? 'failed';
      const document = JSON.parse(readFileSync(path.join(out, 'docs', `${entry.id}.json`), 'utf8')) as Document;
      const codes = [...new Set(document.warnings.map((warning) => warning.code))].filter((code) => /too-large|page-failed/u.test(code));
      return `ok${codes.length ? ` (${codes.join(', ')})` : ''}`;
    })
    .join('; ');
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = await inputs();
  const threads = defaultThreads();
  const bound = memoryBoundMb(threads, DEFAULT_THREAD_MEMORY_MB);
  const figures: Record<string, number | string> = {
    material: `generated: ${Object.keys(HOSTILE_FILES).length} hostile files at full size (scripts/fixtures/hostile/make-hostile.ts full)`,
    'bound MiB': bound,
  };
  const run = async (label: string, files: string[]) => {
    const out = path.join(os.tmpdir(), `samut-bench-hostile-${process.pid}-${label}`);
    rmSync(out, { recursive: true, force: true });
    const child = await runWithPeak(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'samut.ts'), 'build', ...files, '--out', out, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true' },
    });
    const result = existsSync(path.join(out, 'manifest.json')) ? outcome(out) : `no manifest (exit ${child.status})`;
    figures[`${label}: s`] = Number(child.seconds.toFixed(1));
    figures[`${label}: peak MiB`] = Math.round(child.peakMb);
    figures[`${label}: result`] = `exit ${child.status}: ${result}`;
    process.stdout.write(`${label.padEnd(24)} ${child.seconds.toFixed(1).padStart(6)} s ${Math.round(child.peakMb).toString().padStart(6)} MiB  ${result}\n`);
    rmSync(out, { recursive: true, force: true });
    return child;
  };
  let worst = 0;
  for (const name of Object.keys(HOSTILE_FILES) as HostileName[]) {
    worst = Math.max(worst, (await run(name, [path.join(dir, name)])).peakMb);
  }
  // Every one of them in one build, documents in flight at once.
  worst = Math.max(worst, (await run('all at once', [dir])).peakMb);
  // Four flate bombs at once (four copies, so none is a duplicate of another).
  const bombs = path.join(CACHE, 'bombs');
  if (!existsSync(bombs)) {
    mkdirSync(bombs, { recursive: true });
    const bomb = readFileSync(path.join(dir, 'flate-bomb.pdf'));
    for (let i = 0; i < 4; i++) writeFileSync(path.join(bombs, `bomb-${i}.pdf`), Buffer.concat([bomb, Buffer.from(`%copy ${i}\n`)]));
  }
  worst = Math.max(worst, (await run('four flate bombs', [bombs])).peakMb);
  figures['worst peak MiB'] = Math.round(worst);
  figures['within bound'] = worst < bound ? 'yes' : 'NO';
  return figures;
}
