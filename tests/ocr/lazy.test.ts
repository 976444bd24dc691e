import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractImage } from '../../pipeline/extract/image/index.ts';
import { createLazyOcr } from '../../pipeline/ocr/lazy.ts';

const bytes = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../fixtures/scans/en-memo.jpg')));
const source = { uri: 'file:///en-memo.jpg', mediaType: 'image/jpeg', sha256: '0'.repeat(64), bytes: bytes.length };

describe('createLazyOcr', () => {
  it('starts no engine until a document needs OCR, then one engine for every document', async () => {
    const ocr = createLazyOcr({ workers: 1 });
    const options = { ocr: 'auto' as const, ocrLanguages: 'tha+eng' };
    const draft = await extractImage({ source, kind: 'image', bytes, options });
    try {
      expect(await ocr.run(draft, bytes, { ...options, ocr: 'never' })).toBe(draft);
      expect(ocr.started).toBe(false);
      const [first, second] = await Promise.all([ocr.run(draft, bytes, options), ocr.run(draft, bytes, options)]);
      expect(ocr.started).toBe(true);
      expect(first!.blocks.map((block) => block.text)).toEqual(second!.blocks.map((block) => block.text));
      expect(first!.blocks[0]!.text).toMatch(/^Ministry of Interior/);
    } finally {
      await ocr.close();
    }
    expect(ocr.started).toBe(false);
  });
});
