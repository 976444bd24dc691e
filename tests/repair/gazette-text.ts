// The Royal Gazette PDF's text as pdf.js 5.6 extracts it (getTextContent), one block per page,
// with the evidence the PDF itself gives: in page.getOperatorList() the font's nikhahit glyph
// is a space of width 0, while real spaces are wide. Glyphs and text are aligned letter by
// letter; spaces pdf.js synthesises between text items have no glyph and get no evidence.
import { readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RepairEvidence } from '../../pipeline/model/draft.ts';
import { fixture } from '../helpers/fixtures.ts';

const GAZETTE_PDF = fixture('pdf', 'royal-gazette-2566.pdf');
/** A volunteer's hand transcription of the same decree (see tests/fixtures/pdf/PROVENANCE.md). */
export const GAZETTE_GOLD = fixture('pdf', 'royal-gazette-2566.gold.md');
/** How far ahead in the glyph stream a letter of the text may be found. */
const ALIGN_LOOKAHEAD = 8;

interface Glyph {
  unicode: string;
  width: number;
}

export interface GazettePage {
  page: number;
  text: string;
  evidence: Required<Pick<RepairEvidence, 'lostNikhahit' | 'realSpaces'>>;
}

export async function gazettePages(): Promise<GazettePage[]> {
  const data = new Uint8Array(readFileSync(GAZETTE_PDF));
  const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
  const pages: GazettePage[] = [];
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      const operators = await page.getOperatorList();
      const glyphs: Glyph[] = [];
      operators.fnArray.forEach((fn, i) => {
        if (fn !== pdfjs.OPS.showText) return;
        for (const glyph of operators.argsArray[i][0] as unknown[]) {
          if (glyph && typeof glyph === 'object' && 'unicode' in glyph) glyphs.push(glyph as Glyph);
        }
      });
      pages.push({ page: number, text, evidence: spaceEvidence(text, glyphs) });
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

function spaceEvidence(text: string, glyphs: Glyph[]): GazettePage['evidence'] {
  const lostNikhahit: number[] = [];
  const realSpaces: number[] = [];
  let next = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') continue;
    let found = -1;
    for (let g = next; g < Math.min(glyphs.length, next + ALIGN_LOOKAHEAD); g++) {
      if (glyphs[g]!.unicode === char) {
        found = g;
        break;
      }
    }
    if (found === -1) continue;
    if (char === ' ') (glyphs[found]!.width === 0 ? lostNikhahit : realSpaces).push(at);
    next = found + 1;
  }
  return { lostNikhahit, realSpaces };
}
