import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../pipeline/detect/index.ts';
import { DocumentError } from '../../pipeline/model/errors.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function failureCode(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof DocumentError ? error.code : 'not a DocumentError';
  }
  return undefined;
}

describe('detectKind', () => {
  it('recognises PDFs by their header, even after leading junk and with a wrong extension', () => {
    expect(detectKind(bytes('%PDF-1.7\n...'), { name: 'report.txt' })).toEqual({ kind: 'pdf', mediaType: 'application/pdf' });
    expect(detectKind(bytes(`\n\n  %PDF-1.4\n`)).kind).toBe('pdf');
  });

  it('recognises images by magic bytes', () => {
    expect(detectKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).mediaType).toBe('image/png');
    expect(detectKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).mediaType).toBe('image/jpeg');
    expect(detectKind(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])).mediaType).toBe('image/tiff');
  });

  it('tells HTML, Markdown and text apart by content first', () => {
    expect(detectKind(bytes('<!DOCTYPE html><html><body>x</body></html>'), { name: 'page.txt' }).kind).toBe('html');
    expect(detectKind(bytes('# Title\n\n- one\n- two\n'), { name: 'notes' }).kind).toBe('markdown');
    expect(detectKind(bytes('# not a heading in a .txt\n- still text\n'), { name: 'notes.txt' }).kind).toBe('text');
    expect(detectKind(bytes('plain words'), { name: 'a.md' }).kind).toBe('markdown');
    expect(detectKind(bytes('ภาษาไทย ธรรมดา')).kind).toBe('text');
  });

  it('reads the real seed files as their kinds', () => {
    expect(detectKind(readFileSync('sources/md-uk-thailand-smart-cities.md'), { name: 'sources/md-uk-thailand-smart-cities.md' }).kind).toBe('markdown');
    expect(detectKind(readFileSync('sources/text-th-legacy-tis620.txt'), { name: 'x.txt' }).kind).toBe('text');
  });

  it('fails empty, binary and unsupported inputs with codes', () => {
    expect(failureCode(() => detectKind(new Uint8Array()))).toBe('input-empty');
    expect(failureCode(() => detectKind(new Uint8Array([1, 2, 3, 0, 5, 6, 200, 201])))).toBe('input-binary');
    expect(failureCode(() => detectKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toBe('input-unsupported');
  });

  it('accepts UTF-16 text with a BOM despite its zero bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('สวัสดี hello', 'utf16le')]);
    expect(detectKind(utf16).kind).toBe('text');
  });
});
