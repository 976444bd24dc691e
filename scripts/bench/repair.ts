// Repair throughput on large damaged Thai text, in MB/s of UTF-8 input on one core (CPU time of
// this thread, so other load on the machine does not count). The damaged corpus is seed 002
// (real damage from a Thai government PDF, once) plus the generated clean Thai text damaged the way
// PDF fonts damage it (every ำ lost to a space, tone marks before upper vowels, ำ written as
// nikhahit + า), cut into paragraphs and grouped into documents of about 200 KB, each repaired
// with repairDraft as the pipeline does. Clean text is measured too: most text has no damage.
import { readFileSync } from 'node:fs';
import type { Source } from '../../pipeline/model/document.ts';
import { emptyDraft, type Draft } from '../../pipeline/model/draft.ts';
import { repairDraft } from '../../pipeline/repair/index.ts';
import { cleanThaiText } from '../fixtures/clean-thai.ts';

const SEED_002 = '/work/shared/seeds/002_aa8774decc930f92.txt';
const CORPUS_BYTES = 8_000_000;
const DOCUMENT_BYTES = 200_000;
const WARM_UP_BYTES = 1_000_000;
const WARM_UP_SEED = 1000;
const SOURCE: Source = { uri: 'bench:repair', mediaType: 'text/plain', sha256: '0'.repeat(64), bytes: 0 };

/** Damage as Thai PDF fonts do; each generated slice gets its own seed so no two are alike. */
function damage(text: string): string {
  return text
    .replace(/([\u0E01-\u0E2E][\u0E48-\u0E4B]?)\u0E33/g, (_, base: string) => `${base} \u0E32`)
    .replace(/([\u0E31\u0E34-\u0E37])([\u0E48-\u0E4B])/g, '$2$1')
    .replace(/ที่/g, 'ท่ี');
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

function corpus(clean: boolean, totalBytes = CORPUS_BYTES, firstSeed = 1): Draft[] {
  const texts: string[] = [];
  let bytes = 0;
  let seed = firstSeed;
  const seedText = readFileSync(SEED_002, 'utf8');
  while (bytes < totalBytes) {
    const generated = cleanThaiText(DOCUMENT_BYTES, seed++);
    // Seed 002 once: repeated, its verdicts would come from the cache.
    const text = clean ? generated : texts.length === 0 ? `${seedText}\n\n${damage(generated)}` : damage(generated);
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

/** MB/s over CPU time of this thread, and the repairs made. */
function measure(drafts: Draft[]): { mbPerS: number; repairs: number } {
  const start = process.cpuUsage();
  let repairs = 0;
  for (const draft of drafts) {
    const repaired = repairDraft(draft);
    for (const count of Object.values(repaired.repairs)) repairs += count;
  }
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  return { mbPerS: inputBytes(drafts) / 1e6 / seconds, repairs };
}

export async function bench(): Promise<Record<string, number | string>> {
  // Load the dictionary and let the JIT settle on other text than the measured one (so the
  // verdict cache holds nothing the measured documents could reuse).
  for (const draft of [...corpus(false, WARM_UP_BYTES, WARM_UP_SEED), ...corpus(true, WARM_UP_BYTES, WARM_UP_SEED)]) {
    repairDraft(draft);
  }
  const damaged = corpus(false);
  const clean = corpus(true);
  const damagedRun = measure(damaged);
  const cleanRun = measure(clean);
  return {
    repair_damaged_input_mb: Math.round(inputBytes(damaged) / 1e5) / 10,
    repair_damaged_mb_per_s: Math.round(damagedRun.mbPerS * 10) / 10,
    repair_damaged_repairs: damagedRun.repairs,
    repair_clean_mb_per_s: Math.round(cleanRun.mbPerS * 10) / 10,
    repair_clean_repairs: cleanRun.repairs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await bench());
}
