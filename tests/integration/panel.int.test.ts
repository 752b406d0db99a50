import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { getFramework, listQualitativeStandards } from '../../lib/framework';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { saveAnswer } from '../../lib/marking/save-answer';
import { recordJudgement, recordPanelDecision, setPanelVisibility, withdrawPanelDecision } from '../../lib/panel/decisions';
import { loadPanelData } from '../../lib/panel/load-panel';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';
import { systemActor } from '../../lib/auth/permissions';

/** Reads the figures on the system's account: these tests are about the figures, not who may see them. */
const TEST_READER = systemActor('integration test');
import { at } from '@/lib/must';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('panel'));
  world = await seedWorld(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function snapshot() {
  const [judgements, decisions, audit, inspection] = await Promise.all([
    prisma.qualitativeJudgement.findMany({ orderBy: { id: 'asc' } }),
    prisma.panelDecision.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEntry.count(),
    prisma.inspection.findUniqueOrThrow({ where: { id: world.inspection.id } }),
  ]);
  return { judgements, decisions, audit, inspection };
}

const expectRefused = (run: () => Promise<unknown>, code: AppError['code'], message: RegExp) =>
  expectRefusedUnchanged(snapshot, run, code, message);

describe('the ratings panel', () => {
  it('computes the figures from the marked cases', async () => {
    await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId: '2.1.1',
      value: 'yes',
      baseVersion: 0,
    });
    await saveAnswer(prisma, actor(world.otherInspector), {
      field: 'value',
      caseId: world.cases.othersCase.id,
      questionId: '2.1.1',
      value: 'no',
      baseVersion: 0,
    });
    const data = await loadPanelData(prisma, TEST_READER, world.inspection.id);
    expect(data.result.standards['2.1']?.keyQuestions['2.1.1']).toMatchObject({ yes: 1, relevant: 2, pct: 50 });
    expect(data.result.standards['2.1']?.computedRating).toBe('requires_improvement');
    expect(data.progress.byStatus).toEqual({ not_started: 2, in_progress: 2, complete: 0 });
    expect(data.progress.sample.byType).toEqual({ court: 2, out_of_court: 2 });
    expect(data.result.overall.score).toBeNull();
    expect(data.result.overall.missing).toContain('1.1 has no judgement');
  });

  it('records a judgement with evidence, audited, and the overall follows', async () => {
    const framework = getFramework('2018');
    const standard = at(listQualitativeStandards(framework), 0);
    const saved = await recordJudgement(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      standardId: standard.id,
      rating: 'good',
      evidence: { [at(standard.keyQuestions, 0).id]: 'Clear vision shared across the partnership.' },
      baseVersion: 0,
    });
    expect(saved).toEqual({ status: 'saved', version: 1 });
    const stale = await recordJudgement(prisma, actor(world.admin), {
      inspectionId: world.inspection.id,
      standardId: standard.id,
      rating: 'outstanding',
      baseVersion: 0,
    });
    expect(stale).toMatchObject({ status: 'conflict', theirs: { rating: 'good', version: 1 } });
    const data = await loadPanelData(prisma, TEST_READER, world.inspection.id);
    expect(data.result.standards[standard.id]?.rating).toBe('good');
    expect(data.result.overall.missing).not.toContain(`${standard.id} has no judgement`);
    expect(await prisma.auditEntry.count({ where: { action: 'judgement.record', actorId: world.lead.id } })).toBe(1);
  });

  it('records a panel decision that replaces the computed rating, and withdraws it', async () => {
    const first = await recordPanelDecision(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      standardId: '2.1',
      rating: 'good',
      rationale: 'One case away from Good; the panel read both cases and judged the analysis sound.',
      baseVersion: 0,
    });
    if (first.status !== 'saved') throw new Error('expected the first decision to be saved');
    const { id } = first;
    let data = await loadPanelData(prisma, TEST_READER, world.inspection.id);
    expect(data.result.standards['2.1']).toMatchObject({
      rating: 'good',
      computedRating: 'requires_improvement',
      professionalJudgement: true,
    });
    expect(data.decisions['2.1']?.rationale).toMatch(/One case away/);
    expect(data.decisionVersions['2.1']).toBe(1);

    // A second decision replaces the first (one active per standard).
    await recordPanelDecision(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      standardId: '2.1',
      rating: 'outstanding',
      rationale: 'Reconsidered after reading the practice examples.',
      baseVersion: 1,
    });
    expect(await prisma.panelDecision.count({ where: { standardId: '2.1', revokedAt: null } })).toBe(1);
    expect((await prisma.panelDecision.findUniqueOrThrow({ where: { id } })).revokedById).toBe(world.lead.id);

    const active = await prisma.panelDecision.findFirstOrThrow({ where: { standardId: '2.1', revokedAt: null } });
    await withdrawPanelDecision(prisma, actor(world.lead), { inspectionId: world.inspection.id, decisionId: active.id, baseVersion: 2 });
    data = await loadPanelData(prisma, TEST_READER, world.inspection.id);
    // The withdrawal is a change of the standard's decision too.
    expect(data.decisionVersions['2.1']).toBe(3);
    expect(data.result.standards['2.1']).toMatchObject({ rating: 'requires_improvement', professionalJudgement: false, panel: null });
    expect(await prisma.auditEntry.count({ where: { action: { in: ['panel.decide', 'panel.withdraw'] } } })).toBe(3);
  });

  it('lets the lead show the panel to the team', async () => {
    await setPanelVisibility(prisma, actor(world.lead), { inspectionId: world.inspection.id, isPanelVisibleToTeam: true });
    expect((await prisma.inspection.findUniqueOrThrow({ where: { id: world.inspection.id } })).isPanelVisibleToTeam).toBe(true);
  });

  describe('refuses, changing nothing', () => {
    const decision = () => ({
      inspectionId: world.inspection.id,
      standardId: '2.2',
      rating: 'good',
      rationale: 'A rationale long enough.',
      baseVersion: 0,
    });
    it('an inspector', () =>
      expectRefused(() => recordPanelDecision(prisma, actor(world.inspector), decision()), 'forbidden', /Only the lead inspector/));
    it('a manager', () =>
      expectRefused(() => recordPanelDecision(prisma, actor(world.manager), decision()), 'forbidden', /Only the lead inspector/));
    it('someone outside the team', () =>
      expectRefused(() => recordPanelDecision(prisma, actor(world.outsider), decision()), 'not_found', /does not exist/));
    it('a decision without a rationale', () =>
      expectRefused(() => recordPanelDecision(prisma, actor(world.lead), { ...decision(), rationale: ' ' }), 'invalid', /rationale/));
    it('a decision on a qualitative standard', () =>
      expectRefused(
        () => recordPanelDecision(prisma, actor(world.lead), { ...decision(), standardId: '1.1' }),
        'invalid',
        /not a case-marked standard/,
      ));
    it('a judgement on a case-marked standard', () =>
      expectRefused(
        () =>
          recordJudgement(prisma, actor(world.lead), {
            inspectionId: world.inspection.id,
            standardId: '2.1',
            rating: 'good',
            baseVersion: 0,
          }),
        'invalid',
        /not a standard the lead inspector judges/,
      ));
    it('a rating outside the four', () =>
      expectRefused(
        () => recordPanelDecision(prisma, actor(world.lead), { ...decision(), rating: 'excellent' }),
        'invalid',
        /Choose a rating/,
      ));
    it('evidence for a question of another standard', () =>
      expectRefused(
        () =>
          recordJudgement(prisma, actor(world.lead), {
            inspectionId: world.inspection.id,
            standardId: '1.2',
            rating: 'good',
            evidence: { '1.1.1': 'x' },
            baseVersion: 0,
          }),
        'invalid',
        /not part of standard 1\.2/,
      ));
    // Professional discretion departs from a computed rating near a boundary (Blackpool 2021 and
    // Wigan 2021, Annexe 1; Leicestershire 2021, 2. Court disposals): with no relevant case
    // there is none, so the decision is refused and nothing is written.
    it('a decision on a standard with no computed rating (no relevant cases), until a case is judged yes or no', async () => {
      const na = await saveAnswer(prisma, actor(world.inspector), {
        field: 'value',
        caseId: world.cases.court.id,
        questionId: '2.2.1',
        value: 'na',
        naReason: 'No plan was expected (e.g. disposal too short / case closed early)',
        baseVersion: 0,
      });
      expect((await loadPanelData(prisma, TEST_READER, world.inspection.id)).result.standards['2.2']?.computedRating).toBeNull();
      await expectRefused(
        () => recordPanelDecision(prisma, actor(world.lead), decision()),
        'invalid',
        /^2\.2 has no computed rating yet \(none of its key questions has a relevant case\), so there is no rating for the panel to depart from/,
      );
      // Once a case is judged, the panel may depart from the computed rating.
      await saveAnswer(prisma, actor(world.inspector), {
        field: 'value',
        caseId: world.cases.court.id,
        questionId: '2.2.1',
        value: 'no',
        baseVersion: na.status === 'saved' ? na.answer.version : 0,
      });
      const recorded = await recordPanelDecision(prisma, actor(world.lead), decision());
      if (recorded.status !== 'saved') throw new Error('expected the decision to be saved');
      const { id } = recorded;
      expect((await loadPanelData(prisma, TEST_READER, world.inspection.id)).result.standards['2.2']).toMatchObject({
        rating: 'good',
        computedRating: 'inadequate',
        professionalJudgement: true,
      });
      await withdrawPanelDecision(prisma, actor(world.lead), { inspectionId: world.inspection.id, decisionId: id, baseVersion: 1 });
    });
    it('an inspector changing the panel visibility', () =>
      expectRefused(
        () => setPanelVisibility(prisma, actor(world.inspector), { inspectionId: world.inspection.id, isPanelVisibleToTeam: false }),
        'forbidden',
        /Only the lead/,
      ));
  });
});

// Issue 10: two people deciding one standard at once must not both "succeed" with one silently
// revoking the other. Each change is made on the version of the standard's decision its page
// showed (lib/db/concurrency.ts); the loser sees the winner's decision and changes nothing.
describe('two people deciding at once', () => {
  const decide = (who: { id: string; isAdmin: boolean }, rating: string, rationale: string, baseVersion: number) =>
    recordPanelDecision(prisma, actor(who), { inspectionId: world.inspection.id, standardId: '2.1', rating, rationale, baseVersion });

  it('lets exactly one of two simultaneous panel decisions on the same version win; the other gets the winner’s decision', async () => {
    const base = (await loadPanelData(prisma, TEST_READER, world.inspection.id)).decisionVersions['2.1'] ?? 0;
    const before = await snapshot();
    const results = await Promise.all([
      decide(world.lead, 'good', 'The lead read the boundary cases and judged the planning sound.', base),
      decide(world.admin, 'inadequate', 'The admin read the same cases and judged the planning weak.', base),
    ]);
    const saved = results.filter((r) => r.status === 'saved');
    const refused = results.flatMap((r) => (r.status === 'conflict' ? [r] : []));
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = await prisma.panelDecision.findFirstOrThrow({
      where: { inspectionId: world.inspection.id, standardId: '2.1', revokedAt: null },
      include: { decidedBy: { select: { name: true } } },
    });
    expect(winner.version).toBe(base + 1);
    // The loser is shown the winner's decision, who made it and when.
    expect(refused[0]?.theirs).toEqual({
      rating: winner.rating,
      rationale: winner.rationale,
      version: base + 1,
      updatedByName: winner.decidedBy.name,
      updatedAt: winner.decidedAt.toISOString(),
      isWithdrawn: false,
    });
    // The loser wrote nothing: one new decision, nothing revoked, one audit entry.
    const after = await snapshot();
    expect(after.decisions).toHaveLength(before.decisions.length + 1);
    expect(after.decisions.filter((d) => d.revokedAt !== null)).toHaveLength(before.decisions.filter((d) => d.revokedAt !== null).length);
    expect(after.audit).toBe(before.audit + 1);

    // "Keep mine": the loser decides again on the version it was shown, knowingly replacing it.
    const loser = results[0]?.status === 'conflict' ? world.lead : world.admin;
    const kept = await decide(loser, 'requires_improvement', 'Decided again having seen the other decision.', base + 1);
    expect(kept).toMatchObject({ status: 'saved', version: base + 2 });
  });

  it('refuses a withdrawal made on a decision someone has since replaced, showing theirs', async () => {
    const data = await loadPanelData(prisma, TEST_READER, world.inspection.id);
    const stale = data.decisions['2.1'];
    const base = data.decisionVersions['2.1'] ?? 0;
    if (!stale) throw new Error('expected an active decision on 2.1');
    await decide(world.admin, 'good', 'Replaced while the lead was looking at the old decision.', base);
    const before = await snapshot();
    const result = await withdrawPanelDecision(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      decisionId: stale.id,
      baseVersion: base,
    });
    expect(result).toMatchObject({ status: 'conflict', theirs: { rating: 'good', version: base + 1, isWithdrawn: false } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a decision made on a decision someone has since withdrawn', async () => {
    const data = await loadPanelData(prisma, TEST_READER, world.inspection.id);
    const active = data.decisions['2.1'];
    const base = data.decisionVersions['2.1'] ?? 0;
    if (!active) throw new Error('expected an active decision on 2.1');
    await withdrawPanelDecision(prisma, actor(world.admin), {
      inspectionId: world.inspection.id,
      decisionId: active.id,
      baseVersion: base,
    });
    const before = await snapshot();
    const result = await decide(world.lead, 'outstanding', 'Made on the decision the lead saw before it was withdrawn.', base);
    expect(result).toMatchObject({ status: 'conflict', theirs: { rating: null, version: base + 1, isWithdrawn: true } });
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of two simultaneous judgements on the same version win', async () => {
    const standard = listQualitativeStandards(getFramework('2021'))[1];
    if (!standard) throw new Error('expected a second qualitative standard');
    const base = (await loadPanelData(prisma, TEST_READER, world.inspection.id)).judgements[standard.id]?.version ?? 0;
    const before = await snapshot();
    const judge = (who: { id: string; isAdmin: boolean }, rating: string) =>
      recordJudgement(prisma, actor(who), { inspectionId: world.inspection.id, standardId: standard.id, rating, baseVersion: base });
    const results = await Promise.all([judge(world.lead, 'good'), judge(world.admin, 'inadequate')]);
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === 'conflict' ? [r] : []));
    const stored = await prisma.qualitativeJudgement.findFirstOrThrow({
      where: { inspectionId: world.inspection.id, standardId: standard.id },
      include: { updatedBy: { select: { name: true } } },
    });
    expect(stored.version).toBe(base + 1);
    expect(refused[0]?.theirs).toMatchObject({ rating: stored.rating, version: base + 1, updatedByName: stored.updatedBy.name });
    expect((await snapshot()).audit).toBe(before.audit + 1);
  });
});
