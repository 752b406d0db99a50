import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { getFramework, listStandards } from '@/lib/framework';
import type { FrameworkVersion } from '@/lib/framework/types';
import type { InspectionAccess } from '@/lib/access/context';
import { EDITABLE_CASE_FIELDS } from '@/lib/setup/cases';
import { allocatableRoles, can, type Actor } from '@/lib/auth/permissions';
import { formatDateRange } from '@/lib/format/labels';

export interface StandardOption {
  id: string;
  title: string;
}

/** The standards of each framework, for the previous-ratings fields. */
export function standardOptionsByFramework(): Record<FrameworkVersion, StandardOption[]> {
  const of = (v: FrameworkVersion) => listStandards(getFramework(v)).map((s) => ({ id: s.id, title: s.title }));
  return { '2018': of('2018'), '2021': of('2021') };
}

/** The services to choose from when creating an inspection: for admins. */
export async function listServiceOptions(actor: Actor) {
  if (!can(actor, 'admin.manage')) notFound();
  return prisma.service.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

export interface SetupMember {
  userId: string;
  name: string;
  email: string;
  role: 'lead_inspector' | 'inspector' | 'manager' | 'quality_assurer';
  isActive: boolean;
  allocated: number;
}

export interface SetupCase {
  id: string;
  reference: string;
  type: 'court' | 'out_of_court' | 'resettlement';
  disposal: string;
  inspectorId: string | null;
  inspectorName: string | null;
  status: 'not_started' | 'in_progress' | 'complete';
  answers: number;
}

/** Set-up reads are for those who may manage the inspection (`inspection.manage`); anyone else gets not-found. */
function refuseUnlessManager(inspection: InspectionAccess): void {
  if (!can(inspection.actor, 'inspection.manage', { inspection: inspection.scope })) notFound();
}

/** Everything the set-up page shows, to someone who may manage the inspection. */
export async function loadSetupView(inspection: InspectionAccess) {
  refuseUnlessManager(inspection);
  const [details, members, cases, answerCounts] = await Promise.all([
    prisma.inspection.findUniqueOrThrow({
      where: { id: inspection.id },
      select: {
        publishedOn: true,
        fieldworkMonthOnly: true,
        reportSerialComma: true,
        previousInspectionId: true,
        previousRatings: true,
        previousKeyQuestionPct: true,
        service: { select: { name: true, localAuthority: true, region: true } },
      },
    }),
    prisma.inspectionMember.findMany({
      where: { inspectionId: inspection.id },
      orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
      select: { role: true, user: { select: { id: true, name: true, email: true, isActive: true } } },
    }),
    prisma.case.findMany({
      where: { inspectionId: inspection.id },
      orderBy: [{ type: 'asc' }, { reference: 'asc' }],
      select: {
        id: true,
        reference: true,
        type: true,
        disposal: true,
        inspectorId: true,
        status: true,
        inspector: { select: { name: true } },
      },
    }),
    prisma.answer.groupBy({ by: ['caseId'], where: { inspectionId: inspection.id }, _count: { _all: true } }),
  ]);
  const answersBy = new Map(answerCounts.map((a) => [a.caseId, a._count._all]));
  const allocatedBy = new Map<string, number>();
  for (const c of cases) if (c.inspectorId) allocatedBy.set(c.inspectorId, (allocatedBy.get(c.inspectorId) ?? 0) + 1);
  return {
    service: details.service,
    publishedOn: details.publishedOn,
    /** The fieldwork as printed: only the month where the report gives only a month (issue 22). */
    fieldwork: formatDateRange(inspection.fieldworkStart, inspection.fieldworkEnd, details.fieldworkMonthOnly),
    fieldworkMonthOnly: details.fieldworkMonthOnly,
    reportSerialComma: details.reportSerialComma,
    previousInspectionId: details.previousInspectionId,
    previousRatings: (details.previousRatings ?? null) as Record<string, string> | null,
    previousKeyQuestionPct: (details.previousKeyQuestionPct ?? null) as Record<string, number> | null,
    members: members.map((m): SetupMember => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      isActive: m.user.isActive,
      allocated: allocatedBy.get(m.user.id) ?? 0,
    })),
    cases: cases.map((c): SetupCase => ({
      id: c.id,
      reference: c.reference,
      type: c.type,
      disposal: c.disposal,
      inspectorId: c.inspectorId,
      inspectorName: c.inspector?.name ?? null,
      status: c.status,
      answers: answersBy.get(c.id) ?? 0,
    })),
  };
}

/** One case of the inspection for its set-up form, or the not-found page. */
export async function requireSetupCase(inspection: InspectionAccess, caseId: string) {
  refuseUnlessManager(inspection);
  if (!isUuid(caseId)) notFound();
  const inspectionId = inspection.id;
  const kase = await prisma.case.findFirst({
    where: { id: caseId, inspectionId },
    select: {
      id: true,
      ...EDITABLE_CASE_FIELDS,
      inspector: { select: { name: true } },
      version: true,
      _count: { select: { answers: true } },
    },
  });
  if (!kase) notFound();
  return kase;
}

/** Team members who may be allocated cases: inspectors and lead inspectors, active accounts. */
export async function listAllocatableMembers(inspection: InspectionAccess) {
  refuseUnlessManager(inspection);
  const members = await prisma.inspectionMember.findMany({
    where: { inspectionId: inspection.id, role: { in: allocatableRoles() }, user: { isActive: true } },
    orderBy: { user: { name: 'asc' } },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  return members.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }));
}
