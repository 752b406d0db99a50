import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor, InspectionStatus } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { frameworkToDb } from '@/lib/data/mappers';
import { getFramework } from '@/lib/framework';
import type { FrameworkVersion } from '@/lib/framework/types';
import { STATUS_LABELS } from '@/lib/format/labels';
import { requireActiveAdmin } from '@/lib/admin/guard';
import { insertService } from '@/lib/admin/services';
import { ZCreateInspection, ZSetInspectionStatus, ZUpdateInspectionDetails } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { lockInspectionForManage } from './manage-access';
import { checkPreviousRatings, parseKeyQuestionPercentages, previousResultsFrom } from './previous-results';
import { listEarlierInspections, listEarlierInspectionsOfService } from './previous-inspection';
import { writeAudit, writeAudits } from '@/lib/audit/write';

/** Previous results checked against the framework, or an `invalid` AppError naming the field. */
function checkPreviousResults(
  framework: FrameworkVersion,
  input: { previousRatings: Record<string, string>; previousKeyQuestionPct: string },
) {
  const f = getFramework(framework);
  const ratings = checkPreviousRatings(input.previousRatings, f);
  if (!ratings.ok) throw new AppError('invalid', ratings.message, { previousRatings: ratings.message });
  const pct = parseKeyQuestionPercentages(input.previousKeyQuestionPct, f);
  if (!pct.ok) throw new AppError('invalid', pct.message, { previousKeyQuestionPct: pct.message });
  // Stored as null when nothing was given, so "no previous inspection" is not an empty object.
  return {
    previousRatings: Object.keys(ratings.value).length ? ratings.value : null,
    previousKeyQuestionPct: Object.keys(pct.value).length ? pct.value : null,
  };
}

const jsonOrDbNull = <T extends object>(value: T | null) => (value === null ? Prisma.DbNull : value);

/**
 * Creates an inspection in set-up (admins only): its service (an existing one, or a new one
 * created in the same transaction), standards, fieldwork dates, previous results — typed, or
 * linked from an earlier published inspection of the same service (issue 23) — and its lead
 * inspector, who must already have an active account. Audited.
 */
export async function createInspection(db: PrismaClient, actor: Actor, input: unknown): Promise<{ id: string }> {
  const value = parseOrThrow(ZCreateInspection, input);
  let earlier: Awaited<ReturnType<typeof listEarlierInspectionsOfService>>[number] | null = null;
  if (value.previousInspectionId) {
    // Asked first, so another inspection's figures are only computed for an admin; the
    // transaction below checks again. A new service has no earlier inspection.
    await db.$transaction((tx) => requireActiveAdmin(tx, actor, 'Only admins can create inspections.'));
    earlier =
      value.serviceId === 'new'
        ? null
        : ((
            await listEarlierInspectionsOfService(db, actor, value.serviceId, value.fieldworkStart!, { id: value.previousInspectionId })
          )[0] ?? null);
    if (!earlier) {
      const message = 'Choose a published inspection of this service whose fieldwork started before this one’s';
      throw new AppError('invalid', message, { previousInspectionId: message });
    }
  }
  // A linked inspection's own figures replace whatever was typed (typing is for inspections before Casemark).
  const previous = earlier ? previousResultsFrom(getFramework(value.framework), earlier) : checkPreviousResults(value.framework, value);
  return db.$transaction(async (tx) => {
    await requireActiveAdmin(tx, actor, 'Only admins can create inspections.');
    let serviceId = value.serviceId;
    if (serviceId === 'new') {
      const service = await insertService(
        tx,
        actor,
        { name: value.newServiceName ?? '', localAuthority: value.newServiceLocalAuthority ?? '', region: value.newServiceRegion ?? '' },
        'newServiceName',
      );
      serviceId = service.id;
    } else if (!(await tx.service.findUnique({ where: { id: serviceId }, select: { id: true } }))) {
      throw new AppError('invalid', 'Choose a service', { serviceId: 'Choose a service' });
    }
    const lead = await tx.user.findUnique({ where: { email: value.leadEmail }, select: { id: true, isActive: true } });
    if (!lead || !lead.isActive) {
      const message = `No active user has the email address ${value.leadEmail}. Create their account in Users first`;
      throw new AppError('invalid', message, { leadEmail: message });
    }
    const inspection = await tx.inspection.create({
      data: {
        serviceId,
        framework: frameworkToDb(value.framework),
        fieldworkStart: new Date(value.fieldworkStart!),
        fieldworkEnd: new Date(value.fieldworkEnd!),
        status: 'set_up',
        previousInspectionId: earlier?.id ?? null,
        previousRatings: previous.previousRatings ?? undefined,
        previousKeyQuestionPct: previous.previousKeyQuestionPct ?? undefined,
        members: { create: { userId: lead.id, role: 'lead_inspector' } },
      },
      select: { id: true },
    });
    await writeAudits(tx, [
      {
        actorId: actor.id,
        inspectionId: inspection.id,
        action: 'inspection.create',
        entityId: inspection.id,
        newValue: {
          serviceId,
          framework: value.framework,
          fieldworkStart: value.fieldworkStart,
          fieldworkEnd: value.fieldworkEnd,
          status: 'set_up',
          previousInspectionId: earlier?.id ?? null,
          previousRatings: previous.previousRatings,
          previousKeyQuestionPct: previous.previousKeyQuestionPct,
        },
      },
      {
        actorId: actor.id,
        inspectionId: inspection.id,
        action: 'member.add',
        entityId: `${inspection.id}:${lead.id}`,
        newValue: { email: value.leadEmail, role: 'lead_inspector' },
      },
    ]);
    return inspection;
  });
}

/** JSON compared regardless of key order (stored JSONB comes back with its keys reordered). */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Changes the fieldwork dates, the publication date and the previous inspection's results.
 * Audited (old → new). Once published, only the publication date may still change: the
 * report's date is often known only after the status moves to published, while the fieldwork
 * and the previous results the panel compared with are then part of the published record.
 */
export async function updateInspectionDetails(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const value = parseOrThrow(ZUpdateInspectionDetails, input);
  let earlier: Awaited<ReturnType<typeof listEarlierInspections>>[number] | null = null;
  if (value.previousInspectionId) {
    // Asked first, so another inspection's figures are only computed for someone who may set this
    // one up; the transaction below checks again.
    await db.$transaction((tx) => lockInspectionForManage(tx, actor, value.inspectionId, { forUpdate: false }));
    earlier = (await listEarlierInspections(db, value.inspectionId, value.fieldworkStart!, { id: value.previousInspectionId }))[0] ?? null;
    if (!earlier) {
      const message = 'Choose a published inspection of this service whose fieldwork started before this one’s';
      throw new AppError('invalid', message, { previousInspectionId: message });
    }
  }
  await db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, value.inspectionId);
    // A linked inspection's own figures replace whatever was typed (typing is for inspections before Casemark).
    const previous = earlier
      ? previousResultsFrom(getFramework(inspection.framework), earlier)
      : checkPreviousResults(inspection.framework, value);
    const before = await tx.inspection.findUniqueOrThrow({
      where: { id: inspection.id },
      select: {
        fieldworkStart: true,
        fieldworkEnd: true,
        publishedOn: true,
        fieldworkMonthOnly: true,
        reportSerialComma: true,
        previousInspectionId: true,
        previousRatings: true,
        previousKeyQuestionPct: true,
      },
    });
    const oldValue = {
      fieldworkStart: before.fieldworkStart.toISOString().slice(0, 10),
      fieldworkEnd: before.fieldworkEnd.toISOString().slice(0, 10),
      publishedOn: before.publishedOn ? before.publishedOn.toISOString().slice(0, 10) : null,
      fieldworkMonthOnly: before.fieldworkMonthOnly,
      reportSerialComma: before.reportSerialComma,
      previousInspectionId: before.previousInspectionId,
      previousRatings: before.previousRatings,
      previousKeyQuestionPct: before.previousKeyQuestionPct,
    };
    const newValue = {
      fieldworkStart: value.fieldworkStart,
      fieldworkEnd: value.fieldworkEnd,
      publishedOn: value.publishedOn,
      fieldworkMonthOnly: value.fieldworkMonthOnly,
      reportSerialComma: value.reportSerialComma,
      previousInspectionId: earlier?.id ?? null,
      ...previous,
    };
    if (inspection.status === 'published') {
      // How the report prints its dates and lists is known from the report itself, so it may be
      // corrected after publication too (issue 22); the figures and dates may not.
      const { publishedOn: _old, fieldworkMonthOnly: _oldMonth, reportSerialComma: _oldComma, ...lockedBefore } = oldValue;
      const { publishedOn: _new, fieldworkMonthOnly: _newMonth, reportSerialComma: _newComma, ...lockedAfter } = newValue;
      if (canonicalJson(lockedBefore) !== canonicalJson(lockedAfter)) {
        throw new AppError(
          'forbidden',
          'This inspection is published: only its publication date and how its report prints dates and lists can still change.',
        );
      }
    }
    await tx.inspection.update({
      where: { id: inspection.id },
      data: {
        fieldworkStart: new Date(value.fieldworkStart!),
        fieldworkEnd: new Date(value.fieldworkEnd!),
        publishedOn: value.publishedOn ? new Date(`${value.publishedOn}T00:00:00Z`) : null,
        fieldworkMonthOnly: value.fieldworkMonthOnly,
        reportSerialComma: value.reportSerialComma,
        previousInspectionId: earlier?.id ?? null,
        previousRatings: jsonOrDbNull(previous.previousRatings),
        previousKeyQuestionPct: jsonOrDbNull(previous.previousKeyQuestionPct),
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: inspection.id,
      action: 'inspection.update',
      entityId: inspection.id,
      oldValue,
      newValue,
    });
  });
}

/**
 * The moves between statuses: forward one step at a time, and back one step where work can
 * resume (fieldwork → set-up to fix the sample; panel → fieldwork to finish marking). Taking a
 * published inspection back to the panel is for admins only.
 */
export const STATUS_MOVES: Record<InspectionStatus, readonly InspectionStatus[]> = {
  set_up: ['fieldwork'],
  fieldwork: ['panel', 'set_up'],
  panel: ['published', 'fieldwork'],
  published: ['panel'],
};

export function canMoveStatus(actor: Actor, from: InspectionStatus, to: InspectionStatus): boolean {
  if (!STATUS_MOVES[from].includes(to)) return false;
  return from !== 'published' || actor.isAdmin;
}

export async function setInspectionStatus(db: PrismaClient, actor: Actor, input: unknown): Promise<{ status: InspectionStatus }> {
  const value = parseOrThrow(ZSetInspectionStatus, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, value.inspectionId);
    const from = inspection.status;
    const to = value.status;
    if (from === to) return { status: to };
    if (!canMoveStatus(actor, from, to)) {
      const message =
        from === 'published' && STATUS_MOVES[from].includes(to)
          ? 'Only an admin can take a published inspection back to the ratings panel.'
          : `An inspection cannot move from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}.`;
      throw new AppError('invalid', message, { status: message });
    }
    if (to === 'fieldwork' && from === 'set_up') {
      const cases = await tx.case.count({ where: { inspectionId: inspection.id } });
      if (cases === 0) {
        const message = 'Add the case sample before starting fieldwork.';
        throw new AppError('invalid', message, { status: message });
      }
    }
    await tx.inspection.update({ where: { id: inspection.id }, data: { status: to } });
    await writeAudit(tx, {
      actorId: actor.id,
      inspectionId: inspection.id,
      action: 'inspection.status',
      entityId: inspection.id,
      oldValue: { status: from },
      newValue: { status: to },
    });
    return { status: to };
  });
}
