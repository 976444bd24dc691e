// Letter-by-letter voting between a damaged text layer and OCR of the same page. Each source is
// wrong in its own way (docs/thai-damage.md): the text layer has the right letters, marks and
// digits but lost sara am (ค าน า for คำนำ) and sometimes a tone mark; tesseract has the right ำ
// but drops or moves marks and misreads digits. So after aligning the two texts:
//   - sara am: where the layer has consonant (+tone) ( +) า and OCR has ำ there, OCR wins;
//   - every other disagreement (letters, marks, digits): the text layer wins. That includes a
//     tone mark OCR has and the layer lacks: tesseract invents marks about as often as a layer
//     loses them (it reads ราย as ร่าย), so that call is left to the repair stage's dictionary,
//     which gets the OCR reading as evidence.
// Each win is counted in draft.repairs ('ocr-vote-sara-am' for OCR, 'ocr-vote-text-layer-kept'
// for the layer) and each change is an Edit on the block. Every block also gets
// evidence.ocrText, the OCR reading of its span, for the repair stage's own decisions.
import type { DraftBlock, Edit } from '../model/index.ts';
import { CONSONANT as CONSONANT_RANGE, SARA_AA, SARA_AM, THAI_CHAR, TONE as TONE_RANGE, VOWEL_MARK as VOWEL_MARK_RANGE } from '../shared/thai.ts';
import type { OcrLine } from './engine.ts';

/** Share of unreadable characters (private use, U+FFFD, Latin-1 letters amid Thai, controls)
 * above which a text layer is not worth voting with: OCR replaces it. */
export const MAX_LAYER_DAMAGE_TO_VOTE = 0.05;
/** Share of OCR's text (non-space characters) a text layer must hold to be voted on rather than
 * replaced: below it the layer is a header or page number over a scanned body. */
export const MIN_LAYER_COVERAGE_TO_VOTE = 0.5;
/** Largest alignment (layer length × OCR length) done; a bigger page is not voted on. */
const MAX_ALIGN_CELLS = 40_000_000;
/** OCR lines below this confidence never overrule the text layer. */
const MIN_VOTE_CONFIDENCE = 0.7;

const UNREADABLE = new RegExp(`[\\uE000-\\uF8FF\\uFFFD\\u0000-\\u0008\\u000E-\\u001F]|(?<=[${THAI_CHAR}])[\\u00C0-\\u00FF]|[\\u00C0-\\u00FF](?=[${THAI_CHAR}])`, 'gu');

export function layerDamage(text: string): number {
  const visible = text.replace(/\s+/gu, '').length;
  if (visible === 0) return 0;
  return (text.match(UNREADABLE)?.length ?? 0) / visible;
}

const CONSONANT = new RegExp(`[${CONSONANT_RANGE}]`, 'u');
const TONE = new RegExp(`[${TONE_RANGE}]`, 'u');
/** Upper and lower vowel marks that stand between a consonant and its tone mark. */
const VOWEL_MARK = new RegExp(`[${VOWEL_MARK_RANGE}]`, 'u');
const NIKHAHIT = '\u0E4D';
const COMPARABLE = new RegExp(`[${THAI_CHAR}0-9A-Za-z]`, 'u');

/** OCR text with tesseract's nikhahit + า read as ำ, and where each character came from. */
function normalizeOcr(raw: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === NIKHAHIT && raw[i + 1] === SARA_AA) {
      text += SARA_AM;
      origin.push(i);
      i++;
    } else {
      text += raw[i];
      origin.push(i);
    }
  }
  return { text, origin };
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\n' || char === '\t';

/** For each layer index, the OCR index it lines up with (-1 where the layer has an extra).
 * Edit distance with whitespace indels at half price: spaces are where the two disagree most
 * and mean least. */
export function align(layer: string, ocr: string): Int32Array | null {
  const n = layer.length;
  const m = ocr.length;
  if (n * m > MAX_ALIGN_CELLS) return null;
  const width = m + 1;
  const moves = new Uint8Array((n + 1) * width); // 0 diagonal, 1 up (layer extra), 2 left (OCR extra)
  let previous = new Float64Array(width);
  let current = new Float64Array(width);
  for (let j = 1; j <= m; j++) {
    previous[j] = previous[j - 1]! + (isSpace(ocr[j - 1]) ? 0.5 : 1);
    moves[j] = 2;
  }
  for (let i = 1; i <= n; i++) {
    const a = layer[i - 1];
    const deleteCost = isSpace(a) ? 0.5 : 1;
    current[0] = previous[0]! + deleteCost;
    moves[i * width] = 1;
    for (let j = 1; j <= m; j++) {
      const b = ocr[j - 1];
      const diagonal = previous[j - 1]! + (a === b ? 0 : 1);
      const up = previous[j]! + deleteCost;
      const left = current[j - 1]! + (isSpace(b) ? 0.5 : 1);
      let best = diagonal;
      let move = 0;
      if (up < best) {
        best = up;
        move = 1;
      }
      if (left < best) {
        best = left;
        move = 2;
      }
      current[j] = best;
      moves[i * width + j] = move;
    }
    [previous, current] = [current, previous];
  }
  const map = new Int32Array(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const move = i === 0 ? 2 : j === 0 ? 1 : moves[i * width + j];
    if (move === 0) {
      map[i - 1] = j - 1;
      i--;
      j--;
    } else if (move === 1) i--;
    else j--;
  }
  return map;
}

export interface VoteResult {
  blocks: DraftBlock[];
  counts: Record<string, number>;
}

/** Votes the layer blocks of one page against the OCR lines read on it. */
export function voteWithTextLayer(layerBlocks: DraftBlock[], ocrLines: OcrLine[]): VoteResult {
  const counts: Record<string, number> = {};
  const rawOcr = ocrLines.map((line) => line.text).join('\n');
  const ocr = normalizeOcr(rawOcr);
  const layerText = layerBlocks.map((block) => block.text).join('\n');
  const map = align(layerText, ocr.text);
  if (!map) return { blocks: layerBlocks, counts };
  // Confidence of the OCR line each normalized OCR character belongs to.
  const confidenceAt = new Float64Array(ocr.text.length);
  {
    let lineIndex = 0;
    let lineEnd = ocrLines[0]?.text.length ?? 0;
    for (let k = 0; k < ocr.text.length; k++) {
      while (ocr.origin[k]! > lineEnd && lineIndex < ocrLines.length - 1) {
        lineIndex++;
        lineEnd += 1 + ocrLines[lineIndex]!.text.length;
      }
      confidenceAt[k] = ocrLines[lineIndex]?.confidence ?? 0;
    }
  }
  const bump = (rule: string) => (counts[rule] = (counts[rule] ?? 0) + 1);
  let blockStart = 0;
  const blocks = layerBlocks.map((block) => {
    const start = blockStart;
    blockStart += block.text.length + 1;
    const text = block.text;
    let out = '';
    const edits: Edit[] = [];
    let spanFrom = Infinity;
    let spanTo = -1;
    const ocrIndex = (i: number) => map[start + i] ?? -1;
    for (let i = 0; i < text.length; ) {
      const o = ocrIndex(i);
      if (o >= 0) {
        spanFrom = Math.min(spanFrom, o);
        spanTo = Math.max(spanTo, o);
      }
      const char = text[i]!;
      const trusted = o >= 0 && ocr.text[o] === char && confidenceAt[o]! >= MIN_VOTE_CONFIDENCE && CONSONANT.test(char);
      if (trusted) {
        // What follows the consonant in each source.
        let k = i + 1;
        let marks = '';
        while (k < text.length && (VOWEL_MARK.test(text[k]!) || TONE.test(text[k]!))) marks += text[k++];
        let p = o + 1;
        let ocrMarks = '';
        while (p < ocr.text.length && (VOWEL_MARK.test(ocr.text[p]!) || TONE.test(ocr.text[p]!))) ocrMarks += ocr.text[p++];
        // sara am lost: consonant (+marks) (space) า in the layer, ำ in OCR
        const spaced = isSpace(text[k]) && text[k + 1] === SARA_AA;
        if ((spaced || text[k] === SARA_AA) && ocr.text[p] === SARA_AM) {
          const end = spaced ? k + 2 : k + 1;
          const before = text.slice(i, end);
          const after = char + marks + SARA_AM;
          edits.push({ rule: 'ocr-vote-sara-am', offset: out.length, before, after });
          bump('ocr-vote-sara-am');
          out += after;
          i = end;
          continue;
        }
        if (ocrMarks !== marks) bump('ocr-vote-text-layer-kept');
      } else if (o >= 0 && ocr.text[o] !== char && COMPARABLE.test(char) && COMPARABLE.test(ocr.text[o]!)) {
        bump('ocr-vote-text-layer-kept');
      }
      out += char;
      i++;
    }
    const voted: DraftBlock = { ...block };
    if (spanTo >= 0) {
      const from = ocr.origin[spanFrom]!;
      const to = spanTo + 1 < ocr.origin.length ? ocr.origin[spanTo + 1]! : rawOcr.length;
      voted.evidence = { ...block.evidence, ocrText: rawOcr.slice(from, to).trim() };
    }
    if (edits.length > 0) {
      voted.original = block.original ?? text;
      voted.edits = [...(block.edits ?? []), ...edits];
      voted.text = out;
    }
    return voted;
  });
  return { blocks, counts };
}
