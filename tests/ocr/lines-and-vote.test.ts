// Pure parts of the OCR stage: which lines are pictures, how lines join, and letter-by-letter
// voting between a damaged text layer and OCR. The garbage lines below are tesseract.js 7's real
// readings (tha+eng) of the emblem plumage in tests/fixtures/scans/ornaments.png and of a crop of
// sources/scan-th-decree.png; the good lines are its readings of the same pages' text.
import { describe, expect, it } from 'vitest';
import { characterErrorRate, normalizeForCer } from '../../pipeline/ocr/cer.ts';
import { joinLines, nonTextReason, pageBlocks } from '../../pipeline/ocr/blocks.ts';
import type { OcrLine } from '../../pipeline/ocr/engine.ts';
import { align, layerDamage, voteWithTextLayer } from '../../pipeline/ocr/vote.ts';
import type { DraftBlock } from '../../pipeline/model/index.ts';

const line = (text: string, confidence: number): OcrLine => ({
  text,
  confidence,
  bbox: { x0: 0, y0: 0, x1: 1, y1: 1 },
  words: [],
});

describe('nonTextReason', () => {
  it('drops what tesseract read in emblems, stamps and signatures', () => {
    const garbage: [string, number][] = [
      ['งะ5ร์                      รร๒ะ', 0.65],
      ['¥X309%               <Q055%', 0.37],
      ['6855งะ                ะง๒559', 0.56],
      ['๑๐๑๐๑๐๑๐๑๐๑๐๑', 0.96],
      ['~ X35 66', 0.72],
      ['ร์ร55::', 0.58],
      ['วธิระ', 0.59],
      [':8965์ร', 0.56],
      ['~', 0.93],
      ['worl)', 0.12],
      ['๑๐๑    ๐.', 0.75],
    ];
    for (const [text, confidence] of garbage) expect(nonTextReason(line(text, confidence)), text).not.toBeNull();
  });

  it('keeps real lines, Thai digits, dates and short headings', () => {
    const text: [string, number][] = [
      ['ประกาศกระทรวงมหาดไทย', 0.95],
      ['เรื่อง การจัดทําแผนพัฒนาจังหวัด ประจําปี พ.ศ. ๒๕๖๗', 0.93],
      ['จึงขอให้ผู้ว่าราชการจังหวัดส่งรายงานภายในวันที่ 15 มีนาคม', 0.94],
      ['plans to the Ministry no later than 15 March 2024.', 0.96],
      ['Each plan must state its budget, its targets and the', 0.87],
      ['Contents', 0.9],
      ['๑๒', 0.9],
      ['COVID-19 cases rose by 12 percent in the northern provinces', 0.75],
    ];
    for (const [value, confidence] of text) expect(nonTextReason(line(value, confidence)), value).toBeNull();
  });
});

describe('pageBlocks', () => {
  it('turns paragraphs into OCR blocks, dropping picture paragraphs and warning on low confidence', () => {
    const result = {
      confidence: 0.8,
      paragraphs: [
        { bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, lines: [line('๑๐๑๐๑๐๑๐๑๐๑๐๑', 0.96), line('๐๑๐', 0.96), line('6855งะ                ะง๒559', 0.56)] },
        { bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, lines: [line('ด้วยกระทรวงมหาดไทยได้กําหนดให้ทุกจังหวัดจัดทําแผน', 0.94), line('พัฒนาจังหวัดเป็นประจําทุกปี', 0.92)] },
        { bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, lines: [line('Late or incomplete submissions', 0.52)] },
      ],
    };
    const { blocks, warnings, droppedLines } = pageBlocks(result, 3);
    expect(droppedLines).toBe(3);
    expect(blocks.map((block) => block.text)).toEqual([
      'ด้วยกระทรวงมหาดไทยได้กําหนดให้ทุกจังหวัดจัดทําแผนพัฒนาจังหวัดเป็นประจําทุกปี',
      'Late or incomplete submissions',
    ]);
    expect(blocks.every((block) => block.origin === 'ocr' && block.page === 3)).toBe(true);
    expect(blocks[0]!.confidence).toBeGreaterThan(0.92);
    expect(warnings.map((warning) => [warning.code, warning.page])).toEqual([
      ['ocr-low-confidence', 3],
      ['ocr-non-text-dropped', 3],
    ]);
  });

  it('joins Thai lines without a space and other lines with one', () => {
    expect(joinLines(['ครอบคลุมทุกภาค', 'ของประเทศ'])).toBe('ครอบคลุมทุกภาคของประเทศ');
    expect(joinLines(['rose by', '3.2 percent'])).toBe('rose by 3.2 percent');
    expect(joinLines(['ร้อยละ 3.2', 'ขณะที่'])).toBe('ร้อยละ 3.2 ขณะที่');
    expect(joinLines(['annual develop-', 'ment plans'])).toBe('annual development plans');
    expect(joinLines(['Khon Kaen-', 'Udon Thani'])).toBe('Khon Kaen- Udon Thani');
  });
});

describe('characterErrorRate', () => {
  it('ignores spacing in Thai, reads nikhahit + sara aa as sara am, and counts real errors', () => {
    expect(characterErrorRate('การจัดทำแผน', 'การ จัด ทํา แผน')).toBe(0);
    expect(normalizeForCer(' All  provinces\nshall ')).toBe('All provinces shall');
    expect(characterErrorRate('abcd', 'abxd')).toBe(0.25);
  });
});

describe('voting between a damaged text layer and OCR', () => {
  const ocrLines = [
    line('รายงานผลการดําเนินงานของสํานักงานสถิติแห่งชาติ', 0.94),
    line('จํานวน 52,000 ครัวเรือน ครอบคลุมทุกภาค', 0.93),
  ];
  const layer = (text: string): DraftBlock => ({ type: 'paragraph', page: 1, text, origin: 'text-layer' });

  it('aligns characters, half-pricing spaces', () => {
    const map = align('ค าน า', 'คำนำ');
    expect(map).not.toBeNull();
    expect(map![0]).toBe(0);
    expect(map![3]).toBe(2);
  });

  it('takes sara am from OCR where the layer lost it, and records the OCR win', () => {
    const blocks = [layer('รายงานผลการด าเนินงานของส านักงานสถิติแห่งชาติ'), layer('จ านวน 52,000 ครัวเรือน ครอบคลุมทุกภาค')];
    const { blocks: voted, counts } = voteWithTextLayer(blocks, ocrLines);
    expect(voted.map((block) => block.text)).toEqual([
      'รายงานผลการดำเนินงานของสำนักงานสถิติแห่งชาติ',
      'จำนวน 52,000 ครัวเรือน ครอบคลุมทุกภาค',
    ]);
    expect(counts['ocr-vote-sara-am']).toBe(3);
    expect(voted[0]!.original).toBe(blocks[0]!.text);
    const edit = voted[0]!.edits![0]!;
    expect(edit).toEqual({ rule: 'ocr-vote-sara-am', offset: 11, before: 'ด า', after: 'ดำ' });
    expect(voted[0]!.text.slice(edit.offset, edit.offset + edit.after.length)).toBe(edit.after);
    // OCR's own reading of each block, nikhahit as tesseract wrote it, for the repair stage.
    expect(voted[1]!.evidence?.ocrText).toBe('จํานวน 52,000 ครัวเรือน ครอบคลุมทุกภาค');
  });

  it('keeps the text layer where OCR misreads digits, drops marks or invents them', () => {
    // Real tesseract misreadings of this line: ร่าย for ราย, เฉลีย for เฉลี่ย, 8.2 for 3.2.
    const ocr = [line('ผลการสํารวจพบว่าร่ายได้เฉลียเพิ่มขึ้นร้อยละ 8.2', 0.93)];
    const text = 'ผลการสำรวจพบว่ารายได้เฉลี่ยเพิ่มขึ้นร้อยละ 3.2';
    const { blocks: voted, counts } = voteWithTextLayer([layer(text)], ocr);
    expect(voted[0]!.text).toBe(text);
    expect(voted[0]!.edits).toBeUndefined();
    expect(counts).toEqual({ 'ocr-vote-text-layer-kept': 3 });
  });

  it('does not let low-confidence OCR overrule the layer', () => {
    const { blocks: voted, counts } = voteWithTextLayer([layer('จ านวน')], [line('จํานวน', 0.5)]);
    expect(voted[0]!.text).toBe('จ านวน');
    expect(counts['ocr-vote-sara-am']).toBeUndefined();
  });

  it('measures how much of a layer is unreadable', () => {
    expect(layerDamage('ประกาศ')).toBe(0);
    expect(layerDamage('\uF700\uF701ab')).toBe(0.5);
    expect(layerDamage('ฉบÑบ')).toBeCloseTo(0.25);
  });
});
