// A small real build for the review tests: the Royal Gazette PDF (text layer with sara am
// repairs), a text file with an ambiguous sara am and HTML-looking text, into a temp folder.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../pipeline/runner/build.ts';

export const GAZETTE = fileURLToPath(new URL('../fixtures/pdf/royal-gazette-2566.pdf', import.meta.url));

/** A text whose markup must show as text, and a "ค่ า" nothing decides (thai-ambiguous). */
const HOSTILE_TEXT = 'รายงาน <script>window.__pwned = 1</script> และ <img src=x onerror="window.__pwned = 2"> ราคา ค่ า ของ\n';

export interface ReviewCorpus {
  dir: string;
  out: string;
  inputs: string[];
  rebuild: () => ReturnType<typeof build>;
}

export async function buildReviewCorpus(): Promise<ReviewCorpus> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samut-review-'));
  const sources = path.join(dir, 'sources');
  const out = path.join(dir, 'out');
  mkdirSync(sources);
  copyFileSync(GAZETTE, path.join(sources, 'royal-gazette-2566.pdf'));
  writeFileSync(path.join(sources, 'hostile.txt'), HOSTILE_TEXT);
  const inputs = [sources];
  const rebuild = () => build({ inputs, out, cwd: dir, threads: 1, ocr: 'never' });
  await rebuild();
  return { dir, out, inputs, rebuild };
}
