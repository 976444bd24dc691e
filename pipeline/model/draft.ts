// What stages pass to each other: a document before emit. Plain, structured-clone-safe data
// (no class instances, no functions), so a stage can run in a worker thread, or later as a
// queued job on another machine, with the same input and output.
import type { BlockBox, BlockType, Edit, Entity, Furniture, FootnoteRef, Metadata, Origin, Source, Warning } from './document.ts';

export type SourceKind = 'pdf' | 'html' | 'markdown' | 'text' | 'image';

/** Facts from extraction that let repair decide ambiguous cases instead of guessing. */
export interface RepairEvidence {
  /** Offsets in the block text of spaces that pdf.js drew as a zero-width glyph between a Thai
   * consonant (+ tone) and า: a nikhahit whose ToUnicode says "space". */
  lostNikhahit?: number[];
  /** Offsets in the block text of spaces that were real, wide spaces in the PDF. */
  realSpaces?: number[];
  /** OCR reading of the same region, for letter-by-letter voting. */
  ocrText?: string;
}

export interface DraftBlock {
  type: BlockType;
  /** 1-based page for paged sources, null otherwise. */
  page: number | null;
  text: string;
  level?: number;
  rows?: string[][];
  label?: string;
  refs?: FootnoteRef[];
  origin?: Origin;
  confidence?: number;
  /** Set by repair when it changed the text. */
  original?: string;
  edits?: Edit[];
  evidence?: RepairEvidence;
  /** Where the block stands on its page (text layer and OCR). */
  bbox?: BlockBox;
}

export interface PageInfo {
  page: number;
  /** Characters of text layer found on the page. */
  chars: number;
  /** Why the page should be OCR'd, or null when its text layer is usable. */
  needsOcr: null | 'no-text' | 'garbage';
}

export interface Draft {
  source: Source;
  kind: SourceKind;
  title: string | null;
  metadata: Metadata;
  blocks: DraftBlock[];
  furniture: Furniture[];
  warnings: Warning[];
  /** Repair counts per rule. */
  repairs: Record<string, number>;
  entities: Entity[];
  /** Paged sources only. */
  pages?: PageInfo[];
}

export function emptyDraft(source: Source, kind: SourceKind): Draft {
  return {
    source,
    kind,
    title: null,
    metadata: {},
    blocks: [],
    furniture: [],
    warnings: [],
    repairs: {},
    entities: [],
  };
}

/** The separator between blocks in the document text (the contract's "\n\n"). */
export const BLOCK_SEPARATOR = '\n\n';

/** The one rule for which blocks make up the document text: those with visible text, and
 * tables with rows. Others (a footnote that is a label alone, a block that repair emptied) are
 * not emitted. composeText applies it, and repair, tag and emit all lay the text out through
 * composeText, so their offsets agree. */
export function isTextBlock(block: Pick<DraftBlock, 'text' | 'rows'>): boolean {
  return block.text.trim() !== '' || (block.rows?.length ?? 0) > 0;
}

export interface Span {
  start: number;
  end: number;
}

/** The document text and each block's span in it, exactly as emit will write them (null for a
 * block that is not part of the text). Repair and tag use this so that warning and entity
 * offsets index the final text. */
export function composeText(blocks: readonly Pick<DraftBlock, 'text' | 'rows'>[]): {
  text: string;
  spans: (Span | null)[];
} {
  const spans: (Span | null)[] = [];
  let text = '';
  let first = true;
  for (const block of blocks) {
    if (!isTextBlock(block)) {
      spans.push(null);
      continue;
    }
    if (!first) text += BLOCK_SEPARATOR;
    first = false;
    spans.push({ start: text.length, end: text.length + block.text.length });
    text += block.text;
  }
  return { text, spans };
}
