import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMarkdown, markdownToBlocks } from '../../pipeline/extract/markdown/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';

const source = { uri: 'x.md', mediaType: 'text/markdown', sha256: '0'.repeat(64), bytes: 0 };

describe('markdown', () => {
  it('turns the Thai sample into typed blocks', async () => {
    const draft = await extractMarkdown({ source, kind: 'markdown', bytes: readFileSync('sources/md-th-khon-kaen-smart-city.md'), options: DEFAULT_EXTRACT_OPTIONS });
    expect(draft.title).toBe('ขอนแก่นเมืองอัจฉริยะ: รายงานความก้าวหน้า ปี พ.ศ. ๒๕๖๕');
    const types = draft.blocks.map((block) => block.type);
    expect(types).toEqual(['heading', 'paragraph', 'heading', 'list-item', 'list-item', 'list-item', 'heading', 'table', 'quote', 'paragraph', 'code', 'footnote']);
    const paragraph = draft.blocks[1]!;
    // The soft line break sits between two Thai letters: no space may appear there.
    expect(paragraph.text).toContain('(depa) ให้การสนับสนุน');
    expect(paragraph.text.endsWith('เป็นต้นมา')).toBe(true);
    expect(paragraph.refs).toEqual([{ label: '1', offset: paragraph.text.length, note: null }]);
    const table = draft.blocks.find((block) => block.type === 'table')!;
    expect(table.rows).toEqual([
      ['ปีงบประมาณ', 'โครงการ', 'งบประมาณ (ล้านบาท)'],
      ['๒๕๖๓', 'ศูนย์ข้อมูลเมือง', '๑๒.๕'],
      ['๒๕๖๔', 'ระบบขนส่งรางเบา', '๒๕๐'],
    ]);
    expect(draft.blocks.find((block) => block.type === 'footnote')).toMatchObject({ label: '1', text: 'ประกาศคณะกรรมการขับเคลื่อนเมืองอัจฉริยะ ลงวันที่ ๘ กรกฎาคม ๒๕๖๑' });
    expect(draft.blocks.find((block) => block.type === 'code')?.text).toBe('samut build sources/ --out output/');
  });

  it('keeps link text and drops link targets', () => {
    const [block] = markdownToBlocks('See [the roadmap](https://example.org/x) and <b>bold</b> text.');
    expect(block?.text).toBe('See the roadmap and bold text.');
  });

  it('reads the English seed page with its list and heading', () => {
    const blocks = markdownToBlocks(readFileSync('sources/md-uk-thailand-smart-cities.md', 'utf8'));
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 1, text: 'UK Partner with Thailand to Create Smarter Cities' });
    expect(blocks.filter((block) => block.type === 'list-item').length).toBeGreaterThanOrEqual(3);
    expect(blocks.some((block) => block.text.includes('This came after London set out a roadmap'))).toBe(true);
  });
});
