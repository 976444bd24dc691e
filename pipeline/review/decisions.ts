// Review decisions: OUT/review/decisions.jsonl, one JSON object a line, appended by the review
// page and read by the build. A later decision on the same place replaces an earlier one, so
// "reject" then "accept" leaves the repair as samut made it. The file is the reviewer's record:
// nothing in samut rewrites or removes a line.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { placeKey, type Place } from './places.ts';

const DECISION_ACTIONS = ['reject', 'accept', 'reading', 'remove', 'set-id', 'reviewed'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export interface Decision {
  /** The document id. */
  doc: string;
  /** The source's SHA-256 the reviewer saw: a decision never applies to other bytes. */
  sha256: string;
  place: Place;
  decision: DecisionAction;
  /** The chosen reading (reading), the new id (set-id). */
  value?: string;
  /** set-id: the entity's names under its new id, when the reviewer gave them. */
  name?: { en?: string; th?: string };
  /** ISO 8601. */
  time: string;
}

/** Which actions fit which place. */
export const ACTIONS_FOR: Record<Place['kind'], readonly DecisionAction[]> = {
  repair: ['reject', 'accept'],
  ambiguous: ['reading'],
  entity: ['remove', 'set-id', 'accept'],
  document: ['reviewed'],
};

function decisionsFile(out: string): string {
  return path.join(out, 'review', 'decisions.jsonl');
}

/** Every decision in the file, in the order made; a torn or foreign line is skipped. */
export async function readDecisions(out: string): Promise<Decision[]> {
  const text = await readFile(decisionsFile(out), 'utf8').catch(() => '');
  const decisions: Decision[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const decision = JSON.parse(line) as Decision;
      if (typeof decision.doc === 'string' && typeof decision.sha256 === 'string' && decision.place && DECISION_ACTIONS.includes(decision.decision)) decisions.push(decision);
    } catch {
      // A line torn by a crash while appending: the reviewer's other decisions still count.
    }
  }
  return decisions;
}

export async function appendDecision(out: string, decision: Decision): Promise<void> {
  await mkdir(path.dirname(decisionsFile(out)), { recursive: true });
  await appendFile(decisionsFile(out), `${JSON.stringify(decision)}\n`, 'utf8');
}

/** The decisions of each document, the last one per place, in the order made. */
export function decisionsByDocument(decisions: readonly Decision[]): Map<string, Decision[]> {
  const byDoc = new Map<string, Map<string, Decision>>();
  for (const decision of decisions) {
    let places = byDoc.get(decision.doc);
    if (!places) byDoc.set(decision.doc, (places = new Map()));
    const key = placeKey(decision.place);
    places.delete(key); // re-inserted: keeps "order made" for the latest one
    places.set(key, decision);
  }
  return new Map([...byDoc].map(([doc, places]) => [doc, [...places.values()]]));
}

/** Folded into a document's cache key, so that a new decision rebuilds its document. */
export function decisionsDigest(decisions: readonly Decision[] | undefined): string | null {
  if (!decisions || decisions.length === 0) return null;
  return createHash('sha256').update(JSON.stringify(decisions)).digest('hex').slice(0, 16);
}
