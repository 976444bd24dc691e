// The output folder: atomic writes, and the build journal that makes builds incremental and
// resumable. The journal is append-only JSON Lines in DIR/.samut/journal.jsonl; a line is
// appended only after its document file was renamed into place, so after a crash (SIGKILL
// included) every journalled document is complete on disk, and a torn last line is ignored.
import { access, appendFile, mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Failure } from '../model/errors.ts';

let tempCounter = 0;

/** Write to a temporary file in the same folder, flush it, then rename over the target. */
export async function writeAtomic(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

/** A document's outcome in a build: written, failed (see its `error`), unchanged since the last build, or the same bytes as an earlier input. */
export type DocumentStatus = 'ok' | 'failed' | 'skipped-unchanged' | 'duplicate';

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

  async prepare(): Promise<void> {
    await mkdir(this.docsDir, { recursive: true });
    await mkdir(path.dirname(this.journalFile), { recursive: true });
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
