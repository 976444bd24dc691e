// The saved web pages of the sample corpus (sources/web-*.html) extract cleanly.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../pipeline/extract/html/index.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';
import type { Draft } from '../../pipeline/model/draft.ts';

async function extractSource(name: string): Promise<{ draft: Draft; text: string }> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../sources/${name}`, import.meta.url)));
  const source = { uri: `sources/${name}`, mediaType: 'text/html', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
  const draft = await extractHtml({ source, kind: 'html', bytes, options: DEFAULT_EXTRACT_OPTIONS });
  return { draft, text: draft.blocks.map((block) => block.text).join('\n\n') };
}

describe('sources/web-*.html', () => {
  it('Thai report page in unlabelled windows-874: decoded, article only, structure kept', async () => {
    const { draft, text } = await extractSource('web-asean-smart-cities-th.html');
    expect(draft.metadata.encoding).toBe('windows-874');
    expect(draft.warnings).toEqual([]);
    expect(draft.title).toBe('เมืองอัจฉริยะอาเซียน (ASEAN Smart Cities)');
    expect(draft.metadata).toMatchObject({ author: 'ลัฐกา เนตรทัศน์', declaredLanguage: 'th', published: '2019-06-27' });
    expect(text).toMatch(/^บทนำ\n\nในปี พ\.ศ\. ๒๕๖๑ อาเซียนมีประชากรจำนวน ๖๔๗ ล้านคน/);
    // Source lines broken inside Thai words are joined.
    expect(text).toContain('ความไม่เท่าเทียมทางเศรษฐกิจและสังคม');
    expect(text).toContain('ที่มีความยั่งยืน เพื่อความเป็นอยู่ที่ดี');
    expect(draft.blocks.filter((block) => block.type === 'list-item').map((block) => block.label)).toEqual(['1.', '2.', '3.']);
    expect(draft.blocks.find((block) => block.type === 'table')?.rows?.[1]).toEqual(['ไทย', 'กรุงเทพมหานคร ชลบุรี ภูเก็ต']);
    for (const furniture of ['หน้าหลัก', 'บทความอาเซียน', 'กฎบัตรอาเซียน', 'แชร์', 'พิมพ์', 'สงวนลิขสิทธิ์', 'MM_openBrWindow']) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it('English news page: no comment widget, share bar, cookie bar or JSON-LD in the text', async () => {
    const { draft, text } = await extractSource('web-eastern-seaboard-smart-cities-en.html');
    expect(draft.metadata).toMatchObject({ author: 'Pornchai Sitthisak', siteName: 'Eastern Seaboard Times', published: '2023-08-25T14:40:12+07:00' });
    expect(text).toMatch(/^Chaiwut Thanakamanusorn, Minister/);
    expect(text).toMatch(/developments to follow\.$/);
    for (const furniture of ['Notify of', 'Inline Feedbacks', 'View all comments', 'BreadcrumbList', 'Spread the love', 'uses cookies', 'Latest News', 'Posted in', 'Pattaya Beach Road', 'All rights reserved', 'skip to content']) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it('English government press release: cookie banner, breadcrumbs, share and feedback boxes gone', async () => {
    const { draft, text } = await extractSource('web-uk-thailand-smart-city-handbook-en.html');
    expect(draft.title).toBe('UK partners with Thailand to create smarter cities');
    expect(draft.metadata).toMatchObject({ siteName: 'GOV.UK', published: '2020-10-16T10:00:00+01:00', canonicalUrl: 'https://www.gov.uk/government/news/uk-partner-with-thailand-to-create-smarter-cities' });
    expect(draft.blocks.find((block) => block.type === 'quote')?.text).toMatch(/^I hope the launch of the Smart City Handbook/);
    expect(text).toContain('Download the handbook: https://eu.eventscloud.com/smartcityhandbook-thailand');
    for (const furniture of ['Cookies on GOV.UK', 'Skip to main content', 'Share this page', 'Related content', 'Is this page useful?', 'Crown copyright', 'Open Government Licence']) {
      expect(text, furniture).not.toContain(furniture);
    }
  });
});
