import { describe, expect, it } from 'vitest';
import { documentId, serializeDocument, sha256Hex, toDocument } from '../../pipeline/emit/index.ts';
import { Document } from '../../pipeline/model/document.ts';
import { emptyDraft, type Draft } from '../../pipeline/model/draft.ts';

function draft(): Draft {
  const bytes = new TextEncoder().encode('fixture');
  const sha = sha256Hex(bytes);
  const value = emptyDraft({ uri: 'fixture.md', mediaType: 'text/markdown', sha256: sha, bytes: bytes.length }, 'markdown');
  value.blocks = [
    { type: 'heading', level: 1, page: null, text: 'รายงาน Smart City' },
    { type: 'paragraph', page: null, text: 'เชียงใหม่เป็นเมืองนำร่อง', refs: [{ label: '1', offset: 24, note: null }] },
    { type: 'paragraph', page: null, text: '   ' },
    { type: 'footnote', page: null, label: '1', text: 'ข้อมูลปี ๒๕๖๑' },
  ];
  value.title = 'รายงาน Smart City';
  value.repairs = { 'sara-am-space': 2, 'nfc': 0, 'doubled-mark': 1 };
  return value;
}

describe('toDocument', () => {
  it('composes text with exact block offsets and drops empty blocks', () => {
    const document = toDocument(draft());
    expect(document.blocks.map((block) => block.id)).toEqual(['b1', 'b2', 'b3']);
    for (const block of document.blocks) expect(document.text.slice(block.start, block.end)).toBe(block.text);
    expect(document.text).toBe('รายงาน Smart City\n\nเชียงใหม่เป็นเมืองนำร่อง\n\nข้อมูลปี ๒๕๖๑');
  });

  it('derives the id from the source bytes and languages from the text', () => {
    const document = toDocument(draft());
    expect(document.id).toBe(documentId(sha256Hex(new TextEncoder().encode('fixture'))));
    expect(document.id).toMatch(/^[0-9a-f]{16}$/u);
    expect(document.languages).toEqual(['th', 'en']);
    expect(document.blocks.map((block) => block.lang)).toEqual(['mixed', 'th', 'th']);
  });

  it('links footnote marks to their notes and sorts repair counts, dropping zeros', () => {
    const document = toDocument(draft());
    expect(document.blocks[1]?.refs).toEqual([{ label: '1', offset: 24, note: 'b3' }]);
    expect(document.repairs).toEqual([
      { rule: 'doubled-mark', count: 1 },
      { rule: 'sara-am-space', count: 2 },
    ]);
  });

  it('validates against the schema and is deterministic', () => {
    const a = serializeDocument(toDocument(draft()));
    const b = serializeDocument(toDocument(draft()));
    expect(a).toBe(b);
    expect(Document.safeParse(JSON.parse(a)).success).toBe(true);
  });

  it('fails a draft that would break the contract instead of writing it', () => {
    const bad = draft();
    bad.entities = [{ type: 'province', text: 'เชียงราย', start: 0, end: 8, id: 'TH-57', name: {} }];
    expect(() => toDocument(bad)).toThrow(expect.objectContaining({ code: 'schema-invalid' }));
    const invalid = draft();
    invalid.blocks[0]!.level = 9;
    expect(() => toDocument(invalid)).toThrow(expect.objectContaining({ code: 'schema-invalid' }));
  });
});
