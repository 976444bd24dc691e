#!/usr/bin/env -S npx tsx
// The command line: parses arguments, wires them to the library, renders progress on stderr.
// No pipeline logic lives here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { build, documentJsonSchema, extractOne, SCHEMA_VERSIONS, type BuildEvent, type Manifest, type SchemaVersion } from '../pipeline/index.ts';
import { MIN_THREAD_MEMORY_MB } from '../pipeline/runner/pool.ts';
import type { OcrMode } from '../pipeline/model/stages.ts';
import { PACKAGE_ROOT } from '../pipeline/runner/fingerprint.ts';
import { startReviewServer } from '../review/server.ts';
import { maskRedisUrl } from '../pipeline/runner/queue/connection.ts';

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const HELP = `samut ${VERSION}: Thai + English documents → repaired, tagged, validated JSON

Usage:
  samut build [INPUT...] [--out DIR]    build a corpus (INPUT defaults to sources/, DIR to output/)
  samut extract INPUT                   print one document's JSON on stdout
  samut schema                          print the JSON Schema of a document
  samut review [OUT]                    review a build in the browser (OUT defaults to output/)
  samut build --queue URL INPUT... --out DIR
                                        build through a Redis queue: this process plans and
                                        writes; "samut worker" processes run the documents
  samut worker --queue URL              run queued documents on this machine until SIGTERM
  samut status --queue URL              jobs waiting, active, done and failed; live workers

INPUT is a file, a folder (walked recursively) or an http(s):// URL.

Options:
  -o, --out DIR           output folder (build)                      [output]
  -l, --list FILE         a sources list: one input a line, or JSON Lines / JSON
                          objects {"input", "collection", "title"} (repeatable)
  -c, --concurrency N     documents in flight at once                [threads x 2]
  -t, --threads N         worker threads for CPU-heavy stages        [cores]
      --timeout SECONDS   per-document time limit                    [120]
      --thread-memory MB  heap limit of each worker thread (>= 64)   [512]
      --max-bytes N       largest input read, in bytes               [536870912]
      --ocr MODE          auto | always | never                      [auto]
      --ocr-lang LANGS    tesseract languages                        [tha+eng]
      --allow-outside     follow symbolic links out of a folder, and let a sources
                          list name files outside its own folder
      --schema-version V  schemaVersion of the documents made        [1]
  -f, --force             rebuild every document, changed or not
      --prune             remove the output of sources that disappeared
  -q, --quiet             no progress, only errors
      --queue URL         redis://[user:pass@]host:port/db or rediss:// (TLS)
      --queue-name NAME   the BullMQ queue                           [samut]
      --inline-max-bytes N  build --queue: larger sources go to workers as
                          their path or URL, not through Redis       [67108864]
      --stall-ms N        worker: a dead worker's job is retaken after ~N ms [30000]
      --max-stalls N      worker: times a job may lose its worker before it
                          fails with worker-lost                     [1]
      --port N            review: the port to listen on              [a free port]
      --host HOST         review: the address to listen on           [127.0.0.1]
  -h, --help              this help
  -v, --version           the version

Exit codes: 0 all documents done, 1 some documents failed, 2 usage error, 130 interrupted.`;

class UsageError extends Error {}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} takes a whole number >= 1, got "${value}"`);
  return number;
}

function threadMemory(value: string | undefined): number | undefined {
  const megabytes = positiveInteger('thread-memory', value);
  if (megabytes !== undefined && megabytes < MIN_THREAD_MEMORY_MB) {
    throw new UsageError(`--thread-memory takes at least ${MIN_THREAD_MEMORY_MB} (MB): a worker thread cannot load the stages in less; got "${value}"`);
  }
  return megabytes;
}

function ocrMode(value: string | undefined): OcrMode | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new UsageError(`--ocr takes auto, always or never, got "${value}"`);
}

function schemaVersion(value: string | undefined): SchemaVersion | undefined {
  if (value === undefined) return undefined;
  if ((SCHEMA_VERSIONS as readonly string[]).includes(value)) return value as SchemaVersion;
  throw new UsageError(`--schema-version takes ${SCHEMA_VERSIONS.join(', ')} (the schemaVersions this samut makes), got "${value}"`);
}

function queueOption(values: { queue?: string | undefined; 'queue-name'?: string | undefined; 'inline-max-bytes'?: string | undefined }) {
  if (values.queue === undefined) return undefined;
  const inline = values['inline-max-bytes'] === undefined ? undefined : Number(values['inline-max-bytes']);
  if (inline !== undefined && (!Number.isInteger(inline) || inline < 0)) throw new UsageError(`--inline-max-bytes takes a whole number >= 0, got "${values['inline-max-bytes']}"`);
  return { url: values.queue, ...(values['queue-name'] ? { name: values['queue-name'] } : {}), ...(inline !== undefined ? { inlineMaxBytes: inline } : {}) };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      list: { type: 'string', short: 'l', multiple: true },
      concurrency: { type: 'string', short: 'c' },
      threads: { type: 'string', short: 't' },
      timeout: { type: 'string' },
      'thread-memory': { type: 'string' },
      'max-bytes': { type: 'string' },
      ocr: { type: 'string' },
      'ocr-lang': { type: 'string' },
      'schema-version': { type: 'string' },
      force: { type: 'boolean', short: 'f' },
      'allow-outside': { type: 'boolean' },
      prune: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      queue: { type: 'string' },
      'queue-name': { type: 'string' },
      'inline-max-bytes': { type: 'string' },
      'stall-ms': { type: 'string' },
      'max-stalls': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function formatSummary(manifest: Manifest): string {
  const s = manifest.summary;
  const seconds = manifest.durationMs / 1000;
  const lines = [
    `samut: ${s.total} documents in ${seconds.toFixed(1)} s: ${s.ok} ok, ${s.partial ? `${s.partial} partial (pages lost), ` : ''}${s.failed} failed, ${s.skipped} unchanged${s.duplicate ? `, ${s.duplicate} duplicate` : ''}` +
      `; ${s.pages} pages, ${s.repairs} repairs, ${s.entities} entities`,
  ];
  for (const [code, count] of Object.entries(s.failedByCode)) lines.push(`  failed with ${code}: ${count}`);
  for (const entry of manifest.documents.filter((doc) => doc.status === 'failed')) {
    lines.push(`  ✗ ${entry.uri}: [${entry.error?.code}] ${entry.error?.message}`);
  }
  for (const entry of manifest.documents.filter((doc) => doc.status === 'partial')) lines.push(`  ! ${entry.uri}: written with pages lost (see its warnings)`);
  for (const missing of manifest.missing) lines.push(`  - ${missing.uri}: source gone${missing.removed ? ', output removed' : ' (keep with no flag; --prune removes its output)'}`);
  if (manifest.interrupted) lines.push('  interrupted: run the same command again to finish; finished documents are kept');
  return lines.join('\n');
}

function progressReporter(quiet: boolean): (event: BuildEvent) => void {
  if (quiet) return () => {};
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'samut {bar} {value}/{total} docs | {pages} pages | {rate} docs/s | ETA {eta_formatted} | {last}', stream: process.stderr, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    let started = 0;
    let pages = 0;
    return (event) => {
      if (event.type === 'start') {
        started = performance.now();
        bar.start(event.total, 0, { pages: 0, rate: '0.0', last: '' });
      } else if (event.type === 'document') {
        pages += event.pages;
        const rate = event.done / Math.max((performance.now() - started) / 1000, 0.001);
        bar.update(event.done, { pages, rate: rate.toFixed(1), last: event.entry.uri.slice(-40) });
      } else bar.stop();
    };
  }
  let pages = 0;
  let started = 0;
  return (event) => {
    if (event.type === 'start') {
      started = performance.now();
      process.stderr.write(`samut: building ${event.total} inputs (pipeline ${event.fingerprint})\n`);
    }
    if (event.type === 'document') {
      pages += event.pages;
      const e = event.entry;
      const seconds = Math.max((performance.now() - started) / 1000, 0.001);
      const left = ((event.total - event.done) * seconds) / event.done;
      const detail = e.status === 'failed' ? ` [${e.error?.code}] ${e.error?.message}` : e.status === 'ok' || e.status === 'partial' ? ` ${e.pages ? `${e.pages}p ` : ''}${e.blocks} blocks` : '';
      const pace = `${pages} pages, ${(event.done / seconds).toFixed(1)} docs/s, ${Math.ceil(left)} s left`;
      process.stderr.write(`[${event.done}/${event.total}] ${e.status} ${e.uri}${detail} (${pace})\n`);
    }
  };
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  // Only "1" exists today, so it changes nothing yet; an older version stays producible on request.
  const version = schemaVersion(values['schema-version']);
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nsamut: stopping: finishing nothing new, keeping what is written (Ctrl-C again to quit at once)\n');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const common = {
    ocr: ocrMode(values.ocr),
    ocrLanguages: values['ocr-lang'],
    timeoutMs: positiveInteger('timeout', values.timeout) === undefined ? undefined : Number(values.timeout) * 1000,
    maxBytes: positiveInteger('max-bytes', values['max-bytes']),
    threadMemoryMb: threadMemory(values['thread-memory']),
    signal: controller.signal,
  };
  const defined = <T extends object>(object: T) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
  switch (command) {
    case 'schema':
      process.stdout.write(`${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
      return 0;
    case 'extract': {
      if (inputs.length !== 1) throw new UsageError('extract takes exactly one INPUT');
      const result = await extractOne(inputs[0] ?? '', defined(common));
      if ('failure' in result) {
        process.stderr.write(`samut: ${inputs[0]}: [${result.failure.code}] ${result.failure.message}\n`);
        return 1;
      }
      process.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
      return 0;
    }
    case 'build': {
      const lists = values.list ?? [];
      const result = await build(
        defined({
          ...common,
          inputs: inputs.length === 0 && lists.length === 0 ? ['sources'] : inputs,
          lists,
          out: values.out ?? 'output',
          concurrency: positiveInteger('concurrency', values.concurrency),
          threads: positiveInteger('threads', values.threads),
          force: values.force ?? false,
          prune: values.prune ?? false,
          allowOutside: values['allow-outside'] ?? false,
          schemaVersion: version,
          queue: queueOption(values),
          onEvent: progressReporter(values.quiet ?? false),
        }),
      );
      if (!values.quiet || result.exitCode !== 0) process.stderr.write(`${formatSummary(result.manifest)}\n`);
      return result.manifest.interrupted ? 130 : result.exitCode;
    }
    case 'worker': {
      if (!values.queue) throw new UsageError('worker needs --queue URL');
      if (inputs.length > 0) throw new UsageError('worker takes no INPUT: the coordinator (samut build --queue) queues them');
      const quiet = values.quiet ?? false;
      // BullMQ is loaded only by the queue's commands.
      const { startQueueWorker } = await import('../pipeline/runner/queue/worker.ts');
      const worker = await startQueueWorker(
        defined({
          url: values.queue,
          name: values['queue-name'],
          threads: positiveInteger('threads', values.threads),
          threadMemoryMb: common.threadMemoryMb,
          concurrency: positiveInteger('concurrency', values.concurrency),
          stallMs: positiveInteger('stall-ms', values['stall-ms']),
          maxStalls: positiveInteger('max-stalls', values['max-stalls']),
          onEvent: (event) => {
            if (event.type === 'error') process.stderr.write(`samut worker: ${event.message}\n`);
            else if (!quiet) process.stderr.write(`samut worker: ${event.failure ? `failed [${event.failure.code}]` : 'done'} ${event.uri}\n`);
          },
        }),
      );
      if (!quiet) process.stderr.write(`samut worker: pid ${process.pid} taking jobs from ${maskRedisUrl(values.queue)}; SIGTERM finishes the jobs in hand and stops\n`);
      await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
      await worker.close();
      if (!quiet) process.stderr.write('samut worker: stopped\n');
      return 0;
    }
    case 'status': {
      if (!values.queue) throw new UsageError('status needs --queue URL');
      const { queueStatus } = await import('../pipeline/runner/queue/status.ts');
      const status = await queueStatus(values.queue, values['queue-name']);
      process.stdout.write(
        `queue ${maskRedisUrl(values.queue)}: ${status.waiting} waiting, ${status.active} active, ${status.done} done, ${status.failed} failed; ${status.workers.length} live worker(s)\n` +
          status.workers.map((worker) => `  ${worker.name} (connected ${worker.ageS} s)\n`).join(''),
      );
      return 0;
    }
    case 'review': {
      if (inputs.length > 1) throw new UsageError('review takes at most one OUT folder');
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number from 0 to 65535, got "${values.port}"`);
      process.stderr.write(`samut review: reading ${inputs[0] ?? 'output'}\n`);
      const server = await startReviewServer({ out: inputs[0] ?? 'output', port, ...(values.host ? { host: values.host } : {}) });
      process.stdout.write(`samut review: ${server.url}\n`);
      process.stderr.write('samut review: serving the build; Ctrl-C stops\n');
      await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
      await server.close();
      return 0;
    }
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof TypeError) {
      process.stderr.write(`samut: ${error.message}\nRun "samut --help" for usage.\n`);
      process.exitCode = 2;
      return;
    }
    // The output folder cannot be written, or another build holds it: one line, exit 2, nothing done.
    if (error instanceof Error && (error.name === 'OutputFolderError' || error.name === 'LockHeldError')) {
      process.stderr.write(`samut: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    // Other errors of the environment (a full disk, a vanished folder) say what they are in one line;
    // only a bug in samut gets its stack trace.
    const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
    const detail = error instanceof Error ? (typeof code === 'string' && code.startsWith('E') ? error.message : (error.stack ?? error.message)) : String(error);
    process.stderr.write(`samut: ${detail}\n`);
    process.exitCode = 1;
  },
);
