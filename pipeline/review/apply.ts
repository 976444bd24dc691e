// Review decisions → the built document. The build calls this once per document that has
// decisions, on the pipeline's fresh output, so a decision lasts through every rebuild; a
// decision whose place is gone (the pipeline changed) comes back as unresolved, for the manifest.
// Text changes are recorded as edits with rule "review", so undoing a block's edits still gives
// back its `original` exactly.
import { Document, type Block, type Edit } from '../model/document.ts';
import { BLOCK_SEPARATOR } from '../model/draft.ts';
import { blockLanguage } from '../model/lang.ts';
import type { Decision } from './decisions.ts';
import { ambiguousPlace, entityPlace, fromOriginal, placeKey, toOriginal } from './places.ts';

const REVIEW_RULE = 'review';

export interface Unresolved {
  doc: string;
  place: Decision['place'];
  decision: Decision['decision'];
  time: string;
  reason: string;
}

export interface Applied {
  document: Document;
  applied: number;
  unresolved: Unresolved[];
}

/** A change of block text: [offset, offset + length) becomes `text`. */
interface TextChange {
  block: Block;
  offset: number;
  length: number;
  text: string;
}

function unresolved(decision: Decision, reason: string): Unresolved {
  return { doc: decision.doc, place: decision.place, decision: decision.decision, time: decision.time, reason };
}

/** The block's text changed, its later edits and footnote marks moved, `replaced` (the edit a
 * rejection undoes) swapped for the review edit. */
function changeBlock(block: Block, change: TextChange, edit: Edit, replaced: Edit | undefined): void {
  const delta = change.text.length - change.length;
  const end = change.offset + change.length;
  block.original ??= block.text;
  block.text = block.text.slice(0, change.offset) + change.text + block.text.slice(end);
  const edits = (block.edits ?? []).filter((other) => other !== replaced);
  for (const other of edits) if (other.offset >= end) other.offset += delta;
  edits.push(edit);
  block.edits = edits.sort((a, b) => a.offset - b.offset);
  for (const ref of block.refs ?? []) if (ref.offset >= end) ref.offset += delta;
}

/** Finds a decision's block and, for text decisions, the change it makes; null: place gone. */
function textChange(document: Document, decision: Decision): { change: TextChange; edit: Edit; replaced?: Edit } | string {
  const place = decision.place;
  if (place.kind !== 'repair' && place.kind !== 'ambiguous') return 'not a text place';
  const block = document.blocks.find((candidate) => candidate.id === place.block);
  if (!block) return `block ${place.block} is gone`;
  if (place.kind === 'repair') {
    const edit = block.edits?.find((candidate) => candidate.rule === place.rule && candidate.before === place.before && toOriginal(block.edits, candidate.offset) === place.at);
    if (!edit) return `no ${place.rule} repair of "${place.before}" at ${place.at} in ${place.block}`;
    const review: Edit = { rule: REVIEW_RULE, offset: edit.offset, before: edit.before, after: edit.before, rejected: edit.rule };
    return { change: { block, offset: edit.offset, length: edit.after.length, text: edit.before }, edit: review, replaced: edit };
  }
  const offset = fromOriginal(block.edits, place.at);
  if (offset === null || block.text.slice(offset, offset + place.text.length) !== place.text) return `"${place.text}" is no longer at ${place.at} in ${place.block}`;
  const reading = decision.value ?? '';
  if (reading === '') return 'no reading given';
  return { change: { block, offset, length: place.text.length, text: reading }, edit: { rule: REVIEW_RULE, offset, before: place.text, after: reading } };
}

/** Document offsets before the changes → after, for entities and warnings. */
function offsetMapper(changes: { at: number; length: number; delta: number }[]): (offset: number, isEnd: boolean) => number {
  return (offset, isEnd) => {
    // Each change is in the coordinates left by the ones before it.
    let moved = offset;
    for (const change of changes) {
      if (moved >= change.at + change.length) moved += change.delta;
      else if (moved > change.at) moved = isEnd ? change.at + change.length + change.delta : change.at; // inside: around the new text
    }
    return moved;
  };
}

function countDown(repairs: Document['repairs'], rule: string): Document['repairs'] {
  const parts = new Set(rule.split('+'));
  return repairs.map((repair) => (parts.has(repair.rule) ? { ...repair, count: repair.count - 1 } : repair)).filter((repair) => repair.count > 0);
}

/** Decisions (the last per place, in the order made) applied to a freshly built document. */
export function applyDecisions(built: Document, decisions: readonly Decision[]): Applied {
  const document = structuredClone(built);
  const result: Unresolved[] = [];
  let applied = 0;
  let reviewEdits = 0;
  // Entities first, on the offsets the places were named in.
  const entityDecisions = new Map(decisions.filter((d) => d.place.kind === 'entity').map((d) => [placeKey(d.place), d]));
  const seen = new Set<string>();
  document.entities = document.entities.flatMap((entity) => {
    const place = entityPlace(document, entity);
    const decision = place ? entityDecisions.get(placeKey(place)) : undefined;
    if (!place || !decision) return [entity];
    seen.add(placeKey(place));
    applied++;
    if (decision.decision === 'remove') return [];
    if (decision.decision === 'set-id' && decision.value) return [{ ...entity, id: decision.value, name: decision.name ?? {} }];
    return [entity];
  });
  for (const [key, decision] of entityDecisions) if (!seen.has(key)) result.push(unresolved(decision, `no ${decision.place.kind === 'entity' ? `${decision.place.type} "${decision.place.text}"` : 'entity'} there any more`));

  const docChanges: { at: number; length: number; delta: number }[] = [];
  const resolvedAmbiguous = new Set<string>();
  for (const decision of decisions) {
    if (decision.sha256 !== document.source.sha256) {
      result.push(unresolved(decision, 'made on other source bytes'));
      continue;
    }
    if (decision.place.kind === 'document') {
      if (decision.decision === 'reviewed') document.reviewed = true;
      applied++;
      continue;
    }
    if (decision.place.kind === 'entity') continue;
    if (decision.decision === 'accept') {
      // Accepting a repair keeps samut's text; it only has to still be there.
      const found = textChange(document, { ...decision, decision: 'reject' });
      if (typeof found === 'string') result.push(unresolved(decision, found));
      else applied++;
      continue;
    }
    const found = textChange(document, decision);
    if (typeof found === 'string') {
      result.push(unresolved(decision, found));
      continue;
    }
    const { change, edit, replaced } = found;
    docChanges.push({ at: change.block.start + change.offset, length: change.length, delta: change.text.length - change.length });
    changeBlock(change.block, change, edit, replaced);
    if (replaced) document.repairs = countDown(document.repairs, replaced.rule);
    if (decision.place.kind === 'ambiguous') resolvedAmbiguous.add(placeKey(decision.place));
    reviewEdits++;
    applied++;
    // Later blocks move with this one's new length.
    const delta = change.text.length - change.length;
    for (const block of document.blocks) if (block.start > change.block.start) block.start += delta;
    change.block.end += delta;
  }
  if (docChanges.length > 0) {
    const map = offsetMapper(docChanges);
    // A place the reviewer read is no longer ambiguous: its warning goes (named on the built document).
    const decided = (offset: number) => {
      const found = ambiguousPlace(built, offset);
      return found !== null && resolvedAmbiguous.has(placeKey(found.place));
    };
    document.warnings = document.warnings
      .filter((warning) => !(warning.code === 'thai-ambiguous' && warning.offset !== undefined && decided(warning.offset)))
      .map((warning) => (warning.offset === undefined ? warning : { ...warning, offset: map(warning.offset, false) }));
    document.text = document.blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
    for (const block of document.blocks) {
      block.lang = blockLanguage(block.text);
      if (block.original === block.text && !(block.edits ?? []).some((edit) => edit.before !== edit.after)) delete block.original;
    }
    document.entities = document.entities.map((entity) => {
      const start = map(entity.start, false);
      const end = map(entity.end, true);
      return { ...entity, start, end, text: document.text.slice(start, end) };
    });
    const review = document.repairs.filter((repair) => repair.rule !== REVIEW_RULE);
    review.push({ rule: REVIEW_RULE, count: reviewEdits + (built.repairs.find((repair) => repair.rule === REVIEW_RULE)?.count ?? 0) });
    document.repairs = review.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }
  return { document: Document.parse(document), applied, unresolved: result };
}
