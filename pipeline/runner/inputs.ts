// Inputs: files, folders (walked recursively in a deterministic order), URLs, and sources
// lists (a corpus defined by a file). Yields lazily so a 10,000-file corpus is never listed
// into memory with its bytes.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export interface InputRef {
  /** What the document is called in the output: a URL, or a path relative to the working directory. */
  uri: string;
  /** Local file to read, when not a URL. */
  path?: string;
  url?: string;
  /** Per-source metadata from a sources list. */
  collection?: string;
  title?: string;
}

export interface InputProblem {
  uri: string;
  message: string;
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

async function* walkFolder(folder: string, cwd: string, seen: Set<string>, problems: InputProblem[]): AsyncGenerator<InputRef> {
  const real = await realpath(folder);
  // A symlink back to an ancestor would loop forever: each real folder is walked once.
  if (seen.has(real)) return;
  seen.add(real);
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => byCodePoint(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || IGNORED_NAMES.has(entry.name)) continue;
    if (IGNORED_SUFFIXES.some((suffix) => entry.name.endsWith(suffix)) || entry.name === 'README.md') continue;
    const full = path.join(folder, entry.name);
    let info;
    try {
      info = await stat(full);
    } catch {
      problems.push({ uri: displayPath(full, cwd), message: 'a broken symbolic link' });
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(full, cwd, seen, problems);
    else if (info.isFile()) yield { uri: displayPath(full, cwd), path: full };
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

export async function* expandInputs(
  inputs: readonly string[],
  options: { cwd?: string; lists?: readonly string[]; problems?: InputProblem[] } = {},
): AsyncGenerator<InputRef> {
  const cwd = options.cwd ?? process.cwd();
  const problems = options.problems ?? [];
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
      for await (const ref of walkFolder(full, cwd, seen, problems)) yield { ...ref, ...extra };
    } else yield { uri: displayPath(full, cwd), path: full, ...extra };
  };
  for (const input of inputs) yield* expandOne(input, cwd);
  for (const list of options.lists ?? []) {
    const base = path.dirname(path.resolve(cwd, list));
    for (const entry of await readSourcesList(path.resolve(cwd, list))) {
      const input = entry.input ?? entry.url ?? entry.path ?? entry.uri;
      if (!input) {
        problems.push({ uri: list, message: `an entry without input/url/path: ${JSON.stringify(entry)}` });
        continue;
      }
      const extra: Omit<InputRef, 'uri'> = {};
      if (entry.collection) extra.collection = entry.collection;
      if (entry.title) extra.title = entry.title;
      yield* expandOne(input, base, extra);
    }
  }
}
