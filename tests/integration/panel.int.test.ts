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
    const data = await loadPanelData(prisma, world.inspection.id);
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
    const data = await loadPanelData(prisma, world.inspection.id);
    expect(data.result.standards[standard.id]?.rating).toBe('good');
    expect(data.result.overall.missing).not.toContain(`${standard.id} has no judgement`);
    expect(await prisma.auditEntry.count({ where: { action: 'judgement.record', actorId: world.lead.id } })).toBe(1);
  });

  it('records a panel decision that replaces the computed rating, and withdraws it', async () => {
    const { id } = await recordPanelDecision(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      standardId: '2.1',
      rating: 'good',
      rationale: 'One case away from Good; the panel read both cases and judged the analysis sound.',
    });
    let data = await loadPanelData(prisma, world.inspection.id);
    expect(data.result.standards['2.1']).toMatchObject({
      rating: 'good',
      computedRating: 'requires_improvement',
      professionalJudgement: true,
    });
    expect(data.decisions['2.1']?.rationale).toMatch(/One case away/);

    // A second decision replaces the first (one active per standard).
    await recordPanelDecision(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      standardId: '2.1',
      rating: 'outstanding',
      rationale: 'Reconsidered after reading the practice examples.',
    });
    expect(await prisma.panelDecision.count({ where: { standardId: '2.1', revokedAt: null } })).toBe(1);
    expect((await prisma.panelDecision.findUniqueOrThrow({ where: { id } })).revokedById).toBe(world.lead.id);

    const active = await prisma.panelDecision.findFirstOrThrow({ where: { standardId: '2.1', revokedAt: null } });
    await withdrawPanelDecision(prisma, actor(world.lead), { inspectionId: world.inspection.id, decisionId: active.id });
    data = await loadPanelData(prisma, world.inspection.id);
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
      expect((await loadPanelData(prisma, world.inspection.id)).result.standards['2.2']?.computedRating).toBeNull();
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
      const { id } = await recordPanelDecision(prisma, actor(world.lead), decision());
      expect((await loadPanelData(prisma, world.inspection.id)).result.standards['2.2']).toMatchObject({
        rating: 'good',
        computedRating: 'inadequate',
        professionalJudgement: true,
      });
      await withdrawPanelDecision(prisma, actor(world.lead), { inspectionId: world.inspection.id, decisionId: id });
    });
    it('an inspector changing the panel visibility', () =>
      expectRefused(
        () => setPanelVisibility(prisma, actor(world.inspector), { inspectionId: world.inspection.id, isPanelVisibleToTeam: false }),
        'forbidden',
        /Only the lead/,
      ));
  });
});
