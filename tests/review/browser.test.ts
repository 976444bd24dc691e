// The review page in a real browser: Debian's Chromium driven by playwright-core (no browser
// download: `executablePath`). The Royal Gazette is built into a temp folder, reviewed, rebuilt.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document } from '../../pipeline/model/document.ts';
import type { Manifest } from '../../pipeline/runner/build.ts';
import { readDecisions } from '../../pipeline/review/decisions.ts';
import { evidenceNote } from '../../review/rules.ts';
import { startReviewServer, type ReviewServer } from '../../review/server.ts';
import { buildReviewCorpus, type ReviewCorpus } from './helpers.ts';

/** Debian's chromium (installed by .ci/run); CHROMIUM overrides the path. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let corpus: ReviewCorpus;
let server: ReviewServer;
let browser: Browser;
let page: Page;
let gazetteId: string;
let textId: string;
const failedRequests: string[] = [];

beforeAll(async () => {
  corpus = await buildReviewCorpus();
  const manifest = JSON.parse(readFileSync(path.join(corpus.out, 'manifest.json'), 'utf8')) as Manifest;
  gazetteId = manifest.documents.find((entry) => entry.uri.endsWith('.pdf'))!.id!;
  textId = manifest.documents.find((entry) => entry.uri.endsWith('.txt'))!.id!;
  server = await startReviewServer({ out: corpus.out, cwd: corpus.dir });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  // Offline: any request that leaves this server fails the test below.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : (failedRequests.push(route.request().url()), route.abort())));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function gazette(): Document {
  return Document.parse(JSON.parse(readFileSync(path.join(corpus.out, 'docs', `${gazetteId}.json`), 'utf8')));
}

describe('samut review in Chromium', () => {
  it('lists the corpus, filters it, and opens the Royal Gazette', async () => {
    await page.goto(server.url);
    await expect(page.locator('table.corpus tbody tr').count()).resolves.toBe(2);
    await page.selectOption('select[name="rule"]', 'sara-am-space');
    await page.waitForURL((url) => url.searchParams.get('rule') === 'sara-am-space');
    await expect(page.locator('table.corpus tbody tr').count()).resolves.toBe(1);
    await page.fill('input[name="q"]', 'ค่ า');
    await page.selectOption('select[name="rule"]', '');
    await page.waitForURL((url) => url.searchParams.get('q') === 'ค่ า' && url.searchParams.get('rule') === '');
    await expect(page.locator('table.corpus tbody tr').getAttribute('data-id')).resolves.toBe(textId);
    await page.goto(server.url);
    await page.click(`a[href="/doc/${gazetteId}"]`);
    await page.waitForURL(new RegExp(`/doc/${gazetteId}$`, 'u'));
    await expect(page.locator('h1').textContent()).resolves.toBe('พระราชกฤษฎีกา');
  });

  it('draws the page with as many block outlines as the page has blocks, linked both ways', async () => {
    await page.waitForSelector('#viewer[data-shown="1"] canvas');
    const blocksOnPage = gazette().blocks.filter((block) => block.page === 1).length;
    expect(blocksOnPage).toBeGreaterThan(5);
    await expect(page.locator('#page-outlines .outline').count()).resolves.toBe(blocksOnPage);
    // The canvas has been drawn on (not blank).
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector('#viewer canvas') as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128 && pixels[i + 3]! > 0) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(1000);
    // Page → text: clicking an outline selects its block.
    await page.click('#page-outlines .outline[data-block="b4"]');
    await expect(page.locator('section.block.current').getAttribute('id')).resolves.toBe('b4');
    // Text → page: clicking a block on page 2 turns to page 2 and outlines it.
    const onPage2 = gazette().blocks.find((block) => block.page === 2)!;
    await page.click(`section#${onPage2.id} .block-meta`);
    await page.waitForSelector(`#viewer[data-shown="2"] .outline.current[data-block="${onPage2.id}"]`);
    await expect(page.locator('#page-outlines .outline').count()).resolves.toBe(gazette().blocks.filter((block) => block.page === 2).length);
  });

  it('shows a sara am repair with its before and after, rejects it, and the rebuild keeps the rejected text', async () => {
    const built = gazette();
    const block = built.blocks.find((candidate) => candidate.edits?.some((edit) => edit.rule === 'sara-am-space'))!;
    const edit = block.edits!.find((candidate) => candidate.rule === 'sara-am-space')!;
    const mark = page.locator(`section#${block.id} mark.rep[data-rule="sara-am-space"]`).first();
    // The highlight holds the repaired ำ with the letter it sits on.
    const lead = block.text.slice(edit.offset - 1, edit.offset);
    await expect(mark.textContent()).resolves.toBe(`${lead}ำ`);
    await expect(mark.getAttribute('data-before')).resolves.toBe(' า');
    await expect(mark.getAttribute('data-after')).resolves.toBe('ำ');
    await mark.focus();
    await expect(page.locator('#inspector').textContent()).resolves.toContain('repair: sara-am-space');
    await expect(page.locator('#inspector .change').textContent()).resolves.toBe(`${lead} า → ${lead}ำ`);
    // The evidence that decided this place: the gazette's zero-width nikhahit glyph.
    expect(edit.evidence).toBe('glyph');
    await expect(page.locator('#inspector').textContent()).resolves.toContain(`evidence: ${evidenceNote('glyph')}`);
    await page.keyboard.press('r');
    await page.waitForSelector('#inspector .status-line.saved');
    await expect(mark.getAttribute('data-decided')).resolves.toBe('reject');
    const decisions = await readDecisions(corpus.out);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ doc: gazetteId, decision: 'reject', place: { kind: 'repair', block: block.id, rule: 'sara-am-space', before: ' า' } });

    const result = await corpus.rebuild();
    expect(result.manifest.review).toMatchObject({ decisions: 1, applied: 1, unresolved: [] });
    const rebuilt = gazette();
    const rebuiltBlock = rebuilt.blocks.find((candidate) => candidate.id === block.id)!;
    expect(rebuiltBlock.text.slice(edit.offset, edit.offset + 2)).toBe(' า');
    await page.reload();
    const rejected = page.locator(`section#${block.id} mark.rep-rejected`).first();
    await expect(rejected.textContent()).resolves.toBe(' า');
    await expect(rejected.getAttribute('data-before')).resolves.toBe(' า');
    await expect(rejected.getAttribute('data-rule')).resolves.toBe('review (rejected sara-am-space)');
    await expect(rejected.getAttribute('data-decided')).resolves.toBe('reject');
  });

  it('shows markup in a document as text and runs none of it', async () => {
    await page.goto(`${server.url}doc/${textId}`);
    const text = await page.locator('#text-pane').textContent();
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('#text-pane img, #text-pane script').count()).resolves.toBe(0);
  });

  it('chooses the reading at an ambiguous place with the keyboard alone', async () => {
    await page.goto(`${server.url}doc/${textId}`);
    await page.keyboard.press('j');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('amb');
    await expect(page.locator('#inspector').textContent()).resolves.toContain('ค่ำ (2)');
    await page.keyboard.press('2');
    await page.waitForSelector('#inspector .status-line.saved');
    const decisions = await readDecisions(corpus.out);
    expect(decisions.at(-1)).toMatchObject({ doc: textId, decision: 'reading', value: 'ค่ำ', place: { kind: 'ambiguous', text: 'ค่ า' } });
  });

  it('shows an entity with its type, id and both names, and changes its id', async () => {
    await page.goto(`${server.url}doc/${gazetteId}`);
    const country = page.locator('.ent-country[data-place]').first();
    await country.focus();
    await expect(country.getAttribute('data-id')).resolves.toBe('TH');
    const inspector = await page.locator('#inspector').textContent();
    expect(inspector).toContain('country · TH');
    expect(inspector).toContain('ประเทศไทย / Thailand');
    await page.fill('#inspector input[aria-label^="new id"]', 'TH-TEST');
    await page.fill('#inspector input[aria-label^="English name"]', 'Test Land');
    await page.click('#inspector button:has-text("change id")');
    await page.waitForSelector('#inspector .status-line.saved');
    expect((await readDecisions(corpus.out)).at(-1)).toMatchObject({ doc: gazetteId, decision: 'set-id', value: 'TH-TEST', name: { en: 'Test Land' }, place: { kind: 'entity', type: 'country' } });
  });

  it('fetched nothing from outside samut', () => {
    expect(failedRequests).toEqual([]);
  });
});
