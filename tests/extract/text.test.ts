import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../pipeline/extract/text/decode.ts';
import { joinLines } from '../../pipeline/shared/lines.ts';
import { extractText, textToBlocks } from '../../pipeline/extract/text/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';

const source = { uri: 'x', mediaType: 'text/plain', sha256: '0'.repeat(64), bytes: 0 };

describe('decodeText', () => {
  it('decodes UTF-8 with and without BOM, and UTF-16 LE/BE with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFกระทรวง', 'utf8'))).toEqual({ text: 'กระทรวง', charset: 'utf-8', bom: true });
    expect(decodeText(Buffer.from('กระทรวง', 'utf8')).charset).toBe('utf-8');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ไทย', 'utf16le')])).text).toBe('ไทย');
    const be = Buffer.from('ไทย', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe('ไทย');
  });

  it('decodes a real TIS-620 file as Thai, not mojibake', () => {
    const decoded = decodeText(readFileSync('sources/text-th-legacy-tis620.txt'));
    expect(decoded.charset).toBe('windows-874');
    expect(decoded.text).toContain('กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม');
    expect(decoded.text).toContain('จำนวน ๓ เมือง');
  });

  it('decodes the short legacy Thai string other detectors call Japanese', () => {
    const tis = new Uint8Array([...'กระทรวงอุตสาหกรรม'].map((c) => c.codePointAt(0)! - 0x0e01 + 0xa1));
    expect(decodeText(tis).text).toBe('กระทรวงอุตสาหกรรม');
  });

  it('falls back to windows-1252 for Western legacy text, with its 0x80-0x9F letters', () => {
    const bytes = new Uint8Array([...Buffer.from('caf'), 0xe9, 0x20, 0x93, ...Buffer.from('quoted'), 0x94, 0x20, 0x80, 0x35]);
    expect(decodeText(bytes)).toEqual({ text: 'café “quoted” €5', charset: 'windows-1252', bom: false });
  });
});

describe('joinLines', () => {
  it('joins Thai lines without a space, keeps a phrase space, spaces English lines', () => {
    expect(joinLines(['การเติบโต', 'ในอัตรา'])).toBe('การเติบโตในอัตรา');
    expect(joinLines(['มวลรวมทั้งสิ้น ๔,๐๓๔ ', 'ดอลลาร์สหรัฐ'])).toBe('มวลรวมทั้งสิ้น ๔,๐๓๔ ดอลลาร์สหรัฐ');
    expect(joinLines(['The handbook', 'outlines'])).toBe('The handbook outlines');
    expect(joinLines(['ภาษาไทย', 'English'])).toBe('ภาษาไทย English');
  });
});

describe('extractText', () => {
  it('splits paragraphs on blank lines and on the indents of PDF-extracted Thai text', () => {
    const blocks = textToBlocks('หัวข้อ\n\n ย่อหน้าแรก\nต่อบรรทัด\nอีกบรรทัด\n ย่อหน้าที่สอง\nต่อ\n');
    expect(blocks.map((block) => block.text)).toEqual(['หัวข้อ', 'ย่อหน้าแรกต่อบรรทัดอีกบรรทัด', 'ย่อหน้าที่สองต่อ']);
  });

  it('makes list items of marked lines', () => {
    const blocks = textToBlocks('Intro line.\n- first item\n- second\n1. numbered\n');
    expect(blocks.map((block) => [block.type, block.text, block.label])).toEqual([
      ['paragraph', 'Intro line.', undefined],
      ['list-item', 'first item', '-'],
      ['list-item', 'second', '-'],
      ['list-item', 'numbered', '1.'],
    ]);
  });

  it('reads the Thai seed into paragraphs that keep every Thai letter', async () => {
    const bytes = readFileSync('sources/text-th-asean-smart-cities-damaged.txt');
    const draft = await extractText({ source, kind: 'text', bytes, options: DEFAULT_EXTRACT_OPTIONS });
    expect(draft.blocks.length).toBeGreaterThan(10);
    const letters = (text: string) => text.replace(/[^\u0E01-\u0E5B]/gu, '');
    const kept = draft.blocks.map((block) => (block.label ?? '') + block.text).join('');
    expect(letters(kept)).toBe(letters(bytes.toString('utf8')));
    expect(draft.metadata.encoding).toBe('utf-8');
  });

  it('fails a file of only white space', async () => {
    await expect(extractText({ source, kind: 'text', bytes: Buffer.from(' \n\n\t'), options: DEFAULT_EXTRACT_OPTIONS })).rejects.toMatchObject({ code: 'input-empty' });
  });
});

describe('joinLines with hyphen mending', () => {
  it('rejoins a hyphenated English word only when asked, and only before a lower-case letter', () => {
    expect(joinLines(['annual develop-', 'ment plans'], { mendHyphens: true })).toBe('annual development plans');
    expect(joinLines(['annual develop-', 'ment plans'])).toBe('annual develop- ment plans');
    expect(joinLines(['Khon Kaen-', 'Udon Thani'], { mendHyphens: true })).toBe('Khon Kaen- Udon Thani');
  });
});
