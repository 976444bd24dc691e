import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from '../../pipeline/model/document.ts';

describe('JSON Schema', () => {
  const schema = documentJsonSchema() as { $ref: string; $defs: Record<string, { required?: string[] }> };

  it('matches the copy kept in git for downstream apps (regenerate: npm run schema)', () => {
    const kept = JSON.parse(readFileSync('output/schema/document.schema.json', 'utf8'));
    expect(kept).toEqual(schema);
  });

  it('requires every minimum field of the contract', () => {
    expect(schema.$ref).toBe('#/$defs/Document');
    expect(schema.$defs.Document?.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'source', 'title', 'languages', 'text', 'blocks', 'entities', 'repairs', 'warnings']),
    );
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['Block', 'Entity', 'Edit', 'Warning', 'Source']));
  });
});
