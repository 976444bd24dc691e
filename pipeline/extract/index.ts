// extract: one entry that sends the bytes to the extractor for their kind. Each extractor is
// loaded with the first document of its kind: a worker thread that only ever sees PDFs does not
// pay for a DOM and an HTML reader (linkedom, Readability) or a Markdown parser at start-up.
import type { Draft } from '../model/draft.ts';
import type { ExtractInput, ExtractStage } from '../model/stages.ts';

const LOADERS: Record<ExtractInput['kind'], () => Promise<ExtractStage>> = {
  text: async () => (await import('./text/index.ts')).extractText,
  markdown: async () => (await import('./markdown/index.ts')).extractMarkdown,
  html: async () => (await import('./html/index.ts')).extractHtml,
  pdf: async () => (await import('./pdf/index.ts')).extractPdf,
  image: async () => (await import('./image/index.ts')).extractImage,
};

const loaded = new Map<ExtractInput['kind'], Promise<ExtractStage>>();

export async function extractDocument(input: ExtractInput, signal?: AbortSignal): Promise<Draft> {
  let extractor = loaded.get(input.kind);
  if (!extractor) {
    extractor = LOADERS[input.kind]();
    loaded.set(input.kind, extractor);
    // A module that failed to load is tried again with the next document of its kind.
    extractor.catch(() => loaded.delete(input.kind));
  }
  return (await extractor)(input, signal);
}
