/**
 * The inspection frameworks as typed data. Ids are stable forever: answers in the
 * database and in interchange files refer to them.
 *
 * Shape (HMI Probation youth standards, 2018 and July 2021 revisions):
 *   framework → domains → standards → key questions → prompts
 */

export const FRAMEWORK_VERSIONS = ['2018', '2021'] as const;
export type FrameworkVersion = (typeof FRAMEWORK_VERSIONS)[number];

/** Ratings, worst first. The words are the interchange values. */
export const RATINGS = ['inadequate', 'requires_improvement', 'good', 'outstanding'] as const;
export type Rating = (typeof RATINGS)[number];

export const CASE_TYPES = ['court', 'out_of_court', 'resettlement'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const COURT_DISPOSALS = ['referral_order', 'youth_rehabilitation_order', 'custodial_sentence', 'other_court'] as const;
export const OUT_OF_COURT_DISPOSALS = ['youth_conditional_caution', 'youth_caution', 'community_resolution', 'other_out_of_court'] as const;
export const DISPOSALS = [...COURT_DISPOSALS, ...OUT_OF_COURT_DISPOSALS] as const;
export type Disposal = (typeof DISPOSALS)[number];

export const LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type Level = (typeof LEVELS)[number];

/** An answer to a prompt, a key-question judgement or a resettlement aspect. */
export const ANSWERS = ['yes', 'no', 'na'] as const;
export type AnswerValue = (typeof ANSWERS)[number];

export interface Prompt {
  /** e.g. `2.1.1.a` */
  id: string;
  text: string;
  /** What the prompt means, shown expanded in place on the marking form. Optional. */
  guidance?: string;
}

export interface KeyQuestion {
  /** e.g. `2.1.1` (.1 desistance, .2 keeping the child safe, .3 keeping other people safe) */
  id: string;
  text: string;
  /** Short label for tables, e.g. "Desistance", "Keeping the child safe". */
  shortLabel: string;
  prompts: Prompt[];
  /**
   * Usual reasons an inspector judges this key question not applicable to a case:
   * these create the reports' sub-samples (e.g. "No factors related to the child's safety").
   */
  naReasons: string[];
  /**
   * Shown with the not-applicable reasons when the key question has none to offer, e.g. 2018
   * 3.4.1, asked of every out-of-court case. An inspector may still write a reason.
   */
  naGuidance?: string;
  /**
   * When set, the key question applies only to cases with one of these disposals and cannot
   * be answered on any other (2018 3.4.2: youth conditional cautions only).
   */
  onlyForDisposals?: readonly Disposal[];
}

type StandardKind =
  /** Rated from case marking: key-question % → band → lowest band. */
  | 'case_marked'
  /** Judged by the lead inspector from predominantly qualitative evidence. */
  | 'qualitative';

export interface Standard {
  /** e.g. `2.1` */
  id: string;
  title: string;
  /** The standard's descriptor, e.g. "Assessment is well-informed, analytical and personalised…" */
  descriptor: string;
  kind: StandardKind;
  /** For case-marked standards: which case type is marked against it. */
  caseType?: Exclude<CaseType, 'resettlement'>;
  /**
   * Case-marked: the key questions each case is judged on.
   * Qualitative: the questions the lead inspector's evidence notes are organised by (no prompts).
   */
  keyQuestions: KeyQuestion[];
  /**
   * Resettlement (2021, 4.1): rated separately from the 36-point score; an Inadequate
   * rating caps the overall rating at Good (Leicestershire 2021, Annexe 2).
   */
  isRatedSeparately?: boolean;
}

interface Domain {
  /** `1`, `2`, `3`, or `4` (resettlement, 2021 only) */
  id: string;
  title: string;
  standards: Standard[];
}

/**
 * A resettlement case (2021) is marked to illustrate 4.1, never scored. The aspects are
 * Casemark's own illustrative questions, derived from the reports' 4.1 text (see
 * docs/frameworks.md): no report prints resettlement case questions, and "Resettlement cases are
 * not rated separately; the data is for illustrative purposes only" (Leicestershire 2021,
 * 004_46eac8fc65744bcf.txt, Annexe 2). Wherever they are shown they carry
 * {@link CASEMARK_OWN_RESETTLEMENT_LABEL} and are kept out of the inspectorate's prompt tables.
 */
export interface ResettlementAspect {
  /** e.g. `4.1.r01` */
  id: string;
  text: string;
  shortLabel: string;
}

/** How every screen, export and file labels the resettlement aspects (4.1.r01–r10). */
export const CASEMARK_OWN_RESETTLEMENT_LABEL =
  "Casemark's own resettlement questions (illustrative, not HM Inspectorate of Probation questions, never scored)";
/** The longer note beside them. */
export const CASEMARK_OWN_RESETTLEMENT_NOTE =
  'The resettlement aspects (4.1.r01–4.1.r10) are Casemark\'s own questions, derived from the reports\' 4.1 text so that inspectors record resettlement cases consistently. No inspection report prints resettlement case questions: resettlement cases illustrate 4.1, "the data is for illustrative purposes only" (Leicestershire 2021, Annexe 2), and they never set a rating.';

export interface Framework {
  version: FrameworkVersion;
  title: string;
  /** Reports in ../shared/seeds that this version's text was taken from. */
  sources: string[];
  domains: Domain[];
  /** 2021 only; empty for 2018. */
  resettlementAspects: ResettlementAspect[];
}
