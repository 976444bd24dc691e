// What crosses an engine boundary (main thread ↔ worker thread, coordinator ↔ queue worker): a
// document's job, and the one shape every result takes: `{ ok: true, … }` or `{ ok: false,
// failure }`. A DocumentError is thrown only inside a stage; the driver that ran the stage turns it
// into a Failure at once (an Error crossing threads keeps only its message: a DocumentError's code
// and page were lost that way). Light on purpose: the main thread imports it without any stage.
import type { Draft } from '../model/draft.ts';
import { DocumentError, toFailure, type Failure } from '../model/errors.ts';
import type { ExtractInput, ExtractOptions, StageName } from '../model/stages.ts';
import type { DocumentStats } from './store.ts';

/** A result across an engine boundary: never a thrown error. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; failure: Failure };

/** Milliseconds spent in each stage. */
export type Timings = Partial<Record<StageName, number>>;

export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The failure of a document that ran past its time limit, in the stage it was in: the same
 * whether the thread noticed its deadline or the main thread's backstop stopped the thread. */
export function timedOut(uri: string, timeoutMs: number, stage: StageName): Failure {
  return toFailure(new DocumentError('timeout', `${uri} took longer than ${timeoutMs} ms (stage ${stage})`), stage);
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

interface DocumentJob {
  input: ExtractInput;
  facts: SourceFacts;
}

/** One call into a worker thread: the stages from the start (the job) or from the draft stage
 * `next` (a draft back from a main-thread stage), for as long as they run in a thread. */
export interface ThreadRequest {
  start: { job: DocumentJob } | { draft: Draft; next: number };
  uri: string;
  options: ExtractOptions;
  timeoutMs: number;
  /** Epoch ms. An AbortSignal cannot cross to a thread: the thread makes its own from this. */
  deadline: number;
}

/** What the runner needs to know of an emitted document, without parsing it again. */
interface EmittedSummary extends DocumentStats {
  id: string;
  /** A page's content was lost (the catalogue's page-lost warnings): the status is `partial`. */
  partial: boolean;
}

export interface Emitted {
  /** The document in its one serialized form, validated. */
  json: string;
  summary: EmittedSummary;
}

/** Emitted, or stopped before the main-thread stage `next` with the draft it takes; with the
 * times of the stages that ran in the thread (a failure too: its stage's time is measured). */
export type ThreadResult = Outcome<{ emitted: Emitted } | { draft: Draft; next: number }> & { timings: Timings };

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

export type PageJobResult = Outcome<{ pageCount: number; image: Uint8Array | null }>;
