// Acronyms a document defines ("Digital Economy Promotion Agency (DEPA)", "(ASEAN Smart Cities
// Network: ASCN)", "URCO (Urban Resilience Coordination Office)", "สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ (สศช.)") link every later use of the
// acronym to the body they follow: same type, id and names.
import type { Entity } from '../model/document.ts';
import { THAI_LETTER } from '../shared/thai.ts';
import { PRIORITY, type Candidate } from './candidate.ts';
import { escapeRegExp } from './text.ts';
import { ROLE_BEFORE_BODY } from './names.ts';

/** A Latin acronym: at least two capitals, letters, "&" and "." only ("DEPA", "AT&T"; not "UN-Habitat"). */
const LATIN_ACRONYM = '[A-Z][A-Za-z&.]*[A-Z][A-Za-z&.]*';
const THAI_ACRONYM = `[${THAI_LETTER}]{1,6}\\.(?:[${THAI_LETTER}]{1,4}\\.)*`;
const MAX_ACRONYM_LENGTH = 12;
const AFTER_BODY = new RegExp(`^\\s*\\(\\s*(${LATIN_ACRONYM}|${THAI_ACRONYM})\\s*\\)`, 'u');
const INSIDE_PARENS = new RegExp(`^\\s*[:,]\\s*(${LATIN_ACRONYM})\\s*\\)`, 'u');
/** "UNDP (United Nations Development Programme)": the acronym first, the body in brackets. */
const BEFORE_BODY = new RegExp(`(?<![A-Za-z0-9])(${LATIN_ACRONYM})\\s*\\(\\s*$`, 'u');
const DEFINES = new Set<Entity['type']>(['agency', 'organization', 'region', 'event']);

export function matchAcronyms(text: string, entities: Entity[]): Candidate[] {
  const defined = new Map<string, Entity>();
  for (const e of entities) {
    if (!DEFINES.has(e.type)) continue;
    const rest = text.slice(e.end, e.end + 40);
    const before = text.slice(Math.max(0, e.start - 20), e.start);
    const m =
      AFTER_BODY.exec(rest) ??
      (text[e.start - 1] === '(' ? INSIDE_PARENS.exec(rest) : null) ??
      (/^\s*\)/u.test(rest) ? BEFORE_BODY.exec(before) : null);
    // "ผู้บัญชาการทหารบก (ผบ.ทบ.)": the bracket abbreviates the commander; its body's part is ทบ.
    const acronym = m?.[1]?.slice(ROLE_BEFORE_BODY.exec(m[1])?.[0].length ?? 0);
    if (!acronym || acronym.length > MAX_ACRONYM_LENGTH || acronym === e.text) continue;
    if (!defined.has(acronym)) defined.set(acronym, e);
  }
  if (!defined.size) return [];
  // One scan for all acronyms, longest first so "MDES" is not read as "DES".
  const alternatives = [...defined.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const uses = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives})(?![A-Za-z0-9])`, 'gu');
  const out: Candidate[] = [];
  for (let m = uses.exec(text); m; m = uses.exec(text)) {
    const body = defined.get(m[0])!;
    out.push({
      type: body.type,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      id: body.id,
      name: { ...body.name },
      priority: PRIORITY.acronym,
    });
  }
  return out;
}
