/**
 * The one national rule (issue 23) against a real PostgreSQL: the national figures are over every
 * published inspection on the same standards, whoever looks — the same for a manager who sees
 * some inspections as for an admin, the same on the ratings panel, the summary, its files and the
 * service page (all read lib/summary/national.ts) — and the remembered figures change at once when
 * an inspection is published or taken back, while what a published inspection's figures rest on
 * can no longer be written through the app.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFramework, listQuestionIdsForCase } from '../../lib/framework';
import type { AnswerValue, FrameworkVersion } from '../../lib/framework/types';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { systemActor } from '../../lib/auth/permissions';
import { loadPanelData, loadPanelPage } from '../../lib/panel/load-panel';
import { recordPanelDecision } from '../../lib/panel/decisions';
import { saveAnswer } from '../../lib/marking/save-answer';
import { setInspectionStatus } from '../../lib/setup/inspections';
import { DEFAULT_SUMMARY_FILTERS } from '../../lib/summary/filters';
import { loadSummary } from '../../lib/summary/load-summary';
import { loadNationalFigures } from '../../lib/summary/national';
import { median, nationalOn, type KeyQuestionSpread } from '../../lib/summary/summary';
import { buildSummaryTables } from '../../lib/summary/summary-tables';
import { createMigratedDatabase } from './test-database';
import { must } from '@/lib/must';

let prisma: PrismaClient;
const tag = randomUUID().slice(0, 6);
type User = { id: string; isAdmin: boolean };

const user = (label: string, isAdmin = false): Promise<User> =>
  prisma.user.create({
    data: { email: `${label}-${tag}@int.example`, name: label, passwordHash: 'x', isAdmin },
    select: { id: true, isAdmin: true },
  });

/** An inspection of six court cases, each question answered "yes" on the first `yesCases` cases and "no" on the rest. */
async function seedInspection(options: {
  name: string;
  framework: FrameworkVersion;
  status: 'fieldwork' | 'panel' | 'published';
  yesCases: number;
  team: { userId: string; role: 'lead_inspector' | 'inspector' | 'manager' }[];
  inspectorId: string;
}) {
  const service = await prisma.service.create({ data: { name: `${options.name} ${tag}`, localAuthority: 'LA', region: 'North' } });
  const inspection = await prisma.inspection.create({
    data: {
      serviceId: service.id,
      framework: options.framework === '2018' ? 'v2018' : 'v2021',
      fieldworkStart: new Date('2026-03-02T00:00:00Z'),
      fieldworkEnd: new Date('2026-03-13T00:00:00Z'),
      status: options.status,
      members: { create: options.team },
    },
  });
  const answers: { caseId: string; inspectionId: string; questionId: string; value: AnswerValue; updatedById: string }[] = [];
  const caseIds: string[] = [];
  for (let i = 0; i < 6; i++) {
    const kase = await prisma.case.create({
      data: {
        inspectionId: inspection.id,
        reference: `N-${i + 1}`,
        type: 'court',
        disposal: 'referral_order',
        inspectorId: options.inspectorId,
        status: 'in_progress',
      },
    });
    caseIds.push(kase.id);
    for (const questionId of listQuestionIdsForCase(getFramework(options.framework), { type: 'court', disposal: 'referral_order' }))
      answers.push({
        caseId: kase.id,
        inspectionId: inspection.id,
        questionId,
        value: i < options.yesCases ? 'yes' : 'no',
        updatedById: options.inspectorId,
      });
  }
  await prisma.answer.createMany({ data: answers });
  return { id: inspection.id, caseIds };
}

let manager: User;
let otherManager: User;
let admin: User;
let inspector: User;
let mine: { id: string; caseIds: string[] };
let theirs: { id: string; caseIds: string[] };
let atPanel: { id: string; caseIds: string[] };
let older: { id: string; caseIds: string[] };

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('national'));
  [manager, otherManager, admin, inspector] = await Promise.all([
    user('manager'),
    user('other-manager'),
    user('admin', true),
    user('inspector'),
  ]);
  const team = (managerId: string) => [
    { userId: managerId, role: 'lead_inspector' as const },
    { userId: inspector.id, role: 'inspector' as const },
  ];
  // 2.1.1 at 50% (3 of 6) on the manager's own published inspection, 100% on another team's.
  mine = await seedInspection({
    name: 'Mine',
    framework: '2021',
    status: 'published',
    yesCases: 3,
    team: team(manager.id),
    inspectorId: inspector.id,
  });
  theirs = await seedInspection({
    name: 'Theirs',
    framework: '2021',
    status: 'published',
    yesCases: 6,
    team: team(otherManager.id),
    inspectorId: inspector.id,
  });
  atPanel = await seedInspection({
    name: 'At panel',
    framework: '2021',
    status: 'panel',
    yesCases: 1,
    team: team(manager.id),
    inspectorId: inspector.id,
  });
  older = await seedInspection({
    name: 'Older',
    framework: '2018',
    status: 'published',
    yesCases: 2,
    team: team(otherManager.id),
    inspectorId: inspector.id,
  });
}, 180_000);
afterAll(async () => {
  await prisma?.$disconnect();
});

const spreadOf = (keyQuestions: KeyQuestionSpread[], id: string): KeyQuestionSpread =>
  must(
    keyQuestions.find((k) => k.framework === '2021' && k.keyQuestionId === id),
    `the national spread of ${id}`,
  );

describe('one national rule', () => {
  it('a manager who sees only some inspections gets the same national figures as an admin, in the summary and its files', async () => {
    const asManager = await loadSummary(prisma, manager, DEFAULT_SUMMARY_FILTERS);
    const asAdmin = await loadSummary(prisma, admin, DEFAULT_SUMMARY_FILTERS);
    expect(asManager.rows.map((r) => r.id).sort()).toEqual([mine.id, atPanel.id].sort());
    expect(asAdmin.rows.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, theirs.id, atPanel.id, older.id]));
    expect(asManager.national).toEqual(asAdmin.national);
    expect(asManager.national.published).toEqual({ '2018': 1, '2021': 2 });
    expect(spreadOf(asManager.national.keyQuestions, '2.1.1')).toMatchObject({ n: 2, min: 50, median: 75, max: 100 });

    // The files: the national tables are the admin's, and each inspection's line carries the same national median.
    const tablesOf = (data: typeof asManager) => buildSummaryTables({ ...data, filters: DEFAULT_SUMMARY_FILTERS });
    for (const id of ['rating-counts', 'key-questions', 'changes'] as const) {
      const rowsOf = (data: typeof asManager) => [
        ...must(
          tablesOf(data).find((t) => t.id === id),
          id,
        ).rows(),
      ];
      expect(rowsOf(asManager)).toEqual(rowsOf(asAdmin));
    }
    const lines = [
      ...must(
        tablesOf(asManager).find((t) => t.id === 'inspection-key-questions'),
        'by inspection',
      ).rows(),
    ];
    expect(lines.find((l) => l.id === mine.id && l.keyQuestion === '2.1.1')).toMatchObject({
      pct: 50,
      n: 2,
      median: 75,
      min: 50,
      max: 100,
    });
    const filters = must(
      tablesOf(asManager).find((t) => t.id === 'filters'),
      'filters',
    );
    expect([...filters.rows()].find((r) => r.filter === 'National figures')?.value).toContain(
      '2 published inspections on the July 2021 standards and 1 on the 2018 standards',
    );
  });

  it('the ratings panel shows the summary’s national figures, which are the panels’ own percentages of the published inspections', async () => {
    // What the panel page reads beside its figures (app/inspections/[inspectionId]/panel/page.tsx).
    const { panel } = await loadPanelPage(prisma, manager, atPanel.id);
    const onPanel = nationalOn(await loadNationalFigures(prisma), panel.framework);
    const summary = await loadSummary(prisma, manager, DEFAULT_SUMMARY_FILTERS);
    expect(onPanel.keyQuestions).toEqual(summary.national.keyQuestions.filter((k) => k.framework === '2021'));
    // Recomputed from each published inspection's own ratings panel.
    const reader = systemActor('integration test');
    const published = await Promise.all([mine.id, theirs.id].map((id) => loadPanelData(prisma, reader, id)));
    for (const spread of onPanel.keyQuestions) {
      const values = published
        .map((p) => p.result.standards[spread.standardId]?.keyQuestions[spread.keyQuestionId]?.pct)
        .filter((v): v is number => typeof v === 'number')
        .sort((a, b) => a - b);
      expect([spread.n, spread.min, spread.median, spread.max]).toEqual([
        values.length,
        values[0] ?? null,
        median(values),
        values.at(-1) ?? null,
      ]);
    }
  });
});

describe('remembered national figures', () => {
  it('change at once when an inspection is published, and again when an admin takes it back to the panel', async () => {
    const before = await loadNationalFigures(prisma);
    expect(await loadNationalFigures(prisma)).toBe(before); // remembered: the same figures, not computed again
    await setInspectionStatus(prisma, admin, { inspectionId: atPanel.id, status: 'published' });
    const published = await loadSummary(prisma, otherManager, DEFAULT_SUMMARY_FILTERS);
    expect(published.national.published['2021']).toBe(3);
    // 2.1.1: 50%, 100% and now 17% (1 of 6).
    expect(spreadOf(published.national.keyQuestions, '2.1.1')).toMatchObject({ n: 3, min: 17, median: 50, max: 100 });

    await setInspectionStatus(prisma, admin, { inspectionId: atPanel.id, status: 'panel' });
    expect((await loadNationalFigures(prisma)).published['2021']).toBe(2);
    expect(spreadOf((await loadNationalFigures(prisma)).keyQuestions, '2.1.1')).toMatchObject({ n: 2, min: 50, max: 100 });
  });

  it('notice a status written by any means, not only through Prisma (the row’s xmin, not its updated_at)', async () => {
    await loadNationalFigures(prisma);
    await prisma.$executeRaw`UPDATE inspections SET status = 'panel' WHERE id = ${theirs.id}::uuid`;
    expect((await loadNationalFigures(prisma)).published['2021']).toBe(1);
    await prisma.$executeRaw`UPDATE inspections SET status = 'published' WHERE id = ${theirs.id}::uuid`;
    expect((await loadNationalFigures(prisma)).published['2021']).toBe(2);
  });

  it('rest on what the app no longer writes once published, and expire by age for anything written behind its back', async () => {
    // Answers, panel decisions: each write re-checks the status, so a published inspection's figures cannot move.
    await expect(
      saveAnswer(prisma, inspector, {
        field: 'value',
        caseId: must(mine.caseIds[0], 'a case'),
        questionId: '2.1.1',
        value: 'no',
        baseVersion: 1,
      }),
    ).rejects.toThrow(/not in fieldwork/);
    await expect(
      recordPanelDecision(prisma, manager, {
        inspectionId: mine.id,
        standardId: '2.1',
        rating: 'outstanding',
        rationale: 'Behind the record’s back',
        baseVersion: 0,
      }),
    ).rejects.toThrow(/published/);
    const remembered = await loadNationalFigures(prisma);
    expect(spreadOf(remembered.keyQuestions, '2.1.1').min).toBe(50);

    // A write the app would refuse, made in SQL: remembered until the figures expire (five minutes), then seen.
    await prisma.$executeRaw`UPDATE answers SET value = 'no' WHERE inspection_id = ${mine.id}::uuid AND question_id = '2.1.1'`;
    expect(await loadNationalFigures(prisma)).toBe(remembered);
    const later = await loadNationalFigures(prisma, { now: Date.now() + 5 * 60_000 + 1 });
    expect(spreadOf(later.keyQuestions, '2.1.1')).toMatchObject({ n: 2, min: 0, max: 100 });
  });
});
