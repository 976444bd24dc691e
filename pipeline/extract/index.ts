// extract: one entry that sends the bytes to the extractor for their kind.
import type { Draft } from '../model/draft.ts';
import type { ExtractInput, ExtractStage } from '../model/stages.ts';
import { extractHtml } from './html/index.ts';
import { extractImage } from './image/index.ts';
import { extractMarkdown } from './markdown/index.ts';
import { extractPdf } from './pdf/index.ts';
import { extractText } from './text/index.ts';

const EXTRACTORS: Record<ExtractInput['kind'], ExtractStage> = {
  text: extractText,
  markdown: extractMarkdown,
  html: extractHtml,
  pdf: extractPdf,
  image: extractImage,
};

export async function extractDocument(input: ExtractInput, signal?: AbortSignal): Promise<Draft> {
  return EXTRACTORS[input.kind](input, signal);
}
