// Runs in a child process with no network (see offline.test.ts): starts an OCR engine from a
// fresh traineddata folder and reads one page. Prints one JSON line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import os from 'node:os';
import path from 'node:path';
import { createOcrEngine } from '../../../pipeline/ocr/index.ts';

const image = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/scans/en-memo.jpg'));
const tessdataRoot = mkdtempSync(path.join(os.tmpdir(), 'samut-offline-'));
// The sandbox must really be closed: a name lookup has to fail.
const networkReachable = await lookup('cdn.jsdelivr.net').then(
  () => true,
  () => false,
);
const engine = await createOcrEngine({ workers: 1, tessdataRoot });
try {
  const result = await engine.recognize(image);
  const text = result.paragraphs.flatMap((paragraph) => paragraph.lines.map((line) => line.text)).join('\n');
  console.log(JSON.stringify({ networkReachable, text }));
} finally {
  await engine.terminate();
  rmSync(tessdataRoot, { recursive: true, force: true });
}
