import 'server-only';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import type { Action, Actor, InspectionScope } from '@/lib/auth/permissions';
import { authoriseInspection, isRefusal } from '@/lib/access/context';
import { inspectionsWhere } from '@/lib/access/scope';
import { frameworkFromDb } from './mappers';
import { formatDateRange, formatFieldworkStart } from '@/lib/format/labels';

interface InspectionListItem {
  id: string;
  serviceName: string;
  localAuthority: string;
  framework: '2018' | '2021';
  fieldworkStart: Date;
  fieldworkEnd: Date;
  /** The report gives only the month of its fieldwork (issue 22). */
  fieldworkMonthOnly: boolean;
  status: InspectionScope['status'];
  role: InspectionScope['role'];
  casesTotal: number;
  casesComplete: number;
}

export async function listInspectionsForUser(actor: Actor): Promise<InspectionListItem[]> {
  const inspections = await prisma.inspection.findMany({
    where: inspectionsWhere(actor, 'inspection.view'),
    orderBy: [{ fieldworkStart: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      framework: true,
      fieldworkStart: true,
      fieldworkEnd: true,
      fieldworkMonthOnly: true,
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
    fieldworkMonthOnly: i.fieldworkMonthOnly,
    status: i.status,
    role: i.members[0]?.role ?? null,
    casesTotal: i._count.cases,
    casesComplete: completeBy.get(i.id) ?? 0,
  }));
}

/**
 * The inspection's fieldwork as its pages and exports print it: the days, or only the month where
 * the report gives only a month ("April 2019", issue 22). Read apart from the access context,
 * which carries the dates alone.
 */
export async function fieldworkLabel(
  inspection: { id: string; fieldworkStart: Date; fieldworkEnd: Date },
  options: { isStartOnly?: boolean } = {},
): Promise<string> {
  const row = await prisma.inspection.findUnique({ where: { id: inspection.id }, select: { fieldworkMonthOnly: true } });
  const isMonthOnly = row?.fieldworkMonthOnly ?? false;
  if (options.isStartOnly) return formatFieldworkStart(inspection.fieldworkStart, isMonthOnly);
  return formatDateRange(inspection.fieldworkStart, inspection.fieldworkEnd, isMonthOnly);
}

/**
 * The pages' door: the inspection if the actor may do `action` on it, otherwise the not-found
 * page (refused and absent look the same). Built on authoriseInspection, like every door.
 */
export async function requireInspection(actor: Actor, inspectionId: string, action: Action = 'inspection.view') {
  const inspection = await authoriseInspection(prisma, actor, inspectionId, [action]);
  if (isRefusal(inspection)) notFound();
  return inspection;
}
