// The schema downstream apps rely on: the JSON Schema of each released schemaVersion is frozen in
// schema/v<N>/ (exported as samut/schema/v<N>); every document samut makes validates against the
// frozen schema of its version, and the model only ever grows within a version.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/index.ts';
import { documentJsonSchema, SCHEMA_VERSION } from '../../pipeline/model/document.ts';
import { frozenSchema } from '../../scripts/freeze-schema.ts';
import { tempDir } from '../helpers/corpus.ts';
import { additiveProblems } from './schema-compat.ts';

const frozen = (version: string) => JSON.parse(readFileSync(`schema/v${version}/document.schema.json`, 'utf8')) as Record<string, any>;
const clone = <T>(value: T): T => structuredClone(value);

describe('the frozen schema of each schemaVersion', () => {
  let documents: { file: string; json: { schemaVersion: string; entities: unknown[] } }[] = [];
  let sources = 0;

  beforeAll(async () => {
    const out = tempDir('samut-schema-');
    const { manifest } = await build({ inputs: ['sources'], out, force: true });
    sources = manifest.summary.total;
    expect(manifest.summary.failed).toBe(0);
    const docs = path.join(out, 'docs');
    documents = readdirSync(docs).map((name) => ({ file: name, json: JSON.parse(readFileSync(path.join(docs, name), 'utf8')) }));
  }, 300_000);

  it('is in the repository for every version samut has released, and the package exports it', () => {
    expect(readdirSync('schema').sort()).toEqual([`v${SCHEMA_VERSION}`]);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown>; files: string[] };
    expect(pkg.exports[`./schema/v${SCHEMA_VERSION}`]).toBe(`./schema/v${SCHEMA_VERSION}/document.schema.json`);
    expect(pkg.files).toContain('schema');
  });

  it('validates every document of the sample corpus (built from sources/) against the frozen schema of its version', () => {
    const inputs = readdirSync('sources').filter((name) => name !== 'README.md' && !name.endsWith('.PROVENANCE.md'));
    expect(sources).toBe(inputs.length);
    expect(documents.length).toBe(inputs.length);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    for (const { file, json } of documents) {
      const validate = validators.get(json.schemaVersion) ?? ajv.compile(frozen(json.schemaVersion));
      validators.set(json.schemaVersion, validate);
      expect({ file, valid: validate(json), errors: validate.errors ?? null }).toEqual({ file, valid: true, errors: null });
    }
  });

  it('accepts fields it does not know (new optional fields within a version), and rejects a document that lost one', () => {
    const ajv = new Ajv2020({ strict: true });
    const validate = ajv.compile(frozen(SCHEMA_VERSION));
    const document = clone(documents.find(({ json }) => json.entities.length > 0)!.json) as Record<string, any>;
    document.reviewed = true;
    document.entities[0].key = 'a later field';
    expect(validate(document)).toBe(true);
    delete document.source;
    expect(validate(document)).toBe(false);
  });

  it('has the current model as an additive-only extension: no field renamed, removed or retyped; new fields optional', () => {
    expect(additiveProblems(frozen(SCHEMA_VERSION), documentJsonSchema())).toEqual([]);
  });

  it('would catch a rename, a removal, a type change, a new required field or a lost enum value', () => {
    const base = frozen(SCHEMA_VERSION);
    const changed = clone(documentJsonSchema()) as Record<string, any>;
    const defs = changed.$defs;
    defs.Entity.properties.canonicalId = defs.Entity.properties.id;
    delete defs.Entity.properties.id;
    defs.Entity.required = defs.Entity.required.map((name: string) => (name === 'id' ? 'canonicalId' : name));
    delete defs.Block.properties.edits;
    defs.Block.properties.start.type = 'string';
    defs.Document.properties.reviewed = { type: 'boolean' };
    defs.Document.required.push('reviewed');
    defs.Origin.enum = defs.Origin.enum.filter((origin: string) => origin !== 'ocr');
    expect(additiveProblems(base, changed).sort()).toEqual(
      [
        'document.blocks[].edits: removed or renamed',
        'document.blocks[].start: type changed from "integer" to "string"',
        'document.blocks[].origin: value "ocr" removed',
        'document.entities[].id: removed or renamed',
        'document.entities[].canonicalId: a new field that is required (new fields must be optional)',
        'document.reviewed: a new field that is required (new fields must be optional)',
      ].sort(),
    );
    const optional = clone(documentJsonSchema()) as Record<string, any>;
    optional.$defs.Block.properties.bbox = { type: 'array', items: { type: 'number' } };
    expect(additiveProblems(base, optional)).toEqual([]);
  });

  it('leaves every object open, so documents with fields added later in the version still validate', () => {
    const closed: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'additionalProperties' && value === false) closed.push(where);
        visit(value, `${where}/${key}`);
      }
    };
    visit(frozen(SCHEMA_VERSION), '#');
    expect(closed).toEqual([]);
    // What freezing does to the model of today: the same, with its objects opened.
    expect(additiveProblems(frozenSchema(), documentJsonSchema())).toEqual([]);
  });
});
