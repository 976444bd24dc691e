// Reads what an image is before anything decodes its pixels: format, page sizes, and whether the
// container is whole. Decoders (Skia's, Leptonica's) accept truncated files silently or even
// crash on them, so the checks here are structural: PNG chunks and their CRCs, JPEG markers up
// to the end-of-image, TIFF strips inside the file.
import { crc32 } from 'node:zlib';
import UTIF from 'utif2';
import { DocumentError } from '../../model/index.ts';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

interface ImagePageSize {
  width: number;
  height: number;
}

export interface ImageInfo {
  format: ImageFormat;
  mediaType: string;
  pages: ImagePageSize[];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MEDIA_TYPES: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff' };

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const ii = bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00;
  const mm = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a;
  return ii || mm ? 'tiff' : null;
}

const corrupt = (format: ImageFormat, why: string) =>
  new DocumentError('image-corrupt', `${format.toUpperCase()} is truncated or corrupt: ${why}`);

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function inspectPng(bytes: Uint8Array): ImagePageSize[] {
  const data = view(bytes);
  let offset = PNG_SIGNATURE.length;
  let size: ImagePageSize | null = null;
  let sawData = false;
  while (offset + 12 <= bytes.length) {
    const length = data.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) throw corrupt('png', `chunk ${type} runs past the end of the file`);
    const stored = data.getUint32(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== stored) throw corrupt('png', `chunk ${type} fails its CRC`);
    if (type === 'IHDR') size = { width: data.getUint32(offset + 8), height: data.getUint32(offset + 12) };
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!size || !sawData) throw corrupt('png', 'no IHDR or no image data');
      return [size];
    }
    offset = end;
  }
  throw corrupt('png', 'no IEND chunk');
}

/** JPEG start-of-frame markers (SOF0..SOF15 less DHT, JPG, DAC) carry the image size. */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const JPEG_SOS = 0xda;
const JPEG_EOI = 0xd9;
/** Bytes some writers leave after the end-of-image marker. */
const JPEG_TRAILER_SLACK = 4096;

function inspectJpeg(bytes: Uint8Array): ImagePageSize[] {
  const data = view(bytes);
  let offset = 2;
  let size: ImagePageSize | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw corrupt('jpeg', `no marker at byte ${offset}`);
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = data.getUint16(offset + 2);
    if (offset + 2 + length > bytes.length) throw corrupt('jpeg', 'a segment runs past the end of the file');
    if (JPEG_SOF.has(marker) && length >= 7) size = { height: data.getUint16(offset + 5), width: data.getUint16(offset + 7) };
    if (marker === JPEG_SOS) {
      if (!size || size.width === 0 || size.height === 0) throw corrupt('jpeg', 'no frame size before the scan');
      // Entropy-coded data follows; a whole file ends with EOI (allowing some trailing bytes).
      const tailStart = Math.max(offset, bytes.length - JPEG_TRAILER_SLACK);
      for (let i = bytes.length - 2; i >= tailStart; i--) {
        if (bytes[i] === 0xff && bytes[i + 1] === JPEG_EOI) return [size];
      }
      throw corrupt('jpeg', 'no end-of-image marker');
    }
    offset += 2 + length;
  }
  throw corrupt('jpeg', 'no image scan');
}

function tagNumber(ifd: UTIF.IFD, tag: string): number[] | undefined {
  const value = ifd[tag];
  return Array.isArray(value) ? (value as number[]) : undefined;
}

/** The image directories of a TIFF (one per page), with strips and tiles checked against the file. */
export function tiffPages(bytes: Uint8Array): UTIF.IFD[] {
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new DocumentError('image-corrupt', 'TIFF is truncated or corrupt: its directories cannot be read', { cause: error });
  }
  const pages = ifds.filter((ifd) => tagNumber(ifd, 't256') && tagNumber(ifd, 't257'));
  for (const ifd of pages) {
    const offsets = tagNumber(ifd, 't273') ?? tagNumber(ifd, 't324');
    const counts = tagNumber(ifd, 't279') ?? tagNumber(ifd, 't325');
    if (!offsets || !counts || offsets.length !== counts.length) throw corrupt('tiff', 'a page has no strip table');
    offsets.forEach((start, i) => {
      if (start + (counts[i] ?? 0) > bytes.length) throw corrupt('tiff', 'a strip runs past the end of the file');
    });
  }
  if (pages.length === 0) throw corrupt('tiff', 'no page with an image');
  return pages;
}

function inspectTiff(bytes: Uint8Array): ImagePageSize[] {
  return tiffPages(bytes).map((ifd) => ({ width: tagNumber(ifd, 't256')![0]!, height: tagNumber(ifd, 't257')![0]! }));
}

/** Format, media type and page sizes; DocumentError('image-corrupt') when the container is broken. */
export function inspectImage(bytes: Uint8Array): ImageInfo {
  const format = sniffImageFormat(bytes);
  if (!format) throw new DocumentError('image-corrupt', 'not a PNG, JPEG or TIFF image (unknown signature)');
  const pages = format === 'png' ? inspectPng(bytes) : format === 'jpeg' ? inspectJpeg(bytes) : inspectTiff(bytes);
  return { format, mediaType: MEDIA_TYPES[format], pages };
}
