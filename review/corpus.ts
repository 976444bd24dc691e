// The corpus index the review page filters and searches: one small record per document, read
// once from the build's manifest and documents (and again when the manifest changes). Filtering
// is a linear scan of plain records; on 10,000 documents that is a few milliseconds (measured
// by scripts/bench/review.ts), so no search engine is needed.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '../pipeline/model/document.ts';
import { losesPage } from '../pipeline/model/warnings.ts';
import type { Entry } from '../pipeline/runner/store.ts';

type ReviewStatus = 'ok' | 'partial' | 'failed';

export interface CorpusRecord {
  id: string;
  uri: string;
  title: string;
  /** ok: built; partial: built, but some pages could not be read (a page-lost warning); failed: not built (with its code). */
  status: ReviewStatus;
  errorCode: string | null;
  errorMessage: string | null;
  languages: string[];
  pages: number;
  repairs: number;
  warnings: number;
  entities: number;
  reviewed: boolean;
  warningCodes: string[];
  repairRules: string[];
  entityIds: string[];
  /** Title and text, lower-cased, for search. */
  haystack: string;
}

export interface CorpusIndex {
  records: CorpusRecord[];
  byId: Map<string, CorpusRecord>;
  entries: Map<string, Entry>;
  facets: { languages: string[]; warningCodes: string[]; repairRules: string[]; entityIds: string[] };
  manifestMtimeMs: number;
}

export interface CorpusQuery {
  status?: string;
  lang?: string;
  warning?: string;
  rule?: string;
  entity?: string;
  q?: string;
}

const READ_CONCURRENCY = 16;

async function readDocument(out: string, id: string): Promise<Document | null> {
  try {
    return JSON.parse(await readFile(path.join(out, 'docs', `${id}.json`), 'utf8')) as Document;
  } catch {
    return null;
  }
}

function statusOf(entry: Entry, document: Document | null): ReviewStatus {
  if (entry.status === 'failed' || document === null) return 'failed';
  return entry.status === 'partial' || document.warnings.some((warning) => losesPage(warning.code)) ? 'partial' : 'ok';
}

function toRecord(entry: Entry, document: Document | null): CorpusRecord {
  const title = document?.title ?? entry.title ?? entry.uri;
  return {
    id: entry.id ?? '',
    uri: entry.uri,
    title,
    status: statusOf(entry, document),
    errorCode: entry.error?.code ?? (entry.status !== 'failed' && document === null ? 'output-missing' : null),
    errorMessage: entry.error?.message ?? null,
    languages: document?.languages ?? entry.languages,
    pages: entry.pages,
    repairs: document ? document.repairs.reduce((sum, repair) => sum + repair.count, 0) : 0,
    warnings: document?.warnings.length ?? 0,
    entities: document?.entities.length ?? 0,
    reviewed: document?.reviewed === true,
    warningCodes: [...new Set(document?.warnings.map((warning) => warning.code) ?? [])],
    repairRules: [...new Set(document?.repairs.flatMap((repair) => repair.rule.split('+')) ?? [])],
    entityIds: [...new Set(document?.entities.flatMap((entity) => (entity.id ? [entity.id] : [])) ?? [])],
    haystack: `${title}\n${document?.text ?? ''}`.toLowerCase(),
  };
}

export async function manifestMtime(out: string): Promise<number> {
  return (await stat(path.join(out, 'manifest.json')).catch(() => null))?.mtimeMs ?? 0;
}

/** Reads the manifest and every built document it lists. */
export async function loadCorpus(out: string): Promise<CorpusIndex> {
  const manifestMtimeMs = await manifestMtime(out);
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { documents: Entry[] };
  const listed = manifest.documents.filter((entry) => entry.status !== 'duplicate');
  const records: CorpusRecord[] = new Array(listed.length);
  let next = 0;
  const worker = async () => {
    while (next < listed.length) {
      const index = next++;
      const entry = listed[index]!;
      const document = entry.id && entry.status !== 'failed' ? await readDocument(out, entry.id) : null;
      records[index] = toRecord(entry, document);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    records,
    byId: new Map(records.filter((record) => record.id !== '').map((record) => [record.id, record])),
    entries: new Map(listed.flatMap((entry) => (entry.id ? [[entry.id, entry] as const] : []))),
    facets: {
      languages: sorted(records.flatMap((record) => record.languages)),
      warningCodes: sorted(records.flatMap((record) => record.warningCodes)),
      repairRules: sorted(records.flatMap((record) => record.repairRules)),
      entityIds: sorted(records.flatMap((record) => record.entityIds)),
    },
    manifestMtimeMs,
  };
}

export function filterCorpus(index: CorpusIndex, query: CorpusQuery): CorpusRecord[] {
  const needle = query.q?.trim().toLowerCase() ?? '';
  return index.records.filter(
    (record) =>
      (!query.status || record.status === query.status) &&
      (!query.lang || record.languages.includes(query.lang)) &&
      (!query.warning || record.warningCodes.includes(query.warning)) &&
      (!query.rule || record.repairRules.includes(query.rule)) &&
      (!query.entity || record.entityIds.includes(query.entity)) &&
      (needle === '' || record.haystack.includes(needle)),
  );
}
