import { describe, expect, it } from 'vitest';
import { repairText, undoEdits } from '../../pipeline/repair/index.ts';
import { CASES, CLEAN } from './cases.ts';

function expectUndoable(damaged: string, result: ReturnType<typeof repairText>): void {
  expect(undoEdits(result.text, result.edits)).toBe(damaged);
}

describe('repairText: every damage class', () => {
  for (const { rule, damaged, clean } of CASES) {
    it(`${rule}: ${JSON.stringify(damaged)} → ${JSON.stringify(clean)}`, () => {
      const result = repairText(damaged);
      expect(result.text).toBe(clean);
      expect(result.counts[rule], `rule ${rule} counted`).toBeGreaterThan(0);
      expect(result.edits.length).toBeGreaterThan(0);
      expectUndoable(damaged, result);
      // idempotent, and the clean side is left alone
      expect(repairText(result.text).edits).toEqual([]);
      expect(repairText(clean).edits).toEqual([]);
    });
  }
});

describe('repairText: clean text passes through', () => {
  for (const text of CLEAN) {
    it(JSON.stringify(text.slice(0, 40)), () => {
      const result = repairText(text);
      expect(result.text).toBe(text);
      expect(result.edits).toEqual([]);
      expect(result.warnings).toEqual([]);
    });
  }

  it('never applies NFKC: ำ stays one character', () => {
    expect(repairText('กำหนด').text).toBe('กำหนด');
    expect(repairText('\uFB01le').text).toBe('\uFB01le'); // a ligature NFKC would split
  });
});

describe('repairText: ambiguous sara am', () => {
  it('"ท่ า" becomes ท่า, not ท่ำ', () => {
    expect(repairText('ท่ า').text).toBe('ท่า');
  });

  it('"ค่ า" alone is undecided: left as found, with a warning at its offset', () => {
    const result = repairText('ราคา ค่ า');
    expect(result.text).toBe('ราคา ค่ า');
    expect(result.edits).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'thai-ambiguous', offset: 5 })]);
  });

  it('"น า" alone is undecided; in context the dictionary decides', () => {
    expect(repairText('น า').warnings.map((w) => w.code)).toEqual(['thai-ambiguous']);
    expect(repairText('ผู้น าประเทศ').text).toBe('ผู้นำประเทศ');
    expect(repairText('บทน า').text).toBe('บทนำ');
  });

  it('the document decides: where its other sara am were all lost, "ค่ า" is ค่ำ', () => {
    const result = repairText('ส าคัญ จ านวน ก าหนด ค่ า');
    expect(result.text).toBe('สำคัญ จำนวน กำหนด ค่ำ');
    expect(result.warnings).toEqual([]);
    expectUndoable('ส าคัญ จ านวน ก าหนด ค่ า', result);
  });

  it('documentHints from elsewhere decide too, and can say nothing', () => {
    const hints = { saraAmRestored: 5, saraAmJoined: 0, saraAmIntact: 0 };
    expect(repairText('ค่ า', { documentHints: hints }).text).toBe('ค่ำ');
    const mixed = { saraAmRestored: 3, saraAmJoined: 3, saraAmIntact: 4 };
    expect(repairText('ค่ า', { documentHints: mixed }).text).toBe('ค่ า');
  });

  it('extraction evidence comes first: a zero-width glyph is ำ, a wide space is a stray space', () => {
    expect(repairText('ค่ า', { evidence: { lostNikhahit: [2] } }).text).toBe('ค่ำ');
    expect(repairText('ค่ า', { evidence: { realSpaces: [2] } }).text).toBe('ค่า');
    // evidence beats the dictionary, which would say ท่า
    const result = repairText('ท่ า', { evidence: { lostNikhahit: [2] } });
    expect(result.text).toBe('ท่ำ');
    expect(result.counts['sara-am-space']).toBe(1);
  });

  it('an OCR reading of the same line votes', () => {
    expect(repairText('ค่ าคืน', { evidence: { ocrText: 'ค่ํา คืน' } }).text).toBe('ค่ำคืน');
    expect(repairText('ค่ าไฟ', { evidence: { ocrText: 'ค่าไฟ' } }).text).toBe('ค่าไฟ');
  });

  it('a bare า becomes ำ only in a document that lost every ำ', () => {
    const lost = 'ได้น าความ ด าเนินไป ก าหนด ประจาปี อานาจ';
    const result = repairText(lost);
    expect(result.text).toBe('ได้นำความ ดำเนินไป กำหนด ประจำปี อำนาจ');
    expect(result.counts['sara-am-lost']).toBe(2);
    expectUndoable(lost, result);
    // the same words in a document whose ำ are intact: nothing to judge
    expect(repairText('กำหนด ประจาปี อานาจ').text).toBe('กำหนด ประจาปี อานาจ');
  });

  it('short words that are words either way (นา/นำ) are never changed from bare า', () => {
    const text = 'ส าคัญ จ านวน ก าหนด ชาวนาทานา';
    expect(repairText(text).text).toBe('สำคัญ จำนวน กำหนด ชาวนาทานา');
  });
});

describe('repairText: OCR output', () => {
  it('repairs tesseract’s explicit nikhahit + า and its stray spaces before marks', () => {
    const ocr = 'ด้วยนายกรัฐมนตรีได้นําความกราบบังคมทูล อาศัยอํานาจ ประกาศกําหนด ท ั ้งนี้';
    expect(repairText(ocr).text).toBe('ด้วยนายกรัฐมนตรีได้นำความกราบบังคมทูล อาศัยอำนาจ ประกาศกำหนด ทั้งนี้');
  });
});

describe('repairText: edits', () => {
  it('merges changes that touch into one edit, offsets into the repaired text', () => {
    const damaged = 'xx ต ่ า yy'; // space before a mark inside a lost sara am
    const result = repairText(damaged);
    for (const edit of result.edits) {
      expect(result.text.slice(edit.offset, edit.offset + edit.after.length)).toBe(edit.after);
    }
    expectUndoable(damaged, result);
  });

  it('keeps many edits in one string undoable', () => {
    const damaged = CASES.map((c) => c.damaged).join(' | ');
    const result = repairText(damaged);
    expectUndoable(damaged, result);
    expect(repairText(result.text).edits).toEqual([]);
  });
});

describe('repairText: Latin-1 inside Thai words', () => {
  it('reads back what it can with an edit, and names each site it cannot in a warning', () => {
    const read = repairText('ผูéใหญè กลèาว');
    expect(read.text).toBe('ผู้ใหญ่ กล่าว');
    expect(read.edits.map((e) => e.rule)).toEqual(['tis620-in-thai', 'tis620-in-thai', 'tis620-in-thai']);
    expect(read.warnings).toEqual([]);
    // Þ would be U+0E3E, which is no Thai character: it stays, with a warning at its offset.
    const left = repairText('ราคาÞสูง');
    expect(left.text).toBe('ราคาÞสูง');
    expect(left.warnings).toEqual([expect.objectContaining({ code: 'latin1-in-thai-word', offset: 4 })]);
    expect(left.warnings[0]!.message).toContain('"Þ"');
    // Symbols beside Thai and Latin-1 in Latin words are no damage.
    expect(repairText('ไทย©2024 Café ไทย').warnings).toEqual([]);
  });

  it('leaves a row of one sign alone: TeX\'s \\cdots and dot leaders are no TIS-620 Thai', () => {
    for (const text of ['x1, ···, xn', 'Chapter 1 ·········· 5', '[−N,N] × ··· × [−N,N]']) expect(repairText(text).text).toBe(text);
    // A run of different TIS-620 letters beside it is still read as Thai.
    expect(repairText('See ÀÒÉÒä·Â, x1, ···, xn').text).toBe('See ภาษาไทย, x1, ···, xn');
  });
});
