// The review page on a generated 10,000-document output folder: how long the server takes to
// read it (start-up), its memory, and how fast the corpus view answers (first page, a deep
// page, filters, a text search) and a document view. The 10,000 documents are copies of the
// sample corpus' non-scan sources built for real (ocr never), each copy with its own id,
// source hash and title; a dozen distinct texts, so search cost is real but the content repeats.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { build, type Manifest } from '../../pipeline/index.ts';
import { startReviewServer } from '../../review/server.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const DOCUMENTS = 10_000;
const ROUNDS = 15;

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

async function timedGet(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url);
  await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - start;
}

async function median(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await timedGet(url));
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samut-bench-review-'));
  try {
    const seedOut = path.join(dir, 'seed');
    const inputs = readdirSync(path.join(ROOT, 'sources'))
      .filter((name) => !name.startsWith('scan-') && !name.endsWith('PROVENANCE.md') && name !== 'README.md')
      .map((name) => path.join(ROOT, 'sources', name));
    const seed = await build({ inputs, out: seedOut, ocr: 'never' });
    const templates = seed.manifest.documents.filter((entry) => entry.status === 'ok');
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'docs'), { recursive: true });
    const entries: Manifest['documents'] = [];
    let bytes = 0;
    const texts = templates.map((entry) => readFileSync(path.join(seedOut, 'docs', `${entry.id}.json`), 'utf8'));
    for (let i = 0; i < DOCUMENTS; i++) {
      const template = templates[i % templates.length]!;
      const sha256 = hex(`review-bench-${i}`, 64);
      const id = sha256.slice(0, 16);
      const document = JSON.parse(texts[i % templates.length]!) as { id: string; title: string | null; source: { sha256: string; uri: string } };
      document.id = id;
      document.source.sha256 = sha256;
      document.source.uri = `generated/${i}-${path.basename(template.uri)}`;
      document.title = `${document.title ?? 'untitled'} (${i})`;
      const json = `${JSON.stringify(document, null, 2)}\n`;
      bytes += json.length;
      writeFileSync(path.join(out, 'docs', `${id}.json`), json);
      entries.push({ ...template, id, sha256, uri: document.source.uri, title: document.title });
    }
    writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ ...seed.manifest, documents: entries }));
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const server = await startReviewServer({ out, cwd: dir });
    const startMs = performance.now() - started;
    const rssAfter = process.memoryUsage().rss;
    try {
      const url = server.url;
      const deepId = entries[DOCUMENTS - 1]!.id!;
      const largestTemplate = texts.indexOf(texts.reduce((a, b) => (b.length > a.length ? b : a)));
      const largest = entries[largestTemplate]!.id!;
      await timedGet(url); // warm-up
      return {
        review_documents: DOCUMENTS,
        review_distinct_texts: templates.length,
        review_output_mb: Math.round(bytes / 1e5) / 10,
        review_start_ms: Math.round(startMs),
        review_index_rss_mb: Math.round((rssAfter - rssBefore) / 1e5) / 10,
        review_corpus_first_page_ms: await median(url),
        review_corpus_page_150_ms: await median(`${url}?page=150`),
        review_filter_rule_ms: await median(`${url}?rule=sara-am-space`),
        review_filter_entity_ms: await median(`${url}?entity=TH-40`),
        review_filter_status_lang_ms: await median(`${url}?status=partial&lang=en`),
        review_search_thai_ms: await median(`${url}?q=${encodeURIComponent('เมืองอัจฉริยะ')}`),
        review_search_miss_ms: await median(`${url}?q=${encodeURIComponent('no such words anywhere')}`),
        review_document_largest_kb: Math.round(texts[largestTemplate]!.length / 1000),
        review_document_largest_ms: await median(`${url}doc/${largest}`),
        review_document_last_ms: await median(`${url}doc/${deepId}`),
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
