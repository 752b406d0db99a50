import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ZAllocateCase, ZAllocateCases, ZSpreadCases } from '@/lib/validation/setup';
import { parseOrThrow } from '@/lib/validation/parse';
import { planEvenSpread, type InspectorLoad } from './allocation-plan';
import { findAllocatableMember, lockInspectionForManage, refuseIfPublished, type Tx } from './manage-access';
import { writeAudits } from '@/lib/audit/write';

interface AllocationResult {
  count: number;
  inspectorName: string | null;
}

async function allocatableOrThrow(tx: Tx, inspectionId: string, inspectorId: string | null) {
  if (!inspectorId) return null;
  const inspector = await findAllocatableMember(tx, inspectionId, inspectorId);
  if (!inspector) {
    const message = 'Choose an inspector on the team (an inspector or the lead inspector)';
    throw new AppError('invalid', message, { inspectorId: message });
  }
  return inspector;
}

/**
 * Refuses to allocate a case to the inspector who second marks it: blind second marking compares
 * two independent markings, and a second inspector made the case's own inspector would read and
 * overwrite the first marking they are meant not to see (issue 21: the reallocation that did).
 * Withdraw the second marking first (lib/quality/second-marking.ts) to allocate it to them.
 */
export async function refuseSecondInspectorAllocation(tx: Tx, changes: { caseId: string; to: string | null }[]): Promise<void> {
  const wanted = changes.filter((c): c is { caseId: string; to: string } => c.to !== null);
  if (wanted.length === 0) return;
  const markings = await tx.secondMarking.findMany({
    where: { OR: wanted.map((c) => ({ caseId: c.caseId, markerId: c.to })) },
    select: { case: { select: { reference: true } }, marker: { select: { name: true } } },
    orderBy: { case: { reference: 'asc' } },
  });
  const first = markings[0];
  if (!first) return;
  const message = `${first.marker.name} is the second inspector of case ${first.case.reference}, so it cannot be allocated to them. Choose another inspector, or withdraw the second marking first.`;
  throw new AppError('invalid', message, { inspectorId: message });
}

/** Writes the allocations that change anything, with one audit entry per case (old → new). */
async function writeAllocations(
  tx: Tx,
  actor: Actor,
  inspectionId: string,
  changes: { caseId: string; from: string | null; to: string | null }[],
) {
  const real = changes.filter((c) => c.from !== c.to);
  await refuseSecondInspectorAllocation(tx, real);
  for (const change of real) {
    await tx.case.update({ where: { id: change.caseId }, data: { inspectorId: change.to } });
  }
  if (real.length) {
    await writeAudits(
      tx,
      real.map((c) => ({
        actorId: actor.id,
        inspectionId,
        action: 'case.allocate',
        entityId: c.caseId,
        oldValue: { inspectorId: c.from },
        newValue: { inspectorId: c.to },
      })),
    );
  }
  return real.length;
}

/** Allocates one case to an inspector on the team, or (no inspector) takes it off whoever has it. */
export async function allocateCase(db: PrismaClient, actor: Actor, input: unknown): Promise<AllocationResult & { reference: string }> {
  const { inspectionId, caseId, inspectorId } = parseOrThrow(ZAllocateCase, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId);
    refuseIfPublished(inspection);
    const kase = await tx.case.findFirst({ where: { id: caseId, inspectionId }, select: { id: true, reference: true, inspectorId: true } });
    if (!kase) throw new AppError('not_found', 'This case does not exist in this inspection.');
    const inspector = await allocatableOrThrow(tx, inspectionId, inspectorId);
    const count = await writeAllocations(tx, actor, inspectionId, [{ caseId, from: kase.inspectorId, to: inspectorId }]);
    return { count, inspectorName: inspector?.name ?? null, reference: kase.reference };
  });
}

/** Allocates the selected cases to one inspector (or to nobody). */
export async function allocateCases(db: PrismaClient, actor: Actor, input: unknown): Promise<AllocationResult> {
  const { inspectionId, caseIds, inspectorId } = parseOrThrow(ZAllocateCases, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId);
    refuseIfPublished(inspection);
    const ids = [...new Set(caseIds)];
    const cases = await tx.case.findMany({
      where: { id: { in: ids }, inspectionId },
      select: { id: true, reference: true, inspectorId: true },
    });
    if (cases.length !== ids.length)
      throw new AppError('not_found', 'Some of the selected cases do not exist in this inspection. Reload the page and try again.');
    const inspector = await allocatableOrThrow(tx, inspectionId, inspectorId);
    await writeAllocations(
      tx,
      actor,
      inspectionId,
      cases.map((c) => ({ caseId: c.id, from: c.inspectorId, to: inspectorId })),
    );
    return { count: cases.length, inspectorName: inspector?.name ?? null };
  });
}

/**
 * Spreads every unallocated case evenly across the team's inspectors (role inspector), counting
 * what each already has, and giving each a similar mix of case types (lib/setup/allocation-plan.ts).
 */
export async function spreadUnallocatedCases(db: PrismaClient, actor: Actor, input: unknown): Promise<AllocationResult> {
  const { inspectionId } = parseOrThrow(ZSpreadCases, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForManage(tx, actor, inspectionId);
    refuseIfPublished(inspection);
    const inspectors = await tx.inspectionMember.findMany({
      where: { inspectionId, role: 'inspector', user: { isActive: true } },
      select: { user: { select: { id: true, name: true } } },
    });
    if (inspectors.length === 0) {
      throw new AppError('invalid', 'There are no inspectors on the team to spread the cases across. Add inspectors to the team first.');
    }
    const cases = await tx.case.findMany({ where: { inspectionId }, select: { id: true, reference: true, type: true, inspectorId: true } });
    const loads = new Map<string, InspectorLoad>(inspectors.map((m) => [m.user.id, { id: m.user.id, name: m.user.name, allocated: {} }]));
    for (const c of cases) {
      const load = c.inspectorId ? loads.get(c.inspectorId) : undefined;
      if (load) load.allocated[c.type] = (load.allocated[c.type] ?? 0) + 1;
    }
    const unallocated = cases.filter((c) => c.inspectorId === null);
    const plan = planEvenSpread(unallocated, [...loads.values()]);
    const count = await writeAllocations(
      tx,
      actor,
      inspectionId,
      plan.map((p) => ({ caseId: p.caseId, from: null, to: p.inspectorId })),
    );
    return { count, inspectorName: null };
  });
}
