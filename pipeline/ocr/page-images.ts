// Page images for OCR, made one page at a time so that a 300-page scan never sits in memory
// whole: image files (PNG and JPEG go to tesseract as they are; a TIFF page is decoded and
// re-encoded as PNG) and PDF pages rendered by pdf.js on @napi-rs/canvas.
import { crc32 } from 'node:zlib';
import UTIF from 'utif2';
import { DocumentError } from '../model/index.ts';
import { loadPdfJs, PDFJS_ASSETS } from '../shared/pdfjs.ts';

/** @napi-rs/canvas (a native Skia binding, ~0.3 s to load) is loaded with the first image made:
 * the main thread imports this module with the OCR stage, and a build without scans never needs it. */
const canvasModule = () => import('@napi-rs/canvas');

/** The resolution tesseract's LSTM models read best (its training text is 300 dpi-like). */
export const OCR_DPI = 300;
/** Most pixels a rendered or decoded page may have; a larger page is rendered at a lower dpi. */
const MAX_OCR_PAGE_PIXELS = 40_000_000;
/** Lowest resolution a scanned page is rendered at, however coarse its scan. */
const MIN_OCR_DPI = 150;
/** Pages smaller than this (in pixels, either side) are not worth OCR: an icon, a blank strip. */
const MIN_OCR_SIDE = 16;

type ImageKind = 'png' | 'jpeg' | 'tiff';

export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d)) return 'tiff';
  return null;
}

/** A PNG of RGBA pixels, with a pHYs chunk so tesseract knows the resolution (no guessing). */
async function encodePng(width: number, height: number, rgba: Uint8ClampedArray | Uint8Array, dpi?: number) {
  const { createCanvas } = await canvasModule();
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const image = context.createImageData(width, height);
  image.data.set(rgba);
  context.putImageData(image, 0, 0);
  const png = new Uint8Array(await canvas.encode('png'));
  return dpi ? withResolution(png, dpi) : png;
}

const INCHES_PER_METRE = 39.3701;

/** Inserts a pHYs chunk (pixels per metre) right after IHDR. */
function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  const ihdrEnd = 8 + 12 + 13;
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  const perMetre = Math.round(dpi * INCHES_PER_METRE);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}

function checkPixels(width: number, height: number, page: number): void {
  if (width * height > MAX_OCR_PAGE_PIXELS) {
    throw new DocumentError('image-too-large', `page ${page} is ${width}×${height} pixels, more than the OCR cap of ${MAX_OCR_PAGE_PIXELS}`, { page });
  }
}

/** Width and height from a PNG's IHDR or a JPEG's frame header (null when not found). */
export function imageSize(bytes: Uint8Array, kind: 'png' | 'jpeg'): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') return bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  let offset = 2;
  while (offset + 9 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return null;
}

/** A PNG or JPEG as it is when it fits the OCR pixel cap; scaled down to fit, as PNG, when not.
 * (The bytes reach here only after extract checked the container: Skia's decoder is safe on
 * whole files, not on truncated ones.) */
export async function fitImage(bytes: Uint8Array, kind: 'png' | 'jpeg', maxPixels = MAX_OCR_PAGE_PIXELS): Promise<Uint8Array> {
  const size = imageSize(bytes, kind);
  if (!size) throw new DocumentError('image-corrupt', `the ${kind.toUpperCase()} has no readable size`);
  const pixels = size.width * size.height;
  if (pixels <= maxPixels) return bytes;
  const scale = Math.sqrt(maxPixels / pixels);
  const { createCanvas, loadImage } = await canvasModule();
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const width = Math.floor(size.width * scale);
  const height = Math.floor(size.height * scale);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(image, 0, 0, width, height);
  const png = new Uint8Array(await canvas.encode('png'));
  canvas.width = 0;
  canvas.height = 0;
  return png;
}

/** UTIF reads past the end of a cut-off file as zeros; a page whose strips leave the file is corrupt. */
function checkStrips(ifd: UTIF.IFD, fileLength: number, page: number): void {
  const offsets = (ifd['t273'] ?? ifd['t324']) as number[] | undefined;
  const counts = (ifd['t279'] ?? ifd['t325']) as number[] | undefined;
  const inside = offsets?.every((offset, i) => offset + (counts?.[i] ?? Infinity) <= fileLength);
  if (!inside) throw new DocumentError('image-corrupt', `TIFF page ${page} is cut off: its image data runs past the end of the file`, { page });
}

/** Gives the image of each page of an image file on demand; page numbers are 1-based. */
export interface PageSource {
  pageCount: number;
  /** null: a page too small to hold text. */
  pageImage(page: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

function imagePageSource(bytes: Uint8Array): PageSource {
  const kind = sniffImage(bytes);
  if (!kind) throw new DocumentError('image-corrupt', 'not a PNG, JPEG or TIFF image (unknown signature)');
  if (kind !== 'tiff') {
    return { pageCount: 1, pageImage: async () => fitImage(bytes, kind), close: async () => undefined };
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer).filter((ifd) => Array.isArray(ifd['t256']) && Array.isArray(ifd['t257']));
  } catch (error) {
    throw new DocumentError('image-corrupt', 'TIFF is truncated or corrupt: its directories cannot be read', { cause: error });
  }
  return {
    pageCount: ifds.length,
    async pageImage(page) {
      const ifd = ifds[page - 1];
      if (!ifd) throw new RangeError(`TIFF page ${page} does not exist (it has ${ifds.length})`);
      const width = (ifd['t256'] as number[])[0]!;
      const height = (ifd['t257'] as number[])[0]!;
      checkPixels(width, height, page);
      checkStrips(ifd, bytes.length, page);
      if (width < MIN_OCR_SIDE || height < MIN_OCR_SIDE) return null;
      let rgba: Uint8Array;
      try {
        UTIF.decodeImage(buffer, ifd);
        rgba = UTIF.toRGBA8(ifd);
      } catch (error) {
        throw new DocumentError('image-corrupt', `TIFF page ${page} cannot be decoded: ${String(error)}`, { cause: error, page });
      }
      // Let the decoded strip go with this page, not with the document.
      (ifd as { data?: Uint8Array }).data = new Uint8Array(0);
      const resolution = ifd['t282'] as number[][] | undefined;
      const dpi = resolution?.[0]?.[1] ? resolution[0][0]! / resolution[0][1] : undefined;
      return encodePng(width, height, rgba, dpi);
    },
    close: async () => undefined,
  };
}

/** Share of the page width a scan image must span (in pixels at its own dpi) to count as the page. */
const FULL_PAGE_SCAN_SHARE = 0.8;

interface OperatorListPage {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

/** The dpi of the page's scan, when the page is one image spanning it (a scanner's page). Throws
 * image-too-large when pdf.js left out an image over the pixel cap (a tag samut's pdf.js patch
 * puts in the operator list): the page would render blank. */
async function scanResolution(page: OperatorListPage, pageNumber: number, pageWidthPt: number, ops: { paintImage: number; beginMarkedContent: number }): Promise<number | null> {
  const paintImage = ops.paintImage;
  const list = await page.getOperatorList();
  list.fnArray.forEach((fn, i) => {
    const tag = fn === ops.beginMarkedContent ? (list.argsArray[i] as unknown[] | undefined)?.[0] : undefined;
    if (typeof tag === 'string' && tag.startsWith('samut-image-removed ')) {
      const size = tag.slice('samut-image-removed '.length);
      throw new DocumentError('image-too-large', `page ${pageNumber} holds a ${size}-pixel image, more than the OCR cap of ${MAX_OCR_PAGE_PIXELS}`, { page: pageNumber });
    }
  });
  const widths: number[] = [];
  list.fnArray.forEach((fn, i) => {
    if (fn !== paintImage) return;
    const args = list.argsArray[i] as [string, number, number] | undefined;
    if (args && typeof args[1] === 'number') widths.push(args[1]);
  });
  if (widths.length !== 1) return null;
  const dpi = widths[0]! / (pageWidthPt / 72);
  // A small image (a logo) says nothing about the page: its dpi would come out tiny.
  return dpi >= MIN_OCR_DPI * FULL_PAGE_SCAN_SHARE ? Math.round(dpi) : null;
}


async function pdfPageSource(bytes: Uint8Array, dpi: number = OCR_DPI): Promise<PageSource> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...PDFJS_ASSETS,
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
    // An image is decoded whole before it is drawn, at any page scale: a 20000×20000 image in a
    // 389 KB PDF took 6 GB. Past the OCR page cap it is not decoded (the page fails with a warning).
    maxImageSize: MAX_OCR_PAGE_PIXELS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new DocumentError('pdf-encrypted', 'the PDF is password protected', { cause: error });
    throw new DocumentError('pdf-corrupt', `the PDF cannot be opened for OCR: ${String(error)}`, { cause: error });
  }
  return {
    pageCount: document.numPages,
    async pageImage(pageNumber) {
      const page = await document.getPage(pageNumber);
      try {
        const base = page.getViewport({ scale: 1 });
        // A scanned page is rendered at its scan's own resolution when that is lower than the
        // target: upscaling a 150 dpi scan turns its dust into letter-sized blots that tesseract reads.
        const native = await scanResolution(page, pageNumber, base.width, { paintImage: pdfjs.OPS.paintImageXObject, beginMarkedContent: pdfjs.OPS.beginMarkedContent });
        const pageDpi = native ? Math.max(MIN_OCR_DPI, Math.min(dpi, native)) : dpi;
        let scale = pageDpi / 72;
        const pixels = base.width * base.height * scale * scale;
        // An oversized page is rendered smaller rather than refused: its text is still wanted.
        if (pixels > MAX_OCR_PAGE_PIXELS) scale *= Math.sqrt(MAX_OCR_PAGE_PIXELS / pixels);
        const viewport = page.getViewport({ scale });
        const width = Math.ceil(viewport.width);
        const height = Math.ceil(viewport.height);
        if (width < MIN_OCR_SIDE || height < MIN_OCR_SIDE) return null;
        const { createCanvas } = await canvasModule();
        const canvas = createCanvas(width, height);
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
        const png = new Uint8Array(await canvas.encode('png'));
        // Free the pixels now rather than at the next GC: this is what keeps memory flat.
        canvas.width = 0;
        canvas.height = 0;
        return withResolution(png, Math.round(scale * 72));
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await document.destroy();
    },
  };
}

/** Opens the page images of a document: by default in the calling thread; the runner passes one
 * that renders in its capped worker threads, so that pdf.js and the image decoders never parse
 * a document on the main thread. */
export type PageOpener = (kind: 'image' | 'pdf', bytes: Uint8Array, dpi: number) => Promise<PageSource>;

export const openPagesHere: PageOpener = async (kind, bytes, dpi) => (kind === 'image' ? imagePageSource(bytes) : pdfPageSource(bytes, dpi));
