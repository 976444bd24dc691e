// What runs in the pool's worker threads: the CPU-heavy stages, on serializable data only.
import { extractDocument } from '../extract/index.ts';
import type { Draft } from '../model/draft.ts';
import { DocumentError } from '../model/errors.ts';
import type { ExtractInput } from '../model/stages.ts';
import { repairDraft } from '../repair/index.ts';
import { tagDraft } from '../tag/index.ts';

/** DocumentError loses its class crossing threads; its fields travel as a plain object. */
function portable(error: unknown): never {
  if (error instanceof DocumentError) {
    throw Object.assign(new Error(error.message), { code: error.code, page: error.page });
  }
  throw error;
}

/** Stage times are measured here, inside the thread, so that time spent waiting for a free
 * worker is not counted as time spent in the stage. */
export async function extract(input: ExtractInput): Promise<{ draft: Draft; ms: number }> {
  try {
    const start = performance.now();
    const draft = await extractDocument(input);
    return { draft, ms: performance.now() - start };
  } catch (error) {
    portable(error);
  }
}

/** repair then tag: tagging reads the repaired text. */
export function finish(draft: Draft): { draft: Draft; timings: { repair: number; tag: number } } {
  try {
    const t0 = performance.now();
    const repaired = repairDraft(draft);
    const t1 = performance.now();
    const tagged = tagDraft(repaired);
    const t2 = performance.now();
    return { draft: tagged, timings: { repair: t1 - t0, tag: t2 - t1 } };
  } catch (error) {
    portable(error);
  }
}
