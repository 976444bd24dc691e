// The diagnostics catalogue: every code the pipeline emits is in it, every code in it is
// emitted somewhere, the README's table is the catalogue's, and a document that lost a page
// is `partial`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../pipeline/model/draft.ts';
import { ERROR_CODES } from '../../pipeline/model/errors.ts';
import { DOCUMENT, losesPage, warning, WARNING_CODES, WARNINGS } from '../../pipeline/model/warnings.ts';
import { finish } from '../../pipeline/runner/worker.ts';
import { withWarningTable } from '../../scripts/docs/warning-table.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const pipelineCode = sources(path.join(ROOT, 'pipeline'))
  .filter((file) => !file.endsWith(path.join('model', 'warnings.ts')))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('diagnostics catalogue', () => {
  it('lists every code once, each used by the pipeline', () => {
    expect(new Set(WARNING_CODES).size).toBe(WARNING_CODES.length);
    for (const code of WARNING_CODES) expect(pipelineCode, code).toContain(`'${code}'`);
  });

  it('leaves no warning built by hand: stages go through warning()', () => {
    // An object literal with a code and a message is a warning made outside the helper, unless
    // its code is a failure code (a document's or an input's failure record). Repair's rule
    // passes are the exception: they note block-local RepairWarnings, which repair/index.ts
    // turns into document warnings through warning().
    for (const file of sources(path.join(ROOT, 'pipeline'))) {
      const code = readFileSync(file, 'utf8');
      if (code.includes('RepairState')) continue;
      for (const literal of code.matchAll(/code: ['`]([a-z]+-[a-z-]+)['`],\s*message:/gu)) {
        expect(Object.keys(ERROR_CODES), `${file}: ${literal[0]}`).toContain(literal[1]);
      }
    }
  });

  it('is the README table', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(withWarningTable(readme)).toBe(readme);
  });

  it('sets the stage from the catalogue and the place given', () => {
    expect(warning('thai-ambiguous', 'm', { page: 3, offset: 7 })).toEqual({ code: 'thai-ambiguous', message: 'm', page: 3, offset: 7, stage: 'repair' });
    expect(warning('html-no-article', 'm', DOCUMENT)).toEqual({ code: 'html-no-article', message: 'm', stage: 'extract' });
    expect(warning('ocr-no-text', 'm', { page: null })).toEqual({ code: 'ocr-no-text', message: 'm', stage: 'ocr' });
  });

  it('names page-unreadable and page-ocr-failed as the codes that make a document partial', () => {
    expect(WARNING_CODES.filter((code) => losesPage(code))).toEqual(['page-unreadable', 'page-ocr-failed']);
    expect(WARNINGS['page-unreadable'].stage).toBe('extract');
    expect(WARNINGS['page-ocr-failed'].stage).toBe('ocr');
  });
});

describe('partial documents', () => {
  const source = { uri: 'memory:x', mediaType: 'application/pdf', sha256: 'a'.repeat(64), bytes: 1 };

  it('a document that lost a page is written and marked partial; one that did not is not', async () => {
    const lost = emptyDraft(source, 'pdf');
    lost.blocks.push({ type: 'paragraph', page: 1, text: 'page one' });
    lost.warnings.push(warning('page-unreadable', 'page 2: broken content stream', { page: 2 }));
    const kept = emptyDraft(source, 'pdf');
    kept.blocks.push({ type: 'paragraph', page: 1, text: 'page one' });
    kept.warnings.push(warning('pdf-orphan-marks', '1 mark dropped', { page: 1 }));
    const partial = await finish(lost);
    const whole = await finish(kept);
    if ('failure' in partial || 'failure' in whole) throw new Error('finish failed');
    expect(partial.summary.partial).toBe(true);
    expect(JSON.parse(partial.json).warnings).toEqual([{ code: 'page-unreadable', message: 'page 2: broken content stream', page: 2, stage: 'extract' }]);
    expect(whole.summary.partial).toBe(false);
  });
});
