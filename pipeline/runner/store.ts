// The output folder: atomic writes, and the build journal that makes builds incremental and
// resumable. The journal is append-only JSON Lines in DIR/.samut/journal.jsonl; a line is
// appended only after its document file was renamed into place, so after a crash (SIGKILL
// included) every journalled document is complete on disk, and a torn last line is ignored.
import { access, appendFile, mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Failure } from '../model/errors.ts';
import type { DocumentReview } from '../review/index.ts';
import { acquireLock, type FolderLock } from './lock.ts';

/** The output folder cannot be made or written (a file in its place, no permission, a read-only
 * disk): the build cannot start. Its message is one line for the user. */
class OutputFolderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutputFolderError';
  }
}

function outputFolderError(root: string, error: unknown): OutputFolderError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EEXIST' || code === 'ENOTDIR'
      ? 'it (or a folder above it) is a file, not a folder'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : (error as Error).message;
  return new OutputFolderError(`cannot write the output folder ${root}: ${why}`, { cause: error });
}

let tempCounter = 0;

/** Write to a temporary file in the same folder, flush it, then rename over the target.
 * mode: permission bits at most (a private source never becomes a world-readable output). */
export async function writeAtomic(file: string, data: string, mode = 0o644): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    // open()'s mode applies only to a new file: set it, never above rw-r--r--.
    await handle.chmod(mode & 0o644);
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

/** A document's outcome in a build: written; `partial`, written but some pages could not be read
 * (each has a page-lost warning); failed (see its `error`); unchanged since the last build; or the
 * same bytes as an earlier input. */
export type DocumentStatus = 'ok' | 'partial' | 'failed' | 'skipped-unchanged' | 'duplicate';

/** What the runner records of a finished document, besides its source. */
export interface DocumentStats {
  title: string | null;
  languages: string[];
  pages: number;
  blocks: number;
  entities: number;
  repairs: number;
  warnings: number;
}

/** What the journal and the manifest record of one input. */
/** One input's line in the manifest and the journal. */
export interface Entry extends DocumentStats {
  uri: string;
  status: DocumentStatus;
  id: string | null;
  /** Cache key: source bytes + pipeline fingerprint + the options that affect this kind. */
  key: string | null;
  kind: string | null;
  mediaType: string | null;
  sha256: string | null;
  bytes: number | null;
  collection?: string;
  duplicateOf?: string;
  error?: Failure;
  /** Review decisions applied to this document, and those whose place is gone. */
  review?: DocumentReview;
  timings: Record<string, number>;
}

export class Store {
  readonly root: string;
  readonly docsDir: string;
  readonly journalFile: string;

  constructor(root: string) {
    this.root = root;
    this.docsDir = path.join(root, 'docs');
    this.journalFile = path.join(root, '.samut', 'journal.jsonl');
  }

  docPath(id: string): string {
    return path.join(this.docsDir, `${id}.json`);
  }

  /** The folder's lock file: DIR/.samut/lock. */
  get lockFile(): string {
    return path.join(path.dirname(this.journalFile), 'lock');
  }

  /** Makes the folder (an OutputFolderError when it cannot be) and takes its lock (a
   * LockHeldError when another live process holds it). */
  async lock(purpose: string): Promise<FolderLock> {
    try {
      await mkdir(path.dirname(this.journalFile), { recursive: true });
      return await acquireLock(this.lockFile, purpose);
    } catch (error) {
      if ((error as Error).name === 'LockHeldError') throw error;
      throw outputFolderError(this.root, error);
    }
  }

  async prepare(): Promise<void> {
    try {
      await mkdir(this.docsDir, { recursive: true });
      await mkdir(path.dirname(this.journalFile), { recursive: true });
    } catch (error) {
      throw outputFolderError(this.root, error);
    }
    await this.removeStaleTemps();
  }

  /** Temp files left by a killed build are never documents: clear them. */
  private async removeStaleTemps(): Promise<void> {
    for (const dir of [this.root, this.docsDir, path.dirname(this.journalFile)]) {
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (name.endsWith('.tmp')) await rm(path.join(dir, name), { force: true });
      }
    }
  }

  /** The last journalled entry of each uri that is a finished document. */
  async readJournal(): Promise<Map<string, Entry>> {
    const entries = new Map<string, Entry>();
    const text = await readFile(this.journalFile, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as Entry;
        entries.set(entry.uri, entry);
      } catch {
        // A line torn by a crash: that document is simply built again.
      }
    }
    return entries;
  }

  async journal(entry: Entry): Promise<void> {
    await appendFile(this.journalFile, `${JSON.stringify(entry)}\n`, 'utf8');
  }

  /** Rewrite the journal with only the current entries, so it does not grow without end. */
  async compactJournal(entries: readonly Entry[]): Promise<void> {
    await writeAtomic(this.journalFile, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  }

  async removeDocument(id: string): Promise<void> {
    await rm(this.docPath(id), { force: true });
  }

  async exists(id: string): Promise<boolean> {
    return access(this.docPath(id)).then(
      () => true,
      () => false,
    );
  }
}
