// Block filters: what survives the container cleaning but is still not article text
// (boilerplate lines, bylines, date lines, link lists), captions a page lost its <figcaption>
// for, and the article's own copies of the title, standfirst and author line.
import type { HtmlBlock } from './blocks.ts';
import {
  AGENCY_CREDIT,
  AGENCY_CREDIT_MAX_CHARS,
  BARE_URL,
  BOILERPLATE_TEXT,
  BOILERPLATE_TEXT_MAX_CHARS,
  BYLINE_MAX_CHARS,
  BYLINE_TEXT,
  CAPTION_LINE,
  DATE_LINE_MAX_CHARS,
  DATE_LINE_MAX_WORDS,
  DATE_LINE_WORDS,
  DATE_LINE_YEAR,
  LEADING_SEPARATORS,
  LINK_DENSE_BLOCK_MAX_CHARS,
  LINK_DENSITY_ANY_LENGTH_MAX,
  LINK_DENSITY_MAX,
  NO_LETTER_BLOCK_MAX_CHARS,
  PHOTO_CREDIT,
  PHOTO_CREDIT_MAX_CHARS,
  TITLE_HEADING_SEARCH_BLOCKS,
} from './rules.ts';

/** A short line that is a date and time and nothing else (words that are not month or day
 * names, time-zone abbreviations or linking words stay few). */
function isDateLine(text: string): boolean {
  if (text.length > DATE_LINE_MAX_CHARS || !DATE_LINE_YEAR.test(text)) return false;
  const words = text.match(/[\p{L}.]+/gu)?.map((word) => word.replace(/\.+$/, '')).filter(Boolean) ?? [];
  const dateWords = words.filter((word) => DATE_LINE_WORDS.test(word) || /-feira$/i.test(word));
  // A year alone ("In 2019") is not a date line: a month or day name, a time or a numeric date must be there too.
  const looksDated = dateWords.length > 0 || /\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/.test(text);
  return looksDated && words.length - dateWords.length <= 2 && words.length <= DATE_LINE_MAX_WORDS;
}

function isBoilerplateBlock(block: HtmlBlock): boolean {
  if (block.type === 'table' || block.type === 'code') return false; // data and code are never furniture
  const text = block.text.replace(LEADING_SEPARATORS, '').trim();
  if (BARE_URL.test(text)) return true;
  if (text.length <= BOILERPLATE_TEXT_MAX_CHARS && BOILERPLATE_TEXT.some((pattern) => pattern.test(text))) return true;
  if (text.length <= BYLINE_MAX_CHARS && block.type !== 'heading' && BYLINE_TEXT.some((pattern) => pattern.test(text))) return true;
  if (text.length <= NO_LETTER_BLOCK_MAX_CHARS && !/\p{L}/u.test(text)) return true;
  if (block.type === 'paragraph' && isDateLine(text)) return true;
  const linkDensity = text.length > 0 ? block.linkChars / text.length : 0;
  if (linkDensity > LINK_DENSITY_ANY_LENGTH_MAX) return true;
  return linkDensity > LINK_DENSITY_MAX && text.length <= LINK_DENSE_BLOCK_MAX_CHARS;
}

/** A paragraph that ends in a photo credit is the caption of a picture the page lost its
 * <figcaption> for. */
function retypeCaption(block: HtmlBlock): HtmlBlock {
  if ((block.type !== 'paragraph' && block.type !== 'list-item') || block.text.length > PHOTO_CREDIT_MAX_CHARS) return block;
  const isCaption =
    PHOTO_CREDIT.test(block.text) ||
    CAPTION_LINE.test(block.text) ||
    (block.text.length <= AGENCY_CREDIT_MAX_CHARS && AGENCY_CREDIT.test(block.text));
  return isCaption ? { ...block, type: 'caption' } : block;
}

/** A caption that repeats the block before it word for word is a rendering duplicate (drawn
 * once per screen size). Other repeats stay: a refrain or a repeated table row is text. */
function withoutRepeats(blocks: HtmlBlock[]): HtmlBlock[] {
  return blocks.filter((block, i) => i === 0 || block.type !== 'caption' || block.text !== blocks[i - 1]!.text);
}

/** Drops boilerplate blocks, retypes credit lines as captions, drops repeated captions. */
export function filterBlocks(blocks: readonly HtmlBlock[]): HtmlBlock[] {
  return withoutRepeats(blocks.filter((block) => !isBoilerplateBlock(block)).map(retypeCaption));
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The article's own copy of the page title: the title is the draft's title, not body text. */
export function dropTitleHeading(blocks: HtmlBlock[], title: string | null): HtmlBlock[] {
  if (!title) return blocks;
  const wanted = comparable(title);
  const index = blocks
    .slice(0, TITLE_HEADING_SEARCH_BLOCKS)
    .findIndex((block) => block.type === 'heading' && comparable(block.text).length > 0 && wanted.includes(comparable(block.text)));
  return index < 0 ? blocks : blocks.filter((_, i) => i !== index);
}

/** A heading at the top that repeats the page's description is its standfirst, which the
 * metadata already holds. */
export function dropStandfirstHeading(blocks: HtmlBlock[], description: string | null): HtmlBlock[] {
  if (!description) return blocks;
  const wanted = comparable(description);
  const index = blocks
    .slice(0, TITLE_HEADING_SEARCH_BLOCKS)
    .findIndex((block) => block.type === 'heading' && comparable(block.text) === wanted);
  return index < 0 ? blocks : blocks.filter((_, i) => i !== index);
}

/** A short block that only names the author is a byline: the author is in the metadata. */
export function dropAuthorLine(blocks: HtmlBlock[], author: string | null): HtmlBlock[] {
  if (!author) return blocks;
  const wanted = comparable(author);
  return blocks.filter((block) => block.type === 'heading' || comparable(block.text) !== wanted);
}

