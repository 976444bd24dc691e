// Repair throughput on large damaged Thai text, in MB/s of UTF-8 input on one core (CPU time of
// the process: other load on the machine does not count). Generated clean Thai
// (scripts/fixtures/clean-thai.ts) is damaged the way PDF fonts damage it (ำ lost to a space,
// tone marks before upper vowels, ที่ written ท่ี), cut into paragraphs and grouped into
// documents of about 200 KB, each repaired with repairDraft as the pipeline does. Two damage
// densities: every site damaged (about twice seed 002's repairs per KB), and seed 002's own
// density (measured on seed 002 at run time). Clean text is measured too.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Source } from '../../pipeline/model/document.ts';
import { emptyDraft, type Draft } from '../../pipeline/model/draft.ts';
import { repairDraft } from '../../pipeline/repair/index.ts';
import { cleanThaiText } from '../fixtures/clean-thai.ts';
import { random } from '../lib/random.ts';

/** Seed 002, kept in the sample corpus. */
const SEED_002 = fileURLToPath(new URL('../../sources/text-th-asean-smart-cities-damaged.txt', import.meta.url));
const CORPUS_BYTES = 8_000_000;
const DOCUMENT_BYTES = 200_000;
const WARM_UP_BYTES = 1_000_000;
const WARM_UP_SEED = 1000;
const SOURCE: Source = { uri: 'bench:repair', mediaType: 'text/plain', sha256: '0'.repeat(64), bytes: 0 };


/** Damages each site with probability `share`. */
function damage(text: string, share: number, seed: number): string {
  const next = random(seed);
  const hit = (): boolean => share >= 1 || next() < share;
  return text
    .replace(/([\u0E01-\u0E2E][\u0E48-\u0E4B]?)\u0E33/g, (site, base: string) => (hit() ? `${base} \u0E32` : site))
    .replace(/([\u0E31\u0E34-\u0E37])([\u0E48-\u0E4B])/g, (site, vowel: string, tone: string) => (hit() ? tone + vowel : site))
    .replace(/ที่/g, (site) => (hit() ? 'ท่ี' : site));
}

function documents(texts: string[]): Draft[] {
  const drafts: Draft[] = [];
  let draft = emptyDraft(SOURCE, 'text');
  let bytes = 0;
  for (const text of texts) {
    for (const paragraph of text.split(/\n\s*\n/)) {
      if (!paragraph.trim()) continue;
      draft.blocks.push({ type: 'paragraph', page: null, text: paragraph });
      bytes += Buffer.byteLength(paragraph);
      if (bytes >= DOCUMENT_BYTES) {
        drafts.push(draft);
        draft = emptyDraft(SOURCE, 'text');
        bytes = 0;
      }
    }
  }
  if (draft.blocks.length > 0) drafts.push(draft);
  return drafts;
}

/** `share` null: clean text. Exported for the output-fingerprint test (tests/repair). */
export function corpus(share: number | null, totalBytes = CORPUS_BYTES, firstSeed = 1): Draft[] {
  const texts: string[] = [];
  let bytes = 0;
  for (let seed = firstSeed; bytes < totalBytes; seed++) {
    const generated = cleanThaiText(DOCUMENT_BYTES, seed);
    const text = share === null ? generated : damage(generated, share, seed);
    texts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return documents(texts);
}

function inputBytes(drafts: Draft[]): number {
  let bytes = 0;
  for (const draft of drafts) for (const block of draft.blocks) bytes += Buffer.byteLength(block.text);
  return bytes;
}

function repairCount(draft: Draft): number {
  let count = 0;
  for (const value of Object.values(draft.repairs)) count += value;
  return count;
}

/** MB/s over CPU time, and the repairs made. */
function measure(drafts: Draft[]): { mbPerS: number; repairs: number } {
  const start = process.cpuUsage();
  let repairs = 0;
  for (const draft of drafts) repairs += repairCount(repairDraft(draft));
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  return { mbPerS: inputBytes(drafts) / 1e6 / seconds, repairs };
}

/** Repairs per KB that seed 002, real damaged text from a Thai government PDF, needs. */
function seedRepairsPerKb(): number {
  const text = readFileSync(SEED_002, 'utf8');
  const draft = emptyDraft(SOURCE, 'text');
  draft.blocks = text.split(/\n\s*\n/).map((paragraph) => ({ type: 'paragraph', page: null, text: paragraph }));
  return repairCount(repairDraft(draft)) / (Buffer.byteLength(text) / 1000);
}

const round = (value: number): number => Math.round(value * 10) / 10;

export async function bench(): Promise<Record<string, number | string>> {
  // Load the dictionary and let the JIT settle on other text than the measured one (so the
  // verdict cache holds nothing the measured documents could reuse).
  for (const draft of [...corpus(1, WARM_UP_BYTES, WARM_UP_SEED), ...corpus(null, WARM_UP_BYTES, WARM_UP_SEED)]) {
    repairDraft(draft);
  }
  const heavy = corpus(1);
  const heavyRun = measure(heavy);
  const heavyPerKb = heavyRun.repairs / (inputBytes(heavy) / 1000);
  const seedPerKb = seedRepairsPerKb();
  const seedLike = corpus(Math.min(1, seedPerKb / heavyPerKb), CORPUS_BYTES, 500);
  const seedLikeRun = measure(seedLike);
  const clean = corpus(null, CORPUS_BYTES, 900);
  const cleanRun = measure(clean);
  return {
    repair_damaged_input_mb: round(inputBytes(heavy) / 1e6),
    repair_damaged_mb_per_s: round(heavyRun.mbPerS),
    repair_damaged_repairs_per_kb: round(heavyPerKb),
    repair_seed002_density_mb_per_s: round(seedLikeRun.mbPerS),
    repair_seed002_density_repairs_per_kb: round(seedLikeRun.repairs / (inputBytes(seedLike) / 1000)),
    repair_clean_mb_per_s: round(cleanRun.mbPerS),
    repair_clean_repairs: cleanRun.repairs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await bench());
}
