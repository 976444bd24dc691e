// Committed test material under tests/fixtures/ (each set with its PROVENANCE.md) and the sample
// corpus in sources/. Tests read nothing outside the repository: a clone on its own passes.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function fixture(...parts: string[]): string {
  return path.join(ROOT, 'tests', 'fixtures', ...parts);
}

/** Seed 002 of the project: text extracted from a Thai government PDF, with its damage (lost
 * sara am, split words). Kept in the sample corpus as sources/text-th-asean-smart-cities-damaged.txt. */
export const SEED_002 = path.join(ROOT, 'sources', 'text-th-asean-smart-cities-damaged.txt');
