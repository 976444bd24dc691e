// The document model: one zod schema is the TypeScript type, the runtime validator and the
// JSON Schema that downstream apps read (output/schema/document.schema.json).
// Changing a field that the contract names needs a schemaVersion bump (README, Changelog).
import { z } from 'zod';

/** The `schemaVersion` of the documents this model describes. */
export const SCHEMA_VERSION = '1';

export const BlockType = z
  .enum(['heading', 'paragraph', 'list-item', 'table', 'footnote', 'caption', 'quote', 'code'])
  .meta({ id: 'BlockType' });
export type BlockType = z.output<typeof BlockType>;

/** "und" is for blocks with no letters at all (a row of digits, a rule). */
export const BlockLang = z.enum(['th', 'en', 'mixed', 'und']).meta({ id: 'BlockLang' });
export type BlockLang = z.output<typeof BlockLang>;

/** One change Thai repair made to a block's text: `rule`, where (`offset`, UTF-16 code units into the block's text) and what. */
export const Edit = z
  .object({
    rule: z.string().describe('repair rule id, e.g. "sara-am-space"'),
    offset: z.number().int().nonnegative().describe('where `after` starts in the block\'s repaired text'),
    before: z.string(),
    after: z.string(),
    evidence: z
      .string()
      .optional()
      .describe(
        'judged repairs: what decided this place: "glyph" (the PDF drew a zero-width nikhahit, or a wide space), "spelling" (no Thai word ends or starts so), "ocr" (the OCR reading of the line), "dictionary" (the Thai word list), "document" (the rest of the document), "icu" (ICU\'s segmenter); "+"-joined when edits merged',
      ),
    rejected: z.string().optional().describe('rule "review" only: the repair rule a reviewer rejected here (the text keeps the source\'s reading)'),
  })
  .meta({
    id: 'Edit',
    description:
      'One repair. Undo: replace text.slice(offset, offset + after.length) with `before`, last edit first.',
  });
export type Edit = z.output<typeof Edit>;

export const FootnoteRef = z
  .object({
    label: z.string().describe('the mark as printed: "1", "๑", "*"'),
    offset: z.number().int().nonnegative().describe('offset in the block text where the mark stood'),
    note: z.string().nullable().describe('id of the footnote block it points to, when found'),
  })
  .meta({ id: 'FootnoteRef' });
export type FootnoteRef = z.output<typeof FootnoteRef>;

export const BlockBox = z
  .object({ x0: z.number().min(0).max(1), y0: z.number().min(0).max(1), x1: z.number().min(0).max(1), y1: z.number().min(0).max(1) })
  .meta({
    id: 'BlockBox',
    description:
      'Where a block stands on its page: fractions of the page width (x) and height (y), from the top-left corner of the page as shown (after /Rotate). Text-layer and OCR blocks only.',
  });
export type BlockBox = z.output<typeof BlockBox>;

export const Origin = z.enum(['text-layer', 'ocr', 'html', 'markdown', 'text']).meta({ id: 'Origin' });
export type Origin = z.output<typeof Origin>;

/** A heading, paragraph, list item, table, caption, footnote… of the document, with its place in `text` (`start`, `end`). */
export const Block = z
  .object({
    id: z.string(),
    type: BlockType,
    page: z.number().int().positive().nullable(),
    lang: BlockLang,
    text: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    level: z.number().int().min(1).max(6).optional().describe('heading level'),
    rows: z.array(z.array(z.string())).optional().describe('table cells, row by row'),
    label: z.string().optional().describe('footnote label, or list item marker'),
    refs: z.array(FootnoteRef).optional().describe('footnote reference marks taken out of this block'),
    origin: Origin.optional(),
    confidence: z.number().min(0).max(1).optional().describe('OCR confidence, 0 to 1'),
    original: z.string().optional().describe('the text before Thai repair, when repair changed it'),
    edits: z.array(Edit).optional(),
    bbox: BlockBox.optional().describe('the block\'s box on its page (PDF text layer and OCR)'),
  })
  .meta({ id: 'Block' });
export type Block = z.output<typeof Block>;

export const EntityType = z
  .enum(['city', 'province', 'country', 'region', 'agency', 'organization', 'person', 'date', 'event'])
  .meta({ id: 'EntityType' });
export type EntityType = z.output<typeof EntityType>;

/** A place, agency, person or date found in `text`, with its canonical `id`. */
export const Entity = z
  .object({
    type: EntityType,
    text: z.string().describe('exactly text.slice(start, end)'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    id: z.string().nullable().describe('canonical id: ISO 3166-1 alpha-2, ISO 3166-2, or the gazetteer\'s own'),
    name: z.object({ en: z.string().optional(), th: z.string().optional() }),
    value: z.string().optional().describe('dates: ISO 8601, Gregorian'),
    key: z
      .string()
      .optional()
      .describe(
        'people, organisations and agencies with no id: the name without titles, normalised (NFC, one space, Latin lowercase), the same in every document; a short later mention carries the key of the full name it stands for',
      ),
  })
  .meta({ id: 'Entity' });
export type Entity = z.output<typeof Entity>;

const Repair = z.object({ rule: z.string(), count: z.number().int().positive() }).meta({ id: 'Repair' });
type Repair = z.output<typeof Repair>;

/** A problem the document survived (code, message, page, offset). */
export const Warning = z
  .object({
    code: z.string().describe('stable kebab-case code, e.g. "ocr-low-confidence"'),
    message: z.string(),
    page: z.number().int().positive().optional(),
    offset: z.number().int().nonnegative().optional().describe('offset in the document text'),
    stage: z.string().optional(),
  })
  .meta({ id: 'Warning' });
export type Warning = z.output<typeof Warning>;

export const Furniture = z
  .object({
    kind: z.enum(['header', 'footer', 'page-number']),
    page: z.number().int().positive(),
    text: z.string(),
  })
  .meta({ id: 'Furniture', description: 'running headers, footers and page numbers, kept out of the body text' });
export type Furniture = z.output<typeof Furniture>;

const optionalString = z.string().nullable().optional();
export const Metadata = z
  .object({
    author: optionalString,
    description: optionalString,
    created: optionalString.describe('ISO 8601'),
    modified: optionalString.describe('ISO 8601'),
    published: optionalString.describe('ISO 8601'),
    producer: optionalString,
    siteName: optionalString,
    canonicalUrl: optionalString,
    declaredLanguage: optionalString.describe('the language the source declares (html lang, PDF /Lang)'),
    encoding: optionalString.describe('character set the text was decoded from'),
    pageCount: z.number().int().nonnegative().optional(),
    collection: optionalString.describe('from the sources list'),
  })
  .meta({ id: 'Metadata' });
export type Metadata = z.output<typeof Metadata>;

export const Source = z
  .object({
    uri: z.string(),
    mediaType: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
  })
  .meta({ id: 'Source' });
export type Source = z.output<typeof Source>;

/** The zod schema of a document (exported by the package as `documentSchema`): validate with `.parse`. */
export const Document = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string(),
    source: Source,
    title: z.string().nullable(),
    languages: z.array(z.string()),
    text: z.string(),
    blocks: z.array(Block),
    entities: z.array(Entity),
    repairs: z.array(Repair),
    warnings: z.array(Warning),
    metadata: Metadata,
    furniture: z.array(Furniture),
    reviewed: z.boolean().optional().describe('a reviewer marked the document reviewed (samut review); present only then'),
  })
  .meta({ id: 'Document', title: 'samut document' });
export type Document = z.output<typeof Document>;

/** The JSON Schema (draft 2020-12) of a document, generated from the zod model. */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Document, { io: 'output', unrepresentable: 'throw', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
