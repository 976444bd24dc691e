// Columns inside an otherwise one-column page (pipeline/extract/pdf/column-regions.ts): lists,
// glossaries and tables of contents set in two to four columns are read down each column.
// Fixtures: columns-tex.pdf (pdfTeX multicol, scripts/fixtures/pdf/columns.tex) and columns.pdf
// (Chromium CSS columns, columns.html), in English and Thai.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../pipeline/model/index.ts';
import { extractFixturePdf } from '../helpers/pdf.ts';

const extract = (name: string) => extractFixturePdf(`pdf/${name}`);

/** Where each piece of text first occurs in the page's text, in reading order. */
function positions(draft: Draft, page: number, pieces: string[]): number[] {
  const text = draft.blocks.filter((b) => b.page === page).map((b) => b.text).join('\n');
  return pieces.map((piece) => text.indexOf(piece));
}

function expectInOrder(draft: Draft, page: number, pieces: string[]): void {
  const at = positions(draft, page, pieces);
  expect(at.every((p) => p >= 0), `all of ${pieces.join(' | ')} found`).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

describe('columns inside a page, pdfTeX multicol', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await extract('columns-tex.pdf');
  });

  it('reads a list in four columns down each column, item by item (English and Thai)', () => {
    const english = draft.blocks.filter((b) => b.page === 1 && b.type === 'list-item');
    expect(english.map((b) => b.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.', '12.']);
    expect(english.map((b) => b.text)).toContain('7. Nakhon Phanom');
    expect(english.map((b) => b.text)).toContain('12. Kampong Cham');
    const thai = draft.blocks.filter((b) => b.page === 2 && b.type === 'list-item');
    expect(thai.map((b) => b.text)).toEqual(['1. เชียงแสน', '2. เชียงของ', '3. หนองคาย', '4. บึงกาฬ', '5. นครพนม', '6. มุกดาหาร', '7. อุบลราชธานี', '8. โขงเจียม']);
  });

  it('reads a glossary in three columns and a table of contents in two down each column', () => {
    expectInOrder(draft, 1, [
      'basin the land that drains into a river.',
      'discharge the volume of water that passes a point each second.',
      'gauge a fixed post marked in metres to read the water level.',
      'sediment sand and silt carried by the water.',
      'tributary a smaller river that flows into a larger one.',
      'turbidity how cloudy the water is.',
    ]);
    expectInOrder(draft, 1, ['1 Introduction', '2 Methods', '3 Dry season', '4 Wet season', '5 Discussion', '6 Conclusions']);
    expectInOrder(draft, 2, ['ลุ่มน้ำ พื้นที่ที่น้ำไหลลงสู่แม่น้ำ', 'ตะกอน ทรายและดินที่น้ำพัดมา', 'ความขุ่น ความใสของน้ำที่ลดลง', 'แควน้ำ แม่น้ำสายเล็กที่ไหลลงสายใหญ่']);
  });

  it('leaves the one-column paragraphs around the regions whole', () => {
    const paragraphs = draft.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
    expect(paragraphs).toContain(
      'The survey visited every station on the river twice, once in the dry season and once in the wet season. The stations below were sampled on both visits and their results are in the annex.',
    );
    expect(paragraphs).toContain('The committee will repeat the survey next year with the same stations and the same methods.');
    expect(paragraphs).toContain('คณะกรรมการจะสำรวจซ้ำในปีหน้าที่สถานีเดิมด้วยวิธีเดิม');
  });
});

describe('columns inside a page, Chromium CSS columns', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await extract('columns.pdf');
  });

  it('reads a list of names in three columns down each column, one name a block', () => {
    const names = ['Chiang Mai', 'Chiang Rai', 'Lampang', 'Lamphun', 'Nan', 'Phayao', 'Phrae', 'Mae Hong Son', 'Uttaradit', 'Khon Kaen', 'Loei', 'Udon Thani'];
    const texts = draft.blocks.map((b) => b.text);
    const start = texts.indexOf('Chiang Mai');
    expect(texts.slice(start, start + names.length)).toEqual(names);
    const thai = ['เชียงใหม่', 'เชียงราย', 'ลําปาง', 'ลําพูน', 'น่าน', 'พะเยา', 'แพร่', 'แม่ฮ่องสอน', 'อุตรดิตถ์'];
    const thaiStart = texts.indexOf('เชียงใหม่');
    expect(texts.slice(thaiStart, thaiStart + thai.length)).toEqual(thai);
  });

  it('reads a glossary in two columns entry by entry', () => {
    expectInOrder(draft, 1, [
      'catchment the area from which rain flows into a river or a lake.',
      'flood plain the flat land beside a river that is covered when the river floods.',
      'levee a bank raised along a river to keep its water in.',
      'reservoir a lake made by a dam, to store water for the dry season.',
      'spillway the channel that lets water out of a reservoir when it is full.',
      'watershed the high ground that divides two river basins from each other.',
    ]);
  });
});
