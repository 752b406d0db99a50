import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ZImportCases } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { checkCaseImport, describeImportIssue, type CaseImportCheck, type CaseImportContext } from './check-case-import';
import { lockInspectionForManage, refuseIfPublished, type ManagedInspection, type Tx } from './manage-access';
import { writeAudits, type AuditEntry } from '@/lib/audit/write';

async function loadImportContext(tx: Tx, inspection: ManagedInspection): Promise<CaseImportContext> {
  const [cases, members] = await Promise.all([
    tx.case.findMany({ where: { inspectionId: inspection.id }, select: { reference: true } }),
    tx.inspectionMember.findMany({
      where: { inspectionId: inspection.id, user: { isActive: true } },
      select: { role: true, user: { select: { id: true, email: true, name: true } } },
    }),
  ]);
  return {
    framework: inspection.framework,
    existingReferences: cases.map((c) => c.reference),
    team: members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role })),
  };
}

/** Checks a CSV file of cases against the inspection, writing nothing: the preview. */
export async function previewCaseImport(db: PrismaClient, actor: Actor, input: unknown): Promise<CaseImportCheck> {
  const { inspectionId, csv } = parseOrThrow(ZImportCases, input, { checkedByCaller: ['csv'] });
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId, { forUpdate: false });
    refuseIfPublished(inspection);
    return checkCaseImport(csv, await loadImportContext(tx, inspection));
  });
}

/**
 * Imports a CSV file of cases: checked again (the team or the sample may have changed since the
 * preview) and written in one transaction with one audit entry. If any row is bad, nothing is
 * imported and the error lists the problems.
 */
export async function importCases(db: PrismaClient, actor: Actor, input: unknown): Promise<{ count: number }> {
  const { inspectionId, csv } = parseOrThrow(ZImportCases, input, { checkedByCaller: ['csv'] });
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId);
    refuseIfPublished(inspection);
    const check = checkCaseImport(csv, await loadImportContext(tx, inspection));
    if (!check.isImportable) {
      const problems = check.fileErrors.length ? check.fileErrors : check.errors.map(describeImportIssue);
      const shown = problems.slice(0, 3).join('; ');
      const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
      const message = `Nothing was imported: the file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}. ${shown}${more}`;
      throw new AppError('invalid', message, { file: message });
    }
    const cases = check.rows.map((row) => row.kase!);
    const created = await tx.case.createManyAndReturn({
      select: { id: true, reference: true },
      data: cases.map((c) => ({
        inspectionId,
        reference: c.reference,
        type: c.type,
        disposal: c.disposal,
        sentenceDate: c.sentenceDate ? new Date(c.sentenceDate) : null,
        gender: c.gender,
        rosh: c.rosh,
        safetyWellbeing: c.safetyWellbeing,
        caseManager: c.caseManager,
        inspectorId: c.inspectorId,
      })),
    });
    const idByReference = new Map(created.map((c) => [c.reference, c.id]));
    // One entry for the import, and one per case so each case's history starts with its creation.
    await writeAudits(tx, [
      {
        actorId: actor.id,
        inspectionId,
        action: 'case.import',
        entityId: inspectionId,
        newValue: { count: cases.length, caseIds: created.map((c) => c.id) },
      },
      ...cases.map((c): AuditEntry => ({
        actorId: actor.id,
        inspectionId,
        action: 'case.create',
        entityId: idByReference.get(c.reference)!,
        newValue: { ...c, source: 'csv import' },
      })),
    ]);
    return { count: cases.length };
  });
}
