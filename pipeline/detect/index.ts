// detect: what kind of document the bytes are, from their content (magic bytes, then
// sniffing); the file name and a server's Content-Type are only tie-breakers between text
// kinds, never trusted over the bytes.
import type { SourceKind } from '../model/draft.ts';
import { DocumentError } from '../model/errors.ts';

export interface DetectHint {
  /** File name or URL path, for its extension. */
  name?: string | undefined;
  /** A server's Content-Type, without parameters. */
  contentType?: string | undefined;
}

export interface Detected {
  kind: SourceKind;
  mediaType: string;
}

/** How far into a file the PDF header may sit (the PDF spec allows leading junk; readers accept 1 KiB). */
const PDF_HEADER_WINDOW = 1024;
/** How many bytes text sniffing reads. */
const SNIFF_WINDOW = 4096;
/** Share of control bytes above which a file is binary, not text. */
const BINARY_CONTROL_SHARE = 0.02;

const MAGIC: { bytes: number[]; kind: SourceKind; mediaType: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'image', mediaType: 'image/png' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'image', mediaType: 'image/jpeg' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], kind: 'image', mediaType: 'image/tiff' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], kind: 'image', mediaType: 'image/tiff' },
];

/** Binary formats that are recognised, so the error can say what they are. */
const KNOWN_BINARY: { bytes: number[]; name: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or DOCX/XLSX/EPUB)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'a RIFF file (WebP, WAV or AVI)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Microsoft Office file' },
  { bytes: [0x1f, 0x8b], name: 'gzip-compressed data' },
  { bytes: [0x42, 0x4d], name: 'a BMP image' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((value, i) => bytes[i] === value);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, Math.min(bytes.length, PDF_HEADER_WINDOW));
  return Buffer.from(window.buffer, window.byteOffset, window.byteLength).includes('%PDF-');
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const window = bytes.subarray(0, Math.min(bytes.length, SNIFF_WINDOW));
  let control = 0;
  for (const byte of window) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control / Math.max(window.length, 1) > BINARY_CONTROL_SHARE;
}

function extensionOf(name: string | undefined): string {
  if (!name) return '';
  const clean = name.split(/[?#]/u)[0] ?? '';
  const match = /\.([A-Za-z0-9]+)$/u.exec(clean);
  return match?.[1]?.toLowerCase() ?? '';
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)/iu;
const MARKDOWN_SIGNS = [/^#{1,6}\s+\S/mu, /^\s{0,3}(?:[-*+]|\d+[.)])\s+\S/mu, /\[[^\]\n]+\]\([^)\s]*\)/u, /^```/mu, /^\|.*\|\s*$/mu];

/** Text kinds are told apart on an ASCII-compatible view of the start of the file. */
function sniffText(bytes: Uint8Array, hint: DetectHint): Detected {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_WINDOW)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/u, '');
  const view = hasUtf16Bom(bytes) ? new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(0, SNIFF_WINDOW)) : head;
  const extension = extensionOf(hint.name);
  if (HTML_START.test(view) || hint.contentType === 'text/html' || hint.contentType === 'application/xhtml+xml') {
    return { kind: 'html', mediaType: 'text/html' };
  }
  if (['html', 'htm', 'xhtml'].includes(extension) && /<[a-z!][^>]*>/iu.test(view)) return { kind: 'html', mediaType: 'text/html' };
  if (['md', 'markdown', 'mdown', 'mkd'].includes(extension) || hint.contentType === 'text/markdown') {
    return { kind: 'markdown', mediaType: 'text/markdown' };
  }
  // A .txt file stays text; an extension-less file with two kinds of Markdown syntax is Markdown.
  if (extension !== 'txt' && MARKDOWN_SIGNS.filter((sign) => sign.test(view)).length >= 2) {
    return { kind: 'markdown', mediaType: 'text/markdown' };
  }
  return { kind: 'text', mediaType: 'text/plain' };
}

export function detectKind(bytes: Uint8Array, hint: DetectHint = {}): Detected {
  if (bytes.length === 0) throw new DocumentError('input-empty', 'the input is empty (0 bytes)');
  if (hasPdfHeader(bytes)) return { kind: 'pdf', mediaType: 'application/pdf' };
  for (const magic of MAGIC) if (startsWith(bytes, magic.bytes)) return { kind: magic.kind, mediaType: magic.mediaType };
  for (const known of KNOWN_BINARY) {
    if (startsWith(bytes, known.bytes)) {
      throw new DocumentError('input-unsupported', `the input is ${known.name}, which samut does not read`);
    }
  }
  if (looksBinary(bytes)) throw new DocumentError('input-binary', 'the input is binary data, not a document samut reads');
  return sniffText(bytes, hint);
}
