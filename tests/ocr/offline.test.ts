// Nothing is downloaded at run time: OCR works in a child process that cannot reach the network.
// As root the child runs in a new network namespace (unshare --net: no interface but a downed
// loopback); always, a preload makes every socket, DNS lookup and fetch throw, in the worker
// threads too.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const HERE = path.resolve(import.meta.dirname, 'offline');
const ROOT = path.resolve(import.meta.dirname, '../..');

function canUnshareNetwork(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('unshare', ['--net', 'true']).status === 0;
}

describe('OCR offline', () => {
  it('loads the models from the npm packages and reads a page with no network', () => {
    const node = [process.execPath, '--import', 'tsx', '--import', path.join(HERE, 'no-network.mjs'), path.join(HERE, 'child.ts')];
    const command = canUnshareNetwork() ? ['unshare', '--net', ...node] : node;
    const child = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { networkReachable: boolean; text: string };
    expect(result.networkReachable).toBe(false);
    expect(result.text).toContain('Ministry of Interior');
    expect(result.text).toContain('15 March 2024');
  });
});
