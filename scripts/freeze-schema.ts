// Freezes the JSON Schema of the current schemaVersion into schema/v<N>/document.schema.json, the
// file the package exports as `samut/schema/v<N>` and downstream apps validate against. Run once,
// when a schemaVersion is released; a frozen version is never rewritten (see the README's
// compatibility policy). Usage: npx tsx scripts/freeze-schema.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentJsonSchema, SCHEMA_VERSION } from '../pipeline/model/document.ts';

/** The schema with `additionalProperties: false` taken out everywhere: within a schemaVersion new
 * optional fields may appear, and a consumer validating against the frozen schema must accept them. */
function openSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openSchema);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === 'additionalProperties' && value === false));
  return Object.fromEntries(entries.map(([key, value]) => [key, openSchema(value)]));
}

export function frozenSchema(): Record<string, unknown> {
  const { $schema, ...rest } = documentJsonSchema();
  return {
    $schema,
    $comment: `samut document, schemaVersion "${SCHEMA_VERSION}", frozen. Fields may be added (optional) within this version; none is renamed, removed or changed. Ignore fields you do not know.`,
    ...(openSchema(rest) as Record<string, unknown>),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.join('schema', `v${SCHEMA_VERSION}`, 'document.schema.json');
  if (existsSync(file)) {
    process.stderr.write(`${file} is frozen already: a released schemaVersion is never rewritten\n`);
    process.exit(1);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(frozenSchema(), null, 2)}\n`);
  process.stdout.write(`froze ${file}\n`);
}
