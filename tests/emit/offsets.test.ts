// One rule for offsets (model/draft.ts isTextBlock, applied by composeText): repair, tag and
// emit agree on which blocks make up the text. Checked on the PDF footnote that is a label and
// nothing readable, on a Markdown footnote definition with no text, and as a property over
// generated documents: every block, entity, edit, mark and warning offset indexes its text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../pipeline/model/document.ts';
import { emptyDraft, type Draft, type DraftBlock } from '../../pipeline/model/draft.ts';
import { extractDocument } from '../../pipeline/extract/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';
import type { SourceKind } from '../../pipeline/model/draft.ts';
import { undoEdits } from '../../pipeline/repair/index.ts';
import { finish } from '../../pipeline/runner/worker.ts';
import { random } from '../../scripts/lib/random.ts';

const SHA = 'b'.repeat(64);

async function documentOf(kind: SourceKind, bytes: Uint8Array): Promise<Document> {
  const source = { uri: `memory:${kind}`, mediaType: kind === 'pdf' ? 'application/pdf' : 'text/markdown', sha256: SHA, bytes: bytes.length };
  const draft = await extractDocument({ source, kind, bytes, options: { ...DEFAULT_EXTRACT_OPTIONS, ocr: 'never' } });
  return emitted(draft);
}

async function emitted(draft: Draft): Promise<Document> {
  const result = await finish(draft);
  if ('failure' in result) throw new Error(`${result.failure.code}: ${result.failure.message}`);
  return JSON.parse(result.json) as Document;
}

/** Every offset in the document indexes its text. */
function expectOffsetsHold(doc: Document): void {
  expect(doc.text).toBe(doc.blocks.map((block) => block.text).join('\n\n'));
  for (const block of doc.blocks) {
    expect(doc.text.slice(block.start, block.end)).toBe(block.text);
    expect(block.text.trim() !== '' || (block.rows?.length ?? 0) > 0, `block ${block.id} is empty`).toBe(true);
    for (const edit of block.edits ?? []) expect(block.text.slice(edit.offset, edit.offset + edit.after.length)).toBe(edit.after);
    if (block.edits) expect(undoEdits(block.text, block.edits)).toBe(block.original ?? block.text);
    for (const ref of block.refs ?? []) {
      expect(ref.offset).toBeLessThanOrEqual(block.text.length);
      if (ref.note !== null) expect(doc.blocks.find((note) => note.id === ref.note)?.label).toBe(ref.label);
    }
  }
  for (const entity of doc.entities) expect(doc.text.slice(entity.start, entity.end)).toBe(entity.text);
  for (const warning of doc.warnings) {
    if (warning.offset === undefined) continue;
    // A warning's offset falls in a block (at its end at most), on the warning's page.
    const block = doc.blocks.find((b) => b.start <= warning.offset! && warning.offset! <= b.end);
    expect(block, `${warning.code} at ${warning.offset}`).toBeDefined();
    if (warning.page !== undefined) expect(block!.page).toBe(warning.page);
  }
}

describe('one rule for which blocks make up the text', () => {
  it('a PDF footnote that is a label alone: offsets agree, and a footnote-empty warning says where its mark stood', async () => {
    // tests/fixtures/pdf/empty-footnote.pdf is made by scripts/fixtures/pdf/make.ts. Before the
    // rule, repair and tag counted the emptied note and the document failed with schema-invalid.
    const doc = await documentOf('pdf', new Uint8Array(readFileSync('tests/fixtures/pdf/empty-footnote.pdf')));
    expectOffsetsHold(doc);
    expect(doc.blocks.map((block) => block.type)).toEqual(['paragraph', 'footnote', 'paragraph']);
    expect(doc.blocks[0]!.refs).toEqual([
      { label: '1', offset: 48, note: null },
      { label: '2', offset: 101, note: 'b2' },
    ]);
    expect(doc.entities.map((entity) => entity.text)).toEqual(['Khon Kaen', 'Pollution Control Department', 'Chiang Mai', 'March 2023']);
    const lost = doc.warnings.find((warning) => warning.code === 'replacement-char')!;
    expect(doc.text[lost.offset!]).toBe('\uFFFD');
    expect(doc.warnings.find((warning) => warning.code === 'footnote-empty')).toEqual({
      code: 'footnote-empty',
      message: 'footnote "1" on page 1 has a label but no text: it is left out, and 1 mark(s) "1" link to no note',
      page: 1,
      offset: 48,
      stage: 'emit',
    });
  });

  it('a Markdown footnote definition with no text: its mark keeps its place, and a warning says it links to nothing', async () => {
    const markdown = 'Rainfall in Khon Kaen rose.[^1] Rivers stayed high.[^2]\n\n[^1]:\n\n[^2]: Provisional figures.\n\nLater, Chiang Mai.\n';
    const doc = await documentOf('markdown', new TextEncoder().encode(markdown));
    expectOffsetsHold(doc);
    expect(doc.blocks.map((block) => block.text)).toEqual(['Rainfall in Khon Kaen rose. Rivers stayed high.', 'Later, Chiang Mai.', 'Provisional figures.']);
    expect(doc.blocks[0]!.refs).toEqual([
      { label: '1', offset: 27, note: null },
      { label: '2', offset: 47, note: 'b3' },
    ]);
    expect(doc.warnings).toEqual([
      { code: 'footnote-empty', message: 'footnote "1" has a label but no text: it is left out, and 1 mark(s) "1" link to no note', offset: 27, stage: 'emit' },
    ]);
  });

  it('footnote marks move with the repair edits before them', async () => {
    const draft = emptyDraft({ uri: 'memory:marks', mediaType: 'application/pdf', sha256: SHA, bytes: 1 }, 'pdf');
    draft.blocks.push({ type: 'paragraph', page: 1, text: 'ส าคัญมาก\u200B ราคา', refs: [{ label: '๑', offset: 6, note: null }, { label: '๒', offset: 15, note: null }], evidence: { lostNikhahit: [1] } });
    const doc = await emitted(draft);
    expect(doc.blocks[0]!.text).toBe('สำคัญมาก ราคา');
    expect(doc.blocks[0]!.refs!.map((ref) => doc.blocks[0]!.text.slice(0, ref.offset))).toEqual(['สำคัญ', 'สำคัญมาก ราคา']);
  });
});

// Pieces the generated documents are made of: clean and damaged Thai, English, names the tagger
// knows, dates (one before the 1941 reform, which warns), characters repair removes or warns on.
const WORDS = [
  'ขอนแก่น', 'เชียงใหม่', 'Khon Kaen', 'Chiang Mai', 'Ministry of Interior', 'กระทรวงมหาดไทย', 'March 2023',
  '๘ กรกฎาคม พ.ศ. ๒๕๖๑', 'พ.ศ. ๒๔๗๐', 'ส าคัญ', 'ค่ า', 'จ านวน', 'เข้ าถึ ง', 'ประจาปี', 'ราคา', 'the survey',
  'stations', 'ข้อมูล', '\uFFFD', '\uF0A7', '\u200B', 'เเละ', 'น้ํา', '๒๕๖6', 'ASEAN', 'smart city',
];
const BLANKS = ['', ' ', '\u200B', '\u200B\u200B', ' \u00AD '];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function sentence(next: () => number): string {
  const count = 1 + Math.floor(next() * 8);
  return Array.from({ length: count }, () => pick(next, WORDS)).join(next() < 0.3 ? '' : ' ');
}

/** A draft as an extractor might leave it: pages, blank and invisible-only blocks, notes that
 * are a label alone, marks, tables, and repair evidence. */
function generatedDraft(seed: number): Draft {
  const next = random(seed);
  const draft = emptyDraft({ uri: `memory:${seed}`, mediaType: 'application/pdf', sha256: SHA, bytes: 1 }, 'pdf');
  const count = 1 + Math.floor(next() * 12);
  for (let i = 0; i < count; i++) {
    const page = 1 + Math.floor(i / 4);
    const roll = next();
    let block: DraftBlock;
    if (roll < 0.2) block = { type: 'footnote', page, text: next() < 0.5 ? pick(next, BLANKS) : sentence(next), label: String(1 + Math.floor(next() * 3)) };
    else if (roll < 0.3) block = { type: 'paragraph', page, text: pick(next, BLANKS) };
    else if (roll < 0.4) {
      const rows = [[sentence(next), pick(next, BLANKS)], [pick(next, WORDS), sentence(next)]];
      block = { type: 'table', page, text: next() < 0.5 ? '' : rows.map((row) => row.join(' | ')).join('\n'), rows };
    } else {
      const text = sentence(next);
      block = { type: next() < 0.2 ? 'heading' : 'paragraph', page, text };
      if (next() < 0.4) block.refs = [{ label: String(1 + Math.floor(next() * 3)), offset: Math.floor(next() * (text.length + 1)), note: null }];
      const spaces = [...text.matchAll(/ /gu)].map((m) => m.index);
      if (spaces.length > 0 && next() < 0.3) block.evidence = { realSpaces: [pick(next, spaces)] };
    }
    draft.blocks.push({ ...block, origin: 'text-layer' });
  }
  return draft;
}

function generatedMarkdown(seed: number): string {
  const next = random(seed);
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 10);
  for (let i = 0; i < count; i++) {
    const roll = next();
    const label = 1 + Math.floor(next() * 3);
    if (roll < 0.15) parts.push(`[^${label}]:${next() < 0.5 ? '' : ` ${sentence(next)}`}`);
    else if (roll < 0.25) parts.push(`# ${sentence(next)}`);
    else if (roll < 0.35) parts.push(`| a | b |\n| --- | --- |\n| ${sentence(next)} | ${pick(next, BLANKS)} |`);
    else if (roll < 0.45) parts.push(`- ${sentence(next)}\n- ${pick(next, BLANKS)}`);
    else if (roll < 0.5) parts.push(pick(next, BLANKS));
    else parts.push(`${sentence(next)}${next() < 0.5 ? `[^${label}]` : ''} ${sentence(next)}`);
  }
  return `${parts.join('\n\n')}\n`;
}

describe('offsets hold on generated documents', () => {
  it('300 generated drafts through repair, tag and emit', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const doc = await emitted(generatedDraft(seed));
      try {
        expectOffsetsHold(doc);
      } catch (error) {
        throw new Error(`draft seed ${seed}: ${(error as Error).message}`);
      }
    }
  });

  it('150 generated Markdown documents through the whole pipeline', async () => {
    for (let seed = 1; seed <= 150; seed++) {
      const doc = await documentOf('markdown', new TextEncoder().encode(generatedMarkdown(seed)));
      try {
        expectOffsetsHold(doc);
      } catch (error) {
        throw new Error(`markdown seed ${seed}: ${(error as Error).message}`);
      }
    }
  });
});
