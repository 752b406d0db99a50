/**
 * Blind second marking (issue 13), against a real PostgreSQL. The second inspector tries every
 * channel to the first marking of the case they second mark — the case pages (task list,
 * standard page, check answers, review), the ratings panel and its drill-downs, the panel's live
 * stream, the save action's returned figures, every export route (tables, workbook, annexe,
 * breakdowns, interchange, agreement, summary, all inspections) — and none gives them a first-
 * marking value until they submit. Then the lead sees agreement, reconciles a disagreement, and
 * the ratings count the agreed answer.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';

type Identity = { id: string; email: string; name: string; isAdmin: boolean; sessionId: string; sessionExpiresAt: number } | null;
const context = vi.hoisted(() => ({ user: null as Identity }));

vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  getSessionUser: async () => context.user,
  requireUser: async () => {
    if (!context.user) throw new Error('requireUser called while signed out');
    return context.user;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect to ${url}`);
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));
const emptyCookies = { getAll: () => [], get: () => undefined, has: () => false, set: () => {}, delete: () => {} };
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => emptyCookies }));
const nodeRequire = createRequire(import.meta.url);
const nextHeaders = nodeRequire('next/headers') as { headers: unknown; cookies: unknown };
nextHeaders.headers = async () => new Headers();
nextHeaders.cookies = async () => emptyCookies;

import { prisma as appPrisma } from '../../lib/db/client';
import { saveAnswer } from '../../lib/marking/save-answer';
import { loadCaseAccess, loadInspectionAccess } from '../../lib/access/context';
import { systemActor } from '../../lib/auth/permissions';
import { requireCaseView } from '../../lib/data/case-view';
import { can } from '../../lib/auth/permissions';
import { raiseQuery } from '../../lib/quality/queries';
import {
  assignSecondMarking,
  loadSecondMarkingForActor,
  reconcileDisagreement,
  saveSecondMarking,
  secondMarkingFieldId,
  withdrawSecondMarking,
  secondMarkingQuestions,
} from '../../lib/quality/second-marking';
import {
  listSecondMarkings,
  listFirstMarkingsChangedAfterSecond,
  loadComparison,
  loadAgreement,
  loadAgreementAcrossInspections,
  countUnreconciledByKeyQuestion,
} from '../../lib/quality/second-marking-views';
import { loadPanelData } from '../../lib/panel/load-panel';
import { inspectionChanges } from '../../lib/realtime/listener';
import CaseTaskListPage from '../../app/inspections/[inspectionId]/cases/[caseId]/page';
import StandardPage from '../../app/inspections/[inspectionId]/cases/[caseId]/standards/[standardId]/page';
import CheckAnswersPage from '../../app/inspections/[inspectionId]/cases/[caseId]/check/page';
import ReviewCasePage from '../../app/inspections/[inspectionId]/cases/[caseId]/review/page';
import PanelPage from '../../app/inspections/[inspectionId]/panel/page';
import KeyQuestionPage from '../../app/inspections/[inspectionId]/panel/key-questions/[keyQuestionId]/page';
import BreakdownsPage from '../../app/inspections/[inspectionId]/panel/breakdowns/page';
import ExportsPage from '../../app/inspections/[inspectionId]/exports/page';
import PrintPage from '../../app/inspections/[inspectionId]/exports/print/page';
import AgreementPage from '../../app/inspections/[inspectionId]/agreement/page';
import * as eventsRoute from '../../app/inspections/[inspectionId]/panel/events/route';
import * as tableRoute from '../../app/inspections/[inspectionId]/exports/[table]/route';
import * as annexeRoute from '../../app/inspections/[inspectionId]/exports/annexe/route';
import * as breakdownsRoute from '../../app/inspections/[inspectionId]/exports/breakdowns/route';
import * as interchangeRoute from '../../app/inspections/[inspectionId]/exports/interchange/route';
import * as agreementRoute from '../../app/inspections/[inspectionId]/exports/agreement/route';
import * as auditRoute from '../../app/inspections/[inspectionId]/exports/audit/route';
import { loadAuditTrail } from '../../lib/audit/history';
import * as summaryExportRoute from '../../app/summary/export/route';
import * as allInspectionsRoute from '../../app/exports/inspections/route';
import { loadSummary } from '../../lib/summary/load-summary';
import { DEFAULT_SUMMARY_FILTERS } from '../../lib/summary/filters';
import { listCasesForUser } from '../../lib/data/cases';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });
/** The user's access to the world's inspection (lib/access/context.ts): what the reads take. */
const accessOf = async (u: { id: string; isAdmin: boolean }) => {
  const access = await loadInspectionAccess(prisma, actor(u), world.inspection.id);
  if (!access) throw new Error('expected access to the inspection');
  return access;
};
const FIRST_NOTE = 'FIRST-MARKING-NOTE-7f3a';
let secondMarkingId: string;
let questions: string[];

async function signIn(user: { id: string; isAdmin: boolean; email: string; name: string }) {
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + 3_600_000);
  await prisma.userSession.create({ data: { id: sessionId, userId: user.id, method: 'password', expiresAt } });
  context.user = {
    id: user.id,
    isAdmin: user.isAdmin,
    email: user.email,
    name: user.name,
    sessionId,
    sessionExpiresAt: expiresAt.getTime(),
  };
}

const req = (path: string) => new Request(`http://localhost:3201${path}`);

/** Reads server-sent events until `predicate` holds for one of them (or the stream ends). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, predicate: (event: string) => boolean): Promise<string | null> {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return null;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (predicate(event)) return event;
    }
  }
}

beforeAll(async () => {
  const created = await createMigratedDatabase('second_marking');
  prisma = created.prisma;
  process.env.DATABASE_URL = created.url;
  process.env.NEXTAUTH_SECRET ??= 'second-marking-test-secret-of-at-least-32-characters';
  process.env.NEXTAUTH_URL = 'http://localhost:3201';
  world = await seedWorld(prisma);
  // The lead lets the team see the panel: the strongest case for hiding it from a blind marker.
  await prisma.inspection.update({ where: { id: world.inspection.id }, data: { isPanelVisibleToTeam: true } });
  questions = secondMarkingQuestions('2018', { type: 'court', disposal: 'referral_order' }).map((q) => q.id);
  // The first marking of C-1: every key question Yes with a recognisable note.
  let i = 0;
  for (const questionId of questions) {
    await saveAnswer(
      prisma,
      { ...actor(world.inspector), name: 'First' },
      {
        field: 'value',
        caseId: world.cases.court.id,
        questionId,
        value: 'yes',
        baseVersion: 0,
      },
    );
    await saveAnswer(prisma, actor(world.inspector), {
      field: 'note',
      caseId: world.cases.court.id,
      questionId,
      note: `${FIRST_NOTE} ${i++}`,
      baseVersion: 1,
    });
  }
}, 120_000);

afterAll(async () => {
  await inspectionChanges.close();
  await appPrisma.$disconnect().catch(() => {});
  await prisma?.$disconnect();
});

const snapshot = async () => {
  const [markings, answers, reconciliations, firstAnswers, audit] = await Promise.all([
    prisma.secondMarking.findMany({ orderBy: { id: 'asc' } }),
    prisma.secondMarkingAnswer.findMany({ orderBy: [{ secondMarkingId: 'asc' }, { questionId: 'asc' }] }),
    prisma.secondMarkingReconciliation.findMany({ orderBy: { id: 'asc' } }),
    prisma.answer.findMany({ orderBy: [{ caseId: 'asc' }, { questionId: 'asc' }] }),
    prisma.auditEntry.count(),
  ]);
  return { markings, answers, reconciliations, firstAnswers, audit };
};

describe('picking a case and a second inspector', () => {
  it('refuses the case’s own inspector, a manager, and anyone but the lead; changes nothing', async () => {
    const inspectionId = world.inspection.id;
    const caseId = world.cases.court.id;
    await expectRefusedUnchanged(
      snapshot,
      () => assignSecondMarking(prisma, actor(world.lead), { caseId, markerId: world.inspector.id }),
      'invalid',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => assignSecondMarking(prisma, actor(world.lead), { caseId, markerId: world.manager.id }),
      'invalid',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => assignSecondMarking(prisma, actor(world.inspector), { caseId, markerId: world.otherInspector.id }),
      'forbidden',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => assignSecondMarking(prisma, actor(world.manager), { caseId, markerId: world.otherInspector.id }),
      'forbidden',
    );
    expect(inspectionId).toBeTruthy();
  });

  it('ends a live panel stream the second inspector had open, the moment they are picked', async () => {
    await signIn(world.otherInspector);
    const response = await eventsRoute.GET(req(`/inspections/${world.inspection.id}/panel/events`), {
      params: Promise.resolve({ inspectionId: world.inspection.id }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect(await readUntil(reader, (e) => e.startsWith('event: panel'))).toBeTruthy();

    const assigned = await assignSecondMarking(prisma, actor(world.lead), {
      caseId: world.cases.court.id,
      markerId: world.otherInspector.id,
    });
    secondMarkingId = assigned.secondMarkingId;
    const next = await readUntil(reader, (e) => e.startsWith('event:'));
    expect(next).toMatch(/^event: forbidden/);
    expect(await readUntil(reader, () => true)).toBeNull(); // closed
    const audit = await prisma.auditEntry.findFirst({ where: { action: 'second_marking.assign', entityId: secondMarkingId } });
    expect(audit?.actorId).toBe(world.lead.id);
  });

  it('refuses a second second marking of the same case', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => assignSecondMarking(prisma, actor(world.lead), { caseId: world.cases.court.id, markerId: world.otherInspector.id }),
      'conflict',
    );
  });
});

describe('withdrawing a pick not yet submitted', () => {
  it('only the lead withdraws it, with what was saved of it; the inspector is no longer blind on its account; the case can be picked again', async () => {
    const caseId = world.cases.ycc.id;
    const picked = await assignSecondMarking(prisma, actor(world.lead), { caseId, markerId: world.otherInspector.id });
    // Who may see the case but not withdraw: forbidden; who may not see it (the second inspector is blind to it): not found.
    for (const [who, code] of [
      [world.inspector, 'forbidden'],
      [world.manager, 'forbidden'],
      [world.otherInspector, 'not_found'],
      [world.outsider, 'not_found'],
    ] as const) {
      await expectRefusedUnchanged(
        snapshot,
        () => withdrawSecondMarking(prisma, actor(who), { secondMarkingId: picked.secondMarkingId }),
        code,
      );
    }
    await expectRefusedUnchanged(
      snapshot,
      () => withdrawSecondMarking(prisma, actor(world.lead), { secondMarkingId: randomUUID() }),
      'not_found',
    );
    await expectRefusedUnchanged(snapshot, () => withdrawSecondMarking(prisma, actor(world.lead), { secondMarkingId: 'x' }), 'invalid');

    await expect(withdrawSecondMarking(prisma, actor(world.lead), { secondMarkingId: picked.secondMarkingId })).resolves.toEqual({
      reference: picked.reference,
    });
    expect(await prisma.secondMarking.findUnique({ where: { id: picked.secondMarkingId } })).toBeNull();
    const audit = await prisma.auditEntry.findFirst({ where: { action: 'second_marking.withdraw', entityId: picked.secondMarkingId } });
    expect(audit).toMatchObject({ actorId: world.lead.id, entity: 'second_marking' });
    expect(audit?.oldValue).toMatchObject({ caseId, markerId: world.otherInspector.id, answersSaved: 0 });
    // Picked again, then withdrawn again: the way to give it to another inspector.
    const again = await assignSecondMarking(prisma, actor(world.lead), { caseId, markerId: world.otherInspector.id });
    await withdrawSecondMarking(prisma, actor(world.lead), { secondMarkingId: again.secondMarkingId });
    expect(await prisma.secondMarking.count({ where: { caseId } })).toBe(0);
  });
});

describe('blind: the second inspector cannot read the first marking by any channel', () => {
  const notFound = /NEXT_NOT_FOUND/;
  const ids = () => ({ inspectionId: world.inspection.id, caseId: world.cases.court.id });

  it('the case pages: task list, standard page, check answers, review', async () => {
    await signIn(world.otherInspector);
    const { inspectionId, caseId } = ids();
    await expect(CaseTaskListPage({ params: Promise.resolve({ inspectionId, caseId }) })).rejects.toThrow(notFound);
    await expect(StandardPage({ params: Promise.resolve({ inspectionId, caseId, standardId: '2.1' }) })).rejects.toThrow(notFound);
    await expect(CheckAnswersPage({ params: Promise.resolve({ inspectionId, caseId }) })).rejects.toThrow(notFound);
    await expect(ReviewCasePage({ params: Promise.resolve({ inspectionId, caseId }) })).rejects.toThrow(notFound);
    await expect(requireCaseView(actor(world.otherInspector), inspectionId, caseId)).rejects.toThrow(notFound);
    expect(await loadCaseAccess(prisma, actor(world.otherInspector), caseId)).toBeNull();
  });

  it('the actions: marking the case, raising a query on it', async () => {
    const { caseId } = ids();
    await expectRefusedUnchanged(
      snapshot,
      () =>
        saveAnswer(prisma, actor(world.otherInspector), { field: 'value', caseId, questionId: questions[0], value: 'no', baseVersion: 1 }),
      'not_found',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => raiseQuery(prisma, actor(world.otherInspector), { caseId, questionId: questions[0], body: 'x' }),
      'not_found',
    );
  });

  it('the ratings panel, its drill-down and breakdowns, though the lead lets the team see the panel', async () => {
    const { inspectionId } = ids();
    const inspection = await loadInspectionAccess(prisma, actor(world.otherInspector), inspectionId);
    expect(inspection?.isPanelVisibleToTeam).toBe(true);
    expect(can(actor(world.otherInspector), 'panel.view', { inspection: inspection!.scope })).toBe(false);
    await expect(PanelPage({ params: Promise.resolve({ inspectionId }) })).rejects.toThrow(notFound);
    await expect(KeyQuestionPage({ params: Promise.resolve({ inspectionId, keyQuestionId: questions[0] }) } as never)).rejects.toThrow(
      notFound,
    );
    await expect(BreakdownsPage({ params: Promise.resolve({ inspectionId }) })).rejects.toThrow(notFound);
    await expect(AgreementPage({ params: Promise.resolve({ inspectionId }) })).rejects.toThrow(notFound);
  });

  it('the panel’s live stream', async () => {
    const { inspectionId } = ids();
    const response = await eventsRoute.GET(req(`/inspections/${inspectionId}/panel/events`), { params: Promise.resolve({ inspectionId }) });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('yes');
  });

  it('the save action’s returned figures, and the figures beside their own case', async () => {
    const { inspectionId } = ids();
    const own = world.cases.othersCase.id;
    const saved = await saveAnswer(prisma, actor(world.otherInspector), {
      field: 'value',
      caseId: own,
      questionId: questions[0],
      value: 'no',
      baseVersion: 0,
    });
    expect(saved.status).toBe('saved');
    expect(saved.status === 'saved' ? saved.counts : 'x').toBeNull();
    const view = await requireCaseView(actor(world.otherInspector), inspectionId, own);
    expect(view.canSeeInspectionFigures).toBe(false);
  });

  it('every export route, the exports and print pages', async () => {
    const { inspectionId } = ids();
    const params = Promise.resolve({ inspectionId });
    for (const table of ['ratings', 'key-questions', 'prompts', 'all']) {
      const response = await tableRoute.GET(req(`/x?format=${table === 'all' ? 'xlsx' : 'csv'}`), {
        params: Promise.resolve({ inspectionId, table }),
      });
      expect(response.status, table).toBe(404);
    }
    for (const [name, handler] of [
      ['annexe', annexeRoute.GET],
      ['breakdowns', breakdownsRoute.GET],
      ['interchange', interchangeRoute.GET],
      ['agreement', agreementRoute.GET],
      ['audit', auditRoute.GET],
    ] as const) {
      const response = await handler(req('/x?format=csv'), { params });
      expect(response.status, name).toBe(404);
      expect(await response.text()).not.toContain(FIRST_NOTE);
    }
    const summary = await summaryExportRoute.GET(req('/summary/export?format=xlsx'));
    expect(summary.status).toBe(403);
    const all = await allInspectionsRoute.GET();
    const text = await all.text();
    expect(text).not.toContain(world.inspection.id);
    expect(text).not.toContain(FIRST_NOTE);
    await expect(ExportsPage({ params })).rejects.toThrow(notFound);
    await expect(PrintPage({ params })).rejects.toThrow(notFound);
  });

  it('their second-marking page and list carry only their own answers', async () => {
    const loaded = await loadSecondMarkingForActor(prisma, actor(world.otherInspector), secondMarkingId);
    expect(loaded).not.toBeNull();
    expect(can(actor(world.otherInspector), 'secondMarking.compare', { inspection: loaded!.scope, secondMarking: loaded!.marking })).toBe(
      false,
    );
    const [mine] = await listSecondMarkings(await accessOf(world.otherInspector));
    expect(mine?.caseInspectorName).toBeNull();
    const saved = await saveSecondMarking(prisma, actor(world.otherInspector), {
      secondMarkingId,
      version: String(loaded!.version),
      intent: 'save',
      value: { [questions[0]!]: 'no' },
      note: { [questions[0]!]: 'Second look.' },
    });
    expect(JSON.stringify(saved)).not.toMatch(/yes|FIRST/);
    // Nothing of the first marking is copied while the marking is open.
    const rows = await prisma.secondMarkingAnswer.findMany({ where: { secondMarkingId } });
    expect(rows.every((r) => r.firstValue === null)).toBe(true);
  });

  it('is not a second marking anyone else can write, and a stale page writes nothing', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => saveSecondMarking(prisma, actor(world.inspector), { secondMarkingId, version: '2', intent: 'save' }),
      'not_found',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => saveSecondMarking(prisma, actor(world.otherInspector), { secondMarkingId, version: '1', intent: 'save' }),
      'conflict',
    );
  });

  it('refuses a submission with a key question unanswered, naming it; nothing changes', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => saveSecondMarking(prisma, actor(world.otherInspector), { secondMarkingId, version: '2', intent: 'submit' }),
      'invalid',
      /Answer every key question/,
      { [secondMarkingFieldId(questions[1]!, 'value')]: expect.stringContaining(questions[1]!) },
    );
  });
});

describe('after submission: comparison, agreement and reconciliation', () => {
  it('submits, snapshots the first marking, and lifts the blind', async () => {
    const value = Object.fromEntries(questions.map((q, i) => [q, i === 0 ? 'no' : 'yes']));
    const note = Object.fromEntries(questions.map((q) => [q, 'Second note']));
    const result = await saveSecondMarking(prisma, actor(world.otherInspector), {
      secondMarkingId,
      version: '2',
      intent: 'submit',
      value,
      note,
    });
    expect(result.isSubmitted).toBe(true);
    const rows = await prisma.secondMarkingAnswer.findMany({ where: { secondMarkingId } });
    expect(rows.every((r) => r.firstValue === 'yes')).toBe(true);
    const inspection = await loadInspectionAccess(prisma, actor(world.otherInspector), world.inspection.id);
    expect(can(actor(world.otherInspector), 'panel.view', { inspection: inspection!.scope })).toBe(true);
    const loaded = await loadSecondMarkingForActor(prisma, actor(world.otherInspector), secondMarkingId);
    expect(can(actor(world.otherInspector), 'secondMarking.compare', { inspection: loaded!.scope, secondMarking: loaded!.marking })).toBe(
      true,
    );
    await expectRefusedUnchanged(
      snapshot,
      () => saveSecondMarking(prisma, actor(world.otherInspector), { secondMarkingId, version: '3', intent: 'save' }),
      'conflict',
    );
  });

  it('shows the lead agreement per key question and standard, with the disagreement', async () => {
    const agreement = await loadAgreement(await accessOf(world.lead));
    expect(agreement.doubleMarkedCases).toBe(1);
    expect(agreement.disagreements).toHaveLength(1);
    expect(agreement.disagreements[0]).toMatchObject({ questionId: questions[0], first: 'yes', second: 'no', isReconciled: false });
    const stats = agreement.byQuestion.get(questions[0]!)?.all;
    expect(stats).toMatchObject({ n: 1, agreed: 0, percentAgreement: 0, isSmallSample: true });
    // One case, every key question compared: the inspection-wide figure and the one inspector pair hold them all.
    expect(agreement.overall.all).toMatchObject({ n: questions.length, agreed: questions.length - 1 });
    expect(agreement.byInspectorPair).toHaveLength(1);
    expect(agreement.byInspectorPair[0]).toMatchObject({ secondInspector: world.otherInspector.name });
    expect(agreement.byInspectorPair[0]?.agreement.all.n).toBe(questions.length);
    expect((await countUnreconciledByKeyQuestion(prisma, await accessOf(world.lead))).get(questions[0]!)).toBe(1);
  });

  it('gives a quality lead agreement across the inspections they may see, and an outsider none', async () => {
    const across = await loadAgreementAcrossInspections(actor(world.lead));
    expect(across.inspections.map((i) => i.inspectionId)).toEqual([world.inspection.id]);
    expect(across.inspections[0]).toMatchObject({ doubleMarkedCases: 1 });
    expect(across.pooled.all).toMatchObject({ n: questions.length, agreed: questions.length - 1 });
    expect(across.byInspectorPair.map((p) => p.secondInspector)).toEqual([world.otherInspector.name]);
    // The second inspector is an inspector on this inspection, not one who may see agreement.
    expect((await loadAgreementAcrossInspections(actor(world.otherInspector))).inspections).toEqual([]);
    expect((await loadAgreementAcrossInspections(actor(world.outsider))).pooled.all.n).toBe(0);
  });

  it('exports the agreement table to the lead as CSV and XLSX', async () => {
    await signIn(world.lead);
    const params = Promise.resolve({ inspectionId: world.inspection.id });
    const csv = await agreementRoute.GET(req('/x?format=csv'), { params });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Cohen's kappa");
    expect(text).toContain(`Key question,2.1,${questions[0]}`);
    expect(text).toContain('Kappa 95% CI lower');
    expect(text).toContain(`Inspection,,,All key questions,${questions.length},${questions.length - 1}`);
    expect(text).toContain(`Inspector pair,,,`);
    const xlsx = await agreementRoute.GET(req('/x?format=xlsx'), { params: Promise.resolve({ inspectionId: world.inspection.id }) });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('refuses a reconciliation that is not the lead’s, not a disagreement, on a stale answer, or without a reason', async () => {
    const base = { secondMarkingId, questionId: questions[0], value: 'no', reason: 'The plan was late.' };
    const current = await prisma.answer.findUniqueOrThrow({
      where: { caseId_questionId: { caseId: world.cases.court.id, questionId: questions[0]! } },
    });
    await expectRefusedUnchanged(
      snapshot,
      () => reconcileDisagreement(prisma, actor(world.otherInspector), { ...base, answerVersion: String(current.version) }),
      'forbidden',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => reconcileDisagreement(prisma, actor(world.lead), { ...base, questionId: questions[1], answerVersion: '2' }),
      'invalid',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => reconcileDisagreement(prisma, actor(world.lead), { ...base, answerVersion: String(current.version - 1) }),
      'conflict',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => reconcileDisagreement(prisma, actor(world.lead), { ...base, reason: ' ', answerVersion: String(current.version) }),
      'invalid',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => reconcileDisagreement(prisma, actor(world.lead), { ...base, value: 'na', answerVersion: String(current.version) }),
      'invalid',
    );
  });

  it('keeps a submitted second marking: the lead cannot withdraw it', async () => {
    await expectRefusedUnchanged(snapshot, () => withdrawSecondMarking(prisma, actor(world.lead), { secondMarkingId }), 'invalid');
  });

  it('records the agreed answer with who and why; the ratings count it; the disagreement stays in the statistics', async () => {
    const before = await loadPanelData(prisma, systemActor('integration test'), world.inspection.id);
    const kqBefore = before.result.standards['2.1']?.keyQuestions[questions[0]!];
    const current = await prisma.answer.findUniqueOrThrow({
      where: { caseId_questionId: { caseId: world.cases.court.id, questionId: questions[0]! } },
    });
    await reconcileDisagreement(prisma, actor(world.lead), {
      secondMarkingId,
      questionId: questions[0],
      value: 'no',
      reason: 'The plan was late.',
      answerVersion: String(current.version),
    });
    const after = await prisma.answer.findUniqueOrThrow({
      where: { caseId_questionId: { caseId: world.cases.court.id, questionId: questions[0]! } },
    });
    expect(after).toMatchObject({ value: 'no', version: current.version + 1, updatedById: world.lead.id, note: current.note });
    const audit = await prisma.auditEntry.findFirst({
      where: { action: 'answer.reconcile', entityId: `${world.cases.court.id}:${questions[0]}` },
    });
    expect(audit?.oldValue).toMatchObject({ value: 'yes' });
    expect(audit?.newValue).toMatchObject({ value: 'no', reason: 'The plan was late.' });
    const record = await prisma.secondMarkingReconciliation.findFirstOrThrow({ where: { secondMarkingId } });
    expect(record).toMatchObject({ value: 'no', reason: 'The plan was late.', reconciledById: world.lead.id });

    const panel = await loadPanelData(prisma, systemActor('integration test'), world.inspection.id);
    const kqAfter = panel.result.standards['2.1']?.keyQuestions[questions[0]!];
    // C-1 (first marking Yes) and C-2 (No): 1 yes of 2 relevant; the agreed No on C-1 makes it 0 of 2.
    expect(kqBefore).toMatchObject({ yes: 1, relevant: 2 });
    expect(kqAfter).toMatchObject({ yes: 0, relevant: 2 });

    const agreement = await loadAgreement(await accessOf(world.lead));
    expect(agreement.disagreements).toHaveLength(1);
    expect(agreement.disagreements[0]?.isReconciled).toBe(true);
    expect((await countUnreconciledByKeyQuestion(prisma, await accessOf(world.lead))).size).toBe(0);
    await expectRefusedUnchanged(
      snapshot,
      () =>
        reconcileDisagreement(prisma, actor(world.lead), {
          secondMarkingId,
          questionId: questions[0],
          value: 'yes',
          reason: 'Again',
          answerVersion: String(after.version),
        }),
      'conflict',
    );
  });

  it('shows the case’s history — marking, second marking, reconciliation — and exports the inspection’s trail', async () => {
    const history = await loadAuditTrail(await accessOf(world.lead), { caseId: world.cases.court.id });
    const reconciled = history.find((r) => r.action === 'answer.reconcile');
    expect(reconciled).toMatchObject({
      who: world.lead.name,
      questionId: questions[0],
      from: 'Yes',
      route: 'Reconciliation',
      caseReference: 'C-1',
    });
    expect(reconciled?.to).toContain('reason: The plan was late.');
    expect(history.some((r) => r.action === 'second_marking.submit' && r.route === 'Second marking')).toBe(true);
    // Only this case: the other case's entries are not in its history.
    expect(new Set(history.map((r) => r.caseReference))).toEqual(new Set(['C-1']));
    // Oldest first.
    expect(history.map((r) => r.at.getTime())).toEqual([...history.map((r) => r.at.getTime())].sort((a, b) => a - b));

    await signIn(world.lead);
    const response = await auditRoute.GET(req('/x'), { params: Promise.resolve({ inspectionId: world.inspection.id }) });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('When (UTC),Made on the device (UTC by its clock),Who,Case reference,What,Key question or prompt,From,To,Route');
    expect(text).toContain(`,C-1,Answer (agreed after second marking),${questions[0]},Yes,`);
    await signIn(world.otherInspector);
    expect((await auditRoute.GET(req('/x'), { params: Promise.resolve({ inspectionId: world.inspection.id }) })).status).toBe(404);
  });

  it('names the first inspector after reconciliation, and notices a first marking changed after the second was submitted', async () => {
    const comparison = await loadComparison((await loadSecondMarkingForActor(prisma, actor(world.lead), secondMarkingId))!);
    // The lead reconciled questions[0], so the lead last edited it; the comparison still names the case's inspector.
    expect(comparison.get(questions[0]!)).toMatchObject({ firstInspectorName: world.inspector.name });
    expect(comparison.get(questions[0]!)?.firstNow.updatedByName).toBe(world.lead.name);
    expect(await listFirstMarkingsChangedAfterSecond(prisma, await accessOf(world.lead))).toEqual([]);

    const where = { caseId_questionId: { caseId: world.cases.court.id, questionId: questions[1]! } };
    const before = await prisma.answer.findUniqueOrThrow({ where });
    await prisma.answer.update({ where, data: { value: 'no' } });
    try {
      expect(await listFirstMarkingsChangedAfterSecond(prisma, await accessOf(world.lead))).toEqual([
        { questionId: questions[1], reference: 'C-1' },
      ]);
    } finally {
      await prisma.answer.update({ where, data: { value: before.value } });
    }
  });
});

describe('blind means blind for every role, an admin included (issue 21)', () => {
  it('an admin on the team as an inspector, picked as a second inspector, reads nothing of the first marking by any path', async () => {
    const inspectionId = world.inspection.id;
    const admin = world.admin;
    await prisma.inspectionMember.create({ data: { inspectionId, userId: admin.id, role: 'inspector' } });
    // The case they second mark, allocated to the lead and first marked with a recognisable note.
    const blindCase = await prisma.case.create({
      data: { inspectionId, reference: 'BLIND-1', type: 'court', disposal: 'referral_order', inspectorId: world.lead.id },
    });
    await saveAnswer(prisma, actor(world.lead), {
      field: 'value',
      caseId: blindCase.id,
      questionId: questions[0],
      value: 'yes',
      baseVersion: 0,
    });
    await saveAnswer(prisma, actor(world.lead), {
      field: 'note',
      caseId: blindCase.id,
      questionId: questions[0],
      note: FIRST_NOTE,
      baseVersion: 1,
    });
    // A case of their own, to mark while blind.
    const ownCase = await prisma.case.create({
      data: { inspectionId, reference: 'ADMIN-OWN', type: 'court', disposal: 'referral_order', inspectorId: admin.id },
    });
    // Before the pick, as an admin, they see the inspection in the summary and the all-inspections export.
    expect((await loadSummary(prisma, actor(admin), DEFAULT_SUMMARY_FILTERS)).rows.map((r) => r.id)).toContain(inspectionId);
    await assignSecondMarking(prisma, actor(world.lead), { caseId: blindCase.id, markerId: admin.id });
    await signIn(admin);
    const params = Promise.resolve({ inspectionId });
    const notFound = /NEXT_NOT_FOUND/;

    // Pages of the case, and the case by the access context.
    const caseParams = Promise.resolve({ inspectionId, caseId: blindCase.id });
    await expect(CaseTaskListPage({ params: caseParams })).rejects.toThrow(notFound);
    await expect(StandardPage({ params: Promise.resolve({ inspectionId, caseId: blindCase.id, standardId: '2.1' }) })).rejects.toThrow(
      notFound,
    );
    await expect(CheckAnswersPage({ params: caseParams })).rejects.toThrow(notFound);
    await expect(ReviewCasePage({ params: caseParams })).rejects.toThrow(notFound);
    expect(await loadCaseAccess(prisma, actor(admin), blindCase.id)).toBeNull();
    // The inspection page lists their own case only, not the blind case's progress.
    const access = (await loadInspectionAccess(prisma, actor(admin), inspectionId))!;
    const listed = (await listCasesForUser(actor(admin), access)).map((c) => c.reference);
    expect(listed).toEqual(['ADMIN-OWN']);
    // The panel, its stream, its pages; the inspection's exports and agreement.
    await expect(PanelPage({ params })).rejects.toThrow(notFound);
    await expect(BreakdownsPage({ params })).rejects.toThrow(notFound);
    await expect(AgreementPage({ params })).rejects.toThrow(notFound);
    await expect(ExportsPage({ params })).rejects.toThrow(notFound);
    await expect(PrintPage({ params })).rejects.toThrow(notFound);
    const events = await eventsRoute.GET(req(`/inspections/${inspectionId}/panel/events`), { params });
    expect(events.status).toBe(404);
    for (const table of ['ratings', 'key-questions', 'prompts', 'all']) {
      const response = await tableRoute.GET(req(`/x?format=${table === 'all' ? 'xlsx' : 'csv'}`), {
        params: Promise.resolve({ inspectionId, table }),
      });
      expect(response.status, table).toBe(404);
    }
    for (const [name, handler] of [
      ['annexe', annexeRoute.GET],
      ['breakdowns', breakdownsRoute.GET],
      ['interchange', interchangeRoute.GET],
      ['agreement', agreementRoute.GET],
    ] as const) {
      const response = await handler(req('/x?format=csv'), { params });
      expect(response.status, name).toBe(404);
    }
    // The summary, its export and the all-inspections export: the inspection is not there at all.
    expect((await loadSummary(prisma, actor(admin), DEFAULT_SUMMARY_FILTERS)).rows.map((r) => r.id)).not.toContain(inspectionId);
    const summaryCsv = await (await summaryExportRoute.GET(req('/summary/export?format=csv'))).text();
    expect(summaryCsv).not.toContain(world.inspection.id);
    const serviceName = (await prisma.service.findFirstOrThrow({ where: { inspections: { some: { id: inspectionId } } } })).name;
    expect(summaryCsv).not.toContain(serviceName);
    const all = await (await allInspectionsRoute.GET()).text();
    expect(all).not.toContain(inspectionId);
    expect(all).not.toContain(serviceName);
    // Saves: the blind case refused as not found; their own case saved without inspection-wide figures.
    await expectRefusedUnchanged(
      snapshot,
      () =>
        saveAnswer(prisma, actor(admin), { field: 'value', caseId: blindCase.id, questionId: questions[0], value: 'no', baseVersion: 1 }),
      'not_found',
    );
    const saved = await saveAnswer(prisma, actor(admin), {
      field: 'value',
      caseId: ownCase.id,
      questionId: questions[0],
      value: 'no',
      baseVersion: 0,
    });
    expect(saved.status === 'saved' ? saved.counts : 'not saved').toBeNull();
  });
});
