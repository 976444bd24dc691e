// The folder lock (pipeline/runner/lock.ts) on its own: what a build and a future queue
// coordinator share. The CLI side (exit 2 naming the holder) is in hostile.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockHeldError, pidAlive } from '../../pipeline/runner/lock.ts';
import { tempDir } from '../helpers/corpus.ts';

describe('folder lock', () => {
  it('is held by one holder at a time, and released only by its holder', async () => {
    const file = path.join(tempDir(), 'lock');
    const first = await acquireLock(file, 'first');
    await expect(acquireLock(file, 'second')).rejects.toThrow(LockHeldError);
    await expect(acquireLock(file, 'second')).rejects.toThrow(new RegExp(`in use by first \\(pid ${process.pid} on ${hostname()}`, 'u'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), purpose: 'first' });
    await first.release();
    expect(existsSync(file)).toBe(false);
    const second = await acquireLock(file, 'second');
    expect(second.tookOverFrom).toBeNull();
    await second.release();
  });

  it('takes over the lock of a process that is gone, and respects a live one', async () => {
    const file = path.join(tempDir(), 'lock');
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    writeFileSync(file, JSON.stringify({ pid: sleeper.pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', purpose: 'samut build' }));
    await expect(acquireLock(file, 'next')).rejects.toThrow(/since 2026-01-01T00:00:00.000Z/u);
    sleeper.kill('SIGKILL');
    await new Promise((resolve) => sleeper.on('exit', resolve));
    expect(pidAlive(sleeper.pid!)).toBe(false);
    const lock = await acquireLock(file, 'next');
    expect(lock.tookOverFrom?.pid).toBe(sleeper.pid);
    await lock.release();
  });

  it('never takes a lock held on another host (it cannot tell whether that holder lives)', async () => {
    const file = path.join(tempDir(), 'lock');
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'elsewhere.invalid', startedAt: 'then', purpose: 'samut build' }));
    await expect(acquireLock(file, 'next')).rejects.toThrow(/on elsewhere\.invalid/u);
  });
});
