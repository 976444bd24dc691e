// Shapes of the hand-written gazetteer tables (source) and of the committed gazetteer.json
// that scripts/data/build-gazetteer.ts writes from them and from Debian iso-codes.
import type { EntityType } from '../../../model/document.ts';

/** One named thing in a hand table. `aliases` are extra surface forms in either language. */
export interface SourceEntry {
  id: string;
  type: EntityType;
  en: string;
  th?: string;
  aliases?: string[];
  /** Canonical names that must not be matched as aliases (they name something else first). */
  skipAliases?: string[];
}

/** One entry of the committed gazetteer. */
export interface GazetteerEntry {
  id: string;
  type: EntityType;
  name: { en?: string; th?: string };
  /** Surface forms that name this entry (both languages, canonical names included). */
  aliases: string[];
  /** Surface forms that name the city of the same name (type "city", same id). */
  cityAliases?: string[];
  /** Names too ambiguous alone (เลย, แพร่, Tak), matched only in a list of other provinces. */
  listAliases?: string[];
}

export interface Gazetteer {
  generated: string;
  sources: string[];
  entries: GazetteerEntry[];
}
