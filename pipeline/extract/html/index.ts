// extract (HTML): bytes of a saved page or a fetched URL → a draft of the article alone.
import { parseHTML } from 'linkedom';
import { emptyDraft, type Draft, type DraftBlock } from '../../model/draft.ts';
import { DocumentError } from '../../model/errors.ts';
import type { ExtractStage } from '../../model/stages.ts';
import { DOCUMENT, warning } from '../../model/warnings.ts';
import type { HtmlBlock } from './blocks.ts';
import { mainContent } from './content.ts';
import { decodeHtml } from './decode.ts';
import { dropAuthorLine, dropStandfirstHeading, dropTitleHeading } from './filters.ts';
import { languageMismatch } from './language.ts';
import { readMetadata } from './metadata.ts';

export { languageMismatch };

function toDraftBlocks(blocks: readonly HtmlBlock[]): DraftBlock[] {
  return blocks.map(({ linkChars: _linkChars, ...block }) => ({ ...block, page: null, origin: 'html' }));
}

export const extractHtml: ExtractStage = async (input, signal) => {
  signal?.throwIfAborted();
  const decoded = decodeHtml(input.bytes, input.declaredCharset);
  if (decoded.text.trim().length === 0) throw new DocumentError('html-empty', 'the page has no bytes of text');

  const { document } = parseHTML(decoded.text);
  const metadata = readMetadata(document, input.finalUrl ?? (/^https?:/i.test(input.source.uri) ? input.source.uri : undefined));
  signal?.throwIfAborted();
  const content = mainContent(decoded.text, document); // after readMetadata: this rewrites the tree
  if (content.blocks.length === 0) throw new DocumentError('html-empty', 'no readable text was found in the page');

  const draft: Draft = emptyDraft(input.source, 'html');
  draft.title = metadata.title;
  const article = dropStandfirstHeading(dropTitleHeading(content.blocks, metadata.title), metadata.description);
  draft.blocks = toDraftBlocks(dropAuthorLine(article, metadata.author));
  draft.metadata = {
    author: metadata.author,
    description: metadata.description,
    published: metadata.published,
    modified: metadata.modified,
    siteName: metadata.siteName,
    canonicalUrl: metadata.canonicalUrl,
    declaredLanguage: metadata.declaredLanguage,
    encoding: decoded.encoding,
  };
  draft.warnings.push(...decoded.warnings);
  const mismatch = languageMismatch(metadata.declaredLanguage, draft.blocks.map((block) => block.text));
  if (mismatch) draft.warnings.push(mismatch);
  if (content.method === 'page') {
    draft.warnings.push(warning('html-no-article', 'no article container was found; the whole page less its furniture was kept', DOCUMENT));
  }
  return draft;
};
