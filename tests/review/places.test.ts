// Places named on a reviewed document find the same place in a fresh build: what lets a
// reviewer go on reviewing a document that already has decisions applied.
import { describe, expect, it } from 'vitest';
import { extractOne } from '../../pipeline/index.ts';
import type { Document } from '../../pipeline/model/document.ts';
import { applyDecisions } from '../../pipeline/review/apply.ts';
import type { Decision } from '../../pipeline/review/decisions.ts';
import { entityPlace, fromOriginal, placeKey, repairPlace, toOriginal } from '../../pipeline/review/places.ts';
import { GAZETTE } from './helpers.ts';

describe('review places', () => {
  it('name a repair and an entity the same way before and after other decisions changed the text', async () => {
    const result = await extractOne(GAZETTE);
    if ('failure' in result) throw new Error(result.failure.message);
    const fresh: Document = result.document;
    const block = fresh.blocks.find((candidate) => (candidate.edits?.filter((edit) => edit.rule === 'sara-am-space').length ?? 0) >= 2)!;
    const [first, second] = block.edits!.filter((edit) => edit.rule === 'sara-am-space');
    const time = new Date().toISOString();
    const decide = (place: Decision['place'], decision: Decision['decision'], value?: string): Decision => ({ doc: fresh.id, sha256: fresh.source.sha256, place, decision, time, ...(value ? { value } : {}) });
    const rejectFirst = decide(repairPlace(block, first!), 'reject');
    const reviewed = applyDecisions(fresh, [rejectFirst]).document;

    // The second repair and the last entity, named on the reviewed document, are the fresh ones.
    const reviewedBlock = reviewed.blocks.find((candidate) => candidate.id === block.id)!;
    const secondThere = reviewedBlock.edits!.find((edit) => edit.rule === 'sara-am-space' && edit.offset === second!.offset + 1)!;
    expect(placeKey(repairPlace(reviewedBlock, secondThere))).toBe(placeKey(repairPlace(block, second!)));
    const entity = reviewed.entities.at(-1)!;
    expect(placeKey(entityPlace(reviewed, entity)!)).toBe(placeKey(entityPlace(fresh, fresh.entities.at(-1)!)!));

    const both = applyDecisions(fresh, [rejectFirst, decide(repairPlace(reviewedBlock, secondThere), 'reject'), decide(entityPlace(reviewed, entity)!, 'remove')]);
    expect(both.unresolved).toEqual([]);
    expect(both.applied).toBe(3);
    expect(both.document.entities).toHaveLength(fresh.entities.length - 1);
    const text = both.document.blocks.find((candidate) => candidate.id === block.id)!.text;
    expect(text.length).toBe(block.text.length + 2);
    expect(text.slice(first!.offset, first!.offset + 2)).toBe(' า');
    expect(text.slice(second!.offset + 1, second!.offset + 3)).toBe(' า');
  });

  it('maps offsets between a block text and its text before repair', () => {
    const edits = [
      { rule: 'sara-am-space', offset: 3, before: ' า', after: 'ำ' },
      { rule: 'invisible-chars', offset: 6, before: '\u200b', after: '' },
    ];
    // original "บทน าคือ\u200bดี" → text "บทนำคือดี"
    expect(toOriginal(edits, 0)).toBe(0);
    expect(toOriginal(edits, 3)).toBe(3);
    expect(toOriginal(edits, 4)).toBe(5);
    expect(toOriginal(edits, 7)).toBe(9);
    expect(fromOriginal(edits, 3)).toBe(3);
    expect(fromOriginal(edits, 4)).toBeNull();
    expect(fromOriginal(edits, 5)).toBe(4);
    expect(fromOriginal(edits, 9)).toBe(7);
  });
});
