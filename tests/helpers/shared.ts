// The project's shared material (../shared beside the repository: seeds, Thai lists, corpora).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

export function shared(...parts: string[]): string {
  return path.join(SHARED, ...parts);
}
