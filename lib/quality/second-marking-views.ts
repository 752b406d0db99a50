/**
 * What the second-marking, comparison and agreement pages read. Each takes the loaded access
 * (lib/access/context.ts), not bare ids, and scopes its query by what the permission rule allows
 * (secondMarking.assign / .mark / .compare / agreement.view, lib/auth/permissions.ts): a caller
 * who forgot a check gets nothing (issue 21). The one read a second inspector makes before
 * submitting, {@link loadOwnSecondAnswers}, reads only their own answers, never the first marking.
 */
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Db } from '@/lib/db/snapshot';
import { findQuestion, getFramework } from '@/lib/framework';
import type { FrameworkVersion } from '@/lib/framework/types';
import { can, type Actor } from '@/lib/auth/permissions';
import type { AccessOnInspection } from '@/lib/access/context';
import { actorIdFor, inspectionIdFor, inspectionsWhere } from '@/lib/access/scope';
import type { LoadedSecondMarking } from './second-marking';
import { frameworkFromDb } from '@/lib/data/mappers';
import { formatDateRange } from '@/lib/format/labels';
import {
  agreementTable,
  compareIds,
  groupAgreement,
  type Category,
  type GroupAgreement,
  type InspectorPairAgreement,
  type QuestionPair,
} from './agreement';

export interface SecondMarkingRow {
  id: string;
  caseId: string;
  reference: string;
  caseInspectorName: string | null;
  markerName: string;
  assignedAt: string;
  submittedAt: string | null;
  disagreements: number;
  reconciled: number;
}

/**
 * The inspection's second markings, with their disagreements and how many are reconciled: every
 * one for those who may see agreement, unless `own`; otherwise only the actor's own (as second
 * inspector), which never name the first inspector.
 */
export async function listSecondMarkings(access: AccessOnInspection, options: { own?: boolean } = {}): Promise<SecondMarkingRow[]> {
  const own = options.own === true || !can(access.actor, 'agreement.view', { inspection: access.scope });
  const rows = await prisma.secondMarking.findMany({
    where: { inspectionId: inspectionIdFor(access, 'inspection.view'), ...(own ? { markerId: actorIdFor(access.actor) } : {}) },
    orderBy: [{ case: { reference: 'asc' } }],
    select: {
      id: true,
      caseId: true,
      assignedAt: true,
      submittedAt: true,
      case: { select: { reference: true, inspector: { select: { name: true } } } },
      marker: { select: { name: true } },
      answers: { select: { value: true, firstValue: true } },
      _count: { select: { reconciliations: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    reference: r.case.reference,
    // A second inspector's own list never names the first inspector: nothing of the first marking.
    caseInspectorName: own ? null : (r.case.inspector?.name ?? null),
    markerName: r.marker.name,
    assignedAt: r.assignedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    disagreements: r.submittedAt ? r.answers.filter((a) => a.value && a.firstValue && a.value !== a.firstValue).length : 0,
    reconciled: r._count.reconciliations,
  }));
}

/** What the lead can pick from (secondMarking.assign): cases not yet picked (not resettlement) and the team's active inspectors. */
export async function loadAssignOptions(access: AccessOnInspection) {
  const inspectionId = inspectionIdFor(access, 'secondMarking.assign');
  const [cases, inspectors] = await Promise.all([
    prisma.case.findMany({
      where: { inspectionId, type: { not: 'resettlement' }, secondMarking: null },
      orderBy: { reference: 'asc' },
      select: { id: true, reference: true, inspector: { select: { name: true } } },
    }),
    prisma.inspectionMember.findMany({
      where: { inspectionId, role: 'inspector', user: { isActive: true } },
      orderBy: { user: { name: 'asc' } },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    cases: cases.map((c) => ({ id: c.id, reference: c.reference, inspectorName: c.inspector?.name ?? null })),
    inspectors: inspectors.map((m) => m.user),
  };
}

interface SecondAnswerView {
  value: Category | null;
  naReason: string | null;
  note: string | null;
}

/** An id no row has. */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/**
 * The second inspector's own answers: the only read of a second marking before it is submitted,
 * and only by its second inspector.
 */
export async function loadOwnSecondAnswers(loaded: LoadedSecondMarking): Promise<Map<string, SecondAnswerView>> {
  const rows = await prisma.secondMarkingAnswer.findMany({
    where: { secondMarkingId: loaded.id, secondMarking: { markerId: loaded.actor.id } },
    select: { questionId: true, value: true, naReason: true, note: true },
  });
  return new Map(rows.map((r) => [r.questionId, { value: r.value, naReason: r.naReason, note: r.note }]));
}

export interface ComparisonRow {
  questionId: string;
  second: SecondAnswerView;
  /** The first marking's judgement when the second marking was submitted (what agreement compares). */
  firstAtSubmission: { value: Category | null; naReason: string | null };
  /** The first marking's answer now (what the ratings count), with its version for reconciling. */
  firstNow: { value: Category | null; naReason: string | null; note: string | null; version: number; updatedByName: string | null };
  /**
   * The case's inspector, who made the first marking: named on the comparison even after a
   * reconciliation has made the lead the answer's last editor (issue 23).
   */
  firstInspectorName: string | null;
  isDisagreement: boolean;
  reconciliation: { value: Category; naReason: string | null; reason: string; byName: string; at: string } | null;
}

/** Both markings of a submitted second marking, side by side, for those who may compare them (secondMarking.compare). */
export async function loadComparison(loaded: LoadedSecondMarking): Promise<Map<string, ComparisonRow>> {
  const allowed = can(loaded.actor, 'secondMarking.compare', { inspection: loaded.scope, secondMarking: loaded.marking });
  const secondMarkingId = allowed ? loaded.id : NO_ROW;
  const caseId = allowed ? loaded.caseId : NO_ROW;
  const [second, reconciliations] = await Promise.all([
    prisma.secondMarkingAnswer.findMany({
      where: { secondMarkingId },
      select: { questionId: true, value: true, naReason: true, note: true, firstValue: true, firstNaReason: true },
    }),
    prisma.secondMarkingReconciliation.findMany({
      where: { secondMarkingId },
      select: { questionId: true, value: true, naReason: true, reason: true, reconciledAt: true, reconciledBy: { select: { name: true } } },
    }),
  ]);
  const [first, kase] = await Promise.all([
    prisma.answer.findMany({
      where: { caseId, questionId: { in: second.map((s) => s.questionId) } },
      select: { questionId: true, value: true, naReason: true, note: true, version: true, updatedBy: { select: { name: true } } },
    }),
    prisma.case.findUnique({ where: { id: caseId }, select: { inspector: { select: { name: true } } } }),
  ]);
  const firstBy = new Map(first.map((a) => [a.questionId, a]));
  const reconciledBy = new Map(reconciliations.map((r) => [r.questionId, r]));
  const out = new Map<string, ComparisonRow>();
  for (const s of second) {
    const now = firstBy.get(s.questionId);
    const rec = reconciledBy.get(s.questionId);
    out.set(s.questionId, {
      questionId: s.questionId,
      second: { value: s.value, naReason: s.naReason, note: s.note },
      firstAtSubmission: { value: s.firstValue, naReason: s.firstNaReason },
      firstNow: {
        value: now?.value ?? null,
        naReason: now?.naReason ?? null,
        note: now?.note ?? null,
        version: now?.version ?? 0,
        updatedByName: now?.updatedBy.name ?? null,
      },
      firstInspectorName: kase?.inspector?.name ?? null,
      isDisagreement: s.value !== null && s.firstValue !== null && s.value !== s.firstValue,
      reconciliation: rec
        ? {
            value: rec.value,
            naReason: rec.naReason,
            reason: rec.reason,
            byName: rec.reconciledBy.name,
            at: rec.reconciledAt.toISOString(),
          }
        : null,
    });
  }
  return out;
}

interface DisagreementView extends QuestionPair {
  secondMarkingId: string;
  reference: string;
  isReconciled: boolean;
}

/**
 * Agreement over the inspection's submitted second markings: each key question answered in both
 * markings is a pair, the first marking as it stood when the second was submitted (so a later
 * reconciliation does not erase the disagreement). A key question the first marking had not
 * answered then is left out, and counted in `notCompared`.
 */
export async function loadAgreement(access: AccessOnInspection & { framework: FrameworkVersion }) {
  const framework = access.framework;
  const rows = await prisma.secondMarkingAnswer.findMany({
    where: { secondMarking: { inspectionId: inspectionIdFor(access, 'agreement.view'), submittedAt: { not: null } } },
    select: {
      secondMarkingId: true,
      questionId: true,
      value: true,
      firstValue: true,
      secondMarking: {
        select: {
          caseId: true,
          markerId: true,
          marker: { select: { name: true } },
          case: { select: { reference: true, inspectorId: true, inspector: { select: { name: true } } } },
          reconciliations: { select: { questionId: true } },
        },
      },
    },
  });
  const fw = getFramework(framework);
  const pairs: QuestionPair[] = [];
  const meta = new Map<string, { secondMarkingId: string; reference: string; isReconciled: boolean }>();
  let notCompared = 0;
  const cases = new Set<string>();
  const inspectorPairs: InspectorPairs = new Map();
  for (const r of rows) {
    const ref = findQuestion(fw, r.questionId);
    if (!ref || ref.kind !== 'key_question') continue;
    cases.add(r.secondMarking.caseId);
    if (r.value === null || r.firstValue === null) {
      notCompared += 1;
      continue;
    }
    const pair: QuestionPair = {
      caseId: r.secondMarking.caseId,
      questionId: r.questionId,
      standardId: ref.standard.id,
      first: r.firstValue,
      second: r.value,
    };
    pairs.push(pair);
    const { case: kase, marker, markerId } = r.secondMarking;
    addToInspectorPair(inspectorPairs, kase, { id: markerId, name: marker.name }, pair);
    meta.set(`${r.secondMarking.caseId}:${r.questionId}`, {
      secondMarkingId: r.secondMarkingId,
      reference: r.secondMarking.case.reference,
      isReconciled: r.secondMarking.reconciliations.some((x) => x.questionId === r.questionId),
    });
  }
  const table = agreementTable(pairs);
  // Listed by case reference, then key question: the lead reconciles case by case.
  const disagreements: DisagreementView[] = table.disagreements
    .map((d) => ({
      ...d,
      ...(meta.get(`${d.caseId}:${d.questionId}`) ?? { secondMarkingId: '', reference: '', isReconciled: false }),
    }))
    .sort((a, b) => compareIds(a.reference, b.reference) || compareIds(a.questionId, b.questionId));
  const byInspectorPair = sortPairs(inspectorPairs);
  return { ...table, disagreements, byInspectorPair, doubleMarkedCases: cases.size, notCompared };
}

/**
 * Disagreements not yet reconciled, per key question: until the lead records the agreed answer,
 * the first marking counts, and the ratings panel says so (panel.view). Read in the caller's snapshot.
 */
export async function countUnreconciledByKeyQuestion(db: Db, access: AccessOnInspection): Promise<Map<string, number>> {
  const inspectionId = inspectionIdFor(access, 'panel.view');
  const rows = await db.$queryRaw<{ question_id: string; cases: number }[]>`
    SELECT a.question_id, count(*)::int AS cases
    FROM second_marking_answers a
    JOIN second_markings s ON s.id = a.second_marking_id
    WHERE s.inspection_id = ${inspectionId}::uuid AND s.submitted_at IS NOT NULL
      AND a.value IS NOT NULL AND a.first_value IS NOT NULL AND a.value <> a.first_value
      AND NOT EXISTS (SELECT 1 FROM second_marking_reconciliations r
                      WHERE r.second_marking_id = a.second_marking_id AND r.question_id = a.question_id)
    GROUP BY a.question_id`;
  return new Map(rows.map((r) => [r.question_id, r.cases]));
}

interface InspectionAgreementRow {
  inspectionId: string;
  serviceName: string;
  fieldworkStart: Date;
  /** The fieldwork as the report gives it: the month alone where it gives only a month (issue 22). */
  fieldwork: string;
  doubleMarkedCases: number;
  agreement: GroupAgreement;
}

/**
 * Agreement across every inspection the actor may see agreement for (a quality lead's view):
 * each inspection's inspection-wide figure, every pair pooled, and each inspector pair pooled
 * over the inspections they marked together. Scoped in the query (inspectionsWhere), so an
 * inspection outside the actor's reach contributes nothing.
 */
export async function loadAgreementAcrossInspections(actor: Actor): Promise<{
  inspections: InspectionAgreementRow[];
  pooled: GroupAgreement;
  byInspectorPair: InspectorPairAgreement[];
}> {
  const rows = await prisma.secondMarkingAnswer.findMany({
    where: {
      value: { not: null },
      firstValue: { not: null },
      secondMarking: { submittedAt: { not: null }, inspection: inspectionsWhere(actor, 'agreement.view') },
    },
    select: {
      questionId: true,
      value: true,
      firstValue: true,
      secondMarking: {
        select: {
          caseId: true,
          markerId: true,
          marker: { select: { name: true } },
          case: { select: { inspectorId: true, inspector: { select: { name: true } } } },
          inspection: {
            select: {
              id: true,
              framework: true,
              fieldworkStart: true,
              fieldworkEnd: true,
              fieldworkMonthOnly: true,
              service: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const byInspection = new Map<string, { meta: Omit<InspectionAgreementRow, 'agreement' | 'doubleMarkedCases'>; pairs: QuestionPair[] }>();
  const inspectorPairs: InspectorPairs = new Map();
  const all: QuestionPair[] = [];
  for (const r of rows) {
    const { inspection, case: kase, marker, markerId, caseId } = r.secondMarking;
    const ref = findQuestion(getFramework(frameworkFromDb(inspection.framework)), r.questionId);
    if (!ref || ref.kind !== 'key_question' || r.value === null || r.firstValue === null) continue;
    const pair: QuestionPair = { caseId, questionId: r.questionId, standardId: ref.standard.id, first: r.firstValue, second: r.value };
    all.push(pair);
    const forInspection = byInspection.get(inspection.id);
    if (forInspection) forInspection.pairs.push(pair);
    else
      byInspection.set(inspection.id, {
        meta: {
          inspectionId: inspection.id,
          serviceName: inspection.service.name,
          fieldworkStart: inspection.fieldworkStart,
          fieldwork: formatDateRange(inspection.fieldworkStart, inspection.fieldworkEnd, inspection.fieldworkMonthOnly),
        },
        pairs: [pair],
      });
    addToInspectorPair(inspectorPairs, kase, { id: markerId, name: marker.name }, pair);
  }
  const inspections = [...byInspection.values()]
    .map(({ meta, pairs }) => ({ ...meta, doubleMarkedCases: new Set(pairs.map((p) => p.caseId)).size, agreement: groupAgreement(pairs) }))
    .sort((a, b) => b.fieldworkStart.getTime() - a.fieldworkStart.getTime() || a.serviceName.localeCompare(b.serviceName));
  return { inspections, pooled: groupAgreement(all), byInspectorPair: sortPairs(inspectorPairs) };
}

/** Question pairs grouped by who marked first and who second, for agreement per inspector pair. */
type InspectorPairs = Map<string, { firstInspector: string; secondInspector: string; pairs: QuestionPair[] }>;

function addToInspectorPair(
  groups: InspectorPairs,
  kase: { inspectorId: string | null; inspector: { name: string } | null },
  marker: { id: string; name: string },
  pair: QuestionPair,
): void {
  const key = `${kase.inspectorId ?? ''}:${marker.id}`;
  const group = groups.get(key);
  if (group) group.pairs.push(pair);
  else groups.set(key, { firstInspector: kase.inspector?.name ?? 'No inspector allocated', secondInspector: marker.name, pairs: [pair] });
}

function sortPairs(
  pairs: ReadonlyMap<string, { firstInspector: string; secondInspector: string; pairs: QuestionPair[] }>,
): InspectorPairAgreement[] {
  return [...pairs.values()]
    .map((p) => ({ firstInspector: p.firstInspector, secondInspector: p.secondInspector, agreement: groupAgreement(p.pairs) }))
    .sort((a, b) => a.firstInspector.localeCompare(b.firstInspector) || a.secondInspector.localeCompare(b.secondInspector));
}

/**
 * First markings changed after their case's second marking was submitted, and not by a
 * reconciliation: the agreement figures compare the answer as it stood at submission, so the
 * panel says which cases have moved since (issue 23). Case references per key question (panel.view).
 */
export async function listFirstMarkingsChangedAfterSecond(
  db: Db,
  access: AccessOnInspection,
): Promise<{ questionId: string; reference: string }[]> {
  const inspectionId = inspectionIdFor(access, 'panel.view');
  const rows = await db.$queryRaw<{ question_id: string; reference: string }[]>`
    SELECT a.question_id, c.reference
    FROM second_marking_answers a
    JOIN second_markings s ON s.id = a.second_marking_id
    JOIN cases c ON c.id = s.case_id
    JOIN answers f ON f.case_id = s.case_id AND f.question_id = a.question_id
    WHERE s.inspection_id = ${inspectionId}::uuid AND s.submitted_at IS NOT NULL
      AND f.value IS DISTINCT FROM a.first_value
      AND NOT EXISTS (SELECT 1 FROM second_marking_reconciliations r
                      WHERE r.second_marking_id = a.second_marking_id AND r.question_id = a.question_id)
    ORDER BY c.reference, a.question_id`;
  return rows.map((r) => ({ questionId: r.question_id, reference: r.reference }));
}
