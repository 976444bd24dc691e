// extract (HTML): bytes of a saved page or a fetched URL → a draft of the article alone.
import { parseHTML } from 'linkedom';
import type { Warning } from '../../model/document.ts';
import { emptyDraft, type Draft, type DraftBlock } from '../../model/draft.ts';
import { DocumentError } from '../../model/errors.ts';
import type { ExtractStage } from '../../model/stages.ts';
import type { HtmlBlock } from './blocks.ts';
import { mainContent } from './content.ts';
import { decodeHtml } from './decode.ts';
import { readMetadata } from './metadata.ts';
import { LANGUAGE_CHECK_MIN_LETTERS, LANGUAGE_CHECK_MIN_SHARE, LATIN_LETTERS, THAI_LETTERS } from './rules.ts';

const STAGE = 'extract-html';

/** Scripts the language check knows: a declared "th" must be backed by Thai letters, a
 * declared Latin-script language by Latin letters. Other languages are not checked. */
const LATIN_SCRIPT_LANGUAGES = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'id', 'ms', 'vi', 'sv', 'da', 'no', 'nb', 'fi', 'pl', 'cs', 'tr']);

export function languageMismatch(declared: string | null | undefined, texts: readonly string[]): Warning | null {
  if (!declared) return null;
  const primary = declared.toLowerCase().split(/[-_]/)[0] ?? '';
  let thai = 0;
  let latin = 0;
  for (const text of texts) {
    thai += text.match(THAI_LETTERS)?.length ?? 0;
    latin += text.match(LATIN_LETTERS)?.length ?? 0;
  }
  const total = thai + latin;
  if (total < LANGUAGE_CHECK_MIN_LETTERS) return null;
  const share = primary === 'th' ? thai / total : LATIN_SCRIPT_LANGUAGES.has(primary) ? latin / total : null;
  if (share === null || share >= LANGUAGE_CHECK_MIN_SHARE) return null;
  const found = thai > latin ? 'Thai' : 'Latin-script';
  return {
    code: 'html-language-mismatch',
    message: `the page declares lang="${declared}", but its text is mostly ${found} (${Math.round((1 - share) * 100)}% of letters)`,
    stage: STAGE,
  };
}

/** How far into the article a heading that repeats the title is looked for. */
const TITLE_HEADING_SEARCH_BLOCKS = 3;

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The article's own copy of the page title: the title is the draft's title, not body text. */
function dropTitleHeading(blocks: HtmlBlock[], title: string | null): HtmlBlock[] {
  if (!title) return blocks;
  const wanted = comparable(title);
  const index = blocks
    .slice(0, TITLE_HEADING_SEARCH_BLOCKS)
    .findIndex((block) => block.type === 'heading' && comparable(block.text).length > 0 && wanted.includes(comparable(block.text)));
  return index < 0 ? blocks : blocks.filter((_, i) => i !== index);
}

/** A heading at the top that repeats the page's description is its standfirst, which the
 * metadata already holds. */
function dropStandfirstHeading(blocks: HtmlBlock[], description: string | null): HtmlBlock[] {
  if (!description) return blocks;
  const wanted = comparable(description);
  const index = blocks
    .slice(0, TITLE_HEADING_SEARCH_BLOCKS)
    .findIndex((block) => block.type === 'heading' && comparable(block.text) === wanted);
  return index < 0 ? blocks : blocks.filter((_, i) => i !== index);
}

/** A short block that only names the author is a byline: the author is in the metadata. */
function dropAuthorLine(blocks: HtmlBlock[], author: string | null): HtmlBlock[] {
  if (!author) return blocks;
  const wanted = comparable(author);
  return blocks.filter((block) => block.type === 'heading' || comparable(block.text) !== wanted);
}

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
    draft.warnings.push({
      code: 'html-no-article',
      message: 'no article container was found; the whole page less its furniture was kept',
      stage: STAGE,
    });
  }
  return draft;
};
