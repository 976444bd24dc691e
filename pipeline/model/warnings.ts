// The diagnostics catalogue: every warning code a document can carry, with its severity, the
// stage that emits it and one line of meaning. Stages make warnings only through `warning()`,
// which takes the stage from here and always sets the place, so a code cannot drift between
// stages and a reader can always tell where to look. The README's warning table is generated
// from this list (scripts/docs/warning-table.ts; a test fails when it drifts).
import type { Warning } from './document.ts';
import type { StageName } from './stages.ts';

/** `info`: something was done or decided that a reader may want to know; `warning`: the text
 * may be wrong here; `page-lost`: a page's content is missing, so the document is `partial`. */
type WarningSeverity = 'info' | 'warning' | 'page-lost';

export interface WarningSpec {
  severity: WarningSeverity;
  stage: StageName;
  meaning: string;
}

export const WARNINGS = {
  'page-unreadable': { severity: 'page-lost', stage: 'extract', meaning: 'a PDF page could not be read, and OCR did not read it instead: its text is missing' },
  'page-ocr-failed': { severity: 'page-lost', stage: 'ocr', meaning: 'OCR of a page failed; its text is missing' },
  'pdf-page-no-text': { severity: 'warning', stage: 'extract', meaning: 'a PDF page has no text layer and OCR is off (--ocr never)' },
  'pdf-page-garbage': { severity: 'warning', stage: 'extract', meaning: 'a PDF page\'s text layer is mostly unreadable and OCR is off (--ocr never)' },
  'pdf-text-layer-untrusted': { severity: 'info', stage: 'extract', meaning: 'a page\'s text layer has too many characters with no Unicode: OCR reads the page and votes against it' },
  'pdf-tis620-font': { severity: 'info', stage: 'extract', meaning: 'a font drew Thai in TIS-620 codes with no Unicode map; its glyphs were read as TIS-620' },
  'pdf-tis620-gaps': { severity: 'info', stage: 'extract', meaning: 'glyphs a Thai font\'s ToUnicode left out came out as Latin-1 inside Thai text; read as TIS-620' },
  'pdf-stream-too-large': { severity: 'warning', stage: 'extract', meaning: 'a PDF stream decodes past a quarter of --thread-memory and was left out: what it draws (content, a font, an image) is missing' },
  'pdf-orphan-marks': { severity: 'warning', stage: 'extract', meaning: 'Thai marks drawn over no letter were dropped' },
  'html-charset-mislabelled': { severity: 'info', stage: 'extract', meaning: 'the declared character set did not fit the bytes; the one that fits was used' },
  'html-undecodable-bytes': { severity: 'warning', stage: 'extract', meaning: 'bytes invalid in the character set became U+FFFD' },
  'html-mojibake-repaired': { severity: 'info', stage: 'extract', meaning: 'text garbled by an earlier wrong decoding was restored' },
  'html-language-mismatch': { severity: 'warning', stage: 'extract', meaning: 'the page\'s declared language does not fit the script of its text' },
  'html-no-article': { severity: 'info', stage: 'extract', meaning: 'no article container was found; the whole page less its furniture was kept' },
  'ocr-disabled': { severity: 'warning', stage: 'extract', meaning: 'an image input with OCR off (--ocr never) has no text' },
  'ocr-languages-mismatch': { severity: 'warning', stage: 'ocr', meaning: 'the document asked for OCR languages the build\'s engine was not started with' },
  'ocr-replaced-text-layer': { severity: 'info', stage: 'ocr', meaning: 'a page\'s text layer was too damaged to vote with; its OCR replaced it' },
  'ocr-no-text': { severity: 'warning', stage: 'ocr', meaning: 'OCR found no text in the document' },
  'ocr-low-confidence': { severity: 'warning', stage: 'ocr', meaning: 'an OCR block\'s confidence is below 0.6' },
  'ocr-non-text-dropped': { severity: 'info', stage: 'ocr', meaning: 'OCR lines that read as pictures (emblem, stamp, signature) were left out' },
  'thai-ambiguous': { severity: 'warning', stage: 'repair', meaning: 'a lost sara am or a stray space, and nothing decides which: left as found' },
  'latin1-in-thai-word': { severity: 'warning', stage: 'repair', meaning: 'Latin-1 letters inside Thai text that no rule could read back as Thai: left as found' },
  'thai-conflicting-marks': { severity: 'warning', stage: 'repair', meaning: 'two different tone marks on one letter: left as found' },
  'private-use-unmapped': { severity: 'warning', stage: 'repair', meaning: 'a private-use character with no known meaning here: left as found' },
  'replacement-char': { severity: 'warning', stage: 'repair', meaning: 'U+FFFD: a character was lost in extraction and nothing says which' },
  'date-be-before-1941': { severity: 'warning', stage: 'tag', meaning: 'a Buddhist-era year before the 1941 reform: the Gregorian year may be off by one' },
  'footnote-empty': { severity: 'warning', stage: 'emit', meaning: 'a footnote has a label but no text: it is left out, and the marks that point to it link to no note' },
} as const satisfies Record<string, WarningSpec>;

export type WarningCode = keyof typeof WARNINGS;

export const WARNING_CODES = Object.keys(WARNINGS) as WarningCode[];

/** Where a warning points: a page (paged sources), an offset in the document text, both, or
 * `DOCUMENT` for the whole document. */
export interface WarningPlace {
  page?: number | null | undefined;
  offset?: number | undefined;
}

export const DOCUMENT: WarningPlace = {};

/** The one way a stage makes a warning: the stage comes from the catalogue, the place is given. */
export function warning(code: WarningCode, message: string, place: WarningPlace): Warning {
  const out: Warning = { code, message };
  if (place.page) out.page = place.page;
  if (place.offset !== undefined) out.offset = place.offset;
  out.stage = WARNINGS[code].stage;
  return out;
}

/** A document with one of these lost content: it is written with status `partial`. */
export function losesPage(code: string): boolean {
  return (WARNINGS as Record<string, WarningSpec>)[code]?.severity === 'page-lost';
}
