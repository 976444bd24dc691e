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

const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0;

/** `text` without its trailing spaces, tabs and no-break spaces (looked at from the end only). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Linear in the paragraph's length: each line is looked at on its own and the pieces joined once
 * at the end. (It used to test and trim the growing paragraph with end-anchored regular
 * expressions for every line, which V8 runs from the start: 100,000 short lines of Thai marks,
 * one paragraph, took 21 s; 1M never finished.) */
export function joinLines(lines: readonly string[], options: JoinOptions = {}): string {
  // pieces[last] always holds a non-blank character, so trailing blanks of the whole paragraph
  // are always inside it.
  const pieces: string[] = [];
  let last = '';
  for (const raw of lines) {
    const line = raw.replace(/^[ \t\u00A0]+/u, '');
    if (pieces.length === 0) {
      if (line === '') continue;
      last = line;
      pieces.push(line);
      continue;
    }
    const endsWithSpace = isBlank(last.charCodeAt(last.length - 1));
    last = trimEnd(last);
    pieces[pieces.length - 1] = last;
    if (line === '') continue;
    if (options.mendHyphens && !endsWithSpace && BROKEN_WORD_END.test(last.slice(-2)) && LOWERCASE_START.test(line)) {
      pieces[pieces.length - 1] = last.slice(0, -1);
      last = line;
      pieces.push(line);
      continue;
    }
    const glue = !endsWithSpace && HAS_THAI.test(last.at(-1) ?? '') && HAS_THAI.test(line[0] ?? '') ? '' : ' ';
    last = glue + line;
    pieces.push(last);
  }
  if (pieces.length > 0) pieces[pieces.length - 1] = trimEnd(last);
  return pieces.join('');
}

/** Whitespace inside a line: runs of spaces and tabs become one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/gu, ' ');
}
