import 'server-only';
import { prisma } from '@/lib/db/client';
import { caseScopeFor, type Actor } from '@/lib/auth/permissions';
import { caseWhere } from '@/lib/access/scope';
import type { InspectionAccess } from '@/lib/access/context';
import { getFramework, listQuestionIdsForCase, type CaseType, type Disposal } from '@/lib/framework';

interface CaseListFilters {
  type?: CaseType;
  status?: 'not_started' | 'in_progress' | 'complete';
  /** Leads, managers and admins see every case; `mine` narrows to the actor's own. */
  isMineOnly?: boolean;
}

interface CaseListItem {
  id: string;
  reference: string;
  type: CaseType;
  disposal: Disposal;
  status: 'not_started' | 'in_progress' | 'complete';
  inspectorName: string | null;
  inspectorId: string | null;
  answered: number;
  total: number;
}

/**
 * Cases of an inspection the actor may see: inspectors see the cases allocated to them; leads,
 * managers and admins see all. Progress is answered / total questions for the case.
 */
export async function listCasesForUser(actor: Actor, inspection: InspectionAccess, filters: CaseListFilters = {}): Promise<CaseListItem[]> {
  const visible = caseScopeFor(actor, 'case.view', inspection.scope);
  const cases = await prisma.case.findMany({
    where: {
      inspectionId: inspection.id,
      AND: [caseWhere(visible), filters.isMineOnly ? { inspectorId: actor.id } : {}],
      ...(filters.type ? { type: filters.type } : {}),
      ...(filters.status ? { status: filters.status } : {}),
    },
    orderBy: [{ type: 'asc' }, { reference: 'asc' }],
    select: {
      id: true,
      reference: true,
      type: true,
      disposal: true,
      status: true,
      inspectorId: true,
      inspector: { select: { name: true } },
    },
  });
  const ids = cases.map((c) => c.id);
  const answered = ids.length
    ? await prisma.answer.groupBy({
        by: ['caseId'],
        where: { caseId: { in: ids }, value: { not: null } },
        _count: { _all: true },
      })
    : [];
  const answeredBy = new Map(answered.map((a) => [a.caseId, a._count._all]));
  const framework = getFramework(inspection.framework);
  return cases.map((c) => ({
    id: c.id,
    reference: c.reference,
    type: c.type,
    disposal: c.disposal,
    status: c.status,
    inspectorId: c.inspectorId,
    inspectorName: c.inspector?.name ?? null,
    answered: answeredBy.get(c.id) ?? 0,
    total: listQuestionIdsForCase(framework, { type: c.type, disposal: c.disposal }).length,
  }));
}
