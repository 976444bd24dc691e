// One input → one document, nothing written: what `samut extract` prints.
import type { Document } from '../model/document.ts';
import { DocumentError, toFailure, type Failure } from '../model/errors.ts';
import type { OcrMode } from '../model/stages.ts';
import { DEFAULT_MAX_BYTES } from './build.ts';
import { expandInputs } from './inputs.ts';
import { createStagePool, DEFAULT_THREAD_MEMORY_MB } from './pool.ts';
import { identify, lazyOcrRunner, processDocument, resolveProcessOptions } from './process.ts';
import { readInput } from './read.ts';

export interface ExtractOneOptions {
  ocr?: OcrMode;
  ocrLanguages?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Heap of the one worker thread the document runs in, in MB. @default 512 */
  threadMemoryMb?: number;
  signal?: AbortSignal;
}

export async function extractOne(input: string, options: ExtractOneOptions = {}): Promise<{ document: Document } | { failure: Failure }> {
  const refs = [];
  for await (const ref of expandInputs([input])) refs.push(ref);
  const ref = refs[0];
  if (refs.length !== 1 || !ref) {
    return { failure: toFailure(new DocumentError('input-unsupported', `extract takes one document; ${input} holds ${refs.length}`), 'read') };
  }
  const processOptions = resolveProcessOptions(options);
  let loaded;
  try {
    loaded = await readInput(ref, options.maxBytes ?? DEFAULT_MAX_BYTES, options.signal, processOptions.timeoutMs);
  } catch (error) {
    return { failure: toFailure(error, 'read') };
  }
  let identified;
  try {
    identified = identify(ref, loaded);
  } catch (error) {
    return { failure: toFailure(error, 'detect') };
  }
  // The document is parsed in a worker thread with the build's heap cap and timeout, never in this
  // thread: a flate bomb or a page of nested <div>s fails with its code instead of taking the
  // machine's memory or never returning.
  const pool = createStagePool(1, options.threadMemoryMb ?? DEFAULT_THREAD_MEMORY_MB);
  const ocr = lazyOcrRunner(processOptions);
  try {
    const result = await processDocument(ref, loaded, identified, processOptions, {
      pool,
      ocr: ocr.get,
      signal: options.signal,
    });
    return result.ok ? { document: JSON.parse(result.json) as Document } : { failure: result.failure };
  } finally {
    await Promise.all([pool.close(), ocr.close()]);
  }
}
