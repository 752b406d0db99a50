/**
 * Issue 23, "the interchange file carries second markings, reconciliations and queries": an
 * export imported into a fresh inspection gives back the second markings (submitted or still
 * blind, answers and the first marking beside them), the reconciliations (reason, who, when), the
 * queries (thread, the answer as it stood when raised and when answered), the publication date
 * and the link to the previous inspection. A file whose second marker is not on its team, or
 * whose query is on a question the framework lacks, is refused with the reason, writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

const { exportInspection } = await import('../../lib/interchange/export-inspection');
const { importInspection } = await import('../../lib/interchange/import-inspection');
const { saveAnswer } = await import('../../lib/marking/save-answer');
const { raiseQuery, replyToQuery, resolveQuery } = await import('../../lib/quality/queries');
const { reconcileDisagreement } = await import('../../lib/quality/second-marking');
const { listQueriesForCase } = await import('../../lib/data/quality');
const { loadCaseAccess } = await import('../../lib/access/context');
const { systemActor } = await import('../../lib/auth/permissions');
type CasemarkDocument = Awaited<ReturnType<typeof exportInspection>>;

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
let earlierId: string;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });
const READER = systemActor('integration test');

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('interchange_quality'));
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = prisma;
  world = await seedWorld(prisma, { framework: 'v2021' });
  await markAndReview();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

/** Marking, a submitted and a blind second marking, a reconciliation, two queries, a publication date and a linked previous inspection. */
async function markAndReview() {
  const { inspection, lead, inspector, otherInspector, cases } = world;
  const save = async (questionId: string, value: 'yes' | 'no', baseVersion: number) => {
    const result = await saveAnswer(
      prisma,
      { ...actor(inspector), name: inspector.name },
      {
        field: 'value',
        caseId: cases.court.id,
        questionId,
        value,
        baseVersion,
      },
    );
    if (result.status !== 'saved') throw new Error('expected the answer saved');
  };
  await save('2.1.1', 'yes', 0);
  await save('2.1.2', 'no', 0);
  const submitted = await prisma.secondMarking.create({
    data: {
      inspectionId: inspection.id,
      caseId: cases.court.id,
      markerId: otherInspector.id,
      assignedById: lead.id,
      assignedAt: new Date('2026-11-17T09:00:00Z'),
      submittedAt: new Date('2026-11-18T10:00:00Z'),
      answers: {
        create: [
          { questionId: '2.1.1', value: 'no', note: 'No plan on file', firstValue: 'yes' },
          { questionId: '2.1.2', value: 'na', naReason: 'Nothing to assess', note: 'Checked', firstValue: 'no' },
        ],
      },
    },
    select: { id: true },
  });
  // Still blind: assigned, not submitted, first marking not copied.
  await prisma.secondMarking.create({
    data: {
      inspectionId: inspection.id,
      caseId: cases.ycc.id,
      markerId: otherInspector.id,
      assignedById: lead.id,
      assignedAt: new Date('2026-11-17T09:30:00Z'),
      answers: { create: [{ questionId: '3.1.1', value: 'yes', note: 'Draft' }] },
    },
  });
  await reconcileDisagreement(prisma, actor(lead), {
    secondMarkingId: submitted.id,
    questionId: '2.1.1',
    answerVersion: 1,
    value: 'no',
    reason: 'The plan was never written.',
  });
  const { queryId } = await raiseQuery(prisma, actor(lead), { caseId: cases.court.id, questionId: '2.1.2', body: 'Is 2.1.2 right?' });
  await save('2.1.2', 'yes', 1);
  await replyToQuery(prisma, actor(inspector), { queryId, body: 'Changed it to yes.' });
  await resolveQuery(prisma, actor(lead), { queryId, body: 'Thanks.' });
  await raiseQuery(prisma, actor(lead), { caseId: cases.court.id, questionId: 'case:agreesWithRosh', body: 'Do you agree with RoSH?' });

  const earlier = await prisma.inspection.create({
    data: {
      serviceId: inspection.serviceId,
      framework: 'v2021',
      fieldworkStart: new Date('2023-03-06T00:00:00Z'),
      fieldworkEnd: new Date('2023-03-10T00:00:00Z'),
      status: 'published',
    },
  });
  earlierId = earlier.id;
  await prisma.inspection.update({
    where: { id: inspection.id },
    data: {
      publishedOn: new Date('2027-02-14T00:00:00Z'),
      previousInspectionId: earlier.id,
      previousRatings: { '1.1': 'good' },
    },
  });
}

/** Every row an import could write. */
async function snapshot() {
  const [inspections, cases, answers, markings, markingAnswers, reconciliations, queries, messages, audit] = await Promise.all([
    prisma.inspection.count(),
    prisma.case.count(),
    prisma.answer.count(),
    prisma.secondMarking.count(),
    prisma.secondMarkingAnswer.count(),
    prisma.secondMarkingReconciliation.count(),
    prisma.answerQuery.count(),
    prisma.answerQueryMessage.count(),
    prisma.auditEntry.count(),
  ]);
  return { inspections, cases, answers, markings, markingAnswers, reconciliations, queries, messages, audit };
}

const copy = (document: CasemarkDocument) => JSON.parse(JSON.stringify(document)) as CasemarkDocument & Record<string, unknown>;

describe('interchange: the quality record out and back in', () => {
  it('gives back second markings, reconciliations, queries, the publication date and the previous link', async () => {
    const first = await exportInspection(prisma, READER, world.inspection.id);
    expect(first.inspection).toMatchObject({
      publishedOn: '2027-02-14',
      previous: { ratings: { '1.1': 'good' }, inspection: { id: earlierId, fieldworkStart: '2023-03-06' } },
    });
    const raise = first.quality?.queries[0]?.messages[0];
    const reply = first.quality?.queries[0]?.messages[1];
    expect(raise).toMatchObject({ kind: 'raise', answer: { value: 'no', version: 1 } });
    expect(reply).toMatchObject({ kind: 'reply', answer: { value: 'yes', version: 2 } });

    const imported = await importInspection(prisma, actor(world.admin), copy(first));
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    // The import page says the link was made, with the fieldwork as this Casemark prints it.
    expect(imported.previous).toEqual({ status: 'linked', fieldwork: '6 March 2023 to 10 March 2023' });
    const second = await exportInspection(prisma, READER, imported.inspectionId);
    expect(second.quality).toEqual(first.quality);
    expect(second.inspection).toEqual(first.inspection);

    // In the database: submitted and blind markings, who reconciled and why, each thread.
    const markings = await prisma.secondMarking.findMany({
      where: { inspectionId: imported.inspectionId },
      orderBy: { assignedAt: 'asc' },
      select: {
        markerId: true,
        assignedById: true,
        submittedAt: true,
        answers: {
          orderBy: { questionId: 'asc' },
          select: { questionId: true, value: true, naReason: true, note: true, firstValue: true },
        },
        reconciliations: { select: { questionId: true, value: true, reason: true, reconciledById: true } },
      },
    });
    expect(markings).toEqual([
      {
        markerId: world.otherInspector.id,
        assignedById: world.lead.id,
        submittedAt: new Date('2026-11-18T10:00:00Z'),
        answers: [
          { questionId: '2.1.1', value: 'no', naReason: null, note: 'No plan on file', firstValue: 'yes' },
          { questionId: '2.1.2', value: 'na', naReason: 'Nothing to assess', note: 'Checked', firstValue: 'no' },
        ],
        reconciliations: [{ questionId: '2.1.1', value: 'no', reason: 'The plan was never written.', reconciledById: world.lead.id }],
      },
      {
        markerId: world.otherInspector.id,
        assignedById: world.lead.id,
        submittedAt: null,
        answers: [{ questionId: '3.1.1', value: 'yes', naReason: null, note: 'Draft', firstValue: null }],
        reconciliations: [],
      },
    ]);
    const stored = await prisma.inspection.findUniqueOrThrow({
      where: { id: imported.inspectionId },
      select: { publishedOn: true, previousInspectionId: true },
    });
    expect(stored).toEqual({ publishedOn: new Date('2027-02-14T00:00:00Z'), previousInspectionId: earlierId });

    // The case page's thread: the answer as it stood when raised, and the change the reply made.
    const importedCase = await prisma.case.findFirstOrThrow({ where: { inspectionId: imported.inspectionId, reference: 'C-1' } });
    const threadOf = async (caseId: string) => {
      const access = await loadCaseAccess(prisma, actor(world.admin), caseId);
      if (!access) throw new Error('expected the admin to see the case');
      return (await listQueriesForCase(access)).map((q) => ({
        questionId: q.questionId,
        status: q.status,
        messages: q.messages.map((m) => ({ kind: m.kind, body: m.body, at: m.at, answer: m.answer })),
      }));
    };
    const original = await threadOf(world.cases.court.id);
    expect(original[0]?.messages.map((m) => m.answer?.value ?? null)).toEqual(['no', 'yes', null]);
    expect(await threadOf(importedCase.id)).toEqual(original);
  });

  it('refuses a second marker who is not an inspector on the team, and a query on a question the framework lacks, writing nothing', async () => {
    const document = await exportInspection(prisma, READER, world.inspection.id);
    const before = await snapshot();

    const notOnTeam = copy(document);
    notOnTeam.quality!.secondMarkings[0]!.marker = world.outsider.email;
    const refused = await importInspection(prisma, actor(world.admin), notOnTeam);
    expect(refused).toEqual({
      ok: false,
      errors: [
        `quality.secondMarkings[0].marker: Second marking of case "C-1": ${world.outsider.email} is not an inspector on the file's team (inspection.team), and the second inspector must be one`,
      ],
    });

    const ownInspector = copy(document);
    ownInspector.quality!.secondMarkings[0]!.marker = world.inspector.email;
    expect(await importInspection(prisma, actor(world.admin), ownInspector)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining("is the case's own inspector, who cannot second mark it")],
    });

    const noSuchPrompt = copy(document);
    noSuchPrompt.quality!.queries[0]!.question = '2.1.1.z';
    expect(await importInspection(prisma, actor(world.admin), noSuchPrompt)).toEqual({
      ok: false,
      errors: ['quality.queries[0].question: Query on case "C-1": question "2.1.1.z" does not exist in the 2021 framework'],
    });

    const unknownPerson = copy(document);
    unknownPerson.quality!.secondMarkings[0]!.reconciliations[0]!.by = 'nobody@int.example';
    expect(await importInspection(prisma, actor(world.admin), unknownPerson)).toMatchObject({
      ok: false,
      errors: [
        expect.stringMatching(/^quality\.secondMarkings\[0\]\.reconciliations\[0\]\.by: No user has the email address nobody@int\.example/),
      ],
    });

    const reconciledBlind = copy(document);
    reconciledBlind.quality!.secondMarkings[1]!.reconciliations = [
      { question: '3.1.1', value: 'no', reason: 'x', by: world.lead.email, at: '2026-11-19T10:00:00.000Z' },
    ];
    expect(await importInspection(prisma, actor(world.admin), reconciledBlind)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('is not submitted, so nothing of it can be reconciled')],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the previous ratings unlinked when the target Casemark does not hold that inspection', async () => {
    const document = copy(await exportInspection(prisma, READER, world.inspection.id));
    document.inspection.previous!.inspection = {
      id: '00000000-0000-4000-8000-00000000abcd',
      service: document.inspection.service,
      fieldworkStart: '2020-01-06',
    };
    const imported = await importInspection(prisma, actor(world.admin), document);
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    // …and says so, with the month the file gives (never a day it may not have).
    expect(imported.previous).toEqual({ status: 'not_found', fieldwork: 'January 2020' });
    expect(
      await prisma.inspection.findUniqueOrThrow({
        where: { id: imported.inspectionId },
        select: { previousInspectionId: true, previousRatings: true },
      }),
    ).toEqual({ previousInspectionId: null, previousRatings: { '1.1': 'good' } });
  });
});
