// A document's job between the main thread and a worker thread, and the two small decisions both
// sides make on a draft: whether it goes to OCR, and the facts the source list adds to it.
// Light on purpose: the main thread imports it without loading any stage.
import type { Draft } from '../model/draft.ts';
import type { Failure } from '../model/errors.ts';
import type { ExtractInput, OcrMode } from '../model/stages.ts';
import type { DocumentStats } from './store.ts';

export function needsOcr(draft: Draft, mode: OcrMode): boolean {
  if (mode === 'never') return false;
  if (draft.kind === 'image') return true;
  return (draft.pages ?? []).some((page) => mode === 'always' || page.needsOcr !== null);
}

/** What the source list says of a document (its title, its collection): it wins over extraction. */
export interface SourceFacts {
  title?: string | null | undefined;
  collection?: string | null | undefined;
}

export function withSourceFacts(draft: Draft, facts: SourceFacts): Draft {
  if (facts.title) draft.title = facts.title;
  if (facts.collection) draft.metadata.collection = facts.collection;
  return draft;
}

export interface DocumentJob {
  input: ExtractInput;
  facts: SourceFacts;
}

/** A document that could not be extracted or finished, as its failure record. */
export interface Failed {
  failure: Failure;
}

/** A document extracted and, unless it needs OCR, finished; or its failure (with the extract
 * time when extraction went through). */
export type JobResult =
  | ({ extractMs: number } & ({ finished: Finished } | { needsOcr: Draft }))
  | (Failed & { extractMs?: number });

/** What the runner needs to know of an emitted document, without parsing it again. */
export interface EmittedSummary extends DocumentStats {
  id: string;
  /** A page's content was lost (the catalogue's page-lost warnings): the status is `partial`. */
  partial: boolean;
}

export interface Finished {
  /** The document in its one serialized form, validated. */
  json: string;
  summary: EmittedSummary;
  timings: { repair: number; tag: number; emit: number };
}
/** One page image for OCR, made in a worker thread. `key` names the document (its sha256), so a
 * thread keeps the document it has open for the next page of the same one. */
export interface PageJob {
  key: string;
  kind: 'image' | 'pdf';
  bytes: Uint8Array;
  dpi: number;
  /** 0: only open the document and count its pages. */
  page: number;
}

export type PageJobResult = { pageCount: number; image: Uint8Array | null } | (Failed & { page?: number });
