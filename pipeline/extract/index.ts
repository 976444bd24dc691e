// extract: one entry that sends the bytes to the extractor for their kind.
import type { Draft } from '../model/draft.ts';
import { DocumentError } from '../model/errors.ts';
import type { ExtractInput, ExtractStage } from '../model/stages.ts';
import { extractMarkdown } from './markdown/index.ts';
import { extractText } from './text/index.ts';

const EXTRACTORS: Partial<Record<ExtractInput['kind'], ExtractStage>> = {
  text: extractText,
  markdown: extractMarkdown,
};

export async function extractDocument(input: ExtractInput, signal?: AbortSignal): Promise<Draft> {
  const extractor = EXTRACTORS[input.kind];
  if (!extractor) throw new DocumentError('input-unsupported', `no extractor for ${input.kind} documents yet`);
  return extractor(input, signal);
}
