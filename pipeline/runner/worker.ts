// What runs in the pool's worker threads: the CPU-heavy stages, on serializable data only.
import { serializeDocument, toDocument } from '../emit/index.ts';
import { extractDocument } from '../extract/index.ts';
import type { Draft } from '../model/draft.ts';
import { DocumentError } from '../model/errors.ts';
import type { ExtractInput } from '../model/stages.ts';
import { needsOcr, withSourceFacts, type DocumentJob, type JobResult, type WorkerStage } from './job.ts';
import { repairDraft } from '../repair/index.ts';
import type { DocumentStats } from './store.ts';
import { tagDraft } from '../tag/index.ts';

/** DocumentError loses its class crossing threads; its fields travel as a plain object. */
function portable(error: unknown, stage: WorkerStage): never {
  if (error instanceof DocumentError) {
    throw Object.assign(new Error(error.message), { code: error.code, page: error.page, stage });
  }
  if (error instanceof Error) throw Object.assign(error, { stage });
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
    portable(error, 'extract');
  }
}

/** What the runner needs to know of an emitted document, without parsing it again. */
export interface EmittedSummary extends DocumentStats {
  id: string;
}

export interface Finished {
  /** The document in its one serialized form, validated. */
  json: string;
  summary: EmittedSummary;
  timings: { repair: number; tag: number; emit: number };
}

/** repair → tag → emit: tagging reads the repaired text; emit validates and serializes here,
 * in the worker, so the main thread only writes files. */
export function finish(draft: Draft): Finished {
  try {
    const t0 = performance.now();
    const repaired = repairDraft(draft);
    const t1 = performance.now();
    const tagged = tagDraft(repaired);
    const t2 = performance.now();
    const document = toDocument(tagged);
    const json = serializeDocument(document);
    const t3 = performance.now();
    const summary: EmittedSummary = {
      id: document.id,
      title: document.title,
      languages: document.languages,
      pages: tagged.pages?.length ?? tagged.metadata.pageCount ?? 0,
      blocks: document.blocks.length,
      entities: document.entities.length,
      repairs: document.repairs.reduce((sum, repair) => sum + repair.count, 0),
      warnings: document.warnings.length,
    };
    return { json, summary, timings: { repair: t1 - t0, tag: t2 - t1, emit: t3 - t2 } };
  } catch (error) {
    portable(error, 'repair');
  }
}

/** extract → repair → tag → emit in one thread: the draft, the largest thing a document becomes,
 * never crosses threads (twice: there and back) unless OCR on the main thread needs it. */
export async function extractAndFinish(job: DocumentJob): Promise<JobResult> {
  const { draft, ms } = await extract(job.input);
  if (needsOcr(draft, job.input.options.ocr)) return { extractMs: ms, needsOcr: draft };
  return { extractMs: ms, finished: finish(withSourceFacts(draft, job.facts)) };
}
