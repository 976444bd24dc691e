// extractPdf on real PDFs printed by chromium (scripts/fixtures/pdf/make.ts) and small
// hand-written ones: reading order, blocks, furniture, footnotes, joining, private use.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftBlock, OcrMode } from '../../pipeline/model/index.ts';
import { extractFixturePdf } from '../helpers/pdf.ts';

function extract(name: string, ocr: OcrMode = 'auto'): Promise<Draft> {
  return extractFixturePdf(`pdf/${name}`, ocr);
}

function ofType(draft: Draft, type: DraftBlock['type']): DraftBlock[] {
  return draft.blocks.filter((b) => b.type === type);
}

/** Every reference mark must find exactly one footnote: same label, same page. */
function expectLinked(draft: Draft): void {
  const refs = draft.blocks.flatMap((b) => (b.refs ?? []).map((r) => ({ ...r, page: b.page })));
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    expect(ref.note).toBeNull();
    const notes = ofType(draft, 'footnote').filter((n) => n.label === ref.label && n.page === ref.page);
    expect(notes, `ref ${ref.label} on page ${ref.page}`).toHaveLength(1);
  }
}

describe('Thai report (chromium, Loma, three pages)', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await extract('thai-report.pdf');
  });

  it('reads headings, paragraphs, list items, a table and a caption in order', () => {
    const outline = draft.blocks.filter((b) => b.type !== 'footnote').map((b) => `${b.type}:${b.page}`);
    expect(outline).toEqual([
      'heading:1', 'heading:1', 'paragraph:1', 'paragraph:1', 'heading:1', 'list-item:1', 'list-item:1', 'list-item:1',
      'heading:2', 'paragraph:2', 'table:2', 'caption:2', 'paragraph:2',
      'heading:3', 'paragraph:3',
    ]);
    expect(draft.blocks[0]).toMatchObject({ level: 1, text: 'รายงานการพัฒนาเมืองอย่างยั่งยืน', origin: 'text-layer' });
    expect(draft.blocks[1]!.level).toBe(2);
    expect(ofType(draft, 'list-item').map((b) => b.label)).toEqual(['•', '•', '•']);
    expect(ofType(draft, 'list-item')[0]!.text).toBe('ศึกษาแนวโน้มการเติบโตของเมืองหลักในภูมิภาค');
    expect(ofType(draft, 'table')[0]!.rows).toEqual([
      ['จังหวัด', 'ประชากร (คน)', 'ขยะ (ตัน/วัน)'],
      ['เชียงใหม่', '๑,๗๙๗,๐๗๔', '๑,๓๒๕'],
      ['ขอนแก่น', '๑,๘๐๒,๘๗๒', '๑,๐๘๙'],
      ['ภูเก็ต', '๔๑๘,๗๘๕', '๙๗๕'],
    ]);
    expect(ofType(draft, 'caption')[0]!.text).toBe('ภาพที่ ๑ ปริมาณขยะมูลฝอยเฉลี่ยต่อวันของเมืองตัวอย่าง');
  });

  it('joins Thai lines with no space', () => {
    const first = ofType(draft, 'paragraph')[0]!.text;
    // "ให้ทันกับความ" ends one printed line and "ต้องการ" starts the next.
    expect(first).toContain('ให้ทันกับความต้องการที่เพิ่มขึ้น');
    expect(first).toContain('(Urbanization)');
  });

  it('passes the spaces drawn as real space glyphs as evidence for repair', () => {
    const first = ofType(draft, 'paragraph')[0]!;
    const spaces = first.evidence?.realSpaces ?? [];
    expect(spaces.length).toBeGreaterThan(5);
    for (const offset of spaces) expect(first.text[offset]).toBe(' ');
    expect(spaces).toContain(first.text.indexOf(' โดยในปี'));
  });

  it('keeps the running header and Thai page numbers out of the body, on every page', () => {
    expect(draft.furniture).toEqual([1, 2, 3].flatMap((page) => [
      { kind: 'header', page, text: 'รายงานการพัฒนาเมืองอย่างยั่งยืน ฉบับประจําปี ๒๕๖๖' },
      { kind: 'page-number', page, text: `- ${'๑๒๓'[page - 1]} -` },
    ]));
    for (const block of draft.blocks) {
      expect(block.text).not.toContain('ฉบับประจําปี');
      expect(block.text).not.toMatch(/^- [๑๒๓] -$/u);
    }
  });

  it('takes raised note marks out of words and links them to the footnotes', () => {
    const paragraph = ofType(draft, 'paragraph')[0]!;
    expect(paragraph.refs).toEqual([{ label: '๑', offset: expect.any(Number), note: null }]);
    const offset = paragraph.refs![0]!.offset;
    expect(paragraph.text.slice(offset - 6, offset)).toBe('ล้านคน');
    expect(paragraph.text.slice(offset, offset + 4)).toBe(' การ');
    expect(ofType(draft, 'footnote').map((n) => [n.page, n.label, n.text])).toEqual([
      [1, '๑', 'สํานักงานสถิติแห่งชาติ, การสํารวจประชากรและเคหะ พ.ศ. ๒๕๖๕'],
      [1, '๒', 'ข้อมูลจากกรมส่งเสริมการปกครองท้องถิ่น กระทรวงมหาดไทย'],
      [2, '๓', 'กรมควบคุมมลพิษ, รายงานสถานการณ์มลพิษของประเทศไทย'],
    ]);
    expectLinked(draft);
  });

  it('maps the font\'s private-use tone marks and leaves Thai repair to the repair stage', () => {
    const text = draft.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/[\uE000-\uF8FF]/u);
    expect(text).toContain('อย่างต่อเนื่อง');
    // Chromium draws ำ as nikhahit + า: repair's job, so it stays split here.
    expect(draft.blocks[1]!.text).toBe('บทน\u0E4D\u0E32');
  });

  it('reads metadata from the document info', () => {
    expect(draft.title).toBe('รายงานการพัฒนาเมืองอย่างยั่งยืน');
    expect(draft.metadata).toMatchObject({ producer: 'Skia/PDF m156', declaredLanguage: 'th', pageCount: 3 });
    expect(draft.metadata.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u);
    expect(draft.pages!.map((p) => p.needsOcr)).toEqual([null, null, null]);
  });
});

describe('English report', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await extract('english-report.pdf');
  });

  it('joins lines with spaces and rejoins only line-break hyphenation', () => {
    const text = draft.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('830 hectares of land between');
    expect(text).toContain('The measurements were taken');
    expect(text).toContain('cleared for aquaculture ponds');
    // A real hyphen at the end of a line stays.
    expect(text).toContain('exposed to the north-east monsoon');
  });

  it('finds numbered headings, list items, footnotes and page furniture', () => {
    expect(ofType(draft, 'heading').map((h) => [h.level, h.text])).toEqual([
      [1, 'Coastal Erosion Monitoring Report'],
      [2, '1. Introduction'],
      [2, '2. Recommendations'],
      [2, '3. Station results'],
    ]);
    expect(ofType(draft, 'list-item').map((b) => b.label)).toEqual(['1.', '2.', '3.']);
    expect(ofType(draft, 'footnote').map((n) => n.label)).toEqual(['1', '2']);
    const first = ofType(draft, 'paragraph')[0]!;
    const ref = first.refs![0]!;
    expect(first.text.slice(ref.offset - 5, ref.offset)).toBe('2022.');
    expectLinked(draft);
    expect(draft.furniture.filter((f) => f.kind === 'page-number').map((f) => f.text)).toEqual(['Page 1 of 2', 'Page 2 of 2']);
    expect(ofType(draft, 'table')[0]!.rows![2]).toEqual(['Pattani 3', '6.8', 'Satellite']);
    expect(ofType(draft, 'caption')[0]!.text).toMatch(/^Table 1\. Mean shoreline retreat/u);
  });
});

describe('two-column page', () => {
  it('reads the left column, then the right, and follows a paragraph across the gutter', async () => {
    const draft = await extract('two-column.pdf');
    expect(draft.blocks.map((b) => b.text.split(' ')[0])).toEqual([
      'Rice', 'Left:', 'Alpha', 'Beta', 'Gamma', 'Right:', 'Delta', 'Epsilon', 'Zeta',
    ]);
    const gamma = draft.blocks.find((b) => b.text.startsWith('Gamma'))!;
    expect(gamma.text).toMatch(/highest on clay soils near the river valleys of Ubon Ratchathani\.$/u);
    expect(draft.blocks[1]).toMatchObject({ type: 'heading', text: 'Left: background' });
  });
});

describe('a tall two-column table', () => {
  it('stays a table: short cells split down the middle are not two columns of text', async () => {
    const draft = await extract('tall-table.pdf');
    expect(draft.blocks.map((b) => b.type)).toEqual(['heading', 'table']);
    const rows = draft.blocks[1]!.rows!;
    expect(rows).toHaveLength(8);
    expect(rows[1]).toEqual(['Nakhon Ratchasima', '2,630,058']);
  });
});

describe('Thai in TIS-620 codes with no Unicode map (hand-written legacy-fonts.pdf)', () => {
  it('reads a whole old Windows Thai font, and the codes a Thai font\'s ToUnicode left out, as TIS-620; Latin-1 French stays', async () => {
    const draft = await extract('legacy-fonts.pdf');
    const text = draft.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('จะนำไปใช้กับชุมชนริมแม่น้ำทุกแห่ง');
    expect(text).toContain('ผู้ใหญ่บ้านเลือกที่เหมาะสมแล้ว');
    expect(text).toContain('Le café à la crème coûte trois euros.');
    expect(draft.warnings.map((w) => [w.code, w.page])).toEqual([['pdf-tis620-font', 1], ['pdf-tis620-gaps', 1]]);
    expect(draft.warnings[0]!.message).toContain('DilleniaUPC');
  });
});

describe('list markers (chromium, lists.html)', () => {
  it('a numbered or lettered marker stays in the text as well as in label; a bullet only in label', async () => {
    const draft = await extract('lists.pdf');
    const items = ofType(draft, 'list-item');
    expect(items.map((b) => b.label)).toEqual(['๑)', '๒)', '๓)', '(i)', '(ii)', '(iii)', 'i.', 'ii.', 'iii.']);
    for (const item of items) expect(item.text.startsWith(`${item.label!} `)).toBe(true);
    expect(items[0]!.text).toBe('๑) ภาคประชาชน ร่วมเสนอความเห็นและติดตามผลการดําเนินงานในพื้นที่ของตน');
    expect(items[3]!.text).toBe('(i) respect the plans that each community makes for its own land;');
    expect(items[8]!.text).toBe('iii. publish its decision with the reasons for it.');
    const thai = await extract('thai-report.pdf');
    expect(ofType(thai, 'list-item').map((b) => [b.label, b.text.startsWith('•')])).toEqual([['•', false], ['•', false], ['•', false]]);
  });
});

describe('hand-written PDFs', () => {
  it('maps Symbol-font and Thai private-use code points by their font', async () => {
    const draft = await extract('private-use.pdf');
    const [paragraph, thai, note] = draft.blocks;
    expect(paragraph!.refs).toEqual([{ label: '\u2217', offset: 29, note: null }]);
    expect(paragraph!.text.slice(0, 29)).toBe('Rainfall rose sharply in 2023');
    expect(thai!.text).toBe('การ ปั่น');
    expect(note).toMatchObject({ type: 'footnote', label: '\u2217', text: 'Provisional figures from the meteorological department.' });
  });

  it('keeps text drawn twice (fake bold) once', async () => {
    const draft = await extract('overlay.pdf');
    expect(draft.blocks.map((b) => b.text)).toEqual(['Annual summary', 'เล่มที่', 'Body text is drawn only once.']);
  });

  it('reads turned text upright: a note up the margin, a landscape page drawn turned, a page shown turned', async () => {
    const draft = await extract('rotated.pdf');
    const annex = 'Stations upstream of the dam showed the lowest turbidity. Stations below the outfall were sampled twice a month.';
    expect(draft.blocks.map((b) => [b.type, b.page, b.text])).toEqual([
      ['heading', 1, 'Water quality report'],
      // The margin note no longer makes the body look indented (one paragraph, not two).
      ['paragraph', 1, 'The river was sampled at twelve stations in both seasons. Every station met the standard for dissolved oxygen.'],
      ['paragraph', 1, 'Draft for consultation, not for citation'],
      ['heading', 2, 'Annex: landscape summary'],
      ['paragraph', 2, annex],
      ['heading', 3, 'Annex: landscape summary'],
      ['paragraph', 3, annex],
    ]);
    // Page 3 (/Rotate 90) is read as shown: its page number at the foot is furniture.
    expect(draft.furniture).toEqual([{ kind: 'page-number', page: 3, text: '- 3 -' }]);
    expect(draft.pages!.map((p) => p.needsOcr)).toEqual([null, null, null]);
  });

  it('marks pages without a usable text layer for OCR, as options.ocr says', async () => {
    const auto = await extract('ocr-pages.pdf');
    expect(auto.pages!.map((p) => p.needsOcr)).toEqual([null, 'no-text', 'garbage']);
    // The reason an untrusted text layer goes to OCR is in a warning.
    expect(auto.warnings.map((w) => [w.code, w.page])).toEqual([['pdf-text-layer-untrusted', 3]]);
    const always = await extract('ocr-pages.pdf', 'always');
    expect(always.pages!.map((p) => p.needsOcr)).toEqual(['garbage', 'no-text', 'garbage']);
    const never = await extract('ocr-pages.pdf', 'never');
    expect(never.pages!.map((p) => p.needsOcr)).toEqual([null, null, null]);
    expect(never.warnings.map((w) => [w.code, w.page])).toEqual([['pdf-page-no-text', 2], ['pdf-page-garbage', 3]]);
  });
});

describe('a long PDF', () => {
  it('reads pages after pdf.js caches are released exactly as the same pages before', async () => {
    const draft = await extract('long-108.pdf');
    expect(draft.pages).toHaveLength(108);
    const texts = (page: number) => draft.blocks.filter((b) => b.page === page).map((b) => [b.type, b.text, b.refs, b.evidence]);
    // The file is the three printed reports (6 pages) 18 times; caches are dropped after page 100.
    for (let page = 97; page <= 108; page++) {
      expect(texts(page), `page ${page}`).toEqual(texts(page - 96));
      expect(texts(page).length).toBeGreaterThan(0);
    }
    // Every page but the two-column one (no page number) has its number as furniture.
    expect(draft.furniture.filter((f) => f.kind === 'page-number')).toHaveLength(108 - 18);
  });
});

describe('loading pdf.js', () => {
  it('leaves the built-ins its legacy polyfills replace as native as it found them', async () => {
    await extract('two-column.pdf');
    for (const fn of [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]) {
      expect(Function.prototype.toString.call(fn)).toContain('[native code]');
    }
  });
});
