// Real PDFs nobody on samut made (tests/fixtures/pdf-dev, 25 files from pdfminer.six's and
// py-pdf's test suites, see PROVENANCE.md): each one extracts, or fails with a DocumentError
// that has a code. Nothing else may escape (a TypeError from a layout rule, a pdf.js rejection).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../pipeline/model/index.ts';
import { extractFixturePdf } from '../helpers/pdf.ts';

const DIR = new URL('../fixtures/pdf-dev/', import.meta.url);
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.pdf')).sort();
/** Per file: whether it gave a block of more than 20 characters (filled by the per-file tests). */
const read = new Map<string, boolean>();

describe('real PDFs from public test suites (pdf-dev)', () => {
  it('has the 25 vendored files', () => {
    expect(FILES).toHaveLength(25);
  });

  it.each(FILES)('%s extracts, or fails with a clean code', async (name) => {
    try {
      const draft = await extractFixturePdf(`pdf-dev/${name}`);
      read.set(name, draft.blocks.some((b) => b.text.length > 20));
      expect(draft.pages?.length).toBe(draft.metadata.pageCount);
      for (const block of draft.blocks) {
        expect(block.page).toBeGreaterThanOrEqual(1);
        expect(block.page).toBeLessThanOrEqual(draft.pages!.length);
        expect(typeof block.text).toBe('string');
      }
    } catch (error) {
      read.set(name, false);
      expect(error).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).code).toMatch(/^[a-z]+(?:-[a-z]+)+$/u);
    }
  });

  it('finds text in most of them (they were chosen because pdftotext does)', () => {
    expect(read.size).toBe(FILES.length);
    expect([...read.values()].filter(Boolean).length).toBeGreaterThanOrEqual(23);
  });
});
