import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, changeMemberRole } from '../../lib/setup/team';
import { allocateCase } from '../../lib/setup/allocation';
import { saveAnswer } from '../../lib/marking/save-answer';
import { loadCaseAccess } from '../../lib/access/context';
import { completeCase } from '../../lib/marking/case-status';
import { listQueriesForCase } from '../../lib/data/quality';
import { prisma as appPrisma } from '../../lib/db/client';
import { markCaseReviewed, raiseQuery, reopenQuery, replyToQuery, resolveQuery, setQualityTarget } from '../../lib/quality/queries';
import { getFramework, listQuestionIdsForCase } from '../../lib/framework';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
let qa: { id: string; isAdmin: boolean; email: string };

const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

beforeAll(async () => {
  const created = await createMigratedDatabase('quality');
  ({ prisma } = created);
  // listQueriesForCase reads through the app's client (lib/db/client), which reads its configuration on first use.
  process.env.DATABASE_URL = created.url;
  process.env.NEXTAUTH_SECRET ??= 'quality-test-secret-of-at-least-32-characters-long';
  process.env.NEXTAUTH_URL ??= 'http://localhost:3201';
  world = await seedWorld(prisma);
  qa = await prisma.user.create({
    data: { email: `qa-${Date.now()}@int.example`, name: 'Quinn Assurer', passwordHash: 'x' },
    select: { id: true, isAdmin: true, email: true },
  });
});
afterAll(async () => {
  await appPrisma.$disconnect().catch(() => {});
  await prisma?.$disconnect();
});

async function snapshot() {
  const [answers, audit, cases, members, queries, messages, reviews, targets] = await Promise.all([
    prisma.answer.findMany({ orderBy: [{ caseId: 'asc' }, { questionId: 'asc' }] }),
    prisma.auditEntry.count(),
    prisma.case.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, version: true, inspectorId: true } }),
    prisma.inspectionMember.findMany({ orderBy: [{ inspectionId: 'asc' }, { userId: 'asc' }] }),
    prisma.answerQuery.findMany({ orderBy: { id: 'asc' } }),
    prisma.answerQueryMessage.count(),
    prisma.caseReview.count(),
    prisma.qualityTarget.findMany(),
  ]);
  return { answers, audit, cases, members, queries, messages, reviews, targets };
}

describe('the quality assurer role', () => {
  it('is added to the team by the lead, audited', async () => {
    await addMember(prisma, actor(world.lead), { inspectionId: world.inspection.id, email: qa.email, role: 'quality_assurer' });
    const member = await prisma.inspectionMember.findUnique({
      where: { inspectionId_userId: { inspectionId: world.inspection.id, userId: qa.id } },
    });
    expect(member?.role).toBe('quality_assurer');
    const audit = await prisma.auditEntry.findFirst({ where: { action: 'member.add', entityId: `${world.inspection.id}:${qa.id}` } });
    expect(audit?.newValue).toMatchObject({ role: 'quality_assurer' });
  });

  it('reads every case, including cases allocated to others', async () => {
    for (const kase of Object.values(world.cases)) {
      expect(await loadCaseAccess(prisma, actor(qa), kase.id)).not.toBeNull();
    }
  });

  it('cannot mark a case, and the refusal changes nothing', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () =>
        saveAnswer(prisma, actor(qa), { field: 'value', caseId: world.cases.court.id, questionId: '2.1.1', value: 'no', baseVersion: 0 }),
      'forbidden',
    );
  });

  it('cannot be allocated a case', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () =>
        allocateCase(prisma, actor(world.lead), { inspectionId: world.inspection.id, caseId: world.cases.court.id, inspectorId: qa.id }),
      'invalid',
    );
  });

  it('cannot be given to someone who still has cases', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () =>
        changeMemberRole(prisma, actor(world.lead), {
          inspectionId: world.inspection.id,
          userId: world.inspector.id,
          role: 'quality_assurer',
        }),
      'invalid',
      /quality assurer.*Reallocate their cases first/,
    );
  });
});

/** Answers every question of the case (and the case-level items) as the given marker. */
async function markEverything(caseId: string, marker: { id: string; isAdmin: boolean }) {
  const kase = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { type: true, disposal: true } });
  for (const questionId of listQuestionIdsForCase(getFramework('2018'), kase)) {
    await saveAnswer(prisma, actor(marker), { field: 'value', caseId, questionId, value: 'yes', baseVersion: 0 });
  }
  await prisma.case.update({
    where: { id: caseId },
    data: { agreesWithRosh: true, agreesWithSafety: true, isCaseManagerInterviewed: true },
  });
}

describe('queries on marked answers', () => {
  let queryId: string;

  it('lets a quality assurer raise a query on an answer, kept as a thread and audited', async () => {
    await markEverything(world.cases.court.id, world.inspector);
    const result = await raiseQuery(prisma, actor(qa), {
      caseId: world.cases.court.id,
      questionId: '2.1.1',
      body: 'The note says the plan was late; is 2.1.1 really Yes?',
    });
    queryId = result.queryId;
    const query = await prisma.answerQuery.findUniqueOrThrow({ where: { id: queryId }, include: { messages: true } });
    expect(query).toMatchObject({ status: 'open', questionId: '2.1.1', raisedById: qa.id, inspectionId: world.inspection.id });
    expect(query.messages).toEqual([
      expect.objectContaining({ kind: 'raise', authorId: qa.id, body: 'The note says the plan was late; is 2.1.1 really Yes?' }),
    ]);
    const audit = await prisma.auditEntry.findFirst({ where: { entity: 'answer_query', entityId: queryId, action: 'query.raise' } });
    expect(audit).toMatchObject({ actorId: qa.id, newValue: { status: 'open', questionId: '2.1.1' } });
  });

  it('stops the case being marked complete while the query is not resolved, changing nothing', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => completeCase(prisma, actor(world.inspector), { caseId: world.cases.court.id }),
      'conflict',
      /1 query not yet resolved/,
    );
  });

  it('refuses a query from anyone who is not a reviewer, and bad input, changing nothing', async () => {
    const input = { caseId: world.cases.court.id, questionId: '2.1.1', body: 'Why?' };
    await expectRefusedUnchanged(snapshot, () => raiseQuery(prisma, actor(world.inspector), input), 'forbidden');
    await expectRefusedUnchanged(snapshot, () => raiseQuery(prisma, actor(world.manager), input), 'forbidden');
    await expectRefusedUnchanged(snapshot, () => raiseQuery(prisma, actor(world.outsider), input), 'not_found');
    await expectRefusedUnchanged(snapshot, () => raiseQuery(prisma, actor(qa), { ...input, body: '   ' }), 'invalid', /Enter your query/);
    await expectRefusedUnchanged(
      snapshot,
      () => raiseQuery(prisma, actor(qa), { ...input, questionId: '9.9.9' }),
      'invalid',
      /not marked on this case/,
    );
    // An out-of-court question on a court case.
    await expectRefusedUnchanged(snapshot, () => raiseQuery(prisma, actor(qa), { ...input, questionId: '3.1.1' }), 'invalid');
    await expectRefusedUnchanged(snapshot, () => raiseQuery(prisma, actor(qa), { ...input, questionId: 'case:nonsense' }), 'invalid');
  });

  it('lets only the case’s inspector (or the lead) reply, and only to an open query', async () => {
    await expectRefusedUnchanged(
      snapshot,
      () => replyToQuery(prisma, actor(world.otherInspector), { queryId, body: 'Not mine' }),
      'not_found',
    );
    await expectRefusedUnchanged(snapshot, () => replyToQuery(prisma, actor(qa), { queryId, body: 'I am QA' }), 'forbidden');
    await expectRefusedUnchanged(
      snapshot,
      () => replyToQuery(prisma, actor(world.inspector), { queryId, body: '' }),
      'invalid',
      /Enter your reply/,
    );
    await expectRefusedUnchanged(snapshot, () => resolveQuery(prisma, actor(world.inspector), { queryId }), 'forbidden');

    // The inspector changes the answer through the normal versioned save, then replies.
    const answer = await prisma.answer.findUniqueOrThrow({
      where: { caseId_questionId: { caseId: world.cases.court.id, questionId: '2.1.1' } },
    });
    await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId: '2.1.1',
      value: 'no',
      baseVersion: answer.version,
    });
    await replyToQuery(prisma, actor(world.inspector), { queryId, body: 'Agreed: the plan was late. Changed to No.' });
    expect((await prisma.answerQuery.findUniqueOrThrow({ where: { id: queryId } })).status).toBe('answered');
    await expectRefusedUnchanged(snapshot, () => replyToQuery(prisma, actor(world.inspector), { queryId, body: 'Again' }), 'conflict');
  });

  it('lets the reviewer re-open (with a reason) and resolve; the whole thread is kept', async () => {
    await expectRefusedUnchanged(snapshot, () => reopenQuery(prisma, actor(qa), { queryId, body: '' }), 'invalid');
    await reopenQuery(prisma, actor(qa), { queryId, body: 'Please also update the evidence note.' });
    await replyToQuery(prisma, actor(world.inspector), { queryId, body: 'Note updated.' });
    await resolveQuery(prisma, actor(world.lead), { queryId, body: '' });
    await expectRefusedUnchanged(snapshot, () => resolveQuery(prisma, actor(qa), { queryId }), 'conflict', /already resolved/);
    const messages = await prisma.answerQueryMessage.findMany({ where: { queryId }, orderBy: { createdAt: 'asc' } });
    expect(messages.map((m) => m.kind)).toEqual(['raise', 'reply', 'reopen', 'reply', 'resolve']);
    const audit = await prisma.auditEntry.findMany({ where: { entity: 'answer_query', entityId: queryId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['query.raise', 'query.reply', 'query.reopen', 'query.reply', 'query.resolve']);

    // The thread keeps the answer as it stood when raised (Yes) and at each reply (No after the change).
    const [thread] = (await listQueriesForCase((await loadCaseAccess(prisma, actor(world.lead), world.cases.court.id))!)).filter(
      (q) => q.id === queryId,
    );
    expect(thread?.messages.map((m) => [m.kind, m.answer?.value ?? null])).toEqual([
      ['raise', 'yes'],
      ['reply', 'no'],
      ['reopen', null],
      ['reply', 'no'],
      ['resolve', null],
    ]);
  });

  it('lets the case be completed once every query is resolved', async () => {
    expect(await completeCase(prisma, actor(world.inspector), { caseId: world.cases.court.id })).toEqual({ status: 'complete' });
  });

  it('lets a query be raised on a case-level item', async () => {
    const { queryId: id } = await raiseQuery(prisma, actor(world.lead), {
      caseId: world.cases.othersCase.id,
      questionId: 'case:agreesWithRosh',
      body: 'Do you really agree?',
    });
    expect((await prisma.answerQuery.findUniqueOrThrow({ where: { id } })).questionId).toBe('case:agreesWithRosh');
  });
});

describe('QA coverage', () => {
  it('records a case as reviewed once per reviewer, audited', async () => {
    await markCaseReviewed(prisma, actor(qa), { caseId: world.cases.court.id });
    await markCaseReviewed(prisma, actor(qa), { caseId: world.cases.court.id });
    expect(await prisma.caseReview.count({ where: { caseId: world.cases.court.id } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: 'case.reviewed', entityId: world.cases.court.id } })).toBe(1);
    await expectRefusedUnchanged(
      snapshot,
      () => markCaseReviewed(prisma, actor(world.inspector), { caseId: world.cases.court.id }),
      'forbidden',
    );
  });

  it('lets only the lead set the target, from 1 to 100%', async () => {
    await setQualityTarget(prisma, actor(world.lead), { inspectionId: world.inspection.id, targetPct: '20' });
    expect((await prisma.qualityTarget.findUniqueOrThrow({ where: { inspectionId: world.inspection.id } })).targetPct).toBe(20);
    await expectRefusedUnchanged(
      snapshot,
      () => setQualityTarget(prisma, actor(qa), { inspectionId: world.inspection.id, targetPct: 30 }),
      'forbidden',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => setQualityTarget(prisma, actor(world.outsider), { inspectionId: world.inspection.id, targetPct: 30 }),
      'not_found',
    );
    await expectRefusedUnchanged(
      snapshot,
      () => setQualityTarget(prisma, actor(world.lead), { inspectionId: world.inspection.id, targetPct: '0' }),
      'invalid',
      /1 to 100/,
    );
    await expectRefusedUnchanged(
      snapshot,
      () => setQualityTarget(prisma, actor(world.lead), { inspectionId: world.inspection.id, targetPct: 'abc' }),
      'invalid',
    );
  });
});
