// The repair stage: Thai extraction damage fixed block by block, every change recorded.
// Two passes over the draft: the first repairs each block and gathers what the document shows
// (how its decided sara am went, whether any ำ came through intact); the second lets that
// pattern decide the cases a block alone could not.
import type { Warning } from '../model/document.ts';
import type { Draft, DraftBlock } from '../model/draft.ts';
import type { DraftStage } from '../model/stages.ts';
import { composeText, type Span } from '../model/draft.ts';
import { warning } from '../model/warnings.ts';
import { Judge } from './dictionary.ts';
import { repairedOffset, type RepairWarning } from './edit-log.ts';
import { EMPTY_HINTS, type DocumentHints } from './judged-rules.ts';
import { addHints, resolveWithDocument, runRepair, toResult, type RepairRun } from './repair-text.ts';

export { repairText } from './repair-text.ts';
export { undoEdits } from './edit-log.ts';

/** Repairs every block's text and table cells. Sets `original` and `edits` on the blocks it
 * changed, adds per-rule counts to `draft.repairs`, warns where nothing decided, and drops the
 * extraction evidence (it is not part of the emitted document). */
export const repairDraft: DraftStage = (draft: Draft): Draft => {
  // One judge for the document: the verdicts it caches are this document's, and go with it.
  const judge = new Judge();
  const textRuns = draft.blocks.map((block) => runRepair(block.text, { evidence: block.evidence, judge }));
  const cellRuns = draft.blocks.map((block) => block.rows?.map((row) => row.map((cell) => runRepair(cell, { judge }))));
  const hints = collectHints(textRuns, cellRuns);
  const repairs = { ...draft.repairs };
  const blockWarnings: RepairWarning[][] = [];

  const blocks = draft.blocks.map((block, index): DraftBlock => {
    const run = textRuns[index]!;
    resolveWithDocument(run, hints);
    const result = toResult(run.state);
    const kept = block.evidence === undefined ? block : withoutEvidence(block);
    // Object.assign, not a spread followed by new keys: V8 builds that literal on a slow path
    // (about 2 µs a block, measured); same object, same key order.
    const repaired: DraftBlock =
      result.edits.length > 0
        ? Object.assign({}, kept, { original: block.text, text: result.text, edits: result.edits })
        : { ...kept };
    // Marks were placed in the text before repair: they move with the edits.
    if (block.refs && result.edits.length > 0) repaired.refs = block.refs.map((ref) => ({ ...ref, offset: repairedOffset(ref.offset, result.edits) }));
    addCounts(repairs, result.counts);
    const found = [...result.warnings];
    const rows = cellRuns[index];
    if (block.rows && rows) {
      repaired.rows = rows.map((row, r) =>
        row.map((cellRun, c) => {
          resolveWithDocument(cellRun, hints);
          const cell = toResult(cellRun.state);
          addCounts(repairs, cell.counts);
          // A cell's warning points at its block: cells have no offsets of their own.
          for (const warning of cell.warnings) found.push({ ...warning, offset: 0 });
          return cell.edits.length > 0 ? cell.text : block.rows![r]![c]!;
        }),
      );
    }
    blockWarnings.push(found);
    return repaired;
  });
  const warnings: Warning[] = [...draft.warnings];
  // Offsets in the document text as emit will lay it out; a block left out of the text (repair
  // emptied it) has warnings with its page only.
  const { spans } = composeText(blocks);
  blocks.forEach((block, index) => {
    for (const found of blockWarnings[index]!) warnings.push(toWarning(found, block, spans[index] ?? null));
  });
  return { ...draft, blocks, repairs, warnings };
};

function collectHints(textRuns: RepairRun[], cellRuns: (RepairRun[][] | undefined)[]): DocumentHints {
  let hints = EMPTY_HINTS;
  for (const run of textRuns) hints = addHints(hints, run);
  for (const rows of cellRuns) for (const row of rows ?? []) for (const run of row) hints = addHints(hints, run);
  return hints;
}

function addCounts(total: Record<string, number>, counts: Record<string, number>): void {
  for (const rule in counts) total[rule] = (total[rule] ?? 0) + counts[rule]!;
}

function withoutEvidence(block: DraftBlock): DraftBlock {
  const { evidence: _evidence, ...rest } = block;
  return rest;
}

function toWarning(found: RepairWarning, block: DraftBlock, span: Span | null): Warning {
  return warning(found.code, found.message, { page: block.page, offset: span ? span.start + found.offset : undefined });
}
