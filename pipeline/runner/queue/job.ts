// A document's job on the queue, as the coordinator writes it and a worker checks it (zod): the
// source (its bytes inline, or a path or URL the worker reads and checks against the sha256),
// what detection found, and the per-document options. Plain JSON: BullMQ stores it as such.
import { z } from 'zod';

const STAGE_OPTIONS = z.object({
  ocr: z.enum(['auto', 'always', 'never']),
  ocrLanguages: z.string().min(1),
  timeoutMs: z.number().int().positive(),
});

const SOURCE = z.discriminatedUnion('via', [
  z.object({ via: z.literal('inline'), base64: z.string() }),
  z.object({ via: z.literal('path'), path: z.string().min(1) }),
  z.object({ via: z.literal('url'), url: z.url() }),
]);

export const QueueJobSchema = z.object({
  /** The coordinator's pipeline fingerprint: a worker running another pipeline refuses the job. */
  fingerprint: z.string().min(1),
  uri: z.string().min(1),
  title: z.string().optional(),
  collection: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  kind: z.enum(['pdf', 'html', 'markdown', 'text', 'image']),
  mediaType: z.string().min(1),
  contentType: z.string().optional(),
  charset: z.string().optional(),
  finalUrl: z.string().optional(),
  /** The size cap a worker applies to what it reads by reference. */
  maxBytes: z.number().int().positive(),
  source: SOURCE,
  options: STAGE_OPTIONS,
});

export type QueueJob = z.infer<typeof QueueJobSchema>;

/** What a worker returns: processDocument's result, as data. Checked by the coordinator too. */
export const QueueResultSchema = z.union([
  z.object({ ok: z.literal(true), json: z.string(), summary: z.looseObject({ id: z.string() }), timings: z.record(z.string(), z.number()) }),
  z.object({ ok: z.literal(false), failure: z.looseObject({ code: z.string(), message: z.string(), stage: z.string() }), timings: z.record(z.string(), z.number()) }),
]);
