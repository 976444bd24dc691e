// record: what a build writes once its documents are done (build.ts' last step): the sources gone
// since the previous build (their output removed only with prune), the summary, corpus.jsonl, the
// journal compacted to what is still a source, and manifest.json. An interrupted build writes only
// its manifest: running it again completes it.
import path from 'node:path';
import type { ErrorCode } from '../model/errors.ts';
import type { OcrMode, StageName } from '../model/stages.ts';
import type { ReviewBook, ReviewReport } from '../review/index.ts';
import type { InputProblem, InputRef } from './inputs.ts';
import { roundMs } from './job.ts';
import { writeAtomic, type Entry, type Store } from './store.ts';

/** Counts over a build's documents (the manifest's `summary`). */
export interface Summary {
  total: number;
  ok: number;
  /** Written with some pages lost. */
  partial: number;
  failed: number;
  skipped: number;
  duplicate: number;
  failedByCode: Partial<Record<ErrorCode, number>>;
  pages: number;
  repairs: number;
  entities: number;
  warnings: number;
}

/** The build record written to `out/manifest.json`: options, pipeline version, every document's entry and what went missing. */
export interface Manifest {
  schemaVersion: '1';
  /** `pdfjsPatchesMissed`: samut's pdf.js source patches that no longer apply (PDFs read more slowly). */
  pipeline: { name: string; version: string; fingerprint: string; dependencies: Record<string, string>; pdfjsPatchesMissed: string[] };
  /** `queue`: the Redis URL of a queue build, its password masked. */
  options: { ocr: OcrMode; ocrLanguages: string; timeoutMs: number; threads: number; concurrency: number; force: boolean; prune: boolean; queue?: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  interrupted: boolean;
  summary: Summary;
  /** Total milliseconds spent in each stage, over the documents processed in this run. */
  stageTimings: Partial<Record<StageName, number>>;
  documents: Entry[];
  /** Sources in the previous build that are gone now; their output is removed only with prune. */
  missing: { uri: string; id: string | null; removed: boolean }[];
  inputProblems: InputProblem[];
  /** Review decisions (OUT/review/decisions.jsonl): how many were applied, and each one whose place is gone. */
  review: ReviewReport;
}

/** What the build planned and what its run gave: all that record() needs. */
export interface BuildRecord {
  store: Store;
  started: Date;
  startedMs: number;
  pipeline: Manifest['pipeline'];
  options: Manifest['options'];
  refs: readonly InputRef[];
  problems: InputProblem[];
  /** The previous build's journal, by source. */
  previous: ReadonlyMap<string, Entry>;
  review: ReviewBook;
  /** The documents done, in input order. */
  documents: Entry[];
  stageTimings: Partial<Record<StageName, number>>;
  interrupted: boolean;
}

function summarize(total: number, documents: readonly Entry[]): Summary {
  const summary: Summary = { total, ok: 0, partial: 0, failed: 0, skipped: 0, duplicate: 0, failedByCode: {}, pages: 0, repairs: 0, entities: 0, warnings: 0 };
  for (const entry of documents) {
    if (entry.status === 'ok') summary.ok++;
    if (entry.status === 'partial') summary.partial++;
    if (entry.status === 'skipped-unchanged') summary.skipped++;
    if (entry.status === 'duplicate') summary.duplicate++;
    if (entry.status === 'failed') {
      summary.failed++;
      const code = entry.error?.code ?? 'internal';
      summary.failedByCode[code] = (summary.failedByCode[code] ?? 0) + 1;
    }
    summary.pages += entry.pages;
    summary.repairs += entry.repairs;
    summary.entities += entry.entities;
    summary.warnings += entry.warnings;
  }
  return summary;
}

/** Sources of the previous build that are gone now, sorted; with prune their output goes too
 * (unless a document of this build has the same id). */
async function missingSources(build: BuildRecord, prune: boolean): Promise<Manifest['missing']> {
  const seen = new Set(build.refs.map((ref) => ref.uri));
  const liveIds = new Set(build.documents.map((entry) => entry.id));
  const missing: Manifest['missing'] = [];
  for (const [uri, before] of [...build.previous.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (seen.has(uri)) continue;
    const removable = prune && before.id !== null && !liveIds.has(before.id);
    if (removable && before.id) await build.store.removeDocument(before.id);
    missing.push({ uri, id: before.id, removed: removable });
  }
  return missing;
}

export async function record(build: BuildRecord): Promise<Manifest> {
  const { store, documents, interrupted } = build;
  const prune = build.options.prune;
  const missing = interrupted ? [] : await missingSources(build, prune);
  const manifest: Manifest = {
    schemaVersion: '1',
    pipeline: build.pipeline,
    options: build.options,
    startedAt: build.started.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: roundMs(performance.now() - build.startedMs),
    interrupted,
    summary: summarize(build.refs.length, documents),
    stageTimings: build.stageTimings,
    documents,
    missing,
    inputProblems: build.problems,
    review: build.review.report(documents),
  };
  if (!interrupted) {
    const corpus = documents
      .filter((entry) => entry.status !== 'duplicate')
      .map((entry) => JSON.stringify({ id: entry.id, uri: entry.uri, title: entry.title, languages: entry.languages, status: entry.status, ...(entry.collection ? { collection: entry.collection } : {}) }))
      .join('\n');
    await writeAtomic(path.join(store.root, 'corpus.jsonl'), corpus === '' ? '' : `${corpus}\n`);
    // The journal keeps what is still a source, so pruned or vanished sources stop being reported.
    const seen = new Set(build.refs.map((ref) => ref.uri));
    const kept = prune ? documents : [...documents, ...[...build.previous.values()].filter((entry) => !seen.has(entry.uri))];
    await store.compactJournal(kept.filter((entry) => entry.status !== 'duplicate'));
  }
  await writeAtomic(path.join(store.root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
