// The architecture, checked (npm run lint:arch, in .ci/run): stages meet only through the model;
// the model and shared code know no stage; the pipeline never reaches into scripts/; no cycles.
const STAGES = '(detect|extract|ocr|repair|tag|emit|fetch)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules cannot be understood, tested or loaded one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'stage-imports-only-model-and-shared',
      severity: 'error',
      comment: 'A stage imports only its own folder, the model and shared code: stages meet only through the model.',
      from: { path: `^pipeline/${STAGES}/` },
      to: { path: '^pipeline/', pathNot: ['^pipeline/(model|shared)/', '^pipeline/$1/'] },
    },
    {
      name: 'model-imports-no-stage',
      severity: 'error',
      comment: 'The model is what stages share: it knows no stage and no runner.',
      from: { path: '^pipeline/model/' },
      to: { path: '^pipeline/', pathNot: '^pipeline/(model|shared)/' },
    },
    {
      name: 'shared-imports-no-stage',
      severity: 'error',
      comment: 'Shared code is used by stages; it uses none of them.',
      from: { path: '^pipeline/shared/' },
      to: { path: '^pipeline/', pathNot: '^pipeline/(model|shared)/' },
    },
    {
      name: 'pipeline-imports-no-scripts',
      severity: 'error',
      comment: 'scripts/ is the command line, benchmarks and fixture makers: the pipeline never needs them.',
      from: { path: '^pipeline/' },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // swc parses the TypeScript (dependency-cruiser cannot use TypeScript 7's compiler); type-only
    // imports count: a cycle through types is still a cycle to read.
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.mjs', '.js'] },
  },
};
