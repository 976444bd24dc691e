// Markdown → blocks, parsed by remark (+ GFM for tables and footnotes): the mdast tree is
// walked once; inline content flattens to its visible text (links keep their text).
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { emptyDraft, type DraftBlock } from '../../model/draft.ts';
import type { FootnoteRef } from '../../model/document.ts';
import { DocumentError } from '../../model/errors.ts';
import type { ExtractStage } from '../../model/stages.ts';
import { decodeText } from '../text/decode.ts';
import { collapseSpaces, joinLines } from '../../shared/lines.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

interface Inline {
  text: string;
  refs: FootnoteRef[];
}

/** Flattens phrasing content; soft line breaks join as in plain text (no space between Thai letters). */
function inlineText(nodes: readonly (PhrasingContent | Nodes)[]): Inline {
  const refs: FootnoteRef[] = [];
  let raw = '';
  const walk = (node: PhrasingContent | Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        raw += node.value;
        return;
      case 'break':
        raw += '\n';
        return;
      case 'image':
        raw += node.alt ?? '';
        return;
      case 'html':
        raw += node.value.replace(/<[^>]*>/gu, '');
        return;
      case 'footnoteReference':
        refs.push({ label: node.label ?? node.identifier, offset: raw.length, note: null });
        return;
      default:
        if ('children' in node) for (const child of (node as Parent).children) walk(child);
    }
  };
  for (const node of nodes) walk(node);
  if (refs.length === 0) return { text: collapseSpaces(joinLines(raw.split('\n'))).trim(), refs };
  // Reference offsets must survive line joining: join the pieces between marks separately.
  let text = '';
  let cursor = 0;
  const placed: FootnoteRef[] = [];
  // joinLines drops a piece's leading space; after a mark that space is the text's own
  // ("rose.[^1] Rivers" is "rose. Rivers"), so it is put back.
  const piece = (from: number, to?: number): string => {
    const joined = collapseSpaces(joinLines(raw.slice(from, to).split('\n')));
    return from > 0 && /^[ \t]/u.test(raw.slice(from, to)) && joined !== '' && !text.endsWith(' ') ? ` ${joined}` : joined;
  };
  for (const ref of refs) {
    text += piece(cursor, ref.offset);
    if (cursor === 0) text = text.trimStart();
    placed.push({ ...ref, offset: text.length });
    cursor = ref.offset;
  }
  text += piece(cursor);
  const trimmed = text.trimEnd();
  return { text: trimmed, refs: placed.map((ref) => ({ ...ref, offset: Math.min(ref.offset, trimmed.length) })) };
}

function pushBlock(blocks: DraftBlock[], block: Omit<DraftBlock, 'page' | 'origin'>, inline?: Inline): void {
  if (block.text === '' && !block.rows) return;
  blocks.push({
    ...block,
    page: null,
    origin: 'markdown',
    ...(inline && inline.refs.length > 0 ? { refs: inline.refs } : {}),
  });
}

function walkFlow(nodes: readonly RootContent[], blocks: DraftBlock[], context: 'body' | 'quote' | 'footnote', label?: string): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const inline = inlineText(node.children);
        pushBlock(blocks, { type: 'heading', level: node.depth, text: inline.text }, inline);
        break;
      }
      case 'paragraph': {
        const inline = inlineText(node.children);
        const type = context === 'quote' ? 'quote' : context === 'footnote' ? 'footnote' : 'paragraph';
        pushBlock(blocks, { type, text: inline.text, ...(label ? { label } : {}) }, inline);
        break;
      }
      case 'list': {
        for (const [index, item] of node.children.entries()) {
          const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '-';
          const [first, ...rest] = item.children;
          if (first?.type === 'paragraph') {
            const inline = inlineText(first.children);
            const checkbox = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
            pushBlock(blocks, { type: 'list-item', text: checkbox + inline.text, label: marker }, inline);
            walkFlow(rest, blocks, context);
          } else {
            walkFlow(item.children, blocks, context);
          }
        }
        break;
      }
      case 'table': {
        const rows = node.children.map((row) => row.children.map((cell) => inlineText(cell.children).text));
        pushBlock(blocks, { type: 'table', text: rows.map((row) => row.join(' | ')).join('\n'), rows });
        break;
      }
      case 'blockquote':
        walkFlow(node.children, blocks, 'quote');
        break;
      case 'code':
        pushBlock(blocks, { type: 'code', text: node.value });
        break;
      case 'footnoteDefinition': {
        const before = blocks.length;
        const noteLabel = node.label ?? node.identifier;
        walkFlow(node.children, blocks, 'footnote', noteLabel);
        // A definition with no text stays as an empty note: emit leaves it out of the text (the
        // one rule, model/draft.ts isTextBlock) and says so in a footnote-empty warning.
        if (blocks.length === before) blocks.push({ type: 'footnote', page: null, origin: 'markdown', text: '', label: noteLabel });
        break;
      }
      case 'html': {
        const text = collapseSpaces(node.value.replace(/<[^>]*>/gu, ' ')).trim();
        pushBlock(blocks, { type: 'paragraph', text });
        break;
      }
      default:
        // thematicBreak, definition, yaml: no text of their own.
        break;
    }
  }
}

export function markdownToBlocks(markdown: string): DraftBlock[] {
  const tree = parser.parse(markdown) as Root;
  const blocks: DraftBlock[] = [];
  walkFlow(tree.children, blocks, 'body');
  // Footnote definitions may stand anywhere; their notes go to the end, as on a printed page.
  return [...blocks.filter((block) => block.type !== 'footnote'), ...blocks.filter((block) => block.type === 'footnote')];
}

export const extractMarkdown: ExtractStage = async (input) => {
  const decoded = decodeText(input.bytes);
  const draft = emptyDraft(input.source, 'markdown');
  draft.metadata.encoding = decoded.charset;
  draft.blocks = markdownToBlocks(decoded.text.replace(/\r\n?/gu, '\n'));
  if (draft.blocks.length === 0) throw new DocumentError('input-empty', 'the Markdown file has no text');
  const heading = draft.blocks.find((block) => block.type === 'heading' && block.level === 1) ?? draft.blocks.find((block) => block.type === 'heading');
  draft.title = heading?.text ?? null;
  return draft;
};
