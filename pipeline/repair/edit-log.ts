// The text being repaired, with every change so far recorded against it. Rules run as passes
// over the whole text; each pass's changes are folded into the log so that at the end each
// edit's offset points into the final text and undoing the edits last-first gives back the
// original exactly. Changes that touch or overlap an earlier one merge with it into one edit
// (its rule ids joined with "+"), so undo never depends on the order passes ran in.
import type { Edit } from '../model/document.ts';

export interface RepairWarning {
  code: string;
  message: string;
  offset: number;
}

export interface RepairState {
  text: string;
  /** Sorted by offset, offsets into `text`, never touching each other. */
  edits: Edit[];
  counts: Record<string, number>;
  warnings: RepairWarning[];
}

/** One change a pass wants, in the coordinates of the text the pass read. */
export interface PassChange {
  start: number;
  end: number;
  after: string;
  rule: string;
}

export function newState(text: string): RepairState {
  return { text, edits: [], counts: {}, warnings: [] };
}

/** Narrows a change to the characters that really differ, so edits stay readable. */
export function minimalChange(start: number, before: string, after: string, rule: string): PassChange | null {
  if (before === after) return null;
  let head = 0;
  const shortest = Math.min(before.length, after.length);
  while (head < shortest && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shortest - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  ) {
    tail++;
  }
  return { start: start + head, end: start + before.length - tail, after: after.slice(head, after.length - tail), rule };
}

/** Runs a global regex over the text and applies what `replace` returns for each match
 * (null or the match itself: no change). */
export function applyRegexRule(
  state: RepairState,
  pattern: RegExp,
  rule: string,
  replace: (match: RegExpExecArray, text: string) => string | null,
): void {
  const changes: PassChange[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(state.text); match; match = pattern.exec(state.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replace(match, state.text);
    if (replacement === null) continue;
    const change = minimalChange(match.index, match[0], replacement, rule);
    if (change) changes.push(change);
  }
  applyChanges(state, changes);
}

interface Span {
  start: number;
  end: number;
  edit?: Edit;
  change?: PassChange;
}

/** Folds one pass's changes (sorted, non-overlapping, in current-text coordinates) into the state. */
export function applyChanges(state: RepairState, changes: PassChange[]): void {
  if (changes.length === 0) return;
  const old = state.text;
  for (const change of changes) state.counts[change.rule] = (state.counts[change.rule] ?? 0) + 1;

  // Joined from parts, not appended: `+=` builds a rope, and char-by-char reads of a rope are slow.
  const parts: string[] = [];
  let cursor = 0;
  for (const change of changes) {
    parts.push(old.slice(cursor, change.start), change.after);
    cursor = change.end;
  }
  parts.push(old.slice(cursor));
  const text = parts.join('');

  const spans = mergeSorted(
    state.edits.map((edit) => ({ start: edit.offset, end: edit.offset + edit.after.length, edit })),
    changes.map((change) => ({ start: change.start, end: change.end, change })),
  );

  const edits: Edit[] = [];
  let delta = 0; // new offset minus old offset, for positions after the changes seen so far
  let index = 0;
  while (index < spans.length) {
    const group = [spans[index]!];
    let groupEnd = spans[index]!.end;
    index++;
    while (index < spans.length && spans[index]!.start <= groupEnd) {
      groupEnd = Math.max(groupEnd, spans[index]!.end);
      group.push(spans[index]!);
      index++;
    }
    const groupChanges = group.filter((span) => span.change).map((span) => span.change!);
    const groupEdits = group.filter((span) => span.edit).map((span) => span.edit!);
    if (groupChanges.length === 0) {
      for (const edit of groupEdits) {
        edit.offset += delta; // the log owns its edit objects until the result is returned
        edits.push(edit);
      }
      continue;
    }
    const groupStart = group[0]!.start;
    const region = old.slice(groupStart, groupEnd);
    const before = replaceBackwards(
      region,
      groupEdits.map((edit) => ({ start: edit.offset - groupStart, end: edit.offset - groupStart + edit.after.length, text: edit.before })),
    );
    const after = replaceBackwards(
      region,
      groupChanges.map((change) => ({ start: change.start - groupStart, end: change.end - groupStart, text: change.after })),
    );
    const offset = groupStart + delta;
    delta += after.length - region.length;
    if (before === after) continue;
    const rules = [...new Set([...groupEdits.map((edit) => edit.rule), ...groupChanges.map((change) => change.rule)])];
    edits.push({ rule: rules.join('+'), offset, before, after });
  }

  if (state.warnings.length > 0) {
    state.warnings = state.warnings.map((warning) => ({ ...warning, offset: mapOffset(warning.offset, changes) }));
  }
  state.text = text;
  state.edits = edits;
}

function mergeSorted(a: Span[], b: Span[]): Span[] {
  const merged: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && (left.start < right.start || (left.start === right.start && left.end <= right.end)))) {
      merged.push(left!);
      i++;
    } else {
      merged.push(right);
      j++;
    }
  }
  return merged;
}

function replaceBackwards(text: string, replacements: { start: number; end: number; text: string }[]): string {
  let result = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, r.start) + r.text + result.slice(r.end);
  }
  return result;
}

/** Where an offset of the old text lands in the new one (inside a change: at its start). */
function mapOffset(offset: number, changes: PassChange[]): number {
  let delta = 0;
  for (const change of changes) {
    if (change.end <= offset && change.start < offset) delta += change.after.length - (change.end - change.start);
    else if (change.start <= offset && offset < change.end) return change.start + delta;
    else break;
  }
  return offset + delta;
}

/** Undo every edit, last first: gives back the text before repair. */
export function undoEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.before + result.slice(edit.offset + edit.after.length);
  }
  return result;
}
