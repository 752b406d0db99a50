import { describe, expect, it } from 'vitest';
import { planEvenSpread, type CaseToAllocate } from './allocation-plan';

const cases = (spec: string): CaseToAllocate[] =>
  spec.split(' ').map((ref) => ({
    id: ref,
    reference: ref,
    type: ref.startsWith('C') ? 'court' : ref.startsWith('O') ? 'out_of_court' : 'resettlement',
  }));

function countBy(plan: { inspectorId: string }[]) {
  const counts: Record<string, number> = {};
  for (const p of plan) counts[p.inspectorId] = (counts[p.inspectorId] ?? 0) + 1;
  return counts;
}

describe('planEvenSpread', () => {
  it('gives nothing when there are no inspectors', () => {
    expect(planEvenSpread(cases('C1 C2'), [])).toEqual([]);
  });

  it('spreads evenly, the remainder going first by name', () => {
    const plan = planEvenSpread(cases('C1 C2 C3 C4 C5 O1 O2'), [
      { id: 'zed', name: 'Zed', allocated: {} },
      { id: 'amy', name: 'Amy', allocated: {} },
    ]);
    expect(plan).toHaveLength(7);
    expect(countBy(plan)).toEqual({ amy: 4, zed: 3 });
  });

  it('gives each inspector a mix of case types', () => {
    const plan = planEvenSpread(cases('C1 C2 C3 C4 O1 O2 O3 O4'), [
      { id: 'a', name: 'A', allocated: {} },
      { id: 'b', name: 'B', allocated: {} },
    ]);
    const of = (inspector: string, prefix: string) => plan.filter((p) => p.inspectorId === inspector && p.caseId.startsWith(prefix)).length;
    expect([of('a', 'C'), of('a', 'O'), of('b', 'C'), of('b', 'O')]).toEqual([2, 2, 2, 2]);
  });

  it('counts cases already allocated, topping up the lightest first', () => {
    const plan = planEvenSpread(cases('C1 C2 C3 C4'), [
      { id: 'busy', name: 'Busy', allocated: { court: 3 } },
      { id: 'free', name: 'Free', allocated: {} },
    ]);
    expect(countBy(plan)).toEqual({ free: 3, busy: 1 });
  });

  it('is the same whatever order the input comes in', () => {
    const inspectors = [
      { id: 'a', name: 'A', allocated: {} },
      { id: 'b', name: 'B', allocated: {} },
      { id: 'c', name: 'C', allocated: {} },
    ];
    const one = planEvenSpread(cases('C1 C2 O1 R1 C3'), inspectors);
    const two = planEvenSpread(cases('R1 C3 O1 C2 C1'), [...inspectors].reverse());
    expect(two).toEqual(one);
    expect(countBy(one)).toEqual({ a: 2, b: 2, c: 1 });
  });

  it('orders references numerically (C2 before C10)', () => {
    const plan = planEvenSpread(cases('C10 C2'), [{ id: 'a', name: 'A', allocated: {} }]);
    expect(plan.map((p) => p.caseId)).toEqual(['C2', 'C10']);
  });
});
