// --schema-version: the versions this samut makes ("1" only, for now) are accepted; any other is a
// usage error (exit 2) before anything is read or written.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/corpus.ts';

const samut = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/samut.ts', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });

describe('--schema-version', () => {
  it('makes schemaVersion "1" documents when asked for "1"', () => {
    const run = samut(['extract', 'sources/md-th-khon-kaen-smart-city.md', '--schema-version', '1']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { schemaVersion: string }).schemaVersion).toBe('1');
  });

  it('rejects a version it cannot make with a usage error, writing nothing', () => {
    const out = path.join(tempDir(), 'out');
    for (const version of ['2', 'v1']) {
      const run = samut(['build', 'sources/md-th-khon-kaen-smart-city.md', '--out', out, '--schema-version', version]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--schema-version takes 1 (the schemaVersions this samut makes), got "${version}"`);
    }
    expect(existsSync(out)).toBe(false);
    expect(samut(['extract', 'sources/md-th-khon-kaen-smart-city.md', '--schema-version', '2']).status).toBe(2);
  });
});
