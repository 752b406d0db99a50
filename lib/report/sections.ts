/**
 * Saving and reading the draft report (issue 22). Every read and write starts from the access
 * context (lib/access/context.ts): the lead inspector (and an admin) may write the report, and
 * so may a team member the lead allows (`report_editors`) who can see the ratings panel — the
 * report is built on its figures. Each section is saved on its own version through
 * `writeAtVersion` (lib/db/concurrency.ts), audited in the same transaction.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { can, type Actor, type Principal } from '@/lib/auth/permissions';
import { loadInspectionAccess, type InspectionAccess } from '@/lib/access/context';
import { writeAudit } from '@/lib/audit/write';
import { writeAtVersion } from '@/lib/db/concurrency';
import { withSnapshot, type Db } from '@/lib/db/snapshot';
import { AppError } from '@/lib/errors';
import { notifyInspectionChanged } from '@/lib/realtime/channel';
import { parseOrThrow } from '@/lib/validation/parse';
import { EMPTY_SECTION, parseSectionKey, ZReportEditor, ZSaveReportSection, type SectionContent } from './draft';

type Tx = Prisma.TransactionClient;

const NOT_FOUND = 'This inspection does not exist or you do not have access to it.';
const REFUSED = 'Only the lead inspector, and team members the lead allows, can write the report.';

/** Whether the actor may write this inspection's report: the lead (or an admin), or a member the lead allows who can see the panel. */
async function isReportWriter(db: Db, access: InspectionAccess): Promise<boolean> {
  const actor = access.actor;
  if (can(actor, 'panel.decide', { inspection: access.scope })) return true;
  if (access.scope.role === null || !can(actor, 'panel.view', { inspection: access.scope }) || !('id' in actor)) return false;
  const row = await db.reportEditor.findUnique({
    where: { inspectionId_userId: { inspectionId: access.id, userId: actor.id } },
    select: { userId: true },
  });
  return row !== null;
}

/** The inspection, locked for the transaction, if the actor may write its report. */
async function requireReportWriter(tx: Tx, actor: Actor, inspectionId: string): Promise<InspectionAccess> {
  const access = await loadInspectionAccess(tx, actor, inspectionId, { lock: true });
  if (!access) throw new AppError('not_found', NOT_FOUND);
  if (!(await isReportWriter(tx, access))) throw new AppError('forbidden', REFUSED);
  return access;
}

/** What a writer whose save was refused is shown: the section as it stands now. */
export interface ReportSectionConflict {
  content: SectionContent;
  version: number;
  updatedByName: string;
  updatedAt: string | null;
}

/** Saves one section of the draft on the version the page showed; a conflict writes nothing. */
export async function saveReportSection(db: PrismaClient, actor: Actor, input: unknown) {
  const change = parseOrThrow(ZSaveReportSection, input);
  return db.$transaction(async (tx) => {
    const access = await requireReportWriter(tx, actor, change.inspectionId);
    if (!parseSectionKey(access.framework, change.sectionKey)) {
      throw new AppError('invalid', `${change.sectionKey} is not a section of a ${access.framework} report.`);
    }
    const where = { inspectionId_sectionKey: { inspectionId: change.inspectionId, sectionKey: change.sectionKey } };
    const result = await writeAtVersion({
      baseVersion: change.baseVersion,
      // Under the inspection's lock (requireReportWriter): the check and the write are one step.
      read: () =>
        tx.reportSection.findUnique({
          where,
          select: { id: true, content: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
        }),
      theirs: (current): ReportSectionConflict => ({
        content: (current?.content as SectionContent | undefined) ?? EMPTY_SECTION,
        version: current?.version ?? 0,
        updatedByName: current?.updatedBy.name ?? '',
        updatedAt: current?.updatedAt.toISOString() ?? null,
      }),
      write: async (version, existing) => {
        const data = { content: change.content, version, updatedById: actor.id, updatedAt: new Date() };
        if (existing) await tx.reportSection.update({ where: { id: existing.id }, data });
        else await tx.reportSection.create({ data: { ...data, inspectionId: change.inspectionId, sectionKey: change.sectionKey } });
        await writeAudit(tx, {
          actorId: actor.id,
          inspectionId: change.inspectionId,
          action: 'report.section',
          entityId: `${change.inspectionId}:${change.sectionKey}`,
          oldValue: existing?.content ?? null,
          newValue: change.content,
        });
        await notifyInspectionChanged(tx, change.inspectionId);
      },
    });
    return result.status === 'conflict' ? result : { status: 'saved' as const, version: result.version };
  });
}

/** The lead allows (or stops allowing) a team member to write the report. */
export async function setReportEditor(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const change = parseOrThrow(ZReportEditor, input);
  await db.$transaction(async (tx) => {
    const access = await loadInspectionAccess(tx, actor, change.inspectionId, { lock: true });
    if (!access) throw new AppError('not_found', NOT_FOUND);
    if (!can(actor, 'panel.decide', { inspection: access.scope })) {
      throw new AppError('forbidden', 'Only the lead inspector can choose who writes the report.');
    }
    const member = await tx.inspectionMember.findUnique({
      where: { inspectionId_userId: { inspectionId: change.inspectionId, userId: change.userId } },
      select: { role: true },
    });
    if (!member)
      throw new AppError('invalid', 'Only a member of the inspection team can write the report.', { userId: 'Choose a team member' });
    const key = { inspectionId_userId: { inspectionId: change.inspectionId, userId: change.userId } };
    const existing = await tx.reportEditor.findUnique({ where: key, select: { userId: true } });
    if (change.isAllowed === (existing !== null)) return;
    if (change.isAllowed)
      await tx.reportEditor.create({ data: { inspectionId: change.inspectionId, userId: change.userId, grantedById: actor.id } });
    else await tx.reportEditor.delete({ where: key });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: change.inspectionId,
      action: 'report.editor',
      entityId: `${change.inspectionId}:${change.userId}`,
      oldValue: { isAllowed: !change.isAllowed },
      newValue: { isAllowed: change.isAllowed },
    });
  });
}

/** One saved section as the page shows it. */
export interface ReportSectionView {
  content: SectionContent;
  version: number;
  updatedByName: string;
  updatedAt: string;
}

/**
 * The saved sections of the draft, read in the caller's snapshot, with whether the actor may
 * write them. Refused (not found / forbidden) to anyone who may not see the ratings panel:
 * the draft states its figures.
 */
export async function readReportSections(
  db: Db,
  actor: Principal,
  inspectionId: string,
): Promise<{ access: InspectionAccess; sections: Record<string, ReportSectionView>; canEdit: boolean }> {
  return withSnapshot(db, (tx) => readReportSectionsIn(tx, actor, inspectionId));
}

/** {@link readReportSections} inside a snapshot the caller has opened. */
export async function readReportSectionsIn(
  tx: Tx,
  actor: Principal,
  inspectionId: string,
): Promise<{ access: InspectionAccess; sections: Record<string, ReportSectionView>; canEdit: boolean }> {
  const access = await loadInspectionAccess(tx, actor, inspectionId);
  if (!access) throw new AppError('not_found', NOT_FOUND);
  if (!can(actor, 'panel.view', { inspection: access.scope })) {
    throw new AppError('forbidden', 'Only those who can see the ratings panel can read the draft report.');
  }
  const rows = await tx.reportSection.findMany({
    where: { inspectionId },
    select: { sectionKey: true, content: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const sections: Record<string, ReportSectionView> = {};
  for (const row of rows) {
    sections[row.sectionKey] = {
      content: { ...EMPTY_SECTION, ...(row.content as Partial<SectionContent>) },
      version: row.version,
      updatedByName: row.updatedBy.name,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
  return { access, sections, canEdit: 'id' in actor && (await isReportWriter(tx, access)) };
}
