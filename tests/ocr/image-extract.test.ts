import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractImage, MAX_IMAGE_PIXELS } from '../../pipeline/extract/image/index.ts';
import { DocumentError, type ExtractInput } from '../../pipeline/model/index.ts';
import { fitImage, imageSize } from '../../pipeline/ocr/page-images.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/scans');
const read = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

function input(bytes: Uint8Array, ocr: 'auto' | 'never' = 'auto'): ExtractInput {
  return {
    source: { uri: 'file:///scan', mediaType: 'application/octet-stream', sha256: '0'.repeat(64), bytes: bytes.length },
    kind: 'image',
    bytes,
    options: { ocr, ocrLanguages: 'tha+eng' },
  };
}

async function failure(bytes: Uint8Array): Promise<DocumentError> {
  const error = await extractImage(input(bytes)).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A well-formed PNG that claims width × height pixels (its data is one tiny deflate stream). */
function pngClaiming(width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', new Uint8Array(deflateSync(new Uint8Array(16)))),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  return new Uint8Array(Buffer.concat(parts));
}

describe('extractImage', () => {
  it('reads a PNG, a JPEG and a two-page TIFF as pages to OCR', async () => {
    for (const [name, pages] of [
      ['th-decree.png', 1],
      ['en-memo.jpg', 1],
      ['report-2page.tif', 2],
    ] as const) {
      const draft = await extractImage(input(read(name)));
      expect(draft.kind).toBe('image');
      expect(draft.metadata.pageCount).toBe(pages);
      expect(draft.pages).toEqual(Array.from({ length: pages }, (_, i) => ({ page: i + 1, chars: 0, needsOcr: 'no-text' })));
      expect(draft.blocks).toEqual([]);
      expect(draft.warnings).toEqual([]);
    }
  });

  it('warns that an image will have no text when OCR is off', async () => {
    const draft = await extractImage(input(read('en-memo.jpg'), 'never'));
    expect(draft.warnings.map((warning) => warning.code)).toEqual(['ocr-disabled']);
  });

  it('refuses a zero-byte file', async () => {
    expect((await failure(new Uint8Array(0))).code).toBe('input-empty');
  });

  it('refuses truncated PNG, JPEG and TIFF files', async () => {
    for (const name of ['th-decree.png', 'en-memo.jpg', 'report-2page.tif']) {
      const bytes = read(name);
      for (const keep of [0.5, 0.95]) {
        const error = await failure(bytes.subarray(0, Math.floor(bytes.length * keep)));
        expect(error.code, `${name} cut to ${keep}`).toBe('image-corrupt');
      }
    }
  });

  it('refuses a PNG whose data was damaged (CRC)', async () => {
    const bytes = read('th-decree.png').slice();
    bytes[200] = bytes[200]! ^ 0xff;
    expect((await failure(bytes)).message).toMatch(/CRC/);
  });

  it('refuses bytes that are no image at all', async () => {
    expect((await failure(new TextEncoder().encode('not an image, just text'))).code).toBe('image-corrupt');
  });

  it('caps the pixel count before decoding anything', async () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    const error = await failure(pngClaiming(side, side));
    expect(error.code).toBe('image-too-large');
    expect(error.page).toBe(1);
    // The same header with a sane size passes.
    const draft = await extractImage(input(pngClaiming(100, 100)));
    expect(draft.metadata.pageCount).toBe(1);
  });
});

describe('page images for OCR', () => {
  it('passes an image under the OCR pixel cap through untouched and scales a larger one down', async () => {
    const jpeg = read('en-memo.jpg');
    expect(imageSize(jpeg, 'jpeg')).toEqual({ width: 853, height: 468 });
    expect(imageSize(read('th-decree.png'), 'png')).toEqual({ width: 874, height: 844 });
    expect(await fitImage(jpeg, 'jpeg')).toBe(jpeg);
    const fitted = await fitImage(jpeg, 'jpeg', 100_000);
    const size = imageSize(fitted, 'png')!;
    expect(size.width * size.height).toBeLessThanOrEqual(100_000);
    expect(size.width / size.height).toBeCloseTo(853 / 468, 1);
  });
});
