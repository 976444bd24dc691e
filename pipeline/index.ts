/**
 * samut's public surface: what `import … from 'samut'` gives. Everything else is internal and
 * may change between versions; the document's shape is governed by its `schemaVersion` (see
 * the README's compatibility policy and `samut/schema/v1`).
 * @packageDocumentation
 */
export { build, extract, SCHEMA_VERSIONS } from './api.ts';
export type { BuildDocument, BuildOptions, BuildRun, ExtractBytes, ExtractInput, ExtractOptions, ExtractResult, SamutDocument, SchemaVersion } from './api.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './runner/build.ts';
export type { BuildEvent, BuildResult, Manifest, Summary } from './runner/build.ts';
export type { Entry as ManifestEntry, DocumentStatus } from './runner/store.ts';
/** @deprecated use {@link extract}, which also takes URLs and bytes; kept for the command line. */
export { extractOne } from './runner/extract-one.ts';
export type { ExtractOneOptions } from './runner/extract-one.ts';
export { Document, Document as documentSchema, SCHEMA_VERSION, documentJsonSchema } from './model/document.ts';
export type { Block, Entity, Edit, Warning } from './model/document.ts';
export { ERROR_CODES, DocumentError } from './model/errors.ts';
export type { ErrorCode, Failure } from './model/errors.ts';
export type { OcrMode } from './model/stages.ts';
export { offsetConverter, toCodePointOffset, toUtf8Offset } from './model/offsets.ts';
export type { OffsetConverter } from './model/offsets.ts';
