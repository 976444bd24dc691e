// Reading a committed PDF fixture with extractPdf, as the PDF tests do.
import { readFileSync } from 'node:fs';
import type { Draft, OcrMode } from '../../pipeline/model/index.ts';
import { extractPdf } from '../../pipeline/extract/pdf/index.ts';

/** extractPdf's input for a file under tests/fixtures (path relative to that folder). */
export function fixturePdfInput(path: string, ocr: OcrMode = 'auto') {
  const url = new URL(`../fixtures/${path}`, import.meta.url);
  const bytes = new Uint8Array(readFileSync(url));
  return {
    source: { uri: url.href, mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length },
    kind: 'pdf' as const,
    bytes,
    options: { ocr, ocrLanguages: 'tha+eng' },
  };
}

export function extractFixturePdf(path: string, ocr: OcrMode = 'auto'): Promise<Draft> {
  return extractPdf(fixturePdfInput(path, ocr));
}
