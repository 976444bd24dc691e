// ICU word segmentation (Intl.Segmenter('th')) on text of any length. V8's segmenter slows down
// more than linearly on long strings (100,000 characters of mixed Thai and English: 20 s, where
// 512-character pieces take 0.1 s), so text is segmented in chunks cut at whitespace, which is
// always a word boundary. A run with no whitespace at all (Thai written solid, a page of marks)
// is cut hard at MAX_SEGMENT_RUN, before a letter that starts a cluster: at worst one word there
// is split in two, instead of a stage that never ends.

import { isClusterBoundary } from './thai.ts';

/** Chunks are cut at the first whitespace after this many characters. */
const SEGMENT_CHUNK = 512;
/** A chunk with no whitespace is cut at this length. */
const MAX_SEGMENT_RUN = 4096;

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);

/** [start, end) chunks covering `text`, each cut at whitespace or, failing that, at MAX_SEGMENT_RUN. */
export function* segmentChunks(text: string, size = SEGMENT_CHUNK): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const hardEnd = Math.min(text.length, start + Math.max(size, MAX_SEGMENT_RUN));
    while (end < hardEnd && !isSpace(text.charCodeAt(end))) end++;
    if (end === hardEnd && end < text.length) {
      // No whitespace: step back to a cluster start (not before an attached mark, not after a
      // leading vowel), if there is one near.
      let cut = end;
      while (cut > start + size && !isClusterBoundary(text.charCodeAt(cut - 1), text.charCodeAt(cut))) cut--;
      if (cut > start) end = cut;
    }
    yield [start, end];
    start = end;
  }
}

/** Intl.Segmenter's word segments of `text`, with their offsets in `text`. */
export function* wordSegments(text: string): Generator<{ index: number; segment: string; isWordLike: boolean }> {
  for (const [start, end] of segmentChunks(text)) {
    for (const part of wordSegmenter.segment(text.slice(start, end))) {
      yield { index: start + part.index, segment: part.segment, isWordLike: part.isWordLike ?? false };
    }
  }
}
