// read: the bytes of one input, from disk or over HTTP, with a size cap.
import { open, stat } from 'node:fs/promises';
import { DocumentError } from '../model/errors.ts';
import { fetchInput, type Loaded } from './main-thread-stages.ts';
import type { InputRef } from './inputs.ts';

export type { Loaded };

export async function readInput(ref: InputRef, maxBytes: number, signal?: AbortSignal, timeoutMs?: number): Promise<Loaded> {
  if (ref.url) return fetchInput(ref.url, maxBytes, signal, timeoutMs);
  const file = ref.path ?? ref.uri;
  let size: number;
  let mode: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new DocumentError('input-not-found', `${ref.uri} is not a regular file`);
    size = info.size;
    mode = info.mode & 0o777;
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DocumentError('input-not-found', code === 'EACCES' ? `${ref.uri} cannot be read (permission denied)` : `${ref.uri} does not exist`);
  }
  if (size > maxBytes) {
    throw new DocumentError('input-too-large', `${ref.uri} is ${size} bytes, over the ${maxBytes}-byte cap (--max-bytes)`);
  }
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new DocumentError(error.code === 'EACCES' ? 'input-unreadable' : 'input-not-found', `${ref.uri} cannot be opened${error.code === 'EACCES' ? ' (permission denied)' : ''}`);
  });
  try {
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return { bytes: offset === size ? bytes : bytes.subarray(0, offset), mode };
  } finally {
    await handle.close();
  }
}
