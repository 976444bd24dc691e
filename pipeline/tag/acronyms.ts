// Acronyms a document defines ("Digital Economy Promotion Agency (DEPA)", "(ASEAN Smart Cities
// Network: ASCN)", "สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ (สศช.)") link every later use of the
// acronym to the body they follow: same type, id and names.
import type { Entity } from '../model/document.ts';
import { PRIORITY, type Candidate } from './candidate.ts';
import { escapeRegExp } from './text.ts';

/** An acronym: 2-12 characters with at least two capitals ("DEPA", "MDES", "UN-Habitat" no). */
const LATIN_ACRONYM = '[A-Z][A-Za-z&.]*[A-Z][A-Za-z&.]*';
const THAI_ACRONYM = '[\\u0E01-\\u0E4E]{1,6}\\.(?:[\\u0E01-\\u0E4E]{1,4}\\.)*';
const MAX_ACRONYM_LENGTH = 12;
const AFTER_BODY = new RegExp(`^\\s*\\(\\s*(${LATIN_ACRONYM}|${THAI_ACRONYM})\\s*\\)`, 'u');
const INSIDE_PARENS = new RegExp(`^\\s*[:,]\\s*(${LATIN_ACRONYM})\\s*\\)`, 'u');
const DEFINES = new Set<Entity['type']>(['agency', 'organization', 'region', 'event']);

export function matchAcronyms(text: string, entities: Entity[]): Candidate[] {
  const defined = new Map<string, Entity>();
  for (const e of entities) {
    if (!DEFINES.has(e.type)) continue;
    const rest = text.slice(e.end, e.end + 40);
    const m = AFTER_BODY.exec(rest) ?? (text[e.start - 1] === '(' ? INSIDE_PARENS.exec(rest) : null);
    const acronym = m?.[1];
    if (!acronym || acronym.length > MAX_ACRONYM_LENGTH || acronym === e.text) continue;
    if (!defined.has(acronym)) defined.set(acronym, e);
  }
  const out: Candidate[] = [];
  for (const [acronym, body] of defined) {
    const escaped = escapeRegExp(acronym);
    const thai = /[\u0E00-\u0E7F]/u.test(acronym);
    const pattern = thai ? new RegExp(`${escaped}`, 'gu') : new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'gu');
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      out.push({
        type: body.type,
        text: acronym,
        start: m.index,
        end: m.index + acronym.length,
        id: body.id,
        name: { ...body.name },
        priority: PRIORITY.acronym,
      });
    }
  }
  return out;
}
