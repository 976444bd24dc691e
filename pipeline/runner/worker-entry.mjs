// Worker threads start in plain Node: teach this thread TypeScript (tsx), then load the
// stage functions. Kept as .mjs because it must run before any .ts can be imported.
import { register } from 'tsx/esm/api';

register();
const stages = await import('./worker.ts');

export const finish = stages.finish;
export const extractAndFinish = stages.extractAndFinish;
export const pageImage = stages.pageImage;
