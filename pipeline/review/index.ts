// What the build needs of review: the decisions in OUT/review/decisions.jsonl, folded into each
// reviewed document's cache key (a new decision rebuilds its document; an old one survives a
// rebuild of unchanged sources) and applied to the document the pipeline just made.
import { createHash } from 'node:crypto';
import { Document } from '../model/document.ts';
import { applyDecisions, type Unresolved } from './apply.ts';
import { decisionsByDocument, decisionsDigest, readDecisions, type Decision } from './decisions.ts';

export type { Unresolved } from './apply.ts';

/** What the journal and manifest keep of a reviewed document. */
export interface DocumentReview {
  applied: number;
  unresolved: Unresolved[];
}

/** The manifest's account of review decisions: every one is applied or listed here. */
export interface ReviewReport {
  decisions: number;
  applied: number;
  unresolved: Unresolved[];
}

export interface Reviewed<S> {
  json: string;
  summary: S;
  review: DocumentReview;
}

export class ReviewBook {
  private readonly byDoc: Map<string, Decision[]>;

  constructor(decisions: readonly Decision[]) {
    this.byDoc = decisionsByDocument(decisions);
  }

  static async load(out: string): Promise<ReviewBook> {
    return new ReviewBook(await readDecisions(out));
  }

  /** The cache key, with the document's decisions in it when it has any. */
  key(id: string, key: string): string {
    const digest = decisionsDigest(this.byDoc.get(id));
    return digest === null ? key : createHash('sha256').update(`${key}|review|${digest}`).digest('hex').slice(0, 32);
  }

  /** The document with its decisions applied; as it was when it has none. */
  apply<S extends { entities: number; repairs: number; warnings: number }>(id: string, json: string, summary: S): Reviewed<S> | null {
    const decisions = this.byDoc.get(id);
    if (!decisions) return null;
    let result: ReturnType<typeof applyDecisions>;
    try {
      result = applyDecisions(Document.parse(JSON.parse(json)), decisions);
    } catch (error) {
      // Decisions never cost a document: it is written as the pipeline made it, each decision reported.
      const reason = `could not be applied: ${error instanceof Error ? error.message : String(error)}`;
      return { json, summary, review: { applied: 0, unresolved: decisions.map((d) => ({ doc: d.doc, place: d.place, decision: d.decision, time: d.time, reason })) } };
    }
    const { document, applied, unresolved } = result;
    return {
      json: `${JSON.stringify(document, null, 2)}\n`,
      summary: {
        ...summary,
        entities: document.entities.length,
        repairs: document.repairs.reduce((sum, repair) => sum + repair.count, 0),
        warnings: document.warnings.length,
      },
      review: { applied, unresolved },
    };
  }

  /** Decisions applied or unresolved in the documents of this build, and those whose document
   * is no longer built (its source changed or went away). */
  report(entries: readonly { id: string | null; status: string; review?: DocumentReview }[]): ReviewReport {
    const report: ReviewReport = { decisions: 0, applied: 0, unresolved: [] };
    const live = new Set<string>();
    for (const entry of entries) {
      if (entry.id === null || entry.status === 'failed') continue;
      live.add(entry.id);
      report.applied += entry.review?.applied ?? 0;
      report.unresolved.push(...(entry.review?.unresolved ?? []));
    }
    for (const [doc, decisions] of this.byDoc) {
      report.decisions += decisions.length;
      if (live.has(doc)) continue;
      for (const decision of decisions) {
        report.unresolved.push({ doc, place: decision.place, decision: decision.decision, time: decision.time, reason: 'no document with this id in the build (its source changed, failed or is gone)' });
      }
    }
    return report;
  }
}
