// Worker threads start in plain Node. From the published package (dist/) the stages are built
// JavaScript beside this file; from the repository they are TypeScript, which this thread is
// first taught by tsx (a dev dependency). Kept as .mjs because it must run before any .ts can be
// imported.
import { existsSync } from 'node:fs';

const built = new URL('./worker.js', import.meta.url);
let stages;
if (existsSync(built)) {
  stages = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  stages = await import('./worker.ts');
}

export const runStages = stages.runStages;
export const pageImage = stages.pageImage;
