// A few pages of the web benchmark (tests/fixtures/web-articles-dev), scored as the benchmark
// scores: the extraction on each must stay above a floor. The pages were chosen for variety:
// an ASP.NET page wrapped in one <form>, a page whose article is short among long teaser
// lists, a wire story with a sign-in bar and a title heading, a blog post.
import { describe, expect, it } from 'vitest';
import { extractArticleText, loadWebCorpus, shingleScore } from '../../scripts/bench/web.ts';

/** Key prefix (12 hex digits) → where the page is from, and its F1 floor. */
const PAGES: Record<string, { url: string; minF1: number }> = {
  '42aad16bde92': { url: 'aljazeera.com', minF1: 0.95 },
  'e372e42c0a3d': { url: 'jpost.com', minF1: 0.95 },
  'ef2b3f268a67': { url: 'mysanantonio.com', minF1: 0.85 },
  '5f03fc173ebc': { url: 'beachbodyondemand.com', minF1: 0.95 },
};

describe('web benchmark pages', () => {
  const pages = loadWebCorpus();
  for (const [prefix, expected] of Object.entries(PAGES)) {
    const page = pages.find((candidate) => candidate.key.startsWith(prefix));
    it(`F1 on ${prefix} ${expected.url} stays above ${expected.minF1}`, async () => {
      expect(page, 'page is in the corpus').toBeDefined();
      if (expected.url) expect(page!.url).toContain(expected.url);
      const { precision, recall } = shingleScore(page!.truth, await extractArticleText(page!));
      const f1 = (2 * precision * recall) / (precision + recall || 1);
      expect(f1, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`).toBeGreaterThanOrEqual(expected.minF1);
    });
  }

  it('scores like the benchmark: shingles of 4 \\w+ tokens, multisets', () => {
    expect(shingleScore('a b c d e', 'a b c d e')).toEqual({ precision: 1, recall: 1 });
    // Truth has 2 shingles (a b c d, b c d e); the extraction adds one wrong shingle.
    expect(shingleScore('a b c d e', 'a b c d e f')).toEqual({ precision: 2 / 3, recall: 1 });
    expect(shingleScore('a b c d e', 'x y z w')).toEqual({ precision: 0, recall: 0 });
  });
});
