// Whether a document JSON Schema is an additive-only extension of a frozen one: every field of the
// frozen schema is still there, with the same type, and still required when it was; a new field is
// optional; an enumeration keeps all its values (it may gain some). Returns the problems found.
type Schema = Record<string, any>;

const SAME_KEYWORDS = ['type', 'const', 'format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'];

function resolve(node: Schema, root: Schema): Schema {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const name = /^#\/\$defs\/(.+)$/u.exec(current.$ref)?.[1];
    if (!name || !root.$defs?.[name]) return current;
    current = root.$defs[name];
  }
  return current;
}

export function additiveProblems(frozenRoot: Schema, currentRoot: Schema): string[] {
  const problems: string[] = [];
  const seen = new Set<Schema>();
  const compare = (frozenNode: Schema, currentNode: Schema, where: string) => {
    const frozen = resolve(frozenNode, frozenRoot);
    const current = resolve(currentNode, currentRoot);
    if (seen.has(frozen)) return;
    seen.add(frozen);
    for (const keyword of SAME_KEYWORDS) {
      if (JSON.stringify(frozen[keyword]) !== JSON.stringify(current[keyword])) {
        problems.push(`${where}: ${keyword} changed from ${JSON.stringify(frozen[keyword])} to ${JSON.stringify(current[keyword])}`);
      }
    }
    if (Array.isArray(frozen.enum)) {
      for (const value of frozen.enum) if (!current.enum?.includes(value)) problems.push(`${where}: value ${JSON.stringify(value)} removed`);
    }
    if (frozen.properties) {
      const currentProperties = current.properties ?? {};
      for (const [name, schema] of Object.entries<Schema>(frozen.properties)) {
        if (!(name in currentProperties)) problems.push(`${where}.${name}: removed or renamed`);
        else compare(schema, currentProperties[name], `${where}.${name}`);
      }
      const wasRequired = new Set<string>(frozen.required ?? []);
      const isRequired = new Set<string>(current.required ?? []);
      for (const name of wasRequired) if (!isRequired.has(name) && name in currentProperties) problems.push(`${where}.${name}: no longer required`);
      for (const name of isRequired) if (!wasRequired.has(name)) problems.push(`${where}.${name}: a new field that is required (new fields must be optional)`);
    }
    for (const keyword of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
      const before: Schema[] | undefined = frozen[keyword];
      const after: Schema[] | undefined = current[keyword];
      if (!before && !after) continue;
      if (!before || !after || before.length !== after.length) {
        problems.push(`${where}: ${keyword} changed`);
        continue;
      }
      before.forEach((schema, i) => compare(schema, after[i]!, `${where}.${keyword}[${i}]`));
    }
    if (frozen.items) {
      if (!current.items) problems.push(`${where}: items removed`);
      else compare(frozen.items, current.items, `${where}[]`);
    }
  };
  compare(frozenRoot, currentRoot, 'document');
  return problems;
}
