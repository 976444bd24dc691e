// The text being repaired, with every change so far recorded against it. Rules run as passes
// over the whole text; each pass's changes are folded into the log so that at the end each
// edit's offset points into the final text and undoing the edits last-first gives back the
// original exactly. Changes that touch or overlap an earlier one merge with it into one edit
// (its rule ids joined with "+"), so undo never depends on the order passes ran in.
import type { Edit } from '../model/document.ts';
import type { WarningCode } from '../model/warnings.ts';

export interface RepairWarning {
  code: WarningCode;
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
  /** Judged rules: what decided it (Edit.evidence). */
  evidence?: string;
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

/** Folds one pass's changes (sorted, non-overlapping, in current-text coordinates) into the state.
 * Kept in small functions: the rare merging path and the per-rule counts (object maps that
 * vary by rule) would otherwise make the optimizing compiler throw away and recompile the
 * whole hot loop again and again. */
export function applyChanges(state: RepairState, changes: PassChange[]): void {
  if (changes.length === 0) return;
  const old = state.text;
  countChanges(state.counts, changes);
  const text = spliceChanges(old, changes);
  state.edits = foldEdits(old, state.edits, changes);
  // Moved in place: the log owns its warnings (a mapped copy is an array of another kind,
  // which sends optimized code that reads the list back to the interpreter).
  for (const warning of state.warnings) warning.offset = mapOffset(warning.offset, changes);
  state.text = text;
}

function countChanges(counts: Record<string, number>, changes: PassChange[]): void {
  for (const change of changes) counts[change.rule] = (counts[change.rule] ?? 0) + 1;
}

/** The text with every change made. Joined from parts, not appended: `+=` builds a rope, and
 * char-by-char reads of a rope are slow. */
function spliceChanges(old: string, changes: PassChange[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const change of changes) {
    parts.push(old.slice(cursor, change.start), change.after);
    cursor = change.end;
  }
  parts.push(old.slice(cursor));
  return parts.join('');
}

/** Where the two-pointer merge of earlier edits and new changes stands. */
interface FoldCursor {
  /** Next earlier edit. */
  i: number;
  /** Next change. */
  j: number;
  /** New offset minus old offset, for positions after the changes seen so far. */
  delta: number;
}

/** The edit list after the changes: earlier edits shifted, new changes recorded, and whatever
 * overlaps or touches merged into one edit. */
function foldEdits(old: string, previous: Edit[], changes: PassChange[]): Edit[] {
  const edits: Edit[] = [];
  const cursor: FoldCursor = { i: 0, j: 0, delta: 0 };
  while (cursor.i < previous.length || cursor.j < changes.length) {
    const edit = cursor.i < previous.length ? previous[cursor.i]! : null;
    const change = cursor.j < changes.length ? changes[cursor.j]! : null;
    // Most changes and edits stand alone: shift or record them without building a group.
    if (edit !== null && (change === null || edit.offset + edit.after.length < change.start)) {
      edit.offset += cursor.delta; // the log owns its edit objects until the result is returned
      edits.push(edit);
      cursor.i++;
      continue;
    }
    if (change !== null && (edit === null || change.end < edit.offset)) {
      const nextChange = cursor.j + 1 < changes.length ? changes[cursor.j + 1]! : null;
      if (nextChange === null || change.end < nextChange.start) {
        const made: Edit = { rule: change.rule, offset: change.start + cursor.delta, before: old.slice(change.start, change.end), after: change.after };
        if (change.evidence) made.evidence = change.evidence;
        edits.push(made);
        cursor.delta += change.after.length - (change.end - change.start);
        cursor.j++;
        continue;
      }
    }
    const merged = mergeGroup(old, previous, changes, cursor);
    if (merged) edits.push(merged);
  }
  return edits;
}

/** A group: everything that overlaps or touches, from the cursor on, merged into one edit
 * (null when the group undoes itself). Advances the cursor past the group. */
function mergeGroup(old: string, previous: Edit[], changes: PassChange[], cursor: FoldCursor): Edit | null {
  const edit = previous[cursor.i];
  const change = changes[cursor.j];
  const editStart = edit ? edit.offset : Infinity;
  let groupStart = Math.min(editStart, change ? change.start : Infinity);
  let groupEnd = groupStart;
  const groupEdits: Edit[] = [];
  const groupChanges: PassChange[] = [];
  for (;;) {
    const e = previous[cursor.i];
    const c = changes[cursor.j];
    if (e && e.offset <= groupEnd && (!c || e.offset <= c.start)) {
      groupEdits.push(e);
      groupEnd = Math.max(groupEnd, e.offset + e.after.length);
      cursor.i++;
    } else if (c && c.start <= groupEnd) {
      groupChanges.push(c);
      groupEnd = Math.max(groupEnd, c.end);
      cursor.j++;
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
  const offset = groupStart + cursor.delta;
  cursor.delta += after.length - region.length;
  if (before === after) return null;
  const rules = [...new Set([...groupEdits.map((e) => e.rule), ...groupChanges.map((c) => c.rule)])];
  const evidence = [...new Set([...groupEdits.map((e) => e.evidence), ...groupChanges.map((c) => c.evidence)].filter((by) => by !== undefined))];
  return evidence.length > 0 ? { rule: rules.join('+'), offset, before, after, evidence: evidence.join('+') } : { rule: rules.join('+'), offset, before, after };
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

/** Where an offset in the text before repair lands in the repaired text (`edits` sorted by
 * offset, as repair leaves them). Footnote marks are kept by offset, so they move with it. */
export function repairedOffset(offset: number, edits: readonly Edit[]): number {
  const changes: PassChange[] = [];
  let shift = 0;
  for (const edit of edits) {
    const start = edit.offset - shift;
    changes.push({ start, end: start + edit.before.length, after: edit.after, rule: edit.rule });
    shift += edit.after.length - edit.before.length;
  }
  return mapOffset(offset, changes);
}

/** Undo every edit, last first: gives back the text before repair. */
export function undoEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.before + result.slice(edit.offset + edit.after.length);
  }
  return result;
}
