// A lock on a folder: one writer at a time (a build into an output folder; later the queue
// coordinator, on the same folder, with the same file). The lock is a small JSON file created
// with O_EXCL, naming its holder (pid, host, start time, purpose). A holder on this host whose
// pid is no longer alive was killed: its lock is stale and is taken over. A holder on another host
// (a shared network folder) cannot be checked and is always respected.
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  purpose: string;
}

/** The folder is locked by another live process. */
export class LockHeldError extends Error {
  readonly holder: LockHolder;
  readonly file: string;
  constructor(file: string, holder: LockHolder) {
    super(
      `${path.dirname(file)} is in use by ${holder.purpose} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); ` +
        `wait for it to finish, or remove ${file} if that process is gone`,
    );
    this.name = 'LockHeldError';
    this.holder = holder;
    this.file = file;
  }
}

export interface FolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** The stale holder this lock was taken over from, if any. */
  readonly tookOverFrom: LockHolder | null;
  release(): Promise<void>;
}

/** Whether a process with this pid exists on this host (EPERM: it exists, owned by another user). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? 'unknown'), purpose: String(parsed.purpose ?? 'another process') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    // Empty or torn: the holder died between creating and writing it.
    return null;
  }
}

/** An empty lock file this young is being written, not abandoned. */
const UNWRITTEN_GRACE_MS = 2000;

async function youngerThan(file: string, ms: number): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs < ms;
}

function isStale(holder: LockHolder | null): boolean {
  return holder === null || (holder.host === os.hostname() && !pidAlive(holder.pid));
}

/**
 * Takes the lock file `file` (its folder must exist). Throws LockHeldError when a live process
 * holds it. `purpose` names the holder in the message another process gets ("samut build").
 */
export async function acquireLock(file: string, purpose: string): Promise<FolderLock> {
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), purpose };
  const text = `${JSON.stringify(holder)}\n`;
  let tookOverFrom: LockHolder | null = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o644);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        file,
        holder,
        tookOverFrom,
        async release() {
          // Only our own lock is removed: a lock taken over after ours went stale is not ours.
          const current = await readFile(file, 'utf8').catch(() => null);
          if (current === text) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let existing: LockHolder | null;
    try {
      existing = await readHolder(file);
    } catch {
      continue; // released meanwhile: try again
    }
    if (existing === null && (await youngerThan(file, UNWRITTEN_GRACE_MS))) {
      // Created a moment ago and not yet written: its holder is most likely writing it now.
      await sleep(UNWRITTEN_GRACE_MS / 4);
      continue;
    }
    if (!isStale(existing)) throw new LockHeldError(file, existing!);
    // Move the stale file aside (atomic: of two processes taking over, one renames it, the
    // other finds it gone and retries), check that what moved is the stale lock, then retry.
    const aside = `${file}.${process.pid}.stale`;
    try {
      await rename(file, aside);
    } catch {
      continue;
    }
    const moved = await readHolder(aside).catch(() => null);
    if (moved && !isStale(moved)) {
      // Another process took it over between our read and our rename: give it back.
      await rename(aside, file).catch(() => undefined);
      throw new LockHeldError(file, moved);
    }
    await rm(aside, { force: true });
    tookOverFrom = existing ?? { pid: 0, host: 'unknown', startedAt: 'unknown', purpose: 'a process that died while taking the lock' };
  }
  const last = await readHolder(file).catch(() => null);
  throw new LockHeldError(file, last ?? { pid: 0, host: 'unknown', startedAt: 'unknown', purpose: 'another process' });
}
