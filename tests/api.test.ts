import { expect, it } from 'vitest';

it('pins the public surface of the library', async () => {
  const api = await import('../pipeline/index.ts');
  expect(Object.keys(api).sort()).toEqual([
    'DEFAULT_MAX_BYTES',
    'DEFAULT_TIMEOUT_MS',
    'Document',
    'DocumentError',
    'ERROR_CODES',
    'SCHEMA_VERSION',
    'SCHEMA_VERSIONS',
    'build',
    'documentJsonSchema',
    'documentSchema',
    'extract',
    'extractOne',
    'offsetConverter',
    'toCodePointOffset',
    'toUtf8Offset',
  ]);
});
