// What decided each repair rule, for the review page's inspector. The document records the rule
// of each edit, not the evidence of that one place, so this names the evidence the rule uses
// (pipeline/repair/README.md has the rules with examples).
const NOTES: Record<string, string> = {
  'sara-am-space': 'judged: the zero-width glyph pdf.js drew where the nikhahit was, the OCR reading of the line, the Thai word list, the document\'s own pattern, then ICU\'s segmenter',
  'word-split-space': 'judged: a drawn wide space keeps a space; otherwise the Thai word list, the document\'s pattern, then ICU\'s segmenter',
  'sara-am-lost': 'judged: only in a document that lost every ำ, by the Thai word list',
  'distributed-spacing': 'a letter-spaced run regrouped so the fewest letters fall outside dictionary words',
  'sara-am-nikhahit': 'glyph: nikhahit + า is how PDFs and tesseract write ำ',
  'pua-thai-glyph': 'glyph: a private-use Thai glyph variant mapped by its font',
  'symbol-font-pua': 'glyph: a Symbol-font private-use code through the Adobe Symbol encoding',
  'mojibake-utf8': 'bytes: UTF-8 read as Latin-1/cp1252, kept only when the result is well-formed Thai',
  'mojibake-tis620': 'bytes: TIS-620 read as Latin-1, kept only when the result is well-formed Thai',
  'tis620-in-thai': 'bytes: an 8-bit Thai font code read as Latin-1 inside a Thai word',
  'ocr-vote-sara-am': 'OCR vote: OCR read ำ where the text layer lost it',
  'ocr-vote-text-layer-kept': 'OCR vote: the text layer kept against OCR',
  review: 'a reviewer\'s decision (OUT/review/decisions.jsonl)',
};

/** What decided one place, when the edit records it (Edit.evidence). */
const EVIDENCE: Record<string, string> = {
  glyph: 'glyph: the PDF drew a zero-width nikhahit here (or a wide space, a real one)',
  spelling: 'spelling: no Thai word ends or starts this way, so the space is inside a word',
  ocr: 'OCR vote: the OCR reading of the same line has this reading and not the other',
  dictionary: 'dictionary: the Thai word list reads better this way',
  document: 'document: the rest of this document shows the same damage the same way',
  icu: "ICU: the segmenter's dictionary, the last voice, where nothing else decided",
};

export function evidenceNote(evidence: string): string {
  return evidence
    .split('+')
    .map((part) => EVIDENCE[part] ?? part)
    .join('; ');
}

export function ruleNote(rule: string): string {
  return rule
    .split('+')
    .map((part) => NOTES[part] ?? 'a safe rule: always right where it applies (pipeline/repair/README.md)')
    .join('; ');
}
