// The stages a document goes through, declared once and in order: extract, the draft stages, emit.
// Both engines read this table. The local engine runs each stage where the table says: the
// 'thread' stages in its worker threads (worker.ts runs as many in a row as it can in one call, so
// the draft, the largest thing a document becomes, never crosses threads unless a 'main' stage
// applies) and the 'main' stages on the main thread (process.ts). The queue engine's workers
// (queue/worker.ts) run the local engine, so they read this table too.
//
// A thread stage is loaded in the thread that runs it (`load`): the main thread never loads pdf.js,
// the repair dictionaries or the tagger's model.
import type { Draft } from '../model/draft.ts';
import type { ExtractInput, ExtractOptions, OcrMode, StageName } from '../model/stages.ts';
import { DOCUMENT, losesPage, warning } from '../model/warnings.ts';
import type { PageOpener } from '../ocr/page-images.ts';
import type { Emitted } from './job.ts';
import type { OcrRunner } from './main-thread-stages.ts';

/** What a main-thread stage is given besides the draft: the source's bytes and the engine's own
 * workers (OCR: tesseract.js workers, and page images made in the stage pool's threads). */
interface MainStageContext {
  bytes: Uint8Array;
  options: ExtractOptions;
  signal: AbortSignal;
  ocr: () => OcrRunner;
  openPages: PageOpener;
}

/** Runs in a worker thread; repair and tag take no signal (they are synchronous): the driver
 * checks it between stages. */
export interface ThreadStage<In, Out> {
  name: StageName;
  runs: 'thread';
  load: () => Promise<(input: In, signal: AbortSignal) => Out | Promise<Out>>;
}

interface MainStage {
  name: StageName;
  runs: 'main';
  run: (draft: Draft, context: MainStageContext) => Promise<Draft>;
}

/** A stage between extract and emit: a draft in, a draft out, where it applies (always, unless
 * `appliesTo` says). */
type DraftStep = (ThreadStage<Draft, Draft> | MainStage) & { appliesTo?: (draft: Draft, options: ExtractOptions) => boolean };

export interface StageTable {
  /** The source's bytes → a draft. */
  extract: ThreadStage<ExtractInput, Draft>;
  /** Draft → draft, in this order. */
  draft: readonly DraftStep[];
  /** The draft → the serialized document, validated, with what the runner records of it. */
  emit: ThreadStage<Draft, Emitted>;
}

/** A stage's loader, run once per thread: each later document takes the function at once, not
 * through the module loader's hooks again. A load that failed is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}

function needsOcr(draft: Draft, mode: OcrMode): boolean {
  if (mode === 'never') return false;
  if (draft.kind === 'image') return true;
  return (draft.pages ?? []).some((page) => mode === 'always' || page.needsOcr !== null);
}

async function loadExtract(): Promise<(input: ExtractInput, signal: AbortSignal) => Promise<Draft>> {
  const [{ extractDocument }, { MAX_STREAM_BYTES, streamsTooLarge }] = await Promise.all([import('../extract/index.ts'), import('../shared/pdfjs.ts')]);
  return async (input, signal) => {
    const refusedBefore = streamsTooLarge();
    const draft = await extractDocument(input, signal);
    // One document at a time per thread, so the count is this document's. pdf.js drops what such
    // a stream was part of (a page's content, a font) and goes on: the document says so.
    const refused = streamsTooLarge() - refusedBefore;
    if (refused > 0) {
      const message = `${refused} PDF stream(s) decode past ${MAX_STREAM_BYTES / 2 ** 20} MB (a quarter of --thread-memory) and were left out; text drawn from them is missing`;
      draft.warnings.push(warning('pdf-stream-too-large', message, DOCUMENT));
    }
    return draft;
  };
}

/** Emit validates and serializes in the thread, so the main thread only writes files. */
async function loadEmit(): Promise<(draft: Draft) => Emitted> {
  const { serializeDocument, toDocument } = await import('../emit/index.ts');
  return (draft) => {
    const document = toDocument(draft);
    return {
      json: serializeDocument(document),
      summary: {
        id: document.id,
        title: document.title,
        languages: document.languages,
        pages: draft.pages?.length ?? draft.metadata.pageCount ?? 0,
        blocks: document.blocks.length,
        entities: document.entities.length,
        repairs: document.repairs.reduce((sum, repair) => sum + repair.count, 0),
        warnings: document.warnings.length,
        partial: document.warnings.some((found) => losesPage(found.code)),
      },
    };
  };
}

export const STAGES: StageTable = {
  extract: { name: 'extract', runs: 'thread', load: once(loadExtract) },
  draft: [
    {
      name: 'ocr',
      runs: 'main',
      appliesTo: (draft, options) => needsOcr(draft, options.ocr),
      run: (draft, context) => context.ocr().run(draft, context.bytes, context.options, context.signal, context.openPages),
    },
    // Tagging reads the repaired text.
    { name: 'repair', runs: 'thread', load: once(async () => (await import('../repair/index.ts')).repairDraft) },
    { name: 'tag', runs: 'thread', load: once(async () => (await import('../tag/index.ts')).tagDraft) },
  ],
  emit: { name: 'emit', runs: 'thread', load: once(loadEmit) },
};
