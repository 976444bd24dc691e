// A downstream app as the package test installs it: plain Node, ESM, samut by its package name.
// Type-checked by tsc against the installed package's .d.ts, then run as JavaScript.
import { readFile } from 'node:fs/promises';
import { build, documentSchema, extract, type BuildEvent, type SamutDocument } from 'samut';
import schemaV1 from 'samut/schema/v1' with { type: 'json' };

const [pdfPath, htmlPath, outDir] = process.argv.slice(2) as [string, string, string];

function summary(document: SamutDocument) {
  documentSchema.parse(document);
  return { title: document.title, languages: document.languages, blocks: document.blocks.length, text: document.text.slice(0, 400), repairs: document.repairs };
}

const pdf = await extract(pdfPath);
const html = await extract(new URL(`file://${htmlPath}`));
const damaged = await extract({ bytes: new TextEncoder().encode('เรื่องที่ส าคัญของจังหวัดขอนแก่น\n'), name: 'damaged.txt', mediaType: 'text/plain; charset=utf-8' });
const missing = await extract('no/such/file.pdf');

const events: BuildEvent['type'][] = [];
const streamed: string[] = [];
const run = build({ inputs: [pdfPath, htmlPath], out: outDir, threads: 1, onEvent: (event) => events.push(event.type) });
for await (const { entry, document } of run) streamed.push(`${entry.status} ${document?.source.uri ?? ''}`);
const { manifest } = await run;

let badOption = '';
try {
  void extract(pdfPath, { ocr: 'sometimes' as never });
} catch (error) {
  badOption = (error as TypeError).message;
}

const result = {
  pdf: 'document' in pdf ? summary(pdf.document) : pdf.failure,
  html: 'document' in html ? summary(html.document) : html.failure,
  damaged: 'document' in damaged ? summary(damaged.document) : damaged.failure,
  missing: 'failure' in missing ? missing.failure : null,
  events,
  streamed,
  ok: manifest.summary.ok,
  badOption,
  schemaId: (schemaV1 as { $schema?: string }).$schema,
  written: (await readFile(`${outDir}/manifest.json`, 'utf8')).length > 0,
};
process.stdout.write(JSON.stringify(result));
