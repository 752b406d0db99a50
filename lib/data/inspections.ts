import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { can, type Action, type Actor, type InspectionScope } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { frameworkFromDb } from './mappers';

/** Inspections the actor may see: all for admins, otherwise those on whose team they are. */
function visibleInspectionsWhere(actor: Actor): Prisma.InspectionWhereInput {
  return actor.isAdmin ? {} : { members: { some: { userId: actor.id } } };
}

interface InspectionListItem {
  id: string;
  serviceName: string;
  localAuthority: string;
  framework: '2018' | '2021';
  fieldworkStart: Date;
  fieldworkEnd: Date;
  status: InspectionScope['status'];
  role: InspectionScope['role'];
  casesTotal: number;
  casesComplete: number;
}

export async function listInspectionsForUser(actor: Actor): Promise<InspectionListItem[]> {
  const inspections = await prisma.inspection.findMany({
    where: visibleInspectionsWhere(actor),
    orderBy: [{ fieldworkStart: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      framework: true,
      fieldworkStart: true,
      fieldworkEnd: true,
      status: true,
      service: { select: { name: true, localAuthority: true } },
      members: { where: { userId: actor.id }, select: { role: true } },
      _count: { select: { cases: true } },
    },
  });
  const ids = inspections.map((i) => i.id);
  const complete = ids.length
    ? await prisma.case.groupBy({
        by: ['inspectionId'],
        where: { inspectionId: { in: ids }, status: 'complete' },
        _count: { _all: true },
      })
    : [];
  const completeBy = new Map(complete.map((c) => [c.inspectionId, c._count._all]));
  return inspections.map((i) => ({
    id: i.id,
    serviceName: i.service.name,
    localAuthority: i.service.localAuthority,
    framework: frameworkFromDb(i.framework),
    fieldworkStart: i.fieldworkStart,
    fieldworkEnd: i.fieldworkEnd,
    status: i.status,
    role: i.members[0]?.role ?? null,
    casesTotal: i._count.cases,
    casesComplete: completeBy.get(i.id) ?? 0,
  }));
}

export interface InspectionAccess {
  id: string;
  serviceName: string;
  framework: '2018' | '2021';
  status: InspectionScope['status'];
  fieldworkStart: Date;
  fieldworkEnd: Date;
  isPanelVisibleToTeam: boolean;
  scope: InspectionScope;
}

/**
 * The inspection with the actor's role in it, or null when it does not exist or the actor is
 * not on its team (the two are indistinguishable to the caller on purpose).
 */
export async function findInspectionForUser(actor: Actor, inspectionId: string): Promise<InspectionAccess | null> {
  if (!isUuid(inspectionId)) return null;
  const inspection = await prisma.inspection.findFirst({
    where: { id: inspectionId, ...visibleInspectionsWhere(actor) },
    select: {
      id: true,
      framework: true,
      status: true,
      fieldworkStart: true,
      fieldworkEnd: true,
      isPanelVisibleToTeam: true,
      service: { select: { name: true } },
      members: { where: { userId: actor.id }, select: { role: true } },
    },
  });
  if (!inspection) return null;
  const scope: InspectionScope = {
    role: inspection.members[0]?.role ?? null,
    status: inspection.status,
    isPanelVisibleToTeam: inspection.isPanelVisibleToTeam,
  };
  return {
    id: inspection.id,
    serviceName: inspection.service.name,
    framework: frameworkFromDb(inspection.framework),
    status: inspection.status,
    fieldworkStart: inspection.fieldworkStart,
    fieldworkEnd: inspection.fieldworkEnd,
    isPanelVisibleToTeam: inspection.isPanelVisibleToTeam,
    scope,
  };
}

/** For pages: the inspection if the actor may do `action` on it, otherwise the not-found page. */
export async function requireInspection(actor: Actor, inspectionId: string, action: Action = 'inspection.view') {
  const inspection = await findInspectionForUser(actor, inspectionId);
  if (!inspection || !can(actor, action, { inspection: inspection.scope })) notFound();
  return inspection;
}
