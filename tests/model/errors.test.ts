import { describe, expect, it } from 'vitest';
import { DocumentError, ERROR_CODES, toFailure } from '../../pipeline/model/errors.ts';

describe('toFailure', () => {
  it('keeps the code of a DocumentError, and of one cloned back from a worker thread', () => {
    expect(toFailure(new DocumentError('pdf-encrypted', 'needs a password', { page: 2 }), 'extract')).toEqual({ code: 'pdf-encrypted', message: 'needs a password', stage: 'extract', page: 2 });
    const cloned = Object.assign(new Error('the PDF has no pages'), { code: 'pdf-no-pages' });
    expect(toFailure(cloned, 'extract')).toEqual({ code: 'pdf-no-pages', message: 'the PDF has no pages', stage: 'extract' });
  });

  it('names a worker that ran out of memory, and calls anything else internal', () => {
    const oom = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(toFailure(oom, 'extract').code).toBe('memory-limit');
    expect(toFailure(new RangeError('boom'), 'tag')).toEqual({ code: 'internal', message: 'tag: boom', stage: 'tag' });
    expect(toFailure(Object.assign(new Error('x'), { code: 'ENOENT' }), 'read').code).toBe('internal');
  });

  it('describes every code', () => {
    for (const [code, text] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/u);
      expect(text.length).toBeGreaterThan(10);
    }
  });
});
