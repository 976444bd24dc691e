// Repair of one string: the passes in the order that works (docs/thai-damage.md), each recorded in the
// edit log. Most text has no damage at all, so one regex test decides whether to look closer.
import type { Edit } from '../model/document.ts';
import type { RepairEvidence } from '../model/draft.ts';
import { anyDamage, scanDamage } from './damage-scan.ts';
import { Judge } from './dictionary.ts';
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
  duplicateNextToEdit,
  repairDuplicates,
  repairExplicitNikhahit,
  repairInvisible,
  repairLatin1InThai,
  repairFollowVowelToneOrder,
  repairToneVowelOrder,
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
  /** The judge of ambiguous readings, owned by the caller for one document (a new one by
   * default): its buffers and cached verdicts live as long as the caller keeps it. */
  judge?: Judge | undefined;
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

const NON_NFC_CANDIDATE = /[^\u0000-\u024F\u0E00-\u0E7F\u2010-\u205E]/;

export interface RepairRun {
  state: RepairState;
  saraAm: SaraAmStats;
  /** ำ present before repair: the font kept them. */
  intactSaraAm: number;
  ocrText?: string | undefined;
  judge: Judge;
}

function countSaraAm(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\u0E33'); at !== -1; at = text.indexOf('\u0E33', at + 1)) count++;
  return count;
}

/** First pass over one string: every rule, with undecided sara am left for the document to decide. */
export function runRepair(text: string, options: RepairOptions = {}): RepairRun {
  const state = newState(text);
  const judge = options.judge ?? new Judge();
  const saraAm: SaraAmStats = { restored: 0, joined: 0 };
  const intactSaraAm = countSaraAm(text);
  const hints = options.documentHints;
  let flags = scanDamage(text);
  const lostSaraAmDocument = hints !== undefined && documentLostSaraAm(hints);
  if (!anyDamage(flags) && !options.evidence?.lostNikhahit?.length && !options.evidence?.realSpaces?.length) {
    if (NON_NFC_CANDIDATE.test(text)) repairNfc(state);
    // A bare า is damage only in a document that lost every ำ.
    if (lostSaraAmDocument) repairLostSaraAm(state, judge);
    return { state, saraAm, intactSaraAm, ocrText: options.evidence?.ocrText, judge };
  }
  applySaraAmEvidence(state, options.evidence, saraAm);
  // Re-decoding and glyph maps make new Thai text: look again at what they made.
  const textBeforeDecoding = state.text;
  if (flags.utf8Mojibake || flags.latin1) repairMojibake(state);
  if (flags.invisible) repairInvisible(state);
  if (flags.privateUse) repairPrivateUse(state);
  if (flags.latin1) repairLatin1InThai(state);
  if (state.text !== textBeforeDecoding) flags = scanDamage(state.text);
  if (flags.spaceBeforeMark) repairSpaceBeforeMark(state);
  if (flags.nikhahit) repairExplicitNikhahit(state);
  if (flags.followVowelThenTone) repairFollowVowelToneOrder(state);
  if (flags.toneThenVowel || flags.nikhahit) repairToneVowelOrder(state);
  if (NON_NFC_CANDIDATE.test(state.text)) repairNfc(state);
  // Mark-order repairs can make duplicates the scan did not see, next to what they changed.
  if (flags.duplicates || (flags.toneThenVowel && duplicateNextToEdit(state))) repairDuplicates(state);
  if (flags.replacement) repairReplacementChar(state);
  if (flags.mixedDigits) repairMixedDigits(state);
  if (flags.spacedSaraAa) {
    repairSpacedSaraAm(state, hints ? documentVerdict(hints) : null, saraAm, {
      ocrText: options.evidence?.ocrText,
      final: hints !== undefined,
      judge,
    });
  }
  if (flags.spaceInThai) {
    if (flags.loneLetter) repairDistributedSpacing(state, judge);
    repairSplitWords(state, judge);
  }
  if (lostSaraAmDocument) repairLostSaraAm(state, judge);
  return { state, saraAm, intactSaraAm, ocrText: options.evidence?.ocrText, judge };
}

/** Second pass, once the whole document has been seen: its pattern decides what the first
 * pass left undecided, and a document that lost every ำ gets its bare า judged. */
export function resolveWithDocument(run: RepairRun, hints: DocumentHints): void {
  const verdict = documentVerdict(hints);
  const { state, judge } = run;
  const undecided = state.warnings.some((warning) => warning.code === AMBIGUOUS_SARA_AM);
  if (undecided) {
    dropWarnings(state.warnings, AMBIGUOUS_SARA_AM);
    repairSpacedSaraAm(state, verdict, { restored: 0, joined: 0 }, { ocrText: run.ocrText, final: true, judge });
  }
  if (documentLostSaraAm(hints)) repairLostSaraAm(state, judge);
}

/** Removes the warnings with this code from the list itself: a filtered copy can be an array
 * of another kind (none left: small integers), which sends optimized readers back to the
 * interpreter the first time one shows up. */
function dropWarnings(warnings: RepairWarning[], code: string): void {
  let kept = 0;
  for (const warning of warnings) if (warning.code !== code) warnings[kept++] = warning;
  warnings.length = kept;
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
