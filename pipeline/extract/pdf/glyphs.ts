// Glyphs with their page positions, read from pdf.js' operator list. getTextContent() merges
// glyphs into strings and drops facts we need (the zero-width "space" that was a nikhahit, the
// exact place a displaced tone mark was drawn, a run drawn twice), so we replay the text
// operators ourselves: the text matrix, TJ adjustments, char/word spacing and font widths.
// This reads pdf.js internals (glyph objects in showText args): pdfjs-dist is pinned (5.6.205)
// and tests/extract/pdf-glyphs.test.ts pins the behaviour on the real royal-gazette PDF.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfJs } from '../../shared/pdfjs.ts';
import { mapSymbolFont } from './private-use.ts';

export interface Glyph {
  /** Unicode after private-use mapping ('' for glyphs without a mapping). */
  text: string;
  /** Origin on the baseline, in points; `top` is measured down from the top of the page. */
  x: number;
  top: number;
  /** Advance width in points (0 for marks drawn with zero width). */
  width: number;
  /** Font size in points after all transforms. */
  size: number;
  fontId: string;
  bold: boolean;
  /** The PDF drew a space glyph with zero width: where a nikhahit lost its Unicode maps to. */
  zeroWidthSpace: boolean;
  /** Index in drawing order. */
  seq: number;
}

type Matrix = [number, number, number, number, number, number];

interface TextState {
  ctm: Matrix;
  fontId: string;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

interface PdfJsGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
}

export interface FontFacts {
  name: string;
  bold: boolean;
  /** fontMatrix[0]: glyph-space units to text-space (0.001 for all but Type3 fonts). */
  unitsToText: number;
}

/** Latin ligature glyphs → letters (pdf.js' text content does the same; NFKC would break Thai). */
const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
};
const LIGATURE = /[\uFB00-\uFB06]/gu;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const DEFAULT_GLYPH_SCALE = 0.001;
const BOLD_FONT_NAME = /bold|black|heavy|demi|semibold/i;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function toMatrix(value: unknown): Matrix {
  const v = value as ArrayLike<number>;
  return [v[0] ?? 1, v[1] ?? 0, v[2] ?? 0, v[3] ?? 1, v[4] ?? 0, v[5] ?? 0];
}

function translate(m: Matrix, tx: number, ty: number): Matrix {
  return multiply([1, 0, 0, 1, tx, ty], m);
}

export function fontFacts(page: PDFPageProxy, fontId: string, cache: Map<string, FontFacts>): FontFacts {
  const known = cache.get(fontId);
  if (known) return known;
  let name = '';
  let unitsToText = DEFAULT_GLYPH_SCALE;
  let boldFlag = false;
  if (page.commonObjs.has(fontId)) {
    const font = page.commonObjs.get(fontId) as { name?: unknown; fontMatrix?: unknown; bold?: unknown };
    name = typeof font.name === 'string' ? font.name : '';
    if (Array.isArray(font.fontMatrix) && typeof font.fontMatrix[0] === 'number') unitsToText = font.fontMatrix[0];
    boldFlag = font.bold === true;
  }
  const facts = { name, bold: boldFlag || BOLD_FONT_NAME.test(name), unitsToText };
  cache.set(fontId, facts);
  return facts;
}

/** Every glyph the page draws, in drawing order, with positions in top-down page points. */
export async function readGlyphs(page: PDFPageProxy, fonts: Map<string, FontFacts>): Promise<Glyph[]> {
  const { OPS } = await loadPdfJs();
  const operators = await page.getOperatorList();
  const pageTop = page.view[3] ?? 0;
  const glyphs: Glyph[] = [];
  const stack: TextState[] = [];
  let state: TextState = {
    ctm: IDENTITY,
    fontId: '',
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  const { fnArray, argsArray } = operators;

  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as unknown[] | null;
    switch (fnArray[i]) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(toMatrix(args), state.ctm);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ...state });
        if (args?.[0]) state.ctm = multiply(toMatrix(args[0]), state.ctm);
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.beginText:
        textMatrix = IDENTITY;
        lineMatrix = IDENTITY;
        break;
      case OPS.setFont:
        state.fontId = String(args?.[0] ?? '');
        state.fontSize = Number(args?.[1] ?? 0);
        break;
      case OPS.setTextMatrix:
        textMatrix = lineMatrix = toMatrix(args?.[0] ?? args);
        break;
      case OPS.moveText:
        textMatrix = lineMatrix = translate(lineMatrix, Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.setLeadingMoveText:
        state.leading = -Number(args?.[1]);
        textMatrix = lineMatrix = translate(lineMatrix, Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.nextLine:
        textMatrix = lineMatrix = translate(lineMatrix, 0, -state.leading);
        break;
      case OPS.setCharSpacing:
        state.charSpacing = Number(args?.[0]);
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = Number(args?.[0]);
        break;
      case OPS.setHScale:
        state.hScale = Number(args?.[0]) / 100;
        break;
      case OPS.setLeading:
        state.leading = Number(args?.[0]);
        break;
      case OPS.setTextRise:
        state.rise = Number(args?.[0]);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        textMatrix = showText(args?.[0] as (PdfJsGlyph | number)[], state, textMatrix, fontFacts(page, state.fontId, fonts), pageTop, glyphs);
        break;
      default:
        break;
    }
  }
  return glyphs;
}

function showText(
  items: (PdfJsGlyph | number)[] | undefined,
  state: TextState,
  start: Matrix,
  font: FontFacts,
  pageTop: number,
  out: Glyph[],
): Matrix {
  if (!Array.isArray(items)) return start;
  let textMatrix = start;
  const size = state.fontSize;
  for (const item of items) {
    if (typeof item === 'number') {
      textMatrix = translate(textMatrix, (-item / 1000) * size * state.hScale, 0);
      continue;
    }
    if (!item) continue;
    const advance = (item.width * font.unitsToText * size + state.charSpacing + (item.isSpace ? state.wordSpacing : 0)) * state.hScale;
    const render = multiply(multiply([size * state.hScale, 0, 0, size, 0, state.rise], textMatrix), state.ctm);
    const end = multiply(translate(textMatrix, advance, 0), state.ctm);
    const originX = render[4];
    const originY = render[5];
    const deviceSize = Math.hypot(render[2], render[3]);
    out.push({
      text: mapSymbolFont(item.unicode ?? '', font.name).replace(LIGATURE, (l) => LIGATURES[l] ?? l),
      x: originX,
      top: pageTop - originY,
      width: Math.max(0, end[4] - (multiply(textMatrix, state.ctm)[4])),
      size: deviceSize,
      fontId: state.fontId,
      bold: font.bold,
      zeroWidthSpace: item.unicode === ' ' && item.width === 0,
      seq: out.length,
    });
    textMatrix = translate(textMatrix, advance, 0);
  }
  return textMatrix;
}
