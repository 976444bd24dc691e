// Block boxes (`bbox`) from the PDF text layer and from OCR: what the review page outlines.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../pipeline/model/document.ts';
import { extractOne } from '../../pipeline/index.ts';
import { GAZETTE } from './helpers.ts';

const SCAN = fileURLToPath(new URL('../../sources/scan-th-decree.png', import.meta.url));

async function extract(input: string): Promise<Document> {
  const result = await extractOne(input);
  if ('failure' in result) throw new Error(result.failure.message);
  return result.document;
}

function expectSaneBox(block: Block): void {
  const box = block.bbox!;
  expect(box, block.id).toBeDefined();
  expect(box.x0).toBeLessThan(box.x1);
  expect(box.y0).toBeLessThan(box.y1);
  for (const value of [box.x0, box.y0, box.x1, box.y1]) expect(value >= 0 && value <= 1).toBe(true);
}

describe('block boxes', () => {
  it('gives every text-layer block of the Royal Gazette a box, top to bottom in reading order, centred titles centred', async () => {
    const document = await extract(GAZETTE);
    for (const block of document.blocks) expectSaneBox(block);
    const page1 = document.blocks.filter((block) => block.page === 1);
    for (let i = 1; i < page1.length; i++) expect(page1[i]!.bbox!.y0).toBeGreaterThan(page1[i - 1]!.bbox!.y0);
    const title = page1[0]!;
    expect(title.text).toBe('พระราชกฤษฎีกา');
    expect(Math.abs((title.bbox!.x0 + title.bbox!.x1) / 2 - 0.5)).toBeLessThan(0.05);
    // Boxes of blocks on one page do not overlap (each outline points at one block).
    for (let i = 1; i < page1.length; i++) expect(page1[i]!.bbox!.y0).toBeGreaterThanOrEqual(page1[i - 1]!.bbox!.y1 - 0.01);
  });

  it('gives OCR blocks of a scanned image their box on the image', async () => {
    const document = await extract(SCAN);
    expect(document.blocks.length).toBeGreaterThan(1);
    for (const block of document.blocks) {
      expect(block.origin).toBe('ocr');
      expectSaneBox(block);
    }
    // The heading stands above the paragraph under it.
    expect(document.blocks[0]!.bbox!.y1).toBeLessThanOrEqual(document.blocks[1]!.bbox!.y0 + 0.01);
  });
});
