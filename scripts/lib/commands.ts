import { spawnSync } from 'node:child_process';

/** Whether a command is on the PATH: benchmarks compare against Debian tools only when installed. */
export function hasCommand(name: string): boolean {
  return spawnSync('which', [name], { stdio: 'ignore' }).status === 0;
}
