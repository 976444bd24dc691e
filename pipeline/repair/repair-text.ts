// Repair of one string: the passes in the order that works (damage.md), each recorded in the
// edit log. Most text has no damage at all, so one regex test decides whether to look closer.
import type { Edit } from '../model/document.ts';
import type { RepairEvidence } from '../model/draft.ts';
import { newState, type RepairState, type RepairWarning } from './edit-log.ts';
import {
  AMBIGUOUS_SARA_AM,
  applySaraAmEvidence,
  documentLostSaraAm,
  documentVerdict,
  EMPTY_HINTS,
  repairDistributedSpacing,
  repairLostSaraAm,
  repairSpacedSaraAm,
  repairSplitWords,
  type DocumentHints,
  type SaraAmStats,
} from './judged-rules.ts';
import {
  repairDuplicates,
  repairExplicitNikhahit,
  repairInvisible,
  repairLatin1InThai,
  repairMarkOrder,
  repairMixedDigits,
  repairMojibake,
  repairNfc,
  repairPrivateUse,
  repairReplacementChar,
  repairSpaceBeforeMark,
} from './safe-rules.ts';

export type { DocumentHints } from './judged-rules.ts';

export interface RepairOptions {
  evidence?: RepairEvidence | undefined;
  /** What the rest of the document shows (see collectDocumentHints). Without it the string is
   * its own document. */
  documentHints?: DocumentHints | undefined;
}

export interface RepairResult {
  text: string;
  edits: Edit[];
  counts: Record<string, number>;
  warnings: RepairWarning[];
}

/** Anything any rule could act on. Text without a match is returned untouched at once. */
const MAYBE_DAMAGED = new RegExp(
  [
    'à[¸¹]', // UTF-8 Thai read as Latin-1
    '[\\u00A1-\\u00FB]{3}', // TIS-620 read as Latin-1 (checked further: only without Thai)
    '[\\u0E01-\\u0E4E][\\u00A1-\\u00FB]|[\\u00A1-\\u00FB][\\u0E31-\\u0E4E]', // Latin-1 inside Thai
    '[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD\\u00A0\\u2000-\\u200A\\u202F]', // invisible, space variants
    '[\\uE000-\\uF8FF]', // private use
    '[\\u0E01-\\u0E4E] +[\\u0E01-\\u0E4E]', // spaces between Thai letters (marks, splits, sara am)
    '\\u0E4D', // nikhahit: almost always half of a split ำ
    '[\\u0E30\\u0E32\\u0E33][\\u0E48-\\u0E4B]', // follow vowel before tone
    '[\\u0E48-\\u0E4C][\\u0E31\\u0E34-\\u0E39\\u0E47\\u0E4D]', // tone before vowel
    '([\\u0E31\\u0E34-\\u0E3A\\u0E47-\\u0E4E])\\1', // doubled mark
    '[\\u0E48-\\u0E4B]{2}', // two tones
    '\\u0E40\\u0E40', // two sara e
    '\\uFFFD',
    '[0-9][\\u0E50-\\u0E59]|[\\u0E50-\\u0E59][0-9]', // mixed digits
  ].join('|'),
);
const NON_NFC_CANDIDATE = /[^\u0000-\u024F\u0E00-\u0E7F\u2010-\u205E]/;

export interface RepairRun {
  state: RepairState;
  saraAm: SaraAmStats;
  /** ำ present before repair: the font kept them. */
  intactSaraAm: number;
}

function countSaraAm(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\u0E33'); at !== -1; at = text.indexOf('\u0E33', at + 1)) count++;
  return count;
}

/** First pass over one string: every rule, with undecided sara am left for the document to decide. */
export function runRepair(text: string, options: RepairOptions = {}): RepairRun {
  const state = newState(text);
  const saraAm: SaraAmStats = { restored: 0, joined: 0 };
  const intactSaraAm = countSaraAm(text);
  const hints = options.documentHints;
  if (!MAYBE_DAMAGED.test(text)) {
    if (NON_NFC_CANDIDATE.test(text)) repairNfc(state);
    // A bare า is damage only in a document that lost every ำ.
    if (hints && documentLostSaraAm(hints)) repairLostSaraAm(state);
    return { state, saraAm, intactSaraAm };
  }
  applySaraAmEvidence(state, options.evidence, saraAm);
  repairMojibake(state);
  repairInvisible(state);
  repairPrivateUse(state);
  repairLatin1InThai(state);
  repairSpaceBeforeMark(state);
  repairExplicitNikhahit(state);
  repairMarkOrder(state);
  repairNfc(state);
  repairDuplicates(state);
  repairReplacementChar(state);
  repairMixedDigits(state);
  repairSpacedSaraAm(state, hints ? documentVerdict(hints) : null, saraAm, options.evidence?.ocrText);
  repairDistributedSpacing(state);
  repairSplitWords(state);
  if (hints && documentLostSaraAm(hints)) repairLostSaraAm(state);
  return { state, saraAm, intactSaraAm };
}

/** Second pass, once the whole document has been seen: its pattern decides what the first
 * pass left undecided, and a document that lost every ำ gets its bare า judged. */
export function resolveWithDocument(run: RepairRun, hints: DocumentHints): void {
  const verdict = documentVerdict(hints);
  const { state } = run;
  const undecided = state.warnings.some((warning) => warning.code === AMBIGUOUS_SARA_AM);
  if (verdict && undecided) {
    state.warnings = state.warnings.filter((warning) => warning.code !== AMBIGUOUS_SARA_AM);
    repairSpacedSaraAm(state, verdict, { restored: 0, joined: 0 });
  }
  if (documentLostSaraAm(hints)) repairLostSaraAm(state);
}

export function addHints(total: DocumentHints, run: RepairRun): DocumentHints {
  return {
    saraAmRestored: total.saraAmRestored + run.saraAm.restored,
    saraAmJoined: total.saraAmJoined + run.saraAm.joined,
    saraAmIntact: total.saraAmIntact + run.intactSaraAm,
  };
}

export function toResult(state: RepairState): RepairResult {
  return { text: state.text, edits: state.edits, counts: state.counts, warnings: state.warnings };
}

/** Repairs one string. Without documentHints the string is its own document: its own decided
 * sara am decide its undecided ones. */
export function repairText(text: string, options: RepairOptions = {}): RepairResult {
  const run = runRepair(text, options);
  if (!options.documentHints) resolveWithDocument(run, addHints(EMPTY_HINTS, run));
  return toResult(run.state);
}
