// Bad input: each a DocumentError with its own code, so the build records it and goes on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../pipeline/model/index.ts';
import type { ErrorCode } from '../../pipeline/model/index.ts';
import { extractPdf } from '../../pipeline/extract/pdf/index.ts';

function input(name: string) {
  const url = new URL(`../fixtures/pdf/${name}`, import.meta.url);
  const bytes = new Uint8Array(readFileSync(url));
  return {
    source: { uri: url.href, mediaType: 'application/pdf', sha256: '0'.repeat(64), bytes: bytes.length },
    kind: 'pdf' as const,
    bytes,
    options: { ocr: 'auto' as const, ocrLanguages: 'tha+eng' },
  };
}

async function codeOf(name: string): Promise<ErrorCode | 'no error'> {
  try {
    await extractPdf(input(name));
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return (error as DocumentError).code;
  }
}

describe('extractPdf on bad input', () => {
  it.each([
    ['bad-encrypted.pdf', 'pdf-encrypted'],
    ['bad-truncated.pdf', 'pdf-corrupt'],
    ['bad-not-a-pdf.pdf', 'pdf-corrupt'],
    ['bad-zero-pages.pdf', 'pdf-no-pages'],
    ['bad-page-size.pdf', 'pdf-page-size'],
    ['bad-empty.pdf', 'input-empty'],
  ])('%s → %s', async (name, code) => {
    expect(await codeOf(name)).toBe(code);
  });

  it('stops when the signal aborts, with the signal\'s reason', async () => {
    const before = new AbortController();
    before.abort(new DocumentError('timeout', 'too slow'));
    await expect(extractPdf(input('thai-report.pdf'), before.signal)).rejects.toMatchObject({ code: 'timeout' });

    const during = new AbortController();
    const run = extractPdf(input('thai-report.pdf'), during.signal);
    queueMicrotask(() => during.abort(new DocumentError('timeout', 'too slow')));
    await expect(run).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reads a good file after bad ones (no state left behind)', async () => {
    expect(await codeOf('bad-encrypted.pdf')).toBe('pdf-encrypted');
    const draft = await extractPdf(input('two-column.pdf'));
    expect(draft.blocks.length).toBeGreaterThan(5);
  });
});
