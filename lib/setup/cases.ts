import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canAnswerQuestion, getFramework } from '@/lib/framework';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS } from '@/lib/format/labels';
import { ZAddCase, ZDeleteCase, ZEditCase, type TAddCase } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { explainCaseTypeForFramework } from './case-fields';
import { refuseSecondInspectorAllocation } from './allocation';
import { findAllocatableMember, lockInspectionForManage, refuseIfPublished, type ManagedInspection, type Tx } from './manage-access';
import { writeAudit } from '@/lib/audit/write';
import { writeAtVersion } from '@/lib/db/concurrency';

type CaseFields = Omit<TAddCase, 'inspectionId'>;

function invalid(field: string, message: string): never {
  throw new AppError('invalid', message, { [field]: message });
}

/** Checks what the schema cannot: the framework, the reference's uniqueness, the inspector. */
async function checkCaseAgainstInspection(
  tx: Tx,
  inspection: ManagedInspection,
  fields: CaseFields,
  exceptCaseId: string | null,
  currentInspectorId: string | null = null,
) {
  const typeProblem = explainCaseTypeForFramework(fields.type, inspection.framework);
  if (typeProblem) invalid('type', typeProblem);
  // References differing only in case would be confused on paper: treated as the same.
  const taken = await tx.case.findFirst({
    where: {
      inspectionId: inspection.id,
      reference: { equals: fields.reference, mode: 'insensitive' },
      ...(exceptCaseId ? { NOT: { id: exceptCaseId } } : {}),
    },
    select: { reference: true },
  });
  if (taken) invalid('reference', `A case with reference ${taken.reference} is already in this inspection`);
  // Keeping the current inspector (even one since deactivated) is not a new allocation.
  if (
    fields.inspectorId &&
    fields.inspectorId !== currentInspectorId &&
    !(await findAllocatableMember(tx, inspection.id, fields.inspectorId))
  ) {
    invalid('inspectorId', 'Choose an inspector on the team (an inspector or the lead inspector)');
  }
  if (exceptCaseId && fields.inspectorId !== currentInspectorId) {
    await refuseSecondInspectorAllocation(tx, [{ caseId: exceptCaseId, to: fields.inspectorId }]);
  }
}

const toRow = (fields: CaseFields) => ({
  reference: fields.reference,
  type: fields.type,
  disposal: fields.disposal,
  sentenceDate: fields.sentenceDate ? new Date(fields.sentenceDate) : null,
  gender: fields.gender,
  rosh: fields.rosh,
  safetyWellbeing: fields.safetyWellbeing,
  caseManager: fields.caseManager,
  inspectorId: fields.inspectorId,
});

const auditValue = (fields: CaseFields) => ({ ...toRow(fields), sentenceDate: fields.sentenceDate });

/**
 * What a set-up edit may change, and the audit trail records old → new. The set-up form opens with
 * exactly these (lib/data/setup.ts `requireSetupCase`), so an edit's three-way check compares like
 * with like.
 */
export const EDITABLE_CASE_FIELDS = {
  reference: true,
  type: true,
  disposal: true,
  sentenceDate: true,
  gender: true,
  rosh: true,
  safetyWellbeing: true,
  caseManager: true,
  inspectorId: true,
} as const;

/** Adds one case to the sample. Audited. */
export async function addCase(db: PrismaClient, actor: Actor, input: unknown): Promise<{ id: string; reference: string }> {
  const { inspectionId, ...fields } = parseOrThrow(ZAddCase, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId);
    refuseIfPublished(inspection);
    await checkCaseAgainstInspection(tx, inspection, fields, null);
    const created = await tx.case.create({ data: { inspectionId, ...toRow(fields) }, select: { id: true, reference: true } });
    await writeAudit(tx, { actorId: actor.id, inspectionId, action: 'case.create', entityId: created.id, newValue: auditValue(fields) });
    return created;
  });
}

/** The editable fields in one comparable form: what the form posts, what the database holds. */
type ComparableCase = Record<keyof typeof EDITABLE_CASE_FIELDS, string | null>;

const comparableOfFields = (fields: CaseFields): ComparableCase => ({
  reference: fields.reference,
  type: fields.type,
  disposal: fields.disposal,
  sentenceDate: fields.sentenceDate,
  gender: fields.gender,
  rosh: fields.rosh,
  safetyWellbeing: fields.safetyWellbeing,
  caseManager: fields.caseManager,
  inspectorId: fields.inspectorId,
});

const comparableOfRow = (row: { [K in keyof typeof EDITABLE_CASE_FIELDS]: unknown }): ComparableCase =>
  Object.fromEntries(
    Object.keys(EDITABLE_CASE_FIELDS).map((key) => {
      const value = row[key as keyof typeof EDITABLE_CASE_FIELDS];
      return [key, value instanceof Date ? value.toISOString().slice(0, 10) : value == null ? null : String(value)];
    }),
  ) as ComparableCase;

/** Someone else's change to the case the set-up form was editing: theirs, and which fields clash. */
export interface CaseEditConflict {
  status: 'conflict';
  theirs: ComparableCase & { version: number };
  /** The fields both changed, differently (every editable field when the form did not say what it opened with). */
  fields: (keyof typeof EDITABLE_CASE_FIELDS)[];
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * Changes a case's details. Made on the version the form was opened on. A change someone else made
 * in between is never overwritten unseen: when it changed no field this form leaves as it was
 * (an inspector's case-level marking moves the case's version too, say), this change is made on
 * top of it; otherwise nothing is written and both are returned for the user to choose.
 * A new type or disposal is refused while answers already recorded would no longer apply to the
 * case, so no marking is lost or orphaned.
 */
export async function editCase(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<{ status: 'saved'; id: string; reference: string } | CaseEditConflict> {
  const { inspectionId, caseId, baseVersion, baseValues, ...fields } = parseOrThrow(ZEditCase, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId);
    refuseIfPublished(inspection);
    const mine = comparableOfFields(fields);
    const opened = baseValues ? comparableOfFields(baseValues) : null;
    // Under the inspection's lock (lockInspectionForManage): the check and the write are one step.
    const attempt = (version: number) =>
      writeAtVersion({
        baseVersion: version,
        read: () => tx.case.findFirst({ where: { id: caseId, inspectionId }, select: { ...EDITABLE_CASE_FIELDS, version: true } }),
        theirs: (current) => current,
        write: async (next, before) => {
          if (!before) throw new AppError('not_found', 'This case does not exist in this inspection.');
          await checkCaseAgainstInspection(tx, inspection, fields, caseId, before.inspectorId);
          if (before.type !== fields.type || before.disposal !== fields.disposal) {
            const answered = await tx.answer.findMany({ where: { caseId }, select: { questionId: true } });
            const framework = getFramework(inspection.framework);
            const stranded = answered.filter((a) => !canAnswerQuestion(framework, fields, a.questionId));
            if (stranded.length) {
              invalid(
                before.type !== fields.type ? 'type' : 'disposal',
                `${stranded.length} ${stranded.length === 1 ? 'answer' : 'answers'} already recorded on this case would not apply to a ${CASE_TYPE_LABELS[fields.type].toLowerCase()} case with a ${DISPOSAL_LABELS[fields.disposal].toLowerCase()}, so the type and disposal cannot change`,
              );
            }
          }
          const updated = await tx.case.update({
            where: { id: caseId },
            data: { ...toRow(fields), version: next },
            select: { id: true, reference: true },
          });
          const { version: _version, ...old } = before;
          await writeAudit(tx, {
            actorId: actor.id,
            inspectionId,
            action: 'case.update',
            entityId: caseId,
            oldValue: { ...old, sentenceDate: before.sentenceDate?.toISOString().slice(0, 10) ?? null },
            newValue: auditValue(fields),
          });
          return updated;
        },
      });
    let result = await attempt(baseVersion);
    if (result.status === 'conflict' && result.theirs && opened) {
      const theirs = comparableOfRow(result.theirs);
      const keys = Object.keys(EDITABLE_CASE_FIELDS) as (keyof typeof EDITABLE_CASE_FIELDS)[];
      // Theirs and mine clash only where both changed a field, to different values.
      const clashes = keys.filter((k) => theirs[k] !== opened[k] && mine[k] !== opened[k] && mine[k] !== theirs[k]);
      // Every field they changed, this form changed too (to the same value): nothing of theirs is lost.
      const isNothingOfTheirsLost = keys.every((k) => mine[k] !== opened[k] || theirs[k] === opened[k]);
      if (clashes.length === 0 && isNothingOfTheirsLost) result = await attempt(result.theirs.version);
    }
    if (result.status === 'saved') return { status: 'saved' as const, ...result.saved };
    if (!result.theirs) throw new AppError('not_found', 'This case does not exist in this inspection.');
    const theirs = comparableOfRow(result.theirs);
    const keys = Object.keys(EDITABLE_CASE_FIELDS) as (keyof typeof EDITABLE_CASE_FIELDS)[];
    // Cases keep no "changed by": the audit trail says who made the last change, and when.
    const last = await tx.auditEntry.findFirst({
      where: { entity: 'case', entityId: caseId, action: { in: ['case.update', 'case.details', 'case.allocate'] } },
      orderBy: { id: 'desc' },
      select: { at: true, actor: { select: { name: true } } },
    });
    return {
      status: 'conflict' as const,
      theirs: { ...theirs, version: result.theirs.version },
      fields: keys.filter((k) => (opened ? theirs[k] !== opened[k] : true) && mine[k] !== theirs[k]),
      changedBy: last?.actor?.name ?? null,
      changedAt: last?.at.toISOString() ?? null,
    };
  });
}

/**
 * Deletes a case from the sample. Refused while the case has any answer or note: deleting it
 * would lose marking, which only the audit trail could then tell.
 */
export async function deleteCase(db: PrismaClient, actor: Actor, input: unknown): Promise<{ reference: string }> {
  const { inspectionId, caseId } = parseOrThrow(ZDeleteCase, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId);
    refuseIfPublished(inspection);
    const kase = await tx.case.findFirst({
      where: { id: caseId, inspectionId },
      select: {
        id: true,
        reference: true,
        type: true,
        disposal: true,
        inspectorId: true,
        status: true,
        agreesWithRosh: true,
        agreesWithSafety: true,
        isCaseManagerInterviewed: true,
        isPracticeExample: true,
        practiceExample: true,
        _count: { select: { answers: true } },
      },
    });
    if (!kase) throw new AppError('not_found', 'This case does not exist in this inspection.');
    const answers = kase._count.answers;
    // Case-level marking counts as marking too.
    const hasCaseLevelMarking =
      kase.status !== 'not_started' ||
      kase.agreesWithRosh !== null ||
      kase.agreesWithSafety !== null ||
      kase.isCaseManagerInterviewed !== null ||
      kase.isPracticeExample ||
      Boolean(kase.practiceExample);
    if (answers === 0 && hasCaseLevelMarking) {
      throw new AppError(
        'conflict',
        `Case ${kase.reference} cannot be deleted: its inspector has started marking it, and deleting it would lose that marking.`,
      );
    }
    if (answers > 0) {
      throw new AppError(
        'conflict',
        `Case ${kase.reference} cannot be deleted: ${answers} ${answers === 1 ? 'answer has' : 'answers have'} been recorded on it, and deleting it would lose that marking.`,
      );
    }
    await tx.case.delete({ where: { id: kase.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId,
      action: 'case.delete',
      entityId: kase.id,
      oldValue: {
        reference: kase.reference,
        type: kase.type,
        disposal: kase.disposal,
        inspectorId: kase.inspectorId,
        status: kase.status,
      },
    });
    return { reference: kase.reference };
  });
}
