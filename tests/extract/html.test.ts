import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../pipeline/extract/html/index.ts';
import { collapseWhitespace } from '../../pipeline/extract/html/blocks.ts';
import { decodeHtml, looksLikeTis620, repairThaiMojibake } from '../../pipeline/extract/html/decode.ts';
import { DocumentError } from '../../pipeline/model/errors.ts';
import { DEFAULT_EXTRACT_OPTIONS } from '../../pipeline/model/stages.ts';
import type { Draft } from '../../pipeline/model/draft.ts';

const FIXTURES = new URL('../fixtures/html/', import.meta.url);

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

function extract(bytes: Uint8Array, extra: { declaredCharset?: string; finalUrl?: string } = {}): Promise<Draft> {
  const source = { uri: extra.finalUrl ?? 'file:///fixture.html', mediaType: 'text/html', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
  return extractHtml({ source, kind: 'html', bytes, options: DEFAULT_EXTRACT_OPTIONS, ...extra });
}

function text(draft: Draft): string {
  return draft.blocks.map((block) => block.text).join('\n\n');
}

/** Mojibake marks: UTF-8 Thai read as windows-1252 ("à¸"), TIS-620 read as latin-1 (runs of
 * Latin-1 letters), or replacement characters. */
const MOJIBAKE = /à¸|à¹|[\u00c0-\u00ff]{3,}|\ufffd/u;

describe('extractHtml: English news page with boilerplate', async () => {
  const draft = await extract(fixture('en-news-boilerplate.html'), { finalUrl: 'https://gulfcoastdaily.example/news/2023/08/three-provinces-ascn/?utm=x' });
  const body = text(draft);

  it('keeps the article, in order, and only the article', () => {
    expect(draft.kind).toBe('html');
    expect(body).toMatch(/^Driving the advancement/);
    expect(body).toMatch(/regional urban development\.$/);
    for (const boilerplate of [
      'skip to content', 'We use cookies', 'Accept all', 'Privacy policy', 'Opinion', 'Eastern Seaboard', 'Facebook', 'LINE',
      'Related articles', 'Bangkok plans a data centre', 'Notify of', 'Inline Feedbacks', 'View all comments', 'Leave a Reply',
      'All rights reserved', 'About us', 'Tags:', 'Somchai Rattanakorn', 'dataLayer',
    ]) {
      expect(body, boilerplate).not.toContain(boilerplate);
    }
  });

  it('never puts JSON-LD in the text, even a script inside the article', () => {
    expect(body).not.toContain('BreadcrumbList');
    expect(body).not.toContain('@context');
    expect(body).not.toContain('{');
  });

  it('keeps the structure as typed blocks, links keeping their text', () => {
    const types = draft.blocks.map((block) => block.type);
    expect(types).toEqual([
      'paragraph', 'caption', 'paragraph', 'heading', 'paragraph', 'list-item', 'list-item', 'list-item', 'caption', 'table',
      'quote', 'paragraph', 'code', 'paragraph',
    ]);
    expect(draft.blocks[0]!.text).toContain('three more provinces, Chiang Mai, Khon Kaen and Rayong');
    const heading = draft.blocks.find((block) => block.type === 'heading');
    expect(heading).toMatchObject({ level: 2, text: 'What the new members plan' });
    const table = draft.blocks.find((block) => block.type === 'table');
    expect(table?.rows).toEqual([['Region', 'Areas', 'Provinces'], ['North', '9', '6'], ['Northeast', '11', '8'], ['East', '7', '4']]);
    expect(draft.blocks.find((block) => block.type === 'code')?.text).toBe('curl https://data.example/ascn/members.json');
    expect(draft.blocks.filter((block) => block.type === 'list-item').map((block) => block.label)).toEqual(['•', '•', '•']);
    for (const block of draft.blocks) expect(block).toMatchObject({ page: null, origin: 'html' });
  });

  it('reads metadata from meta tags, OpenGraph and JSON-LD', () => {
    expect(draft.title).toBe('Three Thai provinces join ASEAN Smart Cities Network');
    expect(draft.metadata).toMatchObject({
      author: 'Somchai Rattanakorn',
      published: '2023-08-22T09:15:00+07:00',
      modified: '2023-08-23T11:02:00+07:00',
      siteName: 'Gulf Coast Daily',
      canonicalUrl: 'https://gulfcoastdaily.example/news/2023/08/three-provinces-ascn/',
      declaredLanguage: 'en-US',
      encoding: 'utf-8',
    });
    expect(draft.metadata.description).toMatch(/^Chiang Mai, Khon Kaen and Rayong/);
    expect(draft.warnings).toEqual([]);
  });
});

describe('extractHtml: Thai pages', () => {
  it('decodes TIS-620 bytes labelled ISO-8859-1 as windows-874, with a warning', async () => {
    const draft = await extract(fixture('th-tis620-mislabelled.html'));
    const body = text(draft);
    expect(draft.metadata.encoding).toBe('windows-874');
    expect(draft.warnings.map((warning) => warning.code)).toContain('html-charset-mislabelled');
    expect(body).not.toMatch(MOJIBAKE);
    expect(body).toContain('กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม');
    expect(draft.title).toBe('เมืองอัจฉริยะอาเซียน: สามจังหวัดไทยเข้าร่วมเครือข่าย');
    expect(draft.metadata).toMatchObject({ author: 'กองบรรณาธิการข่าวภูมิภาค', siteName: 'ข่าวภูมิภาคออนไลน์', declaredLanguage: 'th', published: '2023-08-22T10:30:00+07:00' });
    // Menus, the side column of the layout table, share bar, comments and footer are gone.
    for (const boilerplate of ['หน้าแรก', 'ภาคตะวันออกเฉียงเหนือ', 'แชร์', 'Facebook', 'ความคิดเห็น', 'สงวนลิขสิทธิ์']) {
      expect(body, boilerplate).not.toContain(boilerplate);
    }
    expect(draft.blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'heading', 'list-item', 'list-item', 'list-item', 'paragraph']);
  });

  it('verifies a wrong HTTP charset header (TIS-620 bytes served as UTF-8) and a missing label', async () => {
    const bytes = fixture('th-tis620-mislabelled.html');
    const servedAsUtf8 = await extract(bytes, { declaredCharset: 'UTF-8' });
    expect(servedAsUtf8.metadata.encoding).toBe('windows-874');
    expect(servedAsUtf8.warnings.find((warning) => warning.code === 'html-charset-mislabelled')?.message).toContain('HTTP header says UTF-8');
    expect(text(servedAsUtf8)).not.toMatch(MOJIBAKE);

    const unlabelled = new TextDecoder('windows-1252').decode(bytes).replace(/<meta http-equiv[^>]*>/i, '');
    const unlabelledBytes = Uint8Array.from(unlabelled, (char) => char.charCodeAt(0) <= 0xff ? char.charCodeAt(0) : 0x3f);
    expect(looksLikeTis620(unlabelledBytes)).toBe(true);
    expect(decodeHtml(unlabelledBytes).encoding).toBe('windows-874');
  });

  it('joins Thai words broken across source lines, without inventing spaces', async () => {
    const draft = await extract(fixture('th-utf8-linebreaks.html'));
    const body = text(draft);
    expect(body).toContain('การบริหารจัดการน้ำท่วม');
    expect(body).toContain('โครงการเมืองแห่งอนาคตระดับโลก (Global Future Cities Programme)');
    expect(body).toContain('รวดเร็วขึ้น');
    expect(body).toContain('และจะส่งข้อความเตือนภัยถึงประชาชน');
    // A real space between Thai phrases stays.
    expect(body).toContain('ลาดพร้าว โดยใช้ข้อมูล');
    expect(body).not.toContain('ข่าวที่เกี่ยวข้อง');
  });

  it('checks html lang against the text and reads JSON-LD metadata', async () => {
    const draft = await extract(fixture('th-utf8-linebreaks.html'));
    expect(draft.warnings.map((warning) => warning.code)).toEqual(['html-language-mismatch']);
    expect(draft.metadata).toMatchObject({ author: 'สมหญิง ใจดี', published: '2020-10-16', siteName: 'เมืองไทยรายวัน', declaredLanguage: 'en' });
    expect(draft.title).toBe('กรุงเทพมหานครเตรียมตั้งศูนย์ข้อมูลเพื่อบริหารจัดการน้ำท่วม');
  });

  it('restores Thai that an earlier wrong decoding turned to mojibake (UTF-8 read as windows-1252)', async () => {
    const original = readFileSync(new URL('th-utf8-linebreaks.html', FIXTURES), 'utf8');
    const garbled = new TextDecoder('windows-1252').decode(new TextEncoder().encode(original));
    expect(garbled).toMatch(/à¸/);
    const draft = await extract(new TextEncoder().encode(garbled));
    expect(text(draft)).not.toMatch(MOJIBAKE);
    expect(text(draft)).toContain('การบริหารจัดการน้ำท่วม');
    expect(draft.warnings.map((warning) => warning.code)).toContain('html-mojibake-repaired');
  });

  it('restores a run of UTF-8 read as windows-1252 instead of reading it as TIS-620', () => {
    expect(repairThaiMojibake('<p>fora da funÃ§Ã£o o valor</p>')).toEqual({ text: '<p>fora da função o valor</p>', repaired: 1 });
  });

  it('restores TIS-620 bytes that were read as latin-1 and saved as UTF-8', () => {
    const thai = 'เมืองอัจฉริยะอาเซียน';
    const tisBytes = Uint8Array.from(thai, (char) => char.charCodeAt(0) - 0x0e00 + 0xa0);
    const garbled = new TextDecoder('windows-1252').decode(tisBytes);
    expect(repairThaiMojibake(`<p>${garbled} café</p>`)).toEqual({ text: `<p>${thai} café</p>`, repaired: 1 });
  });
});

describe('extractHtml: charset order and edge cases', () => {
  it('lets a BOM win over a wrong meta charset', () => {
    const html = '<meta charset="windows-874"><p>naïve café</p>';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(html)]);
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'utf-8', text: html, warnings: [] });
  });

  it('reads the XML declaration of a saved XHTML page', () => {
    const thai = 'ภาษาไทย';
    const xhtml = `<?xml version="1.0" encoding="TIS-620"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${thai}</p></body></html>`;
    const bytes = Uint8Array.from(xhtml, (char) => (char >= '\u0e01' ? char.charCodeAt(0) - 0x0e00 + 0xa0 : char.charCodeAt(0)));
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'windows-874', warnings: [] });
    expect(decodeHtml(bytes).text).toContain(`<p>${thai}</p>`);
  });

  it('reads valid UTF-8 labelled ISO-8859-1 as UTF-8', () => {
    const bytes = new TextEncoder().encode('<meta charset="iso-8859-1"><p>São Paulo – ภาษาไทย</p>');
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('São Paulo – ภาษาไทย');
  });

  it('keeps real Western windows-1252 text as it is', () => {
    const bytes = Uint8Array.from('<p>Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9</p>', (char) => char.charCodeAt(0));
    const decoded = decodeHtml(bytes, 'iso-8859-1');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('<p>Café crème, naïve résumé</p>');
    expect(decoded.warnings).toEqual([]);
  });

  it('keeps UTF-8 with one broken sequence as UTF-8', () => {
    const good = new TextEncoder().encode(`<p>${'ภาษาไทยในเอกสาร '.repeat(20)}</p>`);
    const broken = new Uint8Array([...good.slice(0, 40), 0xe0, 0xb8, ...good.slice(40)]);
    const decoded = decodeHtml(broken, 'utf-8');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('ภาษาไทยในเอกสาร ภาษาไทยในเอกสาร');
    expect(decoded.warnings.map((warning) => warning.code)).toEqual(['html-undecodable-bytes']);
  });

  it('does not take unlabelled Portuguese windows-1252 (ção, ções) for TIS-620', () => {
    const text = '<p>A informação sobre as operações de integração e a administração das populações: não há soluções.</p>';
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'windows-1252', text });
  });

  it('collapses whitespace: newline between Thai letters vanishes, other runs become one space', () => {
    expect(collapseWhitespace('เศรษฐ\n    กิจ')).toBe('เศรษฐกิจ');
    expect(collapseWhitespace('ไทย  ลาว')).toBe('ไทย ลาว');
    expect(collapseWhitespace('Thai\n  words')).toBe('Thai words');
    expect(collapseWhitespace('ไทย\nThai')).toBe('ไทย Thai');
    expect(collapseWhitespace('เมือง\u200bอัจฉริยะ smart\u00adcity')).toBe('เมืองอัจฉริยะ smartcity');
  });

  it('throws html-empty for a page with no readable content', async () => {
    const page = new TextEncoder().encode('<html><head><title>x</title><script>var a = "lots of script text";</script></head><body><nav><a href="/">Home</a></nav></body></html>');
    const error = await extract(page).then(() => null, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe('html-empty');
    const blank = await extract(new Uint8Array(0)).then(() => null, (reason: unknown) => reason);
    expect((blank as DocumentError).code).toBe('html-empty');
  });

  it('keeps the text of a very short page', async () => {
    const page = new TextEncoder().encode('<html lang="en"><body><p>Short note: the archive moved to the new building on Rama IV Road.</p></body></html>');
    const draft = await extract(page);
    expect(text(draft)).toBe('Short note: the archive moved to the new building on Rama IV Road.');
  });
});

describe('extractHtml: Thai-aware article scoring', () => {
  it('keeps a Thai article that sits beside comma-rich English reader notes', async () => {
    const thai =
      'กรุงเทพมหานครร่วมกับสหราชอาณาจักรเตรียมจัดตั้งศูนย์ข้อมูลเพื่อสนับสนุนการตัดสินใจด้านการบริหารจัดการน้ำท่วมในเขตลาดพร้าว โดยใช้ข้อมูลจากเครื่องวัดระดับน้ำกว่าสองร้อยจุดทั่วเมือง และจะเปิดเผยข้อมูลต่อสาธารณะทุกชั่วโมง ผู้ว่าราชการกล่าวว่าโครงการนี้จะช่วยให้ประชาชนรู้ล่วงหน้า';
    const english =
      'Great article, thanks, but honestly, the city, the ministry, and the contractors, as usual, will take years, and by then, the floods, the traffic, and the heat, will be worse, so, yes, good luck.';
    const story = [1, 2, 3].map(() => `<p>${thai}</p>`).join('');
    const notes = [1, 2, 3, 4, 5, 6].map(() => `<div class="note"><p>${english}</p></div>`).join('');
    const page = `<html lang="th"><body><div class="wrap"><div class="story">${story}</div></div><div class="wrap2"><div class="reader-notes">${notes}</div></div></body></html>`;
    const draft = await extract(new TextEncoder().encode(page));
    // Readability's comma scoring alone picks the English notes and drops every Thai paragraph.
    expect(draft.blocks.filter((block) => block.text === thai)).toHaveLength(3);
  });
});

describe('extractHtml: block filters', () => {
  const paragraph = (n: number): string =>
    `<p>Paragraph ${n} of the report describes how the provincial archive catalogues its holdings, which series it keeps, and how readers can request copies of the files.</p>`;
  const page = `<html lang="en"><head><title>Archive report</title><meta name="author" content="Jane Doe"></head><body><article>
    <h1>Archive report</h1>
    <p>By Jane Doe</p>
    <p>Nov. 20, 2019 6:02 AM EST</p>
    ${paragraph(1)}
    <p>Photo: Somchai Rattanakorn, AP</p>
    <p>Photo: Somchai Rattanakorn, AP</p>
    <p>In 2019.</p>
    ${paragraph(2)}
    <p>Iklan</p>
    <p>Advertisement</p>
    <table><tr><th>Year</th></tr><tr><td>2019</td></tr></table>
    <ul><li>2018 – founded</li></ul>
    <p>Follow us on Twitter for more updates.</p>
    ${paragraph(3)}
  </article></body></html>`;

  it('drops bylines, date lines, ads and social prompts; types credits as captions once; keeps data', async () => {
    const draft = await extract(new TextEncoder().encode(page));
    expect(draft.blocks.map((block) => [block.type, block.text.slice(0, 24)])).toEqual([
      ['paragraph', 'Paragraph 1 of the repor'],
      ['caption', 'Photo: Somchai Rattanako'],
      ['paragraph', 'In 2019.'],
      ['paragraph', 'Paragraph 2 of the repor'],
      ['table', 'Year\n2019'],
      ['list-item', '2018 – founded'],
      ['paragraph', 'Paragraph 3 of the repor'],
    ]);
    expect(draft.metadata.author).toBe('Jane Doe');
  });
});

describe('extractHtml: tables', () => {
  it('keeps a word-processor data table (paragraphs in cells) as a table, and reads a layout table as its content', async () => {
    const intro = '<p>The provincial budget for smart city projects was split between three programmes, as the table below shows, and the split will be reviewed in the next fiscal year by the committee.</p>';
    const data = '<table><tr><td><p>Programme</p></td><td><p>Budget (million baht)</p></td></tr><tr><td><p>Smart Environment</p></td><td><p>120</p></td></tr><tr><td><p>Smart Economy</p></td><td><p>85</p></td></tr></table>';
    const page = `<html lang="en"><body><table><tr><td><h1>Budget</h1>${intro}${data}${intro}</td></tr></table></body></html>`;
    const draft = await extract(new TextEncoder().encode(page));
    const tables = draft.blocks.filter((block) => block.type === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toEqual([['Programme', 'Budget (million baht)'], ['Smart Environment', '120'], ['Smart Economy', '85']]);
    expect(draft.blocks.filter((block) => block.type === 'paragraph')).toHaveLength(2);
  });
});
