// A child process with its peak resident memory: VmHWM (the kernel's high-water mark for the
// process, worker threads included) read from /proc while it runs. Used by the hostile-input
// test and benchmark, which check the build's memory bound from outside the build.
import { spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory, in MiB (0 where /proc is not there). */
  peakMb: number;
  seconds: number;
}

export function runWithPeak(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // exited between two samples
      }
    };
    const timer = setInterval(sample, 25);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (status) => {
      clearInterval(timer);
      resolve({ status, stdout, stderr, peakMb: peakKb / 1024, seconds: (performance.now() - started) / 1000 });
    });
  });
}
