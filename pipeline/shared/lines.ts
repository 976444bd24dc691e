// Joining the lines of one paragraph (plain text, Markdown, OCR). Thai writes no spaces
// between words, so a line break between two Thai characters is no word break: the lines join
// with nothing between them. A space the line already ends with is a phrase break and is kept
// (as one space).

import { HAS_THAI } from './thai.ts';

/** An English word broken at a line end with a hyphen: "develop-" + "ment". */
const BROKEN_WORD_END = /[a-z]-$/u;
const LOWERCASE_START = /^[a-z]/u;

export interface JoinOptions {
  /** Rejoin an English word hyphenated at the line end ("develop-" + "ment"). Right for OCR and
   * print, where a line-end hyphen is mostly hyphenation; wrong for typed text. */
  mendHyphens?: boolean;
}

export function joinLines(lines: readonly string[], options: JoinOptions = {}): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/^[ \t\u00A0]+/u, '');
    if (line === '' && out === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    const endsWithSpace = /[ \t\u00A0]$/u.test(out);
    out = out.replace(/[ \t\u00A0]+$/u, '');
    if (line === '') continue;
    if (options.mendHyphens && !endsWithSpace && BROKEN_WORD_END.test(out) && LOWERCASE_START.test(line)) {
      out = out.slice(0, -1) + line;
      continue;
    }
    const last = out.at(-1) ?? '';
    const first = line[0] ?? '';
    const glue = !endsWithSpace && HAS_THAI.test(last) && HAS_THAI.test(first) ? '' : ' ';
    out += glue + line;
  }
  return out.replace(/[ \t\u00A0]+$/u, '');
}

/** Whitespace inside a line: runs of spaces and tabs become one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/gu, ' ');
}
