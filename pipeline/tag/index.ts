// tag: finds places, bodies, people, events and dates in the document text, with canonical ids that are
// the same in Thai and English. Offsets index the text exactly as emit composes it.
import type { Entity, Warning } from '../model/document.ts';
import { BLOCK_SEPARATOR, composeText, type Draft } from '../model/draft.ts';
import type { DraftStage } from '../model/stages.ts';
import { resolveOverlaps, SpanIndex, type Candidate } from './candidate.ts';
import { matchAcronyms } from './acronyms.ts';
import { matchDates } from './dates.ts';
import { matchFuzzy } from './fuzzy.ts';
import { matchGazetteer, matchListedProvinces } from './gazetteer.ts';
import { matchAgencyPatterns } from './patterns.ts';
import { linkNames } from './names.ts';
import { matchPeople } from './people.ts';
import { dropOverlapped, matchThaiNer } from './ner/index.ts';
import { computeBoundaries } from './text.ts';

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/gu;

/** Names inside a URL ("asean.org/.../ASCN-Concept-Note.pdf") are not mentions. */
function outsideUrls(text: string, entities: Entity[]): Entity[] {
  const urls = [...text.matchAll(URL_PATTERN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (!urls.length) return entities;
  const index = new SpanIndex(urls, text.length);
  return entities.filter((e) => !index.overlaps(e.start, e.end));
}

function tagWithWarnings(text: string): { entities: Entity[]; warnings: Warning[] } {
  const boundaries = computeBoundaries(text);
  const gazetteer = matchGazetteer(text, boundaries);
  const { candidates: model, spans: modelSpans } = matchThaiNer(text, boundaries, gazetteer);
  // A body's name the patterns run on past a known body ("กระทรวงกลาโหมเพราะต้องการ") gives way
  // to the model even where the model's own span is the known body and is not emitted.
  const patterns = dropOverlapped(matchAgencyPatterns(text, boundaries, gazetteer), modelSpans, text.length);
  const dates = matchDates(text);
  const people = dropOverlapped(matchPeople(text, boundaries, [...gazetteer, ...patterns]), model, text.length);
  // No entity runs across a block boundary (the "\n\n" between blocks).
  const first: Candidate[] = [...gazetteer, ...patterns, ...dates.candidates, ...people, ...model].filter(
    (c) => !c.text.includes(BLOCK_SEPARATOR),
  );
  const fuzzy = matchFuzzy(text, first);
  // Acronyms need the bodies they follow to be settled first: a second round adds their uses.
  const settled = resolveOverlaps([...first, ...fuzzy], text.length);
  const later = [...matchAcronyms(text, settled), ...matchListedProvinces(text, settled)];
  const entities = later.length ? resolveOverlaps([...first, ...fuzzy, ...later], text.length) : settled;
  return { entities: linkNames(outsideUrls(text, entities)), warnings: dates.warnings };
}

/** Entities in a text, sorted by start, non-overlapping. */
export function tagText(text: string): Entity[] {
  return tagWithWarnings(text).entities;
}

export const tagDraft: DraftStage = (draft: Draft): Draft => {
  const { text } = composeText(draft.blocks);
  const { entities, warnings } = tagWithWarnings(text);
  return { ...draft, entities, warnings: [...draft.warnings, ...warnings] };
};
