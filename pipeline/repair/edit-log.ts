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

  const previous = state.edits;
  const edits: Edit[] = [];
  let delta = 0; // new offset minus old offset, for positions after the changes seen so far
  let i = 0; // next earlier edit
  let j = 0; // next change
  while (i < previous.length || j < changes.length) {
    const edit = previous[i];
    const change = changes[j];
    const editStart = edit ? edit.offset : Infinity;
    const editEnd = edit ? edit.offset + edit.after.length : Infinity;
    // Most changes and edits stand alone: shift or record them without building a group.
    if (edit && (!change || editEnd < change.start)) {
      edit.offset += delta; // the log owns its edit objects until the result is returned
      edits.push(edit);
      i++;
      continue;
    }
    if (change && (!edit || change.end < editStart)) {
      const nextChange = changes[j + 1];
      if (!nextChange || change.end < nextChange.start) {
        edits.push({ rule: change.rule, offset: change.start + delta, before: old.slice(change.start, change.end), after: change.after });
        delta += change.after.length - (change.end - change.start);
        j++;
        continue;
      }
    }
    // A group: everything that overlaps or touches, merged into one edit.
    let groupStart = Math.min(editStart, change ? change.start : Infinity);
    let groupEnd = groupStart;
    const groupEdits: Edit[] = [];
    const groupChanges: PassChange[] = [];
    for (;;) {
      const e = previous[i];
      const c = changes[j];
      if (e && e.offset <= groupEnd && (!c || e.offset <= c.start)) {
        groupEdits.push(e);
        groupEnd = Math.max(groupEnd, e.offset + e.after.length);
        i++;
      } else if (c && c.start <= groupEnd) {
        groupChanges.push(c);
        groupEnd = Math.max(groupEnd, c.end);
        j++;
      } else break;
    }
    groupStart = Math.min(groupStart, ...groupEdits.map((e) => e.offset), ...groupChanges.map((c) => c.start));
    const region = old.slice(groupStart, groupEnd);
    const before = replaceBackwards(
      region,
      groupEdits.map((e) => ({ start: e.offset - groupStart, end: e.offset - groupStart + e.after.length, text: e.before })),
    );
    const after = replaceBackwards(
      region,
      groupChanges.map((c) => ({ start: c.start - groupStart, end: c.end - groupStart, text: c.after })),
    );
    const offset = groupStart + delta;
    delta += after.length - region.length;
    if (before === after) continue;
    const rules = [...new Set([...groupEdits.map((e) => e.rule), ...groupChanges.map((c) => c.rule)])];
    edits.push({ rule: rules.join('+'), offset, before, after });
  }

  if (state.warnings.length > 0) {
    state.warnings = state.warnings.map((warning) => ({ ...warning, offset: mapOffset(warning.offset, changes) }));
  }
  state.text = text;
  state.edits = edits;
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
