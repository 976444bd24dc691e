// Joining the lines of one paragraph. Thai writes no spaces between words, so a line break
// between two Thai characters is no word break: the lines join with nothing between them.
// A space the line already ends with is a phrase break and is kept (as one space).

const THAI = /[\u0E01-\u0E5B]/u;

export function joinLines(lines: readonly string[]): string {
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
    const last = out.at(-1) ?? '';
    const first = line[0] ?? '';
    const glue = !endsWithSpace && THAI.test(last) && THAI.test(first) ? '' : ' ';
    out += glue + line;
  }
  return out.replace(/[ \t\u00A0]+$/u, '');
}

/** Whitespace inside a line: runs of spaces and tabs become one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/gu, ' ');
}
