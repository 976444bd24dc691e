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
  /** Direction of the baseline in whole degrees, clockwise from the page's x axis as read (top
   * down): 0 for upright text, -90 for text running up the page, 90 running down. */
  rotation: number;
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

function fontFacts(page: PDFPageProxy, fontId: string, cache: Map<string, FontFacts>): FontFacts {
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

/** The marked-content tag that shared/pdfjs-patches.mjs puts in an operator list where pdf.js
 * stopped reading a content stream at an error (a loop of forms, a bad object): pdf.js itself
 * only logs it and returns the operators read so far. */
const UNREADABLE_CONTENT_TAG = 'SamutUnreadable';

export interface PageGlyphs {
  /** Every glyph the page draws, in drawing order, with positions in top-down page points. */
  glyphs: Glyph[];
  /** The error at which pdf.js stopped reading the page's content (what follows it is lost), or null. */
  stoppedAt: string | null;
}

/** Written out, not spread: a spread copy has another hidden class than the state it copies, and
 * showText, given both, lost its optimized code at the first save and restore of each thread. */
function copyState(state: TextState): TextState {
  return {
    ctm: state.ctm,
    fontId: state.fontId,
    fontSize: state.fontSize,
    charSpacing: state.charSpacing,
    wordSpacing: state.wordSpacing,
    hScale: state.hScale,
    leading: state.leading,
    rise: state.rise,
  };
}

export async function readGlyphs(page: PDFPageProxy, fonts: Map<string, FontFacts>): Promise<PageGlyphs> {
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
  // The text matrix is advanced in place by showText; the line matrix is never mutated.
  let lineMatrix: Matrix = IDENTITY;
  let textMatrix: Matrix = [...lineMatrix];
  let stoppedAt: string | null = null;
  const { fnArray, argsArray } = operators;

  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as unknown[] | null;
    switch (fnArray[i]) {
      case OPS.save:
        stack.push(copyState(state));
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(toMatrix(args), state.ctm);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(copyState(state));
        if (args?.[0]) state.ctm = multiply(toMatrix(args[0]), state.ctm);
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.beginText:
        lineMatrix = IDENTITY;
        textMatrix = [...lineMatrix];
        break;
      case OPS.setFont:
        state.fontId = String(args?.[0] ?? '');
        state.fontSize = Number(args?.[1] ?? 0);
        break;
      case OPS.setTextMatrix:
        lineMatrix = toMatrix(args?.[0] ?? args);
        textMatrix = [...lineMatrix];
        break;
      case OPS.moveText:
        lineMatrix = translate(lineMatrix, Number(args?.[0]), Number(args?.[1]));
        textMatrix = [...lineMatrix];
        break;
      case OPS.setLeadingMoveText:
        state.leading = -Number(args?.[1]);
        lineMatrix = translate(lineMatrix, Number(args?.[0]), Number(args?.[1]));
        textMatrix = [...lineMatrix];
        break;
      case OPS.nextLine:
        lineMatrix = translate(lineMatrix, 0, -state.leading);
        textMatrix = [...lineMatrix];
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
        showText(args?.[0] as (PdfJsGlyph | number)[], state, textMatrix, fontFacts(page, state.fontId, fonts), pageTop, glyphs);
        break;
      case OPS.beginMarkedContentProps:
        if (args?.[0] === UNREADABLE_CONTENT_TAG) stoppedAt ??= String(args[1]);
        break;
      default:
        break;
    }
  }
  return { glyphs, stoppedAt };
}

/** Replays one text-showing operator. The text matrix is updated in place and the arithmetic is
 * written out per component: a handful of matrix allocations per glyph was a tenth of extraction. */
function showText(
  items: (PdfJsGlyph | number)[] | undefined,
  state: TextState,
  textMatrix: Matrix,
  font: FontFacts,
  pageTop: number,
  out: Glyph[],
): void {
  if (!Array.isArray(items)) return;
  const size = state.fontSize;
  const hScale = state.hScale;
  // Indexed, not destructured: destructuring goes through the array iterator, an object per step.
  const a = textMatrix[0];
  const b = textMatrix[1];
  const c = textMatrix[2];
  const d = textMatrix[3];
  const ctm = state.ctm;
  const c0 = ctm[0];
  const c1 = ctm[1];
  const c2 = ctm[2];
  const c3 = ctm[3];
  const c4 = ctm[4];
  const c5 = ctm[5];
  // Text space → device space: a horizontal advance of 1 moves the glyph origin by (dx, dy).
  const dx = a * c0 + b * c2;
  const dy = a * c1 + b * c3;
  // Pages are read top down, so a baseline going up the page has a negative angle.
  const degrees = Math.round((Math.atan2(-dy, dx) * 180) / Math.PI) || 0;
  const rotation = degrees === -180 ? 180 : degrees;
  // Upright text keeps the plain x advance (a mirrored run has none); turned text advances along its baseline.
  const advanceScale = rotation === 0 ? dx : Math.hypot(dx, dy);
  // The glyph's vertical axis in device space gives its size; the rise shifts its origin.
  const sizeX = size * (c * c0 + d * c2);
  const sizeY = size * (c * c1 + d * c3);
  const deviceSize = Math.hypot(sizeX, sizeY);
  const riseX = state.rise * c;
  const riseY = state.rise * d;
  const texts = glyphTextsOf(font.name);
  for (const item of items) {
    if (typeof item === 'number') {
      const shift = (-item / 1000) * size * hScale;
      textMatrix[4] += shift * a;
      textMatrix[5] += shift * b;
      continue;
    }
    if (!item) continue;
    const advance = (item.width * font.unitsToText * size + state.charSpacing + (item.isSpace ? state.wordSpacing : 0)) * hScale;
    const e = textMatrix[4] + riseX;
    const f = textMatrix[5] + riseY;
    out.push({
      text: glyphText(item.unicode ?? '', font.name, texts),
      x: e * c0 + f * c2 + c4,
      top: pageTop - (e * c1 + f * c3 + c5),
      width: Math.max(0, advance * advanceScale),
      size: deviceSize,
      fontId: state.fontId,
      bold: font.bold,
      zeroWidthSpace: item.unicode === ' ' && item.width === 0,
      seq: out.length,
      rotation,
    });
    textMatrix[4] += advance * a;
    textMatrix[5] += advance * b;
  }
}

/** Unicode of a glyph after symbol-font and ligature mapping, cached: a page draws few distinct ones. */
const glyphTexts = new Map<string, Map<string, string>>();
const GLYPH_TEXT_CACHE_FONTS = 256;

/** One font's cache, looked up once per text-showing operator, not per glyph. */
function glyphTextsOf(fontName: string): Map<string, string> {
  let byUnicode = glyphTexts.get(fontName);
  if (!byUnicode) {
    if (glyphTexts.size >= GLYPH_TEXT_CACHE_FONTS) glyphTexts.clear();
    glyphTexts.set(fontName, (byUnicode = new Map()));
  }
  return byUnicode;
}

function glyphText(unicode: string, fontName: string, byUnicode: Map<string, string>): string {
  let text = byUnicode.get(unicode);
  if (text === undefined) {
    text = mapSymbolFont(unicode, fontName).replace(LIGATURE, (l) => LIGATURES[l] ?? l);
    byUnicode.set(unicode, text);
  }
  return text;
}
