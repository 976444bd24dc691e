// Places in a document that a reviewer can decide on, named so that the name survives the
// reviewer's own changes: a block id and an offset in the block's text *before repair*
// (`original`), which neither repair nor review ever changes. The review page names places
// this way, and apply.ts finds them again in a fresh build.
import type { Block, Document, Edit, Entity } from '../model/document.ts';
import { CONSONANT, TONE } from '../shared/thai.ts';

export type Place =
  /** A repair edit: its rule and its before → after, at `at` in the block's original text. */
  | { kind: 'repair'; block: string; at: number; rule: string; before: string; after: string }
  /** A thai-ambiguous place: the text left there. */
  | { kind: 'ambiguous'; block: string; at: number; text: string }
  /** An entity: its type and text, starting at `at`. */
  | { kind: 'entity'; block: string; at: number; type: Entity['type']; text: string }
  | { kind: 'document' };

/** The block's text before repair (its `original`, or its text when repair left it alone). */
function originalText(block: Block): string {
  return block.original ?? block.text;
}

/** An offset in the block's text → the offset in its original text. Inside an edit's `after`:
 * where the edit's `before` starts. Edits are sorted and never overlap (the repair log's rule). */
export function toOriginal(edits: readonly Edit[] | undefined, offset: number): number {
  let delta = 0;
  for (const edit of edits ?? []) {
    if (edit.offset >= offset) break;
    if (offset < edit.offset + edit.after.length) return edit.offset - delta;
    delta += edit.after.length - edit.before.length;
  }
  return offset - delta;
}

/** An offset in the block's original text → the offset in its text (null when an edit covers it). */
export function fromOriginal(edits: readonly Edit[] | undefined, at: number): number | null {
  let delta = 0;
  for (const edit of edits ?? []) {
    const start = edit.offset - delta;
    if (start > at) break;
    if (at < start + edit.before.length && at !== start) return null;
    if (at === start) return edit.offset;
    delta += edit.after.length - edit.before.length;
  }
  return at + delta;
}

/** The block a document offset falls in (blocks are sorted by start). */
function blockAt(document: Document, offset: number): Block | undefined {
  let low = 0;
  let high = document.blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = document.blocks[middle]!;
    if (offset < block.start) high = middle - 1;
    else if (offset > block.end) low = middle + 1;
    else return block;
  }
  return undefined;
}

export function repairPlace(block: Block, edit: Edit): Place {
  return { kind: 'repair', block: block.id, at: toOriginal(block.edits, edit.offset), rule: edit.rejected ?? edit.rule, before: edit.before, after: edit.after };
}

export function entityPlace(document: Document, entity: Entity): Place | null {
  const block = blockAt(document, entity.start);
  if (!block) return null;
  return { kind: 'entity', block: block.id, at: toOriginal(block.edits, entity.start - block.start), type: entity.type, text: entity.text };
}

/** "ค่ า", "ต ่า", "ส าคัญ"'s "ส า": a consonant, maybe a tone, a space, maybe a tone, then า. */
const SPACED_SARA_AA = new RegExp(`^[${CONSONANT}][${TONE}]?[ \\u00A0]+[${TONE}]?\\u0E32`, 'u');

/** The text left at a thai-ambiguous warning and the two readings a reviewer can choose. */
function ambiguousAt(text: string, offset: number): { text: string; readings: string[] } | null {
  const match = SPACED_SARA_AA.exec(text.slice(offset, offset + 8));
  if (!match) return null;
  const letters = match[0].replace(/[ \u00A0]+/gu, '');
  const base = letters.slice(0, -1);
  return { text: match[0], readings: [base + '\u0E32', base.replace(/\u0E32$/u, '') + '\u0E33'] };
}

export function ambiguousPlace(document: Document, offset: number): { place: Place; readings: string[] } | null {
  const block = blockAt(document, offset);
  const found = ambiguousAt(document.text, offset);
  if (!block || !found) return null;
  return { place: { kind: 'ambiguous', block: block.id, at: toOriginal(block.edits, offset - block.start), text: found.text }, readings: found.readings };
}

/** One string per place: decisions on the same place replace each other. */
export function placeKey(place: Place): string {
  switch (place.kind) {
    case 'repair':
      return `repair|${place.block}|${place.at}|${place.rule}|${place.before}`;
    case 'ambiguous':
      return `ambiguous|${place.block}|${place.at}|${place.text}`;
    case 'entity':
      return `entity|${place.block}|${place.at}|${place.type}|${place.text}`;
    case 'document':
      return 'document';
  }
}
