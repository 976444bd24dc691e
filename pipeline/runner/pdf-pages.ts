// PDF pages rendered for OCR in the stage pool's worker threads, not in the thread that runs the
// build: pdf.js (its polyfills, source patches and loader hook) never loads in the caller's
// thread. The main thread holds the OCR engine and asks for one page image at a time; a worker
// keeps the PDF it last opened, so a scan's pages are not parsed again for each page.
import { randomUUID } from 'node:crypto';
import { DocumentError, type ErrorCode, type Failure } from '../model/errors.ts';
import type { PageSource } from '../ocr/page-images.ts';

export interface PdfPageRequest {
  /** Which opening of which document: a worker reuses an open PDF only for the same key. */
  key: string;
  /** The PDF, in shared memory: handed to each worker without a copy. */
  bytes: Uint8Array;
  /** 1-based page to render; 0 asks only for the page count. */
  page: number;
  dpi: number;
}

export type PdfPageReply = { pageCount: number; image: Uint8Array | null } | { failure: Failure };

/** The pool's side: a PageSource whose pages are rendered by `render` (a pool task). */
export async function pooledPdfPages(render: (request: PdfPageRequest) => Promise<PdfPageReply>, bytes: Uint8Array, dpi: number): Promise<PageSource> {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  const key = randomUUID();
  const ask = async (page: number) => {
    const reply = await render({ key, bytes: shared, page, dpi });
    if ('failure' in reply) {
      const { code, message, page: failedPage } = reply.failure;
      throw new DocumentError(code as ErrorCode, message, failedPage === undefined ? {} : { page: failedPage });
    }
    return reply;
  };
  const { pageCount } = await ask(0);
  return {
    pageCount,
    pageImage: async (page) => (await ask(page)).image,
    // Workers close their open PDF by themselves once it is idle (they cannot be addressed one by one).
    close: async () => undefined,
  };
}
