import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../pipeline/model/document.ts';
import type { Manifest } from '../../pipeline/runner/build.ts';
import { appendDecision, type Decision } from '../../pipeline/review/decisions.ts';
import { ambiguousPlace, entityPlace, repairPlace } from '../../pipeline/review/places.ts';
import { startReviewServer } from '../../review/server.ts';
import { buildReviewCorpus } from './helpers.ts';

function readDoc(out: string, id: string): Document {
  return Document.parse(JSON.parse(readFileSync(path.join(out, 'docs', `${id}.json`), 'utf8')));
}

function manifest(out: string): Manifest {
  return JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
}

function undo(text: string, edits: Document['blocks'][number]['edits']): string {
  for (const edit of [...(edits ?? [])].reverse()) text = text.slice(0, edit.offset) + edit.before + text.slice(edit.offset + edit.after.length);
  return text;
}

describe('review decisions in the build', () => {
  it('applies a rejection, a reading, an entity change and "reviewed"; keeps them on an unchanged rebuild; reports a place that is gone', async () => {
    const corpus = await buildReviewCorpus();
    const first = manifest(corpus.out);
    const gazetteEntry = first.documents.find((entry) => entry.uri.endsWith('.pdf'))!;
    const textEntry = first.documents.find((entry) => entry.uri.endsWith('.txt'))!;
    const gazette = readDoc(corpus.out, gazetteEntry.id!);
    const text = readDoc(corpus.out, textEntry.id!);

    const block = gazette.blocks.find((candidate) => candidate.edits?.some((edit) => edit.rule === 'sara-am-space'))!;
    const edit = block.edits!.find((candidate) => candidate.rule === 'sara-am-space')!;
    expect(edit).toMatchObject({ before: ' า', after: 'ำ' });
    const entity = gazette.entities.find((candidate) => candidate.start > block.end)!;
    const ambiguousWarning = text.warnings.find((warning) => warning.code === 'thai-ambiguous')!;
    const ambiguous = ambiguousPlace(text, ambiguousWarning.offset!)!;
    expect(ambiguous.readings).toEqual(['ค่า', 'ค่ำ']);

    const time = new Date().toISOString();
    const decisions: Decision[] = [
      { doc: gazette.id, sha256: gazette.source.sha256, place: repairPlace(block, edit), decision: 'reject', time },
      { doc: gazette.id, sha256: gazette.source.sha256, place: entityPlace(gazette, entity)!, decision: 'set-id', value: 'TEST-1', name: { en: 'Test' }, time },
      { doc: gazette.id, sha256: gazette.source.sha256, place: { kind: 'document' }, decision: 'reviewed', time },
      { doc: gazette.id, sha256: gazette.source.sha256, place: { kind: 'repair', block: 'b999', at: 0, rule: 'sara-am-space', before: ' า', after: 'ำ' }, decision: 'reject', time },
      { doc: text.id, sha256: text.source.sha256, place: ambiguous.place, decision: 'reading', value: 'ค่ำ', time },
    ];
    for (const decision of decisions) await appendDecision(corpus.out, decision);

    await corpus.rebuild();
    const second = manifest(corpus.out);
    expect(second.documents.filter((entry) => entry.status === 'ok').map((entry) => entry.uri).sort()).toEqual([gazetteEntry.uri, textEntry.uri].sort());
    const reviewed = readDoc(corpus.out, gazette.id);
    expect(reviewed.reviewed).toBe(true);
    const reviewedBlock = reviewed.blocks.find((candidate) => candidate.id === block.id)!;
    // The rejected place keeps the source's " า", as a review edit; undoing still gives the original.
    expect(reviewedBlock.text.slice(edit.offset, edit.offset + 2)).toBe(' า');
    expect(reviewedBlock.edits?.find((candidate) => candidate.rule === 'review')).toEqual({ rule: 'review', offset: edit.offset, before: ' า', after: ' า', rejected: 'sara-am-space' });
    expect(undo(reviewedBlock.text, reviewedBlock.edits)).toBe(reviewedBlock.original);
    expect(reviewed.text.slice(reviewedBlock.start, reviewedBlock.end)).toBe(reviewedBlock.text);
    expect(reviewed.repairs.find((repair) => repair.rule === 'sara-am-space')?.count).toBe(gazette.repairs.find((repair) => repair.rule === 'sara-am-space')!.count - 1);
    // Every entity still indexes the text; the changed one has its new id and names, one place later.
    for (const other of reviewed.entities) expect(reviewed.text.slice(other.start, other.end)).toBe(other.text);
    const changed = reviewed.entities.find((candidate) => candidate.id === 'TEST-1')!;
    expect(changed).toMatchObject({ text: entity.text, start: entity.start + 1, name: { en: 'Test' } });
    const readText = readDoc(corpus.out, text.id);
    expect(readText.text).toContain('ราคา ค่ำ ของ');
    expect(readText.warnings.filter((warning) => warning.code === 'thai-ambiguous')).toEqual([]);
    expect(second.review.applied).toBe(4);
    expect(second.review.unresolved).toHaveLength(1);
    expect(second.review.unresolved[0]).toMatchObject({ doc: gazette.id, decision: 'reject', reason: expect.stringContaining('b999') });

    // The review page lists the document's decisions, the one that found no place with its reason.
    const server = await startReviewServer({ out: corpus.out, cwd: corpus.dir });
    try {
      const page = await (await fetch(`${server.url}doc/${gazette.id}`)).text();
      expect(page).toContain('not applied: block b999 is gone');
      expect(page).toContain('<b>set-id: TEST-1</b>');
    } finally {
      await server.close();
    }

    // Unchanged sources, unchanged decisions: nothing rebuilt, the decisions still in place and still reported.
    await corpus.rebuild();
    const third = manifest(corpus.out);
    expect(third.documents.map((entry) => entry.status)).toEqual(['skipped-unchanged', 'skipped-unchanged']);
    expect(readDoc(corpus.out, gazette.id)).toEqual(reviewed);
    expect(third.review).toMatchObject({ applied: 4, unresolved: [expect.objectContaining({ doc: gazette.id })] });

    // A later decision on the same place wins: accepting the repair again brings samut's text back.
    await appendDecision(corpus.out, { ...decisions[0]!, decision: 'accept', time: new Date().toISOString() });
    await corpus.rebuild();
    expect(manifest(corpus.out).documents.find((entry) => entry.id === gazette.id)?.status).toBe('ok');
    const accepted = readDoc(corpus.out, gazette.id);
    expect(accepted.blocks.find((candidate) => candidate.id === block.id)!.text).toBe(block.text);
  });
});
