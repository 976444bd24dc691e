// Plain text → blocks. Paragraphs are separated by blank lines, or, in text extracted from
// PDFs, by an indented first line; list items by their markers.
import { emptyDraft, type Draft, type DraftBlock } from '../../model/draft.ts';
import { DocumentError } from '../../model/errors.ts';
import type { ExtractStage } from '../../model/stages.ts';
import { decodeText } from './decode.ts';
import { collapseSpaces, joinLines } from '../../shared/lines.ts';

const LIST_MARKER = /^\s*(?:[-*•●▪◦‣]|\(?[0-9๐-๙]{1,3}[.)]|[a-zA-Z][.)])\s+/u;
/** PDF-extracted Thai text starts a paragraph with an indent: a first-line indent of this many
 * spaces or more begins a new paragraph even without a blank line. */
const PARAGRAPH_INDENT = 1;
const INDENTED_SHARE_MAX = 0.5;

function isListItem(line: string): boolean {
  return LIST_MARKER.test(line);
}

export function textToBlocks(text: string): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let lines: string[] = [];
  let type: DraftBlock['type'] = 'paragraph';
  let label: string | undefined;
  const flush = () => {
    const joined = collapseSpaces(joinLines(lines)).trim();
    if (joined !== '') blocks.push({ type, page: null, text: joined, origin: 'text', ...(label ? { label } : {}) });
    lines = [];
    type = 'paragraph';
    label = undefined;
  };
  const nonEmpty = text.split('\n').filter((line) => line.trim() !== '');
  const indented = nonEmpty.filter((line) => /^[ \t\u00A0]/u.test(line));
  // Indentation means "new paragraph" only where most lines are flush left (PDF-style text).
  const indentStartsParagraph = indented.length > 0 && indented.length <= nonEmpty.length * INDENTED_SHARE_MAX;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/u, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (isListItem(line)) {
      flush();
      type = 'list-item';
      label = LIST_MARKER.exec(line)?.[0].trim();
      lines.push(line.replace(LIST_MARKER, ''));
      continue;
    }
    const indent = /^[ \t\u00A0]*/u.exec(line)?.[0].length ?? 0;
    if (indentStartsParagraph && indent >= PARAGRAPH_INDENT && lines.length > 0 && type === 'paragraph') flush();
    lines.push(line);
  }
  flush();
  return blocks;
}

export const extractText: ExtractStage = async (input) => {
  const decoded = decodeText(input.bytes);
  const text = decoded.text.replace(/\r\n?/gu, '\n');
  if (text.trim() === '') throw new DocumentError('input-empty', 'the text file holds only white space');
  const draft: Draft = emptyDraft(input.source, 'text');
  draft.metadata.encoding = decoded.charset;
  draft.blocks = textToBlocks(text);
  return draft;
};
