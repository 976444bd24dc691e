// Two error channels, as in unified/vfile: a problem that spoils one document is a
// DocumentError (the runner records it as that document's failure and the build goes on);
// a problem a document survives is a Warning on the draft. Misuse of the API throws
// TypeError at once.

/** Stable failure codes: downstream tools and the manifest key on them. Add, never rename. */
/** Every failure code, with what it means. Codes are stable: new ones may be added, none renamed or removed. */
export const ERROR_CODES = {
  'input-not-found': 'the input path does not exist or cannot be read',
  'input-unreadable': 'the input file or folder exists but may not be read (permissions)',
  'input-outside': 'the input lies outside the folder or sources list that named it (a symbolic link or ../ path; --allow-outside permits it)',
  'input-empty': 'the input has no bytes',
  'input-too-large': 'the input is larger than the configured size cap',
  'input-binary': 'the input is binary data of a kind samut does not read',
  'input-undecodable': 'the text could not be decoded in any supported character set',
  'input-unsupported': 'the input kind is recognised but not supported',
  'pdf-encrypted': 'the PDF is password protected',
  'pdf-corrupt': 'the PDF is truncated or corrupt',
  'pdf-no-pages': 'the PDF has no pages',
  'pdf-page-size': 'the PDF declares an absurd page size',
  'image-corrupt': 'the image is truncated or corrupt',
  'image-too-large': 'the image has more pixels than the configured cap',
  'ocr-failed': 'OCR failed on the document',
  'fetch-http': 'the server answered with an HTTP error',
  'fetch-network': 'the URL could not be reached',
  'fetch-timeout': 'the URL did not answer in time',
  'fetch-too-large': 'the response is larger than the size cap',
  'fetch-redirects': 'too many redirects',
  'html-empty': 'the page has no readable content',
  timeout: 'the document took longer than the per-document timeout',
  'memory-limit': 'the document needed more memory than a worker thread may use (--thread-memory)',
  'output-write': 'the document was made but its file could not be written to the output folder',
  'schema-invalid': 'the emitted document failed schema validation',
  'worker-lost': 'the queue worker running the document died (killed, or out of memory) each time it was tried, up to the stall limit',
  'queue-job-invalid': 'a queued job is malformed (not a job this samut made): the worker refused it',
  'queue-version-mismatch': 'the queue worker runs another samut pipeline than the coordinator (upgrade the fleet to one version)',
  'source-changed': 'a source a queue worker read by reference does not have the sha256 the coordinator queued (it changed, or the storage differs)',
  internal: 'an unexpected error in a stage (a bug: please report it)',
} as const;

/** A failure code (a key of {@link ERROR_CODES}). */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A document that cannot be read: its error `code`, and the `page` when one page is to blame. */
export class DocumentError extends Error {
  readonly code: ErrorCode;
  readonly page: number | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; page?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DocumentError';
    this.code = code;
    this.page = options?.page;
  }
}

/** Serializable form of a failure, as the manifest records it. */
export interface Failure {
  code: ErrorCode;
  message: string;
  stage: string;
  page?: number;
}

export function toFailure(error: unknown, stage: string): Failure {
  if (error instanceof DocumentError) {
    return { code: error.code, message: error.message, stage, ...(error.page ? { page: error.page } : {}) };
  }
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return { code: 'memory-limit', message: `${stage}: the worker thread ran out of memory`, stage };
  }
  // V8 and Node refuse an allocation past their own limits with a RangeError: memory, not a bug.
  if (error instanceof RangeError && /Invalid string length|Array buffer allocation failed|Invalid typed array length|ERR_BUFFER_TOO_LARGE|Cannot create a string longer/u.test(`${error.message} ${String((error as { code?: unknown }).code)}`)) {
    return { code: 'memory-limit', message: `${stage}: ${error.message}`, stage };
  }
  // Errors cloned back from a worker thread lose their class but keep own properties.
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code in ERROR_CODES) {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : String(error.code);
    return { code: error.code as ErrorCode, message, stage };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `${stage}: ${message}`, stage };
}
