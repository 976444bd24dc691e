// samut's public surface. Everything else is internal and may change between versions.
export { build, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './runner/build.ts';
export type { BuildEvent, BuildOptions, BuildResult, Manifest, Summary } from './runner/build.ts';
export { extractOne } from './runner/extract-one.ts';
export type { ExtractOneOptions } from './runner/extract-one.ts';
export { Document, SCHEMA_VERSION, documentJsonSchema } from './model/document.ts';
export type { Block, Entity, Edit, Warning } from './model/document.ts';
export { ERROR_CODES, DocumentError } from './model/errors.ts';
export type { ErrorCode, Failure } from './model/errors.ts';
