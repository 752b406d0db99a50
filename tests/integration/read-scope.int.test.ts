/**
 * Reads take the actor, never bare ids (issue 21, "one door per kind of caller"): every read of
 * an inspection's or a case's quality data takes the loaded access (lib/access/context.ts) and
 * scopes its query by the permission rule, so a caller who forgot a check gets nothing. Each read
 * is asked twice on the same data: by the lead, who gets something (the data is there), and by
 * someone the rule refuses — a team inspector holding a real access to the inspection, and an
 * outsider whose access was built by hand — who gets nothing. The panel page's quality widgets
 * are read with its figures, through the access, in one snapshot (lib/panel/load-panel.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { CaseScope, InspectionScope } from '../../lib/auth/permissions';
import {
  authoriseInspection,
  loadCaseAccess,
  loadInspectionAccess,
  requireInspectionAccess,
  type CaseAccess,
  type InspectionAccess,
} from '../../lib/access/context';
import { prisma as appPrisma } from '../../lib/db/client';
import { saveAnswer } from '../../lib/marking/save-answer';
import {
  assignSecondMarking,
  loadSecondMarkingForActor,
  saveSecondMarking,
  secondMarkingQuestions,
} from '../../lib/quality/second-marking';
import {
  countUnreconciledByKeyQuestion,
  listFirstMarkingsChangedAfterSecond,
  listSecondMarkings,
  loadAgreement,
  loadAssignOptions,
  loadComparison,
  loadOwnSecondAnswers,
} from '../../lib/quality/second-marking-views';
import {
  countUnresolvedQueriesByCase,
  countUnresolvedQueriesByQuestion,
  countUnresolvedQueriesOnQuestions,
  listQueriesForCase,
  listReviewersOfCase,
  loadQualityCoverage,
} from '../../lib/data/quality';
import { markCaseReviewed, raiseQuery } from '../../lib/quality/queries';
import { loadAuditTrail } from '../../lib/audit/history';
import { loadBreakdowns } from '../../lib/panel/load-breakdowns';
import { loadPanelPage } from '../../lib/panel/load-panel';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
let questions: string[];
let secondMarkingId: string;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

async function inspectionAccess(u: { id: string; isAdmin: boolean }): Promise<InspectionAccess> {
  const access = await loadInspectionAccess(prisma, actor(u), world.inspection.id);
  if (!access) throw new Error('expected access to the inspection');
  return access;
}

async function courtAccess(u: { id: string; isAdmin: boolean }): Promise<CaseAccess> {
  const access = await loadCaseAccess(prisma, actor(u), world.cases.court.id);
  if (!access) throw new Error('expected access to the case');
  return access;
}

/** An access built by hand for someone on no team: what a forgotten check would hand a read. */
function forgedAccess(lead: InspectionAccess): InspectionAccess {
  const scope: InspectionScope = { ...lead.scope, role: null };
  return { ...lead, actor: actor(world.outsider), scope };
}

function forgedCaseAccess(lead: CaseAccess): CaseAccess {
  const scope: CaseScope = { ...lead.scope, role: null };
  return { ...lead, actor: actor(world.outsider), scope };
}

beforeAll(async () => {
  const created = await createMigratedDatabase('read_scope');
  prisma = created.prisma;
  process.env.DATABASE_URL = created.url;
  process.env.NEXTAUTH_SECRET ??= 'read-scope-test-secret-of-at-least-32-characters';
  world = await seedWorld(prisma);
  questions = secondMarkingQuestions('2018', { type: 'court', disposal: 'referral_order' }).map((q) => q.id);
  // The first marking of C-1: every key question Yes.
  for (const questionId of questions)
    await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId,
      value: 'yes',
      baseVersion: 0,
    });
  // Its second marking: every key question No, submitted — a disagreement on each.
  secondMarkingId = (
    await assignSecondMarking(prisma, actor(world.lead), { caseId: world.cases.court.id, markerId: world.otherInspector.id })
  ).secondMarkingId;
  const loaded = await loadSecondMarkingForActor(prisma, actor(world.otherInspector), secondMarkingId);
  await saveSecondMarking(prisma, actor(world.otherInspector), {
    secondMarkingId,
    version: String(loaded?.version),
    intent: 'submit',
    value: Object.fromEntries(questions.map((q) => [q, 'no'])),
    note: Object.fromEntries(questions.map((q) => [q, 'Second note'])),
  });
  // A query still open, a review, and a first answer changed after the second marking was submitted.
  await raiseQuery(prisma, actor(world.lead), { caseId: world.cases.court.id, questionId: questions.at(0), body: 'Is this really Yes?' });
  await markCaseReviewed(prisma, actor(world.lead), { caseId: world.cases.court.id });
  await prisma.answer.update({
    where: { caseId_questionId: { caseId: world.cases.court.id, questionId: questions.at(1) ?? '' } },
    data: { value: 'no' },
  });
}, 120_000);

afterAll(async () => {
  await appPrisma.$disconnect().catch(() => {});
  await prisma?.$disconnect();
});

describe('reads of an inspection take the access and give nothing to someone the rule refuses', () => {
  it('the lead gets each read’s data; a team inspector and a forged outsider access get none', async () => {
    const lead = await inspectionAccess(world.lead);
    const refused = [await inspectionAccess(world.inspector), forgedAccess(lead)];
    const first = questions.at(0) ?? '';
    const caseIds = [world.cases.court.id];

    const agreement = await loadAgreement(lead);
    expect(agreement.doubleMarkedCases).toBe(1);
    expect((await countUnreconciledByKeyQuestion(prisma, lead)).size).toBe(questions.length);
    expect(await listFirstMarkingsChangedAfterSecond(prisma, lead)).toHaveLength(1);
    expect(await loadQualityCoverage(lead)).toMatchObject({ casesTotal: 4, casesReviewed: 1, queriesOpen: 1 });
    expect(await countUnresolvedQueriesByQuestion(prisma, lead)).toEqual([{ questionId: first, count: 1 }]);
    expect((await countUnresolvedQueriesOnQuestions(lead, [first])).get(world.cases.court.id)).toBe(1);
    expect((await countUnresolvedQueriesByCase(lead, caseIds)).get(world.cases.court.id)).toMatchObject({ open: 1 });
    expect(await listSecondMarkings(lead)).toHaveLength(1);
    expect((await loadAssignOptions(lead)).cases.length).toBeGreaterThan(0);
    expect((await loadAuditTrail(lead)).length).toBeGreaterThan(0);
    expect((await loadBreakdowns(prisma, lead)).some((d) => d.groups.some((g) => g.cases > 0))).toBe(true);

    for (const access of refused) {
      const who = access.actor;
      expect((await loadAgreement(access)).doubleMarkedCases, JSON.stringify(who)).toBe(0);
      expect((await countUnreconciledByKeyQuestion(prisma, access)).size).toBe(0);
      expect(await listFirstMarkingsChangedAfterSecond(prisma, access)).toEqual([]);
      expect(await loadQualityCoverage(access)).toMatchObject({ casesTotal: 0, casesReviewed: 0, queriesOpen: 0, targetPct: null });
      expect(await countUnresolvedQueriesByQuestion(prisma, access)).toEqual([]);
      expect((await countUnresolvedQueriesOnQuestions(access, [first])).size).toBe(0);
      // The court case is the inspector's own, but neither of these may see its queries' counts through another's case list.
      expect((await countUnresolvedQueriesByCase(access, [world.cases.othersCase.id])).size).toBe(0);
      expect(await listSecondMarkings(access)).toEqual([]);
      expect(await loadAssignOptions(access)).toEqual({ cases: [], inspectors: [] });
      expect(await loadAuditTrail(access)).toEqual([]);
      expect((await loadBreakdowns(prisma, access)).every((d) => d.groups.every((g) => g.cases === 0))).toBe(true);
    }
    // A forged access on no team sees no query counts even on a case it names.
    expect((await countUnresolvedQueriesByCase(forgedAccess(lead), caseIds)).size).toBe(0);
  });

  it('the reads of one case give nothing to someone who may not see it or review it', async () => {
    const lead = await courtAccess(world.lead);
    expect(await listQueriesForCase(lead)).toHaveLength(1);
    expect(await listReviewersOfCase(lead)).toHaveLength(1);

    // The case's own inspector sees its queries but may not review it: no reviewers listed.
    const own = await courtAccess(world.inspector);
    expect(await listQueriesForCase(own)).toHaveLength(1);
    expect(await listReviewersOfCase(own)).toEqual([]);

    // Another inspector's access to their own case, pointed at this one, and a forged outsider access: nothing.
    const others = await loadCaseAccess(prisma, actor(world.otherInspector), world.cases.othersCase.id);
    if (!others) throw new Error('expected access to their own case');
    for (const access of [
      { ...others, id: world.cases.court.id, scope: { ...others.scope, inspectorId: world.inspector.id } },
      forgedCaseAccess(lead),
    ]) {
      expect(await listQueriesForCase(access)).toEqual([]);
      expect(await listReviewersOfCase(access)).toEqual([]);
    }
  });

  it('a second marking’s reads follow its loaded access: the comparison only to those who may compare, own answers only to the marker', async () => {
    const lead = await loadSecondMarkingForActor(prisma, actor(world.lead), secondMarkingId);
    const marker = await loadSecondMarkingForActor(prisma, actor(world.otherInspector), secondMarkingId);
    if (!lead || !marker) throw new Error('expected the second marking');
    expect((await loadComparison(lead)).size).toBe(questions.length);
    expect((await loadOwnSecondAnswers(marker)).size).toBe(questions.length);
    // The lead is not the second inspector: their access reads no "own" answers.
    expect((await loadOwnSecondAnswers(lead)).size).toBe(0);
    // The lead's loaded marking handed to an outsider compares nothing.
    expect((await loadComparison({ ...lead, actor: actor(world.outsider), scope: { ...lead.scope, role: null } })).size).toBe(0);
  });
});

describe('the ratings panel page', () => {
  it('reads its quality widgets with its figures, through the access: open queries only for those who see every case', async () => {
    const { panel, quality } = await loadPanelPage(prisma, actor(world.lead), world.inspection.id);
    expect(panel.inspectionId).toBe(world.inspection.id);
    expect(quality.openQueries).toEqual([{ questionId: questions.at(0), count: 1 }]);
    expect(quality.unreconciled).toHaveLength(questions.length);
    expect(quality.firstChangedAfterSecond).toEqual([{ questionId: questions.at(1), reference: 'C-1' }]);

    await expect(loadPanelPage(prisma, actor(world.inspector), world.inspection.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(loadPanelPage(prisma, actor(world.outsider), world.inspection.id)).rejects.toMatchObject({ code: 'not_found' });

    // Shared with the team, an inspector sees the panel and its second-marking word, not the queries on every case.
    await prisma.inspection.update({ where: { id: world.inspection.id }, data: { isPanelVisibleToTeam: true } });
    try {
      const shared = await loadPanelPage(prisma, actor(world.inspector), world.inspection.id);
      expect(shared.quality.openQueries).toBeNull();
      expect(shared.quality.unreconciled).toHaveLength(questions.length);
    } finally {
      await prisma.inspection.update({ where: { id: world.inspection.id }, data: { isPanelVisibleToTeam: false } });
    }
  });
});

describe('the doors share one check', () => {
  it('authoriseInspection says why it refuses, and requireInspectionAccess turns that into its one AppError', async () => {
    const id = world.inspection.id;
    expect(await authoriseInspection(prisma, actor(world.lead), id, ['panel.view', 'export.download'])).toMatchObject({ id });
    expect(await authoriseInspection(prisma, actor(world.outsider), id, ['inspection.view'])).toEqual({ refused: 'not_found' });
    expect(await authoriseInspection(prisma, actor(world.inspector), id, ['inspection.view', 'export.download'])).toEqual({
      refused: 'forbidden',
      action: 'export.download',
    });
    await expect(
      requireInspectionAccess(prisma, actor(world.outsider), id, 'inspection.view', 'No.', { lock: false }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      requireInspectionAccess(prisma, actor(world.inspector), id, 'export.download', 'No.', { lock: false }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: 'No.',
    });
  });
});
