/**
 * The fields Casemark adds to the interchange format (`casemark/inspection@1`, documented in
 * docs/interchange.md under "Fields Casemark adds") so that an export and re-import loses
 * nothing: all optional, so any valid v1 file stays valid. `ZInspectionDocument` keeps them
 * (its objects are loose); this module checks them, and converts between a case's answer rows
 * and the document's `answers` / `notes` / `naReasons` maps. Pure: no I/O.
 */
import { z } from 'zod';
import { checkCaseReference } from '@/lib/setup/case-fields';
import {
  canAnswerQuestion,
  findQuestion,
  findStandard,
  getFramework,
  listCaseMarkedStandards,
  listKeyQuestionsForCase,
  listStandards,
} from '@/lib/framework';
import { CASE_LEVEL_ITEMS } from '@/lib/validation/quality';
import {
  ANSWERS,
  CASE_TYPES,
  DISPOSALS,
  RATINGS,
  type AnswerValue,
  type CaseType,
  type Disposal,
  type Framework,
  type FrameworkVersion,
  type Rating,
} from '@/lib/framework/types';
import { formatPath, INTERCHANGE_FORMAT, parseInspectionDocument, type TInspectionDocument } from '@/lib/validation/interchange';
import { ZNaReason, ZNote, ZPracticeExample } from '@/lib/validation/marking';
import { ZEvidenceNote, ZRationale } from '@/lib/validation/panel';
import type { SectionContent } from '@/lib/report/draft';
import { checkReportOfDocument } from '@/lib/report/interchange';
import { ZCaseManager, ZGender, ZServiceFields } from '@/lib/validation/setup';

const INSPECTION_STATUSES = ['set_up', 'fieldwork', 'panel', 'published'] as const;
export type InspectionStatusValue = (typeof INSPECTION_STATUSES)[number];
const TEAM_ROLE_VALUES = ['lead_inspector', 'inspector', 'manager', 'quality_assurer'] as const;
export type TeamRoleValue = (typeof TEAM_ROLE_VALUES)[number];
const MARKING_STATUSES = ['not_started', 'in_progress', 'complete'] as const;
export type MarkingStatusValue = (typeof MARKING_STATUSES)[number];

/** A judgement as Casemark writes it: the rating alone, or with evidence notes by question id. */
type CasemarkJudgement = Rating | null | { rating: Rating | null; evidence: Record<string, string> };

export interface CasemarkCase {
  ref: string;
  type: CaseType;
  disposal: Disposal;
  gender?: string;
  rosh?: 'low' | 'medium' | 'high' | 'very_high';
  safetyWellbeing?: 'low' | 'medium' | 'high' | 'very_high';
  inspector?: string;
  sentenceDate?: string;
  caseManager?: string;
  status: MarkingStatusValue;
  agreesWithRosh?: boolean;
  agreesWithSafety?: boolean;
  isCaseManagerInterviewed?: boolean;
  isPracticeExample?: boolean;
  practiceExample?: string;
  answers: Record<string, AnswerValue>;
  /** Evidence notes only (not-applicable reasons are in naReasons). */
  notes: Record<string, string>;
  /** Why a question was judged not applicable. Its presence says `notes` holds evidence notes only. */
  naReasons: Record<string, string>;
}

interface CasemarkPanelDecision {
  standard: string;
  rating: Rating;
  rationale: string;
  decidedBy?: string;
  decidedAt?: string;
}

/** The document `exportInspection` writes: v1 plus the optional fields Casemark adds. */
export interface CasemarkDocument {
  format: typeof INTERCHANGE_FORMAT;
  /** `resettlementAspects` (2021): says the 4.1.r answer keys are Casemark's own questions. */
  source: { application: 'Casemark'; inspectionId: string; exportedAt: string; resettlementAspects?: string };
  inspection: {
    service: string;
    localAuthority: string;
    region: string;
    framework: FrameworkVersion;
    fieldworkStart: string;
    fieldworkEnd: string;
    /** Present (true) when the report gives only the month of its fieldwork (issue 22). */
    fieldworkMonthOnly?: true;
    /** Present (true) when the report lists with a serial comma (lib/report/words.ts). */
    reportSerialComma?: true;
    /** The day the report was published (YYYY-MM-DD), where recorded. */
    publishedOn?: string;
    status: InspectionStatusValue;
    isPanelVisibleToTeam: boolean;
    team: { email: string; role: TeamRoleValue }[];
    previous?: {
      ratings?: Record<string, Rating>;
      keyQuestionPct?: Record<string, number>;
      /**
       * The previous inspection in Casemark, when it was linked from Casemark's own list (issue 23):
       * its id there, and what identifies it in any Casemark — its service and fieldwork start.
       */
      inspection?: PreviousInspectionIdentity;
    };
  };
  cases: CasemarkCase[];
  judgements: Record<string, CasemarkJudgement>;
  panel: CasemarkPanelDecision[];
  /** The draft report the panel wrote, by section key (lib/report/draft.ts); absent when there is none. */
  report?: Record<string, SectionContent>;
  /**
   * Quality assurance (issue 23): second markings with the first marking as it stood at
   * submission and the reconciliations, and the queries with their threads and the answer as it
   * stood at each raise and reply. Present only when there is any; an import recreates it.
   */
  quality?: CasemarkQuality;
}

export interface PreviousInspectionIdentity {
  id: string;
  service: string;
  fieldworkStart: string;
}

/** An answer as it stood when a query was raised or answered. */
export interface QueriedAnswer {
  value: AnswerValue | null;
  naReason: string | null;
  note: string | null;
  /** The answer's version then (0: not yet answered). */
  version: number;
}

export interface CasemarkQuality {
  secondMarkings: {
    case: string;
    marker: string;
    /** Who picked the case for second marking (absent: the importing admin). */
    assignedBy?: string;
    assignedAt: string;
    submittedAt: string | null;
    answers: Record<
      string,
      { value: AnswerValue | null; naReason?: string; note?: string; firstValue: AnswerValue | null; firstNaReason?: string }
    >;
    reconciliations: { question: string; value: AnswerValue; naReason?: string; reason: string; by: string; at: string }[];
  }[];
  queries: {
    case: string;
    question: string;
    status: 'open' | 'answered' | 'resolved';
    raisedBy: string;
    raisedAt: string;
    /** `answer`: on a raise or a reply, the answer as it then stood. */
    messages: { kind: QueryMessageKind; body: string; by: string; at: string; answer?: QueriedAnswer }[];
  }[];
}

const QUERY_STATUSES = ['open', 'answered', 'resolved'] as const;
const QUERY_MESSAGE_KINDS = ['raise', 'reply', 'resolve', 'reopen'] as const;
export type QueryMessageKind = (typeof QUERY_MESSAGE_KINDS)[number];

const ZEmail = z.email({ error: 'Expected an email address' });
const ZText = z.string({ error: 'Expected text' });
const ZYesNo = z.boolean({ error: 'Expected true, false or null' }).nullable();

const ZDate = z.iso.date({ error: 'Expected a date as YYYY-MM-DD' });
const ZDateTime = z.iso.datetime({ offset: true, error: 'Expected a date and time, e.g. 2024-03-15T10:30:00.000Z' });

/** The fields Casemark adds to `inspection`, each optional. */
const ZInspectionAdditions = z.looseObject({
  publishedOn: ZDate.optional(),
  previous: z
    .looseObject({
      inspection: z
        .looseObject({
          id: ZText.max(100, 'Expected the previous inspection’s id'),
          service: ZText.trim().min(1, 'Expected the previous inspection’s service').max(120, 'Name must be 120 characters or fewer'),
          fieldworkStart: ZDate,
        })
        .optional(),
    })
    .optional(),
  localAuthority: ZText.trim().min(1, 'Enter the local authority').optional(),
  region: ZText.trim().min(1, 'Enter the region').optional(),
  status: z.enum(INSPECTION_STATUSES, { error: `Expected an inspection status: one of ${INSPECTION_STATUSES.join(', ')}` }).optional(),
  isPanelVisibleToTeam: z.boolean({ error: 'Expected true or false' }).optional(),
  team: z
    .array(
      z.looseObject({
        email: ZEmail,
        role: z.enum(TEAM_ROLE_VALUES, { error: `Expected a team role: one of ${TEAM_ROLE_VALUES.join(', ')}` }),
      }),
      { error: 'Expected "team": a list of { "email", "role" }' },
    )
    .optional(),
});

/** The fields Casemark adds to a case, each optional. */
const ZCaseAdditions = z.looseObject({
  status: z.enum(MARKING_STATUSES, { error: `Expected a marking status: one of ${MARKING_STATUSES.join(', ')}` }).optional(),
  sentenceDate: z.iso.date({ error: 'Expected a date as YYYY-MM-DD' }).optional(),
  caseManager: ZText.optional(),
  agreesWithRosh: ZYesNo.optional(),
  agreesWithSafety: ZYesNo.optional(),
  isCaseManagerInterviewed: ZYesNo.optional(),
  isPracticeExample: z.boolean({ error: 'Expected true or false' }).optional(),
  practiceExample: ZText.nullable().optional(),
  naReasons: z.record(z.string(), ZText, { error: 'Expected "naReasons": an object of question id → reason' }).optional(),
});

const ZAnswerOrNull = z.enum(ANSWERS, { error: 'Expected "yes", "no", "na" or null' }).nullable();
const ZShortReason = ZText.max(500, 'The reason must be 500 characters or fewer');
const ZMessage = ZText.max(2000, 'A message must be 2,000 characters or fewer');

/** `quality` (issue 23): second markings, their reconciliations, and queries with their threads. */
const ZQuality = z.looseObject({
  secondMarkings: z
    .array(
      z.looseObject({
        case: ZText.trim().min(1, 'Expected the case reference'),
        marker: ZEmail,
        assignedBy: ZEmail.optional(),
        assignedAt: ZDateTime,
        submittedAt: ZDateTime.nullable(),
        answers: z.record(
          z.string(),
          z.looseObject({
            value: ZAnswerOrNull,
            naReason: ZShortReason.optional(),
            note: ZNote.optional(),
            firstValue: ZAnswerOrNull,
            firstNaReason: ZShortReason.optional(),
          }),
          { error: 'Expected "answers": an object of key question id → the two markings' },
        ),
        reconciliations: z.array(
          z.looseObject({
            question: ZText,
            value: z.enum(ANSWERS, { error: 'Expected the agreed answer: "yes", "no" or "na"' }),
            naReason: ZShortReason.optional(),
            reason: ZText.trim().min(1, 'Enter why this is the agreed answer').max(2000, 'The reason must be 2,000 characters or fewer'),
            by: ZEmail,
            at: ZDateTime,
          }),
          { error: 'Expected "reconciliations": a list' },
        ),
      }),
      { error: 'Expected "secondMarkings": a list' },
    )
    .optional(),
  queries: z
    .array(
      z.looseObject({
        case: ZText.trim().min(1, 'Expected the case reference'),
        question: ZText,
        status: z.enum(QUERY_STATUSES, { error: `Expected a query status: one of ${QUERY_STATUSES.join(', ')}` }),
        raisedBy: ZEmail,
        raisedAt: ZDateTime,
        messages: z
          .array(
            z.looseObject({
              kind: z.enum(QUERY_MESSAGE_KINDS, { error: `Expected a message kind: one of ${QUERY_MESSAGE_KINDS.join(', ')}` }),
              body: ZMessage,
              by: ZEmail,
              at: ZDateTime,
              answer: z
                .looseObject({
                  value: ZAnswerOrNull,
                  naReason: ZText.max(500, 'The reason must be 500 characters or fewer').nullable(),
                  note: ZNote.nullable(),
                  version: z.number({ error: 'Expected the answer’s version (a whole number)' }).int().min(0),
                })
                .optional(),
            }),
            { error: 'Expected "messages": a list' },
          )
          .min(1, 'A query has at least the message that raised it'),
      }),
      { error: 'Expected "queries": a list' },
    )
    .optional(),
});

/** The fields Casemark adds to a panel decision, each optional. */
const ZPanelDecisionAdditions = z.looseObject({
  decidedBy: ZEmail.optional(),
  decidedAt: z.iso.datetime({ offset: true, error: 'Expected a date and time, e.g. 2024-03-15T10:30:00.000Z' }).optional(),
});

type Issue = { path: (string | number)[]; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks of the added fields that need the framework or the whole document. */
function checkAdditions(json: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const inspection = isRecord(json.inspection) ? json.inspection : {};
  const version = inspection.framework;
  const framework = version === '2018' || version === '2021' ? getFramework(version) : null;

  const start = inspection.fieldworkStart;
  const end = inspection.fieldworkEnd;
  if (
    typeof start === 'string' &&
    typeof end === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(start) &&
    /^\d{4}-\d{2}-\d{2}$/.test(end) &&
    end < start
  ) {
    issues.push({ path: ['inspection', 'fieldworkEnd'], message: `Fieldwork ends (${end}) before it starts (${start})` });
  }
  if (Array.isArray(inspection.team)) {
    const seen = new Map<string, number>();
    inspection.team.forEach((member, index) => {
      const email = isRecord(member) && typeof member.email === 'string' ? member.email.trim().toLowerCase() : null;
      if (!email) return;
      const first = seen.get(email);
      if (first !== undefined) {
        issues.push({
          path: ['inspection', 'team', index, 'email'],
          message: `${email} is on the team more than once (members ${first + 1} and ${index + 1}): give each person one role`,
        });
      } else seen.set(email, index);
    });
  }

  // A manager is read-only: they cannot also be a case's inspector.
  const managers = new Set(
    (Array.isArray(inspection.team) ? inspection.team : [])
      .filter((m) => isRecord(m) && m.role === 'manager' && typeof m.email === 'string')
      .map((m) =>
        String((m as Record<string, unknown>).email)
          .trim()
          .toLowerCase(),
      ),
  );
  // A quality assurer (issue 13) reads and queries; they are never a case's inspector either.
  const qualityAssurers = new Set(
    (Array.isArray(inspection.team) ? inspection.team : [])
      .filter((m) => isRecord(m) && m.role === 'quality_assurer' && typeof m.email === 'string')
      .map((m) =>
        String((m as Record<string, unknown>).email)
          .trim()
          .toLowerCase(),
      ),
  );
  const cases = Array.isArray(json.cases) ? json.cases : [];
  cases.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const ref = typeof raw.ref === 'string' ? raw.ref.trim() : '';
    if (typeof raw.inspector === 'string' && managers.has(raw.inspector.trim().toLowerCase())) {
      issues.push({
        path: ['cases', index, 'inspector'],
        message: `Case "${ref || `#${index + 1}`}": ${raw.inspector} is on the team as a manager (read-only), so cannot be its inspector`,
      });
    }
    if (typeof raw.inspector === 'string' && qualityAssurers.has(raw.inspector.trim().toLowerCase())) {
      issues.push({
        path: ['cases', index, 'inspector'],
        message: `Case "${ref || `#${index + 1}`}": ${raw.inspector} is on the team as a quality assurer (no marking), so cannot be its inspector`,
      });
    }
    if (ref.length > 40)
      issues.push({ path: ['cases', index, 'ref'], message: `Case "${ref.slice(0, 40)}…": a case reference is at most 40 characters` });
    else if (ref) {
      // The same rule as set-up: a reference, never a child's name.
      const refusal = checkCaseReference(ref);
      if (refusal) issues.push({ path: ['cases', index, 'ref'], message: `Case "${ref}": ${refusal}` });
    }
    const type = (CASE_TYPES as readonly unknown[]).includes(raw.type) ? (raw.type as CaseType) : null;
    const disposal = (DISPOSALS as readonly unknown[]).includes(raw.disposal) ? (raw.disposal as Disposal) : null;
    if (framework && type && isRecord(raw.naReasons)) {
      for (const questionId of Object.keys(raw.naReasons)) {
        if (!canAnswerQuestion(framework, { type, disposal }, questionId)) {
          issues.push({
            path: ['cases', index, 'naReasons', questionId],
            message: `Case "${ref || `#${index + 1}`}": not-applicable reason for "${questionId}", which cannot be answered on this case in the ${framework.version} framework`,
          });
        }
      }
    }
  });

  if (framework && isRecord(json.judgements)) {
    for (const [standardId, judgement] of Object.entries(json.judgements)) {
      const standard = findStandard(framework, standardId);
      if (!standard || standard.kind !== 'qualitative' || !isRecord(judgement) || !isRecord(judgement.evidence)) continue;
      const questionIds = standard.keyQuestions.map((q) => q.id);
      for (const key of Object.keys(judgement.evidence)) {
        if (!questionIds.includes(key)) {
          issues.push({
            path: ['judgements', standardId, 'evidence', key],
            message: `Evidence for ${standardId} is kept by its questions (${questionIds.join(', ')}): "${key}" is not one of them`,
          });
        }
      }
    }
  }
  return issues;
}

/** Who may second mark, as set-up decides it (explainSecondMarkerRefusal): the file's team, and case inspectors join as inspectors. */
function teamRolesOf(json: Record<string, unknown>): Map<string, string> {
  const inspection = isRecord(json.inspection) ? json.inspection : {};
  const roles = new Map<string, string>();
  for (const member of Array.isArray(inspection.team) ? inspection.team : []) {
    if (isRecord(member) && typeof member.email === 'string' && typeof member.role === 'string')
      roles.set(member.email.trim().toLowerCase(), member.role);
  }
  for (const kase of Array.isArray(json.cases) ? json.cases : []) {
    if (isRecord(kase) && typeof kase.inspector === 'string' && !roles.has(kase.inspector.trim().toLowerCase()))
      roles.set(kase.inspector.trim().toLowerCase(), 'inspector');
  }
  return roles;
}

/**
 * The quality section against the file's cases, team and framework (issue 23): each second
 * marking on a case of the file, once, by an inspector of the team who is not the case's own,
 * answering that case's key questions, reconciled only once submitted and only on questions it
 * answered; each query on a case of the file and a question of that case (or a case-level item).
 */
function checkQuality(json: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const quality = json.quality;
  if (!isRecord(quality)) return issues;
  const inspection = isRecord(json.inspection) ? json.inspection : {};
  const version = inspection.framework;
  const framework = version === '2018' || version === '2021' ? getFramework(version) : null;
  const cases = new Map<string, { type: CaseType | null; disposal: Disposal | null; inspector: string | null }>();
  for (const kase of Array.isArray(json.cases) ? json.cases : []) {
    if (!isRecord(kase) || typeof kase.ref !== 'string') continue;
    cases.set(kase.ref.trim(), {
      type: (CASE_TYPES as readonly unknown[]).includes(kase.type) ? (kase.type as CaseType) : null,
      disposal: (DISPOSALS as readonly unknown[]).includes(kase.disposal) ? (kase.disposal as Disposal) : null,
      inspector: typeof kase.inspector === 'string' ? kase.inspector.trim().toLowerCase() : null,
    });
  }
  const roles = teamRolesOf(json);
  const secondMarked = new Map<string, number>();
  (Array.isArray(quality.secondMarkings) ? quality.secondMarkings : []).forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.case !== 'string') return;
    const at = (...rest: (string | number)[]) => ['quality', 'secondMarkings', index, ...rest];
    const ref = raw.case.trim();
    const kase = cases.get(ref);
    if (!kase) {
      issues.push({ path: at('case'), message: `Second marking of case "${ref}": the file has no case "${ref}"` });
      return;
    }
    const first = secondMarked.get(ref);
    if (first !== undefined) {
      issues.push({
        path: at('case'),
        message: `Case "${ref}" is second marked more than once (second markings ${first + 1} and ${index + 1}): a case has one second marking`,
      });
    } else secondMarked.set(ref, index);
    if (kase.type === 'resettlement')
      issues.push({ path: at('case'), message: `Case "${ref}": resettlement cases have no key questions to second mark` });
    if (typeof raw.marker === 'string') {
      const marker = raw.marker.trim().toLowerCase();
      if (roles.get(marker) !== 'inspector') {
        issues.push({
          path: at('marker'),
          message: `Second marking of case "${ref}": ${raw.marker} is not an inspector on the file's team (inspection.team), and the second inspector must be one`,
        });
      } else if (marker === kase.inspector) {
        issues.push({
          path: at('marker'),
          message: `Second marking of case "${ref}": ${raw.marker} is the case's own inspector, who cannot second mark it`,
        });
      }
    }
    const keyQuestions =
      framework && kase.type && kase.type !== 'resettlement'
        ? new Set(listKeyQuestionsForCase(framework, { type: kase.type, disposal: kase.disposal }).map((kq) => kq.id))
        : null;
    const answered = isRecord(raw.answers) ? Object.keys(raw.answers) : [];
    if (keyQuestions) {
      for (const questionId of answered) {
        if (!keyQuestions.has(questionId)) {
          issues.push({
            path: at('answers', questionId),
            message: `Second marking of case "${ref}": "${questionId}" is not a key question marked on this case in the ${framework?.version} framework`,
          });
        }
      }
    }
    const reconciled = new Set<string>();
    (Array.isArray(raw.reconciliations) ? raw.reconciliations : []).forEach((r, i) => {
      if (!isRecord(r) || typeof r.question !== 'string') return;
      const path = at('reconciliations', i, 'question');
      if (raw.submittedAt === null) {
        issues.push({ path, message: `Second marking of case "${ref}" is not submitted, so nothing of it can be reconciled` });
      } else if (!answered.includes(r.question)) {
        issues.push({ path, message: `Second marking of case "${ref}": "${r.question}" is reconciled but not second marked` });
      } else if (reconciled.has(r.question)) {
        issues.push({ path, message: `Second marking of case "${ref}": "${r.question}" is reconciled more than once` });
      }
      reconciled.add(r.question);
    });
  });
  (Array.isArray(quality.queries) ? quality.queries : []).forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.case !== 'string') return;
    const at = (...rest: (string | number)[]) => ['quality', 'queries', index, ...rest];
    const ref = raw.case.trim();
    const kase = cases.get(ref);
    if (!kase) {
      issues.push({ path: at('case'), message: `Query on case "${ref}": the file has no case "${ref}"` });
      return;
    }
    if (typeof raw.question === 'string' && framework && kase.type) {
      const question = raw.question;
      const isCaseItem = question.startsWith('case:') && (CASE_LEVEL_ITEMS as readonly string[]).includes(question.slice(5));
      if (!isCaseItem && !findQuestion(framework, question)) {
        issues.push({
          path: at('question'),
          message: `Query on case "${ref}": question "${question}" does not exist in the ${framework.version} framework`,
        });
      } else if (!isCaseItem && !canAnswerQuestion(framework, { type: kase.type, disposal: kase.disposal }, question)) {
        issues.push({ path: at('question'), message: `Query on case "${ref}": question "${question}" is not marked on this case` });
      }
    }
    const messages = Array.isArray(raw.messages) ? raw.messages : [];
    if (isRecord(messages[0]) && messages[0].kind !== 'raise') {
      issues.push({
        path: at('messages', 0, 'kind'),
        message: `Query on case "${ref}": its thread starts with the message that raised it ("raise")`,
      });
    }
  });
  return issues;
}

/**
 * The limits the forms apply, applied to a file too (the same zod schemas), so an import cannot
 * store what typing the same thing by hand would refuse: note, reason, gender, case manager and
 * rationale lengths, the service's fields, and previous results keyed by this framework's
 * standards and key questions.
 */
function checkFormLimits(json: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const check = (schema: z.ZodType, value: unknown, path: (string | number)[]) => {
    if (value === undefined) return;
    const result = schema.safeParse(value);
    if (!result.success) issues.push({ path, message: result.error.issues[0]?.message ?? 'Invalid value' });
  };
  const inspection = isRecord(json.inspection) ? json.inspection : {};
  if (typeof inspection.service === 'string') check(ZServiceFields.shape.name, inspection.service, ['inspection', 'service']);
  check(ZServiceFields.shape.localAuthority, inspection.localAuthority, ['inspection', 'localAuthority']);
  check(ZServiceFields.shape.region, inspection.region, ['inspection', 'region']);
  const version = inspection.framework;
  const framework = version === '2018' || version === '2021' ? getFramework(version) : null;
  const previous = isRecord(inspection.previous) ? inspection.previous : {};
  if (framework && isRecord(previous.ratings)) {
    for (const standardId of Object.keys(previous.ratings)) {
      if (!findStandard(framework, standardId)) {
        issues.push({
          path: ['inspection', 'previous', 'ratings', standardId],
          message: `There is no standard ${standardId} in the ${framework.version} standards`,
        });
      }
    }
  }
  if (framework && isRecord(previous.keyQuestionPct)) {
    const keyQuestionIds = new Set(listCaseMarkedStandards(framework).flatMap((s) => s.keyQuestions.map((kq) => kq.id)));
    for (const [id, pct] of Object.entries(previous.keyQuestionPct)) {
      const path = ['inspection', 'previous', 'keyQuestionPct', id];
      if (!keyQuestionIds.has(id))
        issues.push({ path, message: `${id} is not a key question of a case-marked standard in the ${framework.version} standards` });
      else if (typeof pct === 'number' && !Number.isInteger(pct))
        issues.push({ path, message: 'A percentage is a whole number from 0 to 100' });
    }
  }
  const cases = Array.isArray(json.cases) ? json.cases : [];
  cases.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const at = (...rest: (string | number)[]) => ['cases', index, ...rest];
    if (typeof raw.gender === 'string') check(ZGender, raw.gender, at('gender'));
    if (typeof raw.caseManager === 'string') check(ZCaseManager, raw.caseManager, at('caseManager'));
    if (typeof raw.practiceExample === 'string') check(ZPracticeExample, raw.practiceExample, at('practiceExample'));
    const hasReasons = isRecord(raw.naReasons);
    const answers = isRecord(raw.answers) ? raw.answers : {};
    if (isRecord(raw.notes)) {
      for (const [questionId, note] of Object.entries(raw.notes)) {
        // Without naReasons, a note on a key question answered "na" is its reason (answerRowsOf).
        const isReason = !hasReasons && answers[questionId] === 'na' && framework !== null && isKeyQuestion(framework, questionId);
        if (typeof note === 'string') check(isReason ? ZNaReason : ZNote, note, at('notes', questionId));
      }
    }
    if (hasReasons) {
      for (const [questionId, reason] of Object.entries(raw.naReasons as Record<string, unknown>)) {
        if (typeof reason === 'string') check(ZNaReason, reason, at('naReasons', questionId));
      }
    }
  });
  if (isRecord(json.judgements)) {
    for (const [standardId, judgement] of Object.entries(json.judgements)) {
      if (!isRecord(judgement)) continue;
      if (typeof judgement.evidence === 'string') check(ZEvidenceNote, judgement.evidence, ['judgements', standardId, 'evidence']);
      else if (isRecord(judgement.evidence)) {
        for (const [key, note] of Object.entries(judgement.evidence)) {
          if (typeof note === 'string') check(ZEvidenceNote, note, ['judgements', standardId, 'evidence', key]);
        }
      }
    }
  }
  if (Array.isArray(json.panel)) {
    json.panel.forEach((decision, index) => {
      if (isRecord(decision) && typeof decision.rationale === 'string')
        check(ZRationale, decision.rationale, ['panel', index, 'rationale']);
    });
  }
  return issues;
}

const isKeyQuestion = (framework: Framework, id: string) =>
  listCaseMarkedStandards(framework).some((s) => s.keyQuestions.some((kq) => kq.id === id));

type ParseCasemarkResult = { ok: true; value: TInspectionDocument } | { ok: false; errors: string[] };

/**
 * Validates a document for import: the v1 schema and framework checks
 * (`parseInspectionDocument`), then the fields Casemark adds. Every problem is reported, as
 * `path: message`.
 */
export function parseCasemarkDocument(json: unknown): ParseCasemarkResult {
  const base = parseInspectionDocument(json);
  if (!isRecord(json)) return base.ok ? { ok: false, errors: ['(document): Expected an inspection document'] } : base;
  const errors = base.ok ? [] : [...base.errors];
  // The added fields are checked where their container has the right shape (a wrong
  // container is already reported by the v1 schema).
  const check = (schema: z.ZodType, value: unknown, prefix: (string | number)[]) => {
    if (!isRecord(value)) return;
    const result = schema.safeParse(value);
    if (!result.success)
      for (const issue of result.error.issues) errors.push(`${formatPath([...prefix, ...issue.path])}: ${issue.message}`);
  };
  check(ZInspectionAdditions, json.inspection, ['inspection']);
  if (json.quality !== undefined && !isRecord(json.quality))
    errors.push('quality: Expected "quality": an object with "secondMarkings" and "queries"');
  check(ZQuality, json.quality, ['quality']);
  if (Array.isArray(json.cases)) json.cases.forEach((kase, i) => check(ZCaseAdditions, kase, ['cases', i]));
  if (Array.isArray(json.panel)) json.panel.forEach((decision, i) => check(ZPanelDecisionAdditions, decision, ['panel', i]));
  const version = isRecord(json.inspection) ? json.inspection.framework : null;
  const reportIssues = checkReportOfDocument(version === '2018' || version === '2021' ? version : null, json.report);
  for (const issue of [...checkAdditions(json), ...checkFormLimits(json), ...checkQuality(json), ...reportIssues])
    errors.push(`${formatPath(issue.path)}: ${issue.message}`);
  if (errors.length || !base.ok) return { ok: false, errors: [...new Set(errors)] };
  return { ok: true, value: base.value };
}

// ——— Answers ⇄ the document's maps ———

/** One row of the answers table, as the conversion needs it. */
interface AnswerRow {
  questionId: string;
  value: AnswerValue | null;
  note: string | null;
  naReason: string | null;
}

/** Every case-marking question id of a framework in printed order, for stable key order. */
function questionOrder(framework: Framework): Map<string, number> {
  const ids: string[] = [];
  for (const standard of listStandards(framework)) {
    if (standard.kind !== 'case_marked') continue;
    for (const kq of standard.keyQuestions) ids.push(kq.id, ...kq.prompts.map((p) => p.id));
  }
  ids.push(...framework.resettlementAspects.map((a) => a.id));
  return new Map(ids.map((id, i) => [id, i]));
}

function sortByQuestionOrder(framework: Framework, questionIds: readonly string[]): string[] {
  const order = questionOrder(framework);
  return [...questionIds].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
}

/**
 * A case's answer rows as the document's maps: `answers` (values), `notes` (evidence notes)
 * and `naReasons` (not-applicable reasons). A row with only a note has no entry in `answers`.
 */
export function documentMapsOf(framework: Framework, rows: readonly AnswerRow[]): Pick<CasemarkCase, 'answers' | 'notes' | 'naReasons'> {
  const answers: Record<string, AnswerValue> = {};
  const notes: Record<string, string> = {};
  const naReasons: Record<string, string> = {};
  const byId = new Map(rows.map((r) => [r.questionId, r]));
  for (const questionId of sortByQuestionOrder(framework, [...byId.keys()])) {
    const row = byId.get(questionId)!;
    if (row.value) answers[questionId] = row.value;
    if (row.note !== null) notes[questionId] = row.note;
    if (row.naReason !== null) naReasons[questionId] = row.naReason;
  }
  return { answers, notes, naReasons };
}

/**
 * A document case's maps as answer rows. With `naReasons` present (a file Casemark wrote),
 * notes are evidence notes and reasons are reasons. Without it (a file from elsewhere, like
 * the report fixtures), v1 lets `notes` carry "the reason a key question is not applicable":
 * a note on a key question answered "na" becomes its reason; every other note stays a note.
 */
export function answerRowsOf(
  framework: Framework,
  kase: {
    answers: Readonly<Record<string, unknown>>;
    notes?: Readonly<Record<string, string>>;
    naReasons?: Readonly<Record<string, string>>;
  },
): AnswerRow[] {
  const ids = new Set([...Object.keys(kase.answers), ...Object.keys(kase.notes ?? {}), ...Object.keys(kase.naReasons ?? {})]);
  const isKeyQuestion = (id: string) =>
    framework.domains.some((d) => d.standards.some((s) => s.kind === 'case_marked' && s.keyQuestions.some((kq) => kq.id === id)));
  return sortByQuestionOrder(framework, [...ids]).map((questionId) => {
    const value = (kase.answers[questionId] ?? null) as AnswerValue | null;
    let note = kase.notes?.[questionId] ?? null;
    let naReason = kase.naReasons?.[questionId] ?? null;
    if (!kase.naReasons && value === 'na' && note !== null && isKeyQuestion(questionId)) {
      naReason = note;
      note = null;
    }
    return { questionId, value, note, naReason };
  });
}

/** A judgement in a file → the rating and evidence notes Casemark stores. */
export function judgementOf(
  framework: Framework,
  standardId: string,
  judgement: unknown,
): { rating: Rating | null; evidence: Record<string, string> } {
  if (judgement === null || judgement === undefined) return { rating: null, evidence: {} };
  if (typeof judgement === 'string') return { rating: judgement as Rating, evidence: {} };
  const object = judgement as { rating?: Rating | null; evidence?: string | Record<string, string> };
  const rating = object.rating && (RATINGS as readonly string[]).includes(object.rating) ? object.rating : null;
  if (typeof object.evidence === 'string') {
    // Free-text evidence is kept with the standard's first question, where the panel shows it.
    const first = findStandard(framework, standardId)?.keyQuestions[0]?.id ?? standardId;
    return { rating, evidence: object.evidence ? { [first]: object.evidence } : {} };
  }
  return { rating, evidence: { ...(object.evidence ?? {}) } };
}

/** Casemark's judgement as written to a file: the bare rating when there is no evidence. */
export function documentJudgementOf(rating: Rating | null, evidence: Record<string, string>): CasemarkJudgement {
  return Object.keys(evidence).length === 0 ? rating : { rating, evidence };
}
