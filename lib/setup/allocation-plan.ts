/**
 * Spreading the unallocated cases of a sample evenly across the inspectors on the team. Pure.
 */
import type { CaseType } from '@/lib/framework/types';

export interface CaseToAllocate {
  id: string;
  reference: string;
  type: CaseType;
}

export interface InspectorLoad {
  id: string;
  name: string;
  /** Cases already allocated to this inspector, by type. */
  allocated: Partial<Record<CaseType, number>>;
}

interface PlannedAllocation {
  caseId: string;
  inspectorId: string;
}

const total = (load: Partial<Record<CaseType, number>>) => Object.values(load).reduce((sum, n) => sum + (n ?? 0), 0);

/**
 * Gives each unallocated case to the inspector with the fewest cases so far (counting those
 * already allocated), and among equals to the one with the fewest of that case type, so that
 * everyone ends with a similar number and a similar mix of court, out-of-court and resettlement
 * cases. Ties go to the inspector first by name, so the plan is the same every time. Cases are
 * taken by type, then reference. Returns nothing when there are no inspectors.
 */
export function planEvenSpread(cases: readonly CaseToAllocate[], inspectors: readonly InspectorLoad[]): PlannedAllocation[] {
  if (inspectors.length === 0) return [];
  const loads = [...inspectors]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id))
    .map((inspector) => ({ id: inspector.id, byType: { ...inspector.allocated }, total: total(inspector.allocated) }));
  const ordered = [...cases].sort(
    (a, b) => a.type.localeCompare(b.type) || a.reference.localeCompare(b.reference, 'en-GB', { numeric: true }),
  );
  return ordered.map((kase) => {
    let best = loads[0]!; // inspectors is not empty (checked above)
    for (const load of loads) {
      const ofType = load.byType[kase.type] ?? 0;
      const bestOfType = best.byType[kase.type] ?? 0;
      if (load.total < best.total || (load.total === best.total && ofType < bestOfType)) best = load;
    }
    best.total += 1;
    best.byType[kase.type] = (best.byType[kase.type] ?? 0) + 1;
    return { caseId: kase.id, inspectorId: best.id };
  });
}
