// emit: draft → the validated Document (schemaVersion "1"), and its one serialized form.
// Everything here is deterministic: the same draft gives byte-identical JSON.
import { createHash } from 'node:crypto';
import { composeText, isTextBlock, type Draft, type DraftBlock, type Span } from '../model/draft.ts';
import { Document, SCHEMA_VERSION, type Block, type FootnoteRef, type Warning } from '../model/document.ts';
import { DocumentError } from '../model/errors.ts';
import { blockLanguage, documentLanguages } from '../model/lang.ts';
import { warning } from '../model/warnings.ts';

/** Ids are the first 16 hex digits of the source's SHA-256: short, stable, and 64 bits keep
 * collisions out of reach for any corpus this size. */
const ID_HEX_DIGITS = 16;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function documentId(sha256: string): string {
  return sha256.slice(0, ID_HEX_DIGITS);
}

/** Footnote marks point at the note with the same label, on the same page when there is one. */
function linkFootnotes(blocks: readonly DraftBlock[], ids: readonly string[]): (FootnoteRef[] | undefined)[] {
  const notes = blocks.flatMap((block, i) => (block.type === 'footnote' && block.label ? [{ label: block.label, page: block.page, id: ids[i] ?? '' }] : []));
  return blocks.map((block) =>
    block.refs?.map((ref) => {
      if (ref.note) return ref;
      const candidates = notes.filter((note) => note.label === ref.label);
      const match = candidates.find((note) => note.page === block.page) ?? candidates[0];
      return { ...ref, note: match?.id ?? null };
    }),
  );
}

/** A footnote left out of the text for having no text: said at its first mark when it has one
 * (the place is the mark's page and offset), else at the note's page. */
function emptyFootnoteWarnings(draft: Draft, blocks: readonly DraftBlock[], spans: readonly Span[], refs: readonly (FootnoteRef[] | undefined)[]): Warning[] {
  const out: Warning[] = [];
  for (const note of draft.blocks) {
    if (note.type !== 'footnote' || note.label === undefined || isTextBlock(note)) continue;
    let marks = 0;
    let place: { page: number | null; offset?: number } = { page: note.page };
    blocks.forEach((block, i) => {
      for (const ref of refs[i] ?? []) {
        if (ref.label !== note.label || ref.note !== null) continue;
        if (marks++ === 0) place = { page: block.page, offset: spans[i]!.start + ref.offset };
      }
    });
    const where = note.page ? ` on page ${note.page}` : '';
    const message = `footnote "${note.label}"${where} has a label but no text: it is left out${marks ? `, and ${marks} mark(s) "${note.label}" link to no note` : ''}`;
    out.push(warning('footnote-empty', message, place));
  }
  return out;
}

export function toDocument(draft: Draft): Document {
  const blocks = draft.blocks.filter(isTextBlock);
  const { text, spans: maybeSpans } = composeText(blocks);
  const spans = maybeSpans as Span[]; // every block kept is part of the text
  const ids = blocks.map((_, i) => `b${i + 1}`);
  const refs = linkFootnotes(blocks, ids);
  const emitted: Block[] = blocks.map((block, i) => {
    const span = spans[i]!;
    const out: Block = {
      id: ids[i] ?? '',
      type: block.type,
      page: block.page,
      lang: blockLanguage(block.text),
      text: block.text,
      start: span.start,
      end: span.end,
    };
    if (block.level !== undefined) out.level = block.level;
    if (block.rows) out.rows = block.rows;
    if (block.label !== undefined) out.label = block.label;
    const blockRefs = refs[i];
    if (blockRefs && blockRefs.length > 0) out.refs = blockRefs;
    if (block.origin) out.origin = block.origin;
    if (block.confidence !== undefined) out.confidence = block.confidence;
    if (block.original !== undefined && block.original !== block.text) out.original = block.original;
    if (block.edits && block.edits.length > 0) out.edits = block.edits;
    if (block.bbox) out.bbox = block.bbox;
    return out;
  });
  const candidate = {
    schemaVersion: SCHEMA_VERSION,
    id: documentId(draft.source.sha256),
    source: draft.source,
    title: draft.title?.trim() || null,
    languages: documentLanguages(blocks.map((block) => block.text)),
    text,
    blocks: emitted,
    entities: [...draft.entities].sort((a, b) => a.start - b.start || a.end - b.end),
    repairs: Object.entries(draft.repairs)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([rule, count]) => ({ rule, count })),
    warnings: [...draft.warnings, ...emptyFootnoteWarnings(draft, blocks, spans, refs)],
    metadata: draft.metadata,
    furniture: draft.furniture,
  };
  const parsed = Document.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : 'unknown issue';
    throw new DocumentError('schema-invalid', `the document failed schema validation at ${where} (${parsed.error.issues.length} issue(s))`);
  }
  for (const entity of parsed.data.entities) {
    if (text.slice(entity.start, entity.end) !== entity.text) {
      throw new DocumentError('schema-invalid', `entity "${entity.text}" does not match text at ${entity.start}-${entity.end}`);
    }
  }
  return parsed.data;
}

/** The one serialized form of a document: two-space JSON, fields in schema order, final newline. */
export function serializeDocument(document: Document): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
