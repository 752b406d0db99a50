/**
 * Interchange format v1 ("casemark/inspection@1"): an inspection as one JSON file — the sample
 * of cases with their answers, the lead inspector's judgements and the ratings panel's
 * decisions. Documented with a full example in docs/interchange.md.
 *
 * The base schema checks shapes; `.superRefine` checks the document against its framework, so
 * every error about a case names the case ref and the question id.
 */
import { z } from 'zod';
import { canAnswerQuestion, findQuestion, findStandard, getFramework, isDisposalOfCaseType } from '@/lib/framework';
import { panelDecisionRefusal } from '@/lib/rating/compute-inspection';
import {
  ANSWERS,
  CASE_TYPES,
  DISPOSALS,
  FRAMEWORK_VERSIONS,
  LEVELS,
  RATINGS,
  type AnswerValue,
  type CaseType,
  type Disposal,
  type Framework,
  type Standard,
} from '@/lib/framework/types';
import { findUnsafeInput } from './safe-input';

export const INTERCHANGE_FORMAT = 'casemark/inspection@1';

const RATING_LIST = RATINGS.join(', ');
const ZRating = z.enum(RATINGS, { error: `Expected a rating: one of ${RATING_LIST}` });
const ZLevel = z.enum(LEVELS, { error: `Expected a level: one of ${LEVELS.join(', ')}` });
const ZDate = z.iso.date({ error: 'Expected a date as YYYY-MM-DD' });

/**
 * An answer value. The base schema accepts anything here so that the framework check below can
 * report a wrong value with the case ref and question id; the type is the three values.
 */
const ZAnswerValue = z.custom<AnswerValue>(() => true);

/** A judgement: the rating, null (not yet judged), or an object with the rating and evidence. */
const ZJudgement = z.union(
  [
    ZRating,
    z.null(),
    z.looseObject({
      rating: ZRating.nullable().optional(),
      /** Evidence notes, free text or by question id. */
      evidence: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
    }),
  ],
  { error: `Expected a judgement: a rating (one of ${RATING_LIST}), null, or { "rating": …, "evidence": … }` },
);

const ZInterchangeCase = z.looseObject({
  ref: z.string({ error: 'Expected a case reference (text)' }).trim().min(1, 'A case needs a reference'),
  type: z.enum(CASE_TYPES, { error: `Expected a case type: one of ${CASE_TYPES.join(', ')}` }),
  disposal: z.enum(DISPOSALS, { error: `Expected a disposal: one of ${DISPOSALS.join(', ')}` }).optional(),
  gender: z.string().optional(),
  rosh: ZLevel.optional(),
  safetyWellbeing: ZLevel.optional(),
  inspector: z.email({ error: 'Expected the inspector’s email address' }).optional(),
  /** Key-question judgements, prompts and (2021) resettlement aspects by question id. */
  answers: z.record(z.string(), ZAnswerValue, { error: 'Expected answers: an object of question id → "yes" | "no" | "na"' }),
  /** Evidence note or not-applicable reason per question id. */
  notes: z.record(z.string(), z.string({ error: 'Expected a note (text)' })).optional(),
});

const ZPanelDecision = z.looseObject({
  standard: z.string({ error: 'Expected a standard id, e.g. "2.1"' }),
  rating: ZRating,
  rationale: z.string({ error: 'Expected the panel’s rationale (text)' }).trim().min(1, 'A panel decision needs a rationale'),
});

const ZBaseDocument = z.looseObject({
  format: z.literal(INTERCHANGE_FORMAT, { error: `Expected "format": "${INTERCHANGE_FORMAT}"` }),
  inspection: z.looseObject({
    service: z.string({ error: 'Expected the service’s name' }).trim().min(1, 'Enter the service’s name'),
    framework: z.enum(FRAMEWORK_VERSIONS, { error: `Expected a framework: one of ${FRAMEWORK_VERSIONS.map((v) => `"${v}"`).join(', ')}` }),
    fieldworkStart: ZDate.optional(),
    fieldworkEnd: ZDate.optional(),
    /** The report gives only the month of its fieldwork: shown as "April 2019" (issue 22). */
    fieldworkMonthOnly: z.boolean({ error: 'Expected "fieldworkMonthOnly": true or false' }).optional(),
    /** The report lists a sample with a serial comma ("…, and three other disposals"). */
    reportSerialComma: z.boolean({ error: 'Expected "reportSerialComma": true or false' }).optional(),
    title: z.string().optional(),
    /** The previous inspection's published figures, for comparison (may use the other framework). */
    previous: z
      .looseObject({
        ratings: z.record(z.string(), ZRating).optional(),
        keyQuestionPct: z.record(z.string(), z.number().min(0, 'A percentage is 0 to 100').max(100, 'A percentage is 0 to 100')).optional(),
      })
      .optional(),
  }),
  cases: z.array(ZInterchangeCase, { error: 'Expected "cases": a list of cases' }),
  judgements: z.record(z.string(), ZJudgement).optional(),
  panel: z.array(ZPanelDecision, { error: 'Expected "panel": a list of decisions' }).optional(),
});

const TYPE_WORDS: Record<CaseType, string> = { court: 'court', out_of_court: 'out-of-court', resettlement: 'resettlement' };
/** "a court case", "an out-of-court case". */
const A_CASE: Record<CaseType, string> = {
  court: 'a court case',
  out_of_court: 'an out-of-court case',
  resettlement: 'a resettlement case',
};

/** Why a known question cannot be answered on this case, in words. */
function whyNotAnswerable(framework: Framework, kase: { type: CaseType; disposal?: Disposal }, questionId: string): string {
  const ref = findQuestion(framework, questionId);
  if (!ref) return `question "${questionId}" is not in the ${framework.version} framework`;
  if (ref.kind === 'resettlement_aspect')
    return `"${questionId}" is a resettlement aspect, answered only on resettlement cases, not on ${A_CASE[kase.type]}`;
  if (kase.type === 'resettlement') {
    return `"${questionId}" belongs to ${ref.standard.id}, which is not marked on resettlement cases (they answer the resettlement aspects only)`;
  }
  if (ref.standard.caseType !== kase.type) {
    return `"${questionId}" belongs to ${ref.standard.id}, which is marked on ${TYPE_WORDS[ref.standard.caseType ?? 'court']} cases, not on ${A_CASE[kase.type]}`;
  }
  const only = ref.keyQuestion.onlyForDisposals ?? [];
  return `"${questionId}" applies only to ${only.join(', ')} cases, and this case is ${kase.disposal ?? 'without a disposal'}`;
}

type Issue = { message: string; path: (string | number)[] };

/** Whether any case answers a key question of this case-marked standard "yes" or "no". */
function hasRelevantCase(standard: Standard, cases: readonly unknown[]): boolean {
  return cases.some((raw) => {
    const answers = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).answers : undefined;
    if (!answers || typeof answers !== 'object') return false;
    return standard.keyQuestions.some((kq) => {
      const value = (answers as Record<string, unknown>)[kq.id];
      return value === 'yes' || value === 'no';
    });
  });
}

/** The framework checks, written defensively: they run even when the base shape has errors. */
function checkAgainstFramework(value: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!value || typeof value !== 'object') return issues;
  const doc = value as Record<string, unknown>;
  const inspection = doc.inspection as Record<string, unknown> | undefined;
  const version = inspection?.framework;
  if (version !== '2018' && version !== '2021') return issues; // reported by the base schema
  const framework = getFramework(version);

  const cases = Array.isArray(doc.cases) ? (doc.cases as unknown[]) : [];
  const seen = new Map<string, number>();
  cases.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object') return;
    const kase = raw as Record<string, unknown>;
    const ref = typeof kase.ref === 'string' && kase.ref.trim() ? kase.ref.trim() : `#${index + 1}`;
    const name = `Case "${ref}"`;
    if (typeof kase.ref === 'string' && kase.ref.trim()) {
      const first = seen.get(ref);
      if (first !== undefined) {
        issues.push({
          message: `${name} appears more than once (cases ${first + 1} and ${index + 1}): case refs must be unique`,
          path: ['cases', index, 'ref'],
        });
      } else seen.set(ref, index);
    }
    const type = (CASE_TYPES as readonly unknown[]).includes(kase.type) ? (kase.type as CaseType) : null;
    const disposal = (DISPOSALS as readonly unknown[]).includes(kase.disposal) ? (kase.disposal as Disposal) : undefined;
    if (type === 'resettlement' && framework.version === '2018') {
      issues.push({
        message: `${name} is a resettlement case, but the 2018 framework has no resettlement standard`,
        path: ['cases', index, 'type'],
      });
    }
    if (type && disposal && !isDisposalOfCaseType(disposal, type)) {
      issues.push({
        message: `${name}: disposal "${disposal}" does not fit ${A_CASE[type]}${
          type === 'out_of_court' ? ' (it is a court disposal)' : ' (it is an out-of-court disposal)'
        }`,
        path: ['cases', index, 'disposal'],
      });
    }
    const check = (group: 'answers' | 'notes') => {
      const map = kase[group];
      if (!map || typeof map !== 'object' || Array.isArray(map)) return;
      for (const [questionId, answer] of Object.entries(map as Record<string, unknown>)) {
        const path = ['cases', index, group, questionId];
        if (!findQuestion(framework, questionId)) {
          const standard = findStandard(framework, questionId.split('.').slice(0, 2).join('.'));
          const hint =
            standard?.kind === 'qualitative'
              ? ` (${standard.id} is a qualitative standard: it is judged by the lead inspector, not marked on cases)`
              : '';
          issues.push({ message: `${name}: question "${questionId}" does not exist in the ${framework.version} framework${hint}`, path });
          continue;
        }
        if (type && !canAnswerQuestion(framework, { type, disposal: disposal ?? null }, questionId)) {
          issues.push({
            message: `${name}: ${group === 'answers' ? 'answer to' : 'note on'} "${questionId}" cannot apply to this case: ${whyNotAnswerable(framework, { type, disposal }, questionId)}`,
            path,
          });
          continue;
        }
        if (group === 'answers' && !(ANSWERS as readonly unknown[]).includes(answer)) {
          issues.push({
            message: `${name}: answer to "${questionId}" is ${JSON.stringify(answer) ?? 'undefined'}; expected "yes", "no" or "na"`,
            path,
          });
        }
      }
    };
    check('answers');
    check('notes');
  });

  const judgements = doc.judgements;
  if (judgements && typeof judgements === 'object' && !Array.isArray(judgements)) {
    for (const standardId of Object.keys(judgements)) {
      const standard = findStandard(framework, standardId);
      const path = ['judgements', standardId];
      if (!standard)
        issues.push({ message: `Judgement for "${standardId}": no such standard in the ${framework.version} framework`, path });
      else if (standard.kind !== 'qualitative') {
        issues.push({
          message: `Judgement for "${standardId}": ${standardId} is case-marked, so its rating is computed from the cases (use a panel decision to apply professional judgement)`,
          path,
        });
      }
    }
  }

  const panel = Array.isArray(doc.panel) ? (doc.panel as unknown[]) : [];
  const decided = new Set<string>();
  panel.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object') return;
    const standardId = (raw as Record<string, unknown>).standard;
    if (typeof standardId !== 'string') return;
    const path = ['panel', index, 'standard'];
    const standard = findStandard(framework, standardId);
    if (!standard)
      issues.push({ message: `Panel decision for "${standardId}": no such standard in the ${framework.version} framework`, path });
    else if (standard.kind !== 'case_marked') {
      issues.push({
        message: `Panel decision for "${standardId}": ${standardId} is not case-marked (it takes the lead inspector's judgement, under "judgements")`,
        path,
      });
    } else if (decided.has(standardId)) {
      issues.push({ message: `Panel decision for "${standardId}" appears more than once: give one decision per standard`, path });
    } else if (!hasRelevantCase(standard, cases)) {
      // Discretion departs from a computed rating (Blackpool 2021, Annexe 1; lib/rating panelDecisionRefusal).
      issues.push({ message: `Panel decision for "${standardId}": ${panelDecisionRefusal(standardId, null)}`, path });
    }
    decided.add(standardId);
  });
  return issues;
}

/** The interchange document (v1), checked against its framework. */
export const ZInspectionDocument = ZBaseDocument.superRefine(
  (value, ctx) => {
    for (const issue of checkAgainstFramework(value)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  },
  // Run the framework checks even when the base shape has errors, so a file's problems are
  // all reported at once.
  { when: () => true },
);
export type TInspectionDocument = z.infer<typeof ZInspectionDocument>;

/** `cases[3].answers["2.1.1"]`: a readable path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(document)';
}

type ParseInspectionResult = { ok: true; value: TInspectionDocument } | { ok: false; errors: string[] };

/**
 * Validates parsed JSON as an interchange document. Errors are "path: message", one per
 * problem (shape errors first, then framework errors), e.g. `cases[4].answers["3.4.2"]: Case "OOC-05": answer to "3.4.2"
 * cannot apply to this case: …`.
 */
export function parseInspectionDocument(json: unknown): ParseInspectionResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: ['(document): Expected an inspection document: a JSON object with "format", "inspection" and "cases"'] };
  }
  // Text PostgreSQL cannot store and absurd nesting are refused before anything else looks at the file.
  const unsafe = findUnsafeInput(json);
  if (unsafe) return { ok: false, errors: [`${formatPath(unsafe.path)}: ${unsafe.message}`] };
  const result = ZInspectionDocument.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  return { ok: false, errors: [...new Set(errors)] };
}
