// Inputs: files, folders (walked recursively in a deterministic order), URLs, and sources
// lists (a corpus defined by a file). Yields lazily so a 10,000-file corpus is never listed
// into memory with its bytes.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from '../model/errors.ts';

export interface InputRef {
  /** What the document is called in the output: a URL, or a path relative to the working directory. */
  uri: string;
  /** Local file to read, when not a URL. */
  path?: string;
  /** The local file's size when it was listed: the build starts the largest documents first. */
  bytes?: number;
  url?: string;
  /** Per-source metadata from a sources list. */
  collection?: string;
  title?: string;
}

/** An input that names no document the build can read: a folder that cannot be listed, a link
 * that leads nowhere or out of its folder, a sources list that cannot be read. */
export interface InputProblem {
  uri: string;
  code: ErrorCode;
  message: string;
}

interface WalkContext {
  /** Real path of the folder the user gave: the walk stays under it unless allowOutside. */
  root: string;
  cwd: string;
  seen: Set<string>;
  problems: InputProblem[];
  allowOutside: boolean;
}

/** Whether `file` is `folder` or under it (both real paths). */
function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function ioProblem(uri: string, error: unknown, what: string): InputProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return { uri, code: 'input-unreadable', message: `${what} cannot be read (permission denied)` };
  if (code === 'ENOENT') return { uri, code: 'input-not-found', message: `${what} does not exist (a broken symbolic link?)` };
  return { uri, code: 'input-unreadable', message: `${what} cannot be read: ${(error as Error).message}` };
}

const URL_PATTERN = /^https?:\/\//iu;
/** Files a folder walk never treats as documents. */
const IGNORED_NAMES = new Set(['Thumbs.db', 'desktop.ini']);
const IGNORED_SUFFIXES = ['.PROVENANCE.md', '.gold.md', '.sources.json', '.sources.jsonl', '.sources.txt'];

function isUrl(input: string): boolean {
  return URL_PATTERN.test(input);
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Files under `folder`, in code-point order. An unreadable folder is a problem, not a throw:
 * the rest of the inputs are still built. Symbolic links are followed only while they stay under
 * the folder the user gave (a link to / would otherwise list the whole disk). */
async function* walkFolder(folder: string, context: WalkContext): AsyncGenerator<InputRef> {
  const { cwd, seen, problems } = context;
  const uri = displayPath(folder, cwd);
  let real: string;
  let entries;
  try {
    real = await realpath(folder);
    // A symlink back to an ancestor would loop forever: each real folder is walked once.
    if (seen.has(real)) return;
    seen.add(real);
    entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => byCodePoint(a.name, b.name));
  } catch (error) {
    problems.push(ioProblem(uri, error, `the folder ${uri}`));
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || IGNORED_NAMES.has(entry.name)) continue;
    if (IGNORED_SUFFIXES.some((suffix) => entry.name.endsWith(suffix)) || entry.name === 'README.md') continue;
    const full = path.join(folder, entry.name);
    const entryUri = displayPath(full, cwd);
    let info;
    try {
      if (entry.isSymbolicLink() && !context.allowOutside) {
        const target = await realpath(full);
        if (!isInside(target, context.root)) {
          problems.push({ uri: entryUri, code: 'input-outside', message: `a symbolic link to ${target}, outside ${context.root} (--allow-outside follows it)` });
          continue;
        }
      }
      info = await stat(full);
    } catch (error) {
      problems.push(ioProblem(entryUri, error, entry.isSymbolicLink() ? 'the target of a symbolic link' : entryUri));
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(full, context);
    else if (info.isFile()) yield { uri: entryUri, path: full, bytes: info.size };
  }
}

interface ListEntry {
  input?: string;
  uri?: string;
  path?: string;
  url?: string;
  collection?: string;
  title?: string;
}

/** A sources list: JSON (an array, or {sources: [...]}), JSON Lines, or plain lines with # comments.
 * Relative paths in it are relative to the list's own folder. */
async function readSourcesList(file: string): Promise<ListEntry[]> {
  const text = await readFile(file, 'utf8');
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || /^\{\s*"sources"/u.test(trimmed)) {
    const parsed = JSON.parse(trimmed) as ListEntry[] | { sources: ListEntry[] };
    return Array.isArray(parsed) ? parsed : parsed.sources;
  }
  return trimmed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => (line.startsWith('{') ? (JSON.parse(line) as ListEntry) : { input: line }));
}

export interface ExpandOptions {
  cwd?: string;
  lists?: readonly string[];
  problems?: InputProblem[];
  /** Follow symbolic links out of a folder, and let a sources list name files outside its own folder. */
  allowOutside?: boolean;
}

/** The real path of `file`, or of its nearest existing ancestor joined with the rest (a path that
 * does not exist yet still resolves, so `../../etc/shadow` is judged by where it points). */
async function realPathOf(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(await realPathOf(parent), path.basename(file));
  }
}

export async function* expandInputs(inputs: readonly string[], options: ExpandOptions = {}): AsyncGenerator<InputRef> {
  const cwd = options.cwd ?? process.cwd();
  const problems = options.problems ?? [];
  const allowOutside = options.allowOutside ?? false;
  const seen = new Set<string>();
  const expandOne = async function* (input: string, base: string, extra: Omit<InputRef, 'uri'> = {}): AsyncGenerator<InputRef> {
    if (isUrl(input)) {
      yield { uri: input, url: input, ...extra };
      return;
    }
    const full = path.resolve(base, input);
    let info;
    try {
      info = await stat(full);
    } catch {
      // A missing input is that document's failure, not the build's.
      yield { uri: displayPath(full, cwd), path: full, ...extra };
      return;
    }
    if (info.isDirectory()) {
      const root = await realPathOf(full);
      for await (const ref of walkFolder(full, { root, cwd, seen, problems, allowOutside })) yield { ...ref, ...extra };
    } else yield { uri: displayPath(full, cwd), path: full, bytes: info.size, ...extra };
  };
  for (const input of inputs) yield* expandOne(input, cwd);
  for (const list of options.lists ?? []) {
    const listFile = path.resolve(cwd, list);
    const base = path.dirname(listFile);
    let listed: ListEntry[];
    try {
      listed = await readSourcesList(listFile);
    } catch (error) {
      problems.push(error instanceof SyntaxError ? { uri: list, code: 'input-undecodable', message: `the sources list is not valid JSON: ${error.message}` } : ioProblem(list, error, `the sources list ${list}`));
      continue;
    }
    const baseReal = await realPathOf(base);
    for (const entry of listed) {
      const input = entry.input ?? entry.url ?? entry.path ?? entry.uri;
      if (!input) {
        problems.push({ uri: list, code: 'input-unsupported', message: `an entry without input/url/path: ${JSON.stringify(entry)}` });
        continue;
      }
      // A list names what is beside it: `../../etc/shadow`, an absolute path or a link out is refused.
      if (!isUrl(input) && !allowOutside && !isInside(await realPathOf(path.resolve(base, input)), baseReal)) {
        problems.push({ uri: displayPath(path.resolve(base, input), cwd), code: 'input-outside', message: `${list} names ${input}, outside the list's folder ${base} (--allow-outside reads it)` });
        continue;
      }
      const extra: Omit<InputRef, 'uri'> = {};
      if (entry.collection) extra.collection = entry.collection;
      if (entry.title) extra.title = entry.title;
      yield* expandOne(input, base, extra);
    }
  }
}
