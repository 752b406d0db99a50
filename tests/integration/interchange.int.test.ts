import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { exportInspection } from '../../lib/interchange/export-inspection';
import { importInspection } from '../../lib/interchange/import-inspection';
import type { CasemarkDocument } from '../../lib/interchange/document';
import { FIXTURE_NAMES, loadReportFixture } from '../../lib/export/test-support/fixtures';
import { loadPanelData } from '../../lib/panel/load-panel';
import { computeInspectionFromDocument } from '../../lib/rating/tally';
import { ratingsReport } from '../../lib/rating/report';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';
import { systemActor } from '../../lib/auth/permissions';

/** Reads the figures on the system's account: these tests are about the figures, not who may see them. */
const TEST_READER = systemActor('integration test');
import { at, must } from '@/lib/must';

const root = path.resolve(__dirname, '../..');
let prisma: PrismaClient;
let url: string;
let world: Awaited<ReturnType<typeof seedWorld>>;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

/** The document without what differs between two copies of one inspection: its id and export time. */
function comparable(document: CasemarkDocument) {
  const { source: _source, ...rest } = document;
  return rest;
}

/** Every row an import could write, to prove a refused one wrote nothing. */
async function snapshot() {
  const [services, inspections, members, cases, answers, judgements, decisions, audit] = await Promise.all([
    prisma.service.count(),
    prisma.inspection.count(),
    prisma.inspectionMember.count(),
    prisma.case.count(),
    prisma.answer.count(),
    prisma.qualitativeJudgement.count(),
    prisma.panelDecision.count(),
    prisma.auditEntry.count(),
  ]);
  return { services, inspections, members, cases, answers, judgements, decisions, audit };
}

/** The world's inspection with everything an export must carry. */
async function markTheWorld() {
  const { inspection, lead, inspector, otherInspector, cases } = world;
  const answer = (
    caseId: string,
    questionId: string,
    value: 'yes' | 'no' | 'na' | null,
    extra: { note?: string; naReason?: string } = {},
  ) => ({
    caseId,
    inspectionId: inspection.id,
    questionId,
    value,
    note: extra.note ?? null,
    naReason: extra.naReason ?? null,
    updatedById: inspector.id,
  });
  await prisma.answer.createMany({
    data: [
      answer(cases.court.id, '2.1.1', 'yes', { note: 'Thorough, "personalised" analysis;\nnew line' }),
      answer(cases.court.id, '2.1.1.a', 'no'),
      answer(cases.court.id, '2.1.2', 'yes'),
      answer(cases.court.id, '2.1.3', 'na', { naReason: 'No risk of harm to others', note: 'Checked the police records too.' }),
      answer(cases.court.id, '2.2.1', null, { note: 'Only a note so far' }),
      answer(cases.court.id, '2.4.3', 'na'),
      answer(cases.othersCase.id, '2.1.1', 'no', { note: '=HYPERLINK("x") is just text' }),
      answer(cases.othersCase.id, '2.1.2', 'yes'),
      answer(cases.othersCase.id, '2.1.3', 'yes'),
      answer(cases.youthCaution.id, '3.1.1', 'yes'),
      answer(cases.ycc.id, '3.1.1', 'no'),
      answer(cases.ycc.id, '3.3.1', 'yes'),
    ],
  });
  await prisma.case.update({
    where: { id: cases.court.id },
    data: {
      status: 'complete',
      gender: 'female',
      rosh: 'high',
      safetyWellbeing: 'medium',
      caseManager: 'J. Smith',
      sentenceDate: new Date('2026-06-01'),
      agreesWithRosh: true,
      agreesWithSafety: false,
      isCaseManagerInterviewed: true,
      isPracticeExample: true,
      practiceExample: 'Worked with the school.',
    },
  });
  await prisma.case.update({ where: { id: cases.othersCase.id }, data: { status: 'in_progress', agreesWithRosh: null } });
  await prisma.inspection.update({
    where: { id: inspection.id },
    data: {
      status: 'panel',
      isPanelVisibleToTeam: true,
      previousRatings: { '2.1': 'good', '1.1': 'inadequate' },
      previousKeyQuestionPct: { '2.1.1': 58 },
    },
  });
  await prisma.qualitativeJudgement.createMany({
    data: [
      {
        inspectionId: inspection.id,
        standardId: '1.1',
        rating: 'good',
        evidence: { '1.1.1': 'A clear vision.', '1.1.3': 'Strong leaders.' },
        updatedById: lead.id,
      },
      { inspectionId: inspection.id, standardId: '1.2', rating: 'requires_improvement', updatedById: lead.id },
      { inspectionId: inspection.id, standardId: '1.3', rating: null, evidence: { '1.3.1': 'Not decided yet.' }, updatedById: lead.id },
      { inspectionId: inspection.id, standardId: '1.4', rating: null, updatedById: lead.id },
    ],
  });
  await prisma.panelDecision.create({
    data: {
      inspectionId: inspection.id,
      standardId: '2.1',
      rating: 'inadequate',
      rationale: 'Withdrawn later',
      decidedById: lead.id,
      revokedAt: new Date(),
      revokedById: lead.id,
    },
  });
  await prisma.panelDecision.create({
    data: {
      inspectionId: inspection.id,
      standardId: '2.1',
      rating: 'good',
      rationale: 'One case flips it; assessment was otherwise strong.',
      decidedById: lead.id,
      decidedAt: new Date('2026-11-20T15:30:00.000Z'),
    },
  });
  // A case with no inspector, no answers.
  await prisma.case.create({
    data: { inspectionId: inspection.id, reference: 'R-1', type: 'resettlement', disposal: 'custodial_sentence' },
  });
  void otherInspector;
}

beforeAll(async () => {
  ({ prisma, url } = await createMigratedDatabase('interchange'));
  world = await seedWorld(prisma, { framework: 'v2021' });
  await markTheWorld();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('exportInspection', () => {
  it('writes every case, answer, note, reason, case-level item, team member, judgement and active decision', async () => {
    const document = await exportInspection(prisma, TEST_READER, world.inspection.id);
    expect(document.format).toBe('casemark/inspection@1');
    expect(document.source).toMatchObject({ application: 'Casemark', inspectionId: world.inspection.id });
    // The resettlement answer keys are labelled as Casemark's own questions (no report prints any).
    expect(document.source.resettlementAspects).toBe(
      "4.1.r01–4.1.r10: Casemark's own resettlement questions (illustrative, not HM Inspectorate of Probation questions, never scored)",
    );
    expect(document.inspection).toMatchObject({
      framework: '2021',
      fieldworkStart: '2026-11-16',
      fieldworkEnd: '2026-11-20',
      status: 'panel',
      isPanelVisibleToTeam: true,
      localAuthority: 'LA',
      region: 'North',
      previous: { ratings: { '2.1': 'good', '1.1': 'inadequate' }, keyQuestionPct: { '2.1.1': 58 } },
    });
    expect(document.inspection.team).toEqual([
      { email: world.lead.email, role: 'lead_inspector' },
      ...[world.inspector.email, world.otherInspector.email].sort().map((email) => ({ email, role: 'inspector' })),
      { email: world.manager.email, role: 'manager' },
    ]);
    expect(document.cases.map((c) => c.ref)).toEqual(['C-1', 'C-2', 'O-1', 'O-2', 'R-1']);
    const court = at(document.cases, 0);
    expect(court).toMatchObject({
      type: 'court',
      disposal: 'referral_order',
      inspector: world.inspector.email,
      status: 'complete',
      gender: 'female',
      rosh: 'high',
      safetyWellbeing: 'medium',
      caseManager: 'J. Smith',
      sentenceDate: '2026-06-01',
      agreesWithRosh: true,
      agreesWithSafety: false,
      isCaseManagerInterviewed: true,
      isPracticeExample: true,
      practiceExample: 'Worked with the school.',
      answers: { '2.1.1': 'yes', '2.1.1.a': 'no', '2.1.2': 'yes', '2.1.3': 'na', '2.4.3': 'na' },
      notes: {
        '2.1.1': 'Thorough, "personalised" analysis;\nnew line',
        '2.1.3': 'Checked the police records too.',
        '2.2.1': 'Only a note so far',
      },
      naReasons: { '2.1.3': 'No risk of harm to others' },
    });
    expect(Object.keys(court.answers)).toEqual(['2.1.1', '2.1.1.a', '2.1.2', '2.1.3', '2.4.3']);
    expect(document.cases[1]).not.toHaveProperty('agreesWithRosh');
    expect(document.cases[4]).toEqual({
      ref: 'R-1',
      type: 'resettlement',
      disposal: 'custodial_sentence',
      status: 'not_started',
      answers: {},
      notes: {},
      naReasons: {},
    });
    expect(document.judgements).toEqual({
      '1.1': { rating: 'good', evidence: { '1.1.1': 'A clear vision.', '1.1.3': 'Strong leaders.' } },
      '1.2': 'requires_improvement',
      '1.3': { rating: null, evidence: { '1.3.1': 'Not decided yet.' } },
      '1.4': null,
    });
    expect(document.panel).toEqual([
      {
        standard: '2.1',
        rating: 'good',
        rationale: 'One case flips it; assessment was otherwise strong.',
        decidedBy: world.lead.email,
        decidedAt: '2026-11-20T15:30:00.000Z',
      },
    ]);
  });
});

describe('exportInspection: quality assurance for the record', () => {
  it('carries second markings with their reconciliations, and queries with their threads, by case reference and email', async () => {
    const marking = await prisma.secondMarking.create({
      data: {
        inspectionId: world.inspection.id,
        caseId: world.cases.court.id,
        markerId: world.otherInspector.id,
        assignedById: world.lead.id,
        submittedAt: new Date('2026-11-18T10:00:00Z'),
        answers: { create: [{ questionId: '2.1.1', value: 'no', note: 'No plan', firstValue: 'yes' }] },
        reconciliations: { create: [{ questionId: '2.1.1', value: 'no', reason: 'No plan on file', reconciledById: world.lead.id }] },
      },
      select: { id: true },
    });
    const query = await prisma.answerQuery.create({
      data: {
        inspectionId: world.inspection.id,
        caseId: world.cases.court.id,
        questionId: '2.1.2',
        raisedById: world.lead.id,
        messages: { create: [{ authorId: world.lead.id, kind: 'raise', body: 'Is 2.1.2 right?' }] },
      },
      select: { id: true },
    });
    try {
      const document = await exportInspection(prisma, TEST_READER, world.inspection.id);
      expect(document.quality?.secondMarkings).toEqual([
        expect.objectContaining({
          case: 'C-1',
          marker: world.otherInspector.email,
          submittedAt: '2026-11-18T10:00:00.000Z',
          answers: { '2.1.1': { value: 'no', note: 'No plan', firstValue: 'yes' } },
          reconciliations: [expect.objectContaining({ question: '2.1.1', value: 'no', reason: 'No plan on file', by: world.lead.email })],
        }),
      ]);
      expect(document.quality?.queries).toEqual([
        expect.objectContaining({
          case: 'C-1',
          question: '2.1.2',
          status: 'open',
          raisedBy: world.lead.email,
          messages: [expect.objectContaining({ kind: 'raise', body: 'Is 2.1.2 right?', by: world.lead.email })],
        }),
      ]);
      // The file imports, its quality record with it (tests/integration/interchange-quality.int.test.ts).
      const imported = await importInspection(prisma, actor(world.admin), JSON.parse(JSON.stringify(document)));
      expect(imported.ok).toBe(true);
    } finally {
      await prisma.answerQuery.delete({ where: { id: query.id } });
      await prisma.secondMarking.delete({ where: { id: marking.id } });
    }
  });
});

describe('importInspection', () => {
  it('round trip: export → import → export gives the same document (ids aside) and the same ratings', async () => {
    const first = await exportInspection(prisma, TEST_READER, world.inspection.id);
    const imported = await importInspection(prisma, actor(world.admin), JSON.parse(JSON.stringify(first)));
    expect(imported).toMatchObject({ ok: true, isNewService: false, cases: 5 });
    if (!imported.ok) return;
    expect(imported.inspectionId).not.toBe(world.inspection.id);
    const second = await exportInspection(prisma, TEST_READER, imported.inspectionId);
    expect(comparable(second)).toEqual(comparable(first));
    expect(JSON.stringify(comparable(second))).toBe(JSON.stringify(comparable(first)));

    const [before, after] = await Promise.all([
      loadPanelData(prisma, TEST_READER, world.inspection.id),
      loadPanelData(prisma, TEST_READER, imported.inspectionId),
    ]);
    expect(after.result).toEqual(before.result);
    expect(after.result.standards['2.1']).toMatchObject({ rating: 'good', professionalJudgement: true });
    expect(computeInspectionFromDocument(second)).toEqual(before.result);

    const [service, audit, answers] = await Promise.all([
      prisma.inspection.findUniqueOrThrow({ where: { id: imported.inspectionId }, select: { serviceId: true } }),
      prisma.auditEntry.findFirstOrThrow({ where: { inspectionId: imported.inspectionId, action: 'inspection.import' } }),
      prisma.answer.findMany({ where: { inspectionId: imported.inspectionId }, select: { updatedById: true } }),
    ]);
    expect(service.serviceId).toBe(world.inspection.serviceId);
    expect(audit).toMatchObject({
      actorId: world.admin.id,
      entity: 'inspection',
      entityId: imported.inspectionId,
      newValue: expect.objectContaining({ cases: 5, answers: 12 }),
    });
    expect(new Set(answers.map((a) => a.updatedById))).toEqual(new Set([world.admin.id]));
  });

  it.each(FIXTURE_NAMES)('imports the report fixture %s with the ratings the file computes to', async (name) => {
    const { json, document, result } = loadReportFixture(name);
    const imported = await importInspection(prisma, actor(world.admin), json, { fileName: `${name}.json` });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const panel = await loadPanelData(prisma, TEST_READER, imported.inspectionId);
    expect(ratingsReport(panel.result)).toEqual(ratingsReport(result));

    const exported = await exportInspection(prisma, TEST_READER, imported.inspectionId);
    expect(exported.inspection).toMatchObject({
      service: document.inspection.service,
      framework: document.inspection.framework,
      status: 'set_up',
      localAuthority: 'Unknown',
      region: 'Unknown',
    });
    // No lead is named in the file: the importing admin leads.
    expect(exported.inspection.team).toEqual([{ email: world.admin.email, role: 'lead_inspector' }]);
    if (document.inspection.fieldworkStart) expect(exported.inspection.fieldworkStart).toBe(document.inspection.fieldworkStart);
    if (document.inspection.previous) expect(exported.inspection.previous).toEqual(document.inspection.previous);
    const byRef = new Map(exported.cases.map((c) => [c.ref, c]));
    expect(exported.cases).toHaveLength(document.cases.length);
    for (const kase of document.cases) {
      const out = byRef.get(kase.ref)!;
      expect(out.answers).toEqual(kase.answers);
      // A note on a key question answered "na" is its reason; notes and reasons together are the file's notes.
      expect({ ...out.notes, ...out.naReasons }).toEqual(kase.notes ?? {});
      if (kase.disposal) expect(out.disposal).toBe(kase.disposal);
    }
    expect(Object.fromEntries(Object.entries(exported.judgements).map(([k, v]) => [k, typeof v === 'object' && v ? v.rating : v]))).toEqual(
      document.judgements ?? {},
    );
    expect(exported.panel.map(({ standard, rating, rationale }) => ({ standard, rating, rationale }))).toEqual(document.panel ?? []);
    expect(exported.panel.every((d) => d.decidedBy === world.admin.email)).toBe(true);

    // …and that export imports again to the same ratings.
    const again = await importInspection(prisma, actor(world.admin), JSON.parse(JSON.stringify(exported)));
    expect(again.ok).toBe(true);
    if (again.ok) expect((await loadPanelData(prisma, TEST_READER, again.inspectionId)).result).toEqual(panel.result);
  });

  it('carries a month-only fieldwork (Dudley: "April 2019") and a report\'s serial comma (St Helens) out and back in', async () => {
    for (const [name, flag] of [
      ['dudley-2019', 'fieldworkMonthOnly'],
      ['st-helens-2023', 'reportSerialComma'],
    ] as const) {
      const imported = await importInspection(prisma, actor(world.admin), loadReportFixture(name).json, { fileName: `${name}.json` });
      if (!imported.ok) throw new Error(imported.errors.join('; '));
      const exported = await exportInspection(prisma, TEST_READER, imported.inspectionId);
      expect(exported.inspection[flag], name).toBe(true);
      const again = await importInspection(prisma, actor(world.admin), JSON.parse(JSON.stringify(exported)));
      if (!again.ok) throw new Error(again.errors.join('; '));
      const row = await prisma.inspection.findUniqueOrThrow({
        where: { id: again.inspectionId },
        select: { fieldworkMonthOnly: true, reportSerialComma: true },
      });
      expect(row[flag], name).toBe(true);
    }
    // An inspection that says neither exports neither.
    const plain = await exportInspection(prisma, TEST_READER, world.inspection.id);
    expect(plain.inspection).not.toHaveProperty('fieldworkMonthOnly');
    expect(plain.inspection).not.toHaveProperty('reportSerialComma');
  });

  it('Leicestershire 2021 imported reproduces the report: 11/36, Requires improvement, 2.1 and 2.2 raised, 4.1 Requires improvement', async () => {
    const imported = await importInspection(prisma, actor(world.admin), loadReportFixture('leicestershire-2021').json);
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    const { result } = await loadPanelData(prisma, TEST_READER, imported.inspectionId);
    expect(result.overall).toMatchObject({ score: 11, rating: 'requires_improvement' });
    expect(result.standards['2.1']).toMatchObject({
      rating: 'requires_improvement',
      computedRating: 'inadequate',
      professionalJudgement: true,
    });
    expect(result.standards['2.2']).toMatchObject({ rating: 'requires_improvement', professionalJudgement: true });
    expect(result.standards['4.1']).toMatchObject({ rating: 'requires_improvement', score: null });
  });

  it('imports the full example of docs/interchange.md, free-text evidence and all', async () => {
    const text = readFileSync(path.join(root, 'docs', 'interchange.md'), 'utf8');
    const example = JSON.parse(must(/```json\n([\s\S]*?)\n```/.exec(text)?.[1], 'a ```json example in the document')) as {
      cases: { inspector?: string }[];
    };
    for (const email of new Set(example.cases.map((c) => c.inspector).filter(Boolean))) {
      await prisma.user.upsert({ where: { email: email! }, create: { email: email!, name: email!, passwordHash: 'x' }, update: {} });
    }
    const imported = await importInspection(prisma, actor(world.admin), example);
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    const { result } = await loadPanelData(prisma, TEST_READER, imported.inspectionId);
    expect(ratingsReport(result)).toEqual(ratingsReport(computeInspectionFromDocument(example as never)));
    const exported = await exportInspection(prisma, TEST_READER, imported.inspectionId);
    expect(exported.judgements['1.4']).toEqual({ rating: 'good', evidence: { '1.4.1': 'ICT and facilities support the work well.' } });
    expect(exported.cases.find((c) => c.ref === 'C02')?.naReasons).toEqual({
      '2.1.3': 'Risk of serious harm judged low by the inspector, so no meaningful work to keep others safe was expected',
      '2.4.1': 'No review was needed (no significant change in factors related to desistance)',
    });
    expect(exported.cases.find((c) => c.ref === 'C01')?.notes).toEqual({
      '2.1.1.b': 'Diversity was described but not analysed.',
      '2.1.3': 'The risk to a known victim, his younger sister, was not analysed.',
    });
    expect(exported.inspection.previous).toEqual({
      ratings: { '2.1': 'requires_improvement', '2.2': 'good' },
      keyQuestionPct: { '2.1.3': 58, '2.2.3': 71 },
    });
  });

  it('names the team from the file, adds case inspectors who are not on it, and reuses or creates the service', async () => {
    const document = {
      format: 'casemark/inspection@1',
      inspection: {
        service: 'Brand New Youth Justice Service',
        framework: '2018',
        localAuthority: 'Newtown Council',
        region: 'South West',
        fieldworkStart: '2026-01-05',
        team: [
          { email: world.lead.email.toUpperCase(), role: 'lead_inspector' },
          { email: world.manager.email, role: 'manager' },
        ],
      },
      cases: [{ ref: 'A1', type: 'court', disposal: 'referral_order', inspector: world.otherInspector.email, answers: { '2.1.1': 'yes' } }],
    };
    const imported = await importInspection(prisma, actor(world.admin), document);
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    expect(imported.isNewService).toBe(true);
    const exported = await exportInspection(prisma, TEST_READER, imported.inspectionId);
    expect(exported.inspection).toMatchObject({
      localAuthority: 'Newtown Council',
      region: 'South West',
      fieldworkStart: '2026-01-05',
      fieldworkEnd: '2026-01-05',
      status: 'set_up',
    });
    expect(exported.inspection.team).toEqual([
      { email: world.lead.email, role: 'lead_inspector' },
      { email: world.otherInspector.email, role: 'inspector' },
      { email: world.manager.email, role: 'manager' },
    ]);
    expect(exported.cases[0]).toMatchObject({ status: 'in_progress', inspector: world.otherInspector.email });
    const twice = await importInspection(prisma, actor(world.admin), document);
    expect(twice).toMatchObject({ ok: true, isNewService: false });
  });

  it('refuses an invalid document, listing every problem, and writes nothing', async () => {
    const before = await snapshot();
    const result = await importInspection(prisma, actor(world.admin), {
      format: 'casemark/inspection@1',
      inspection: { service: 'Anytown', framework: '2018', status: 'closed', fieldworkStart: '2026-02-01', fieldworkEnd: '2026-01-01' },
      cases: [
        { ref: 'C1', type: 'court', answers: { '2.1.1': 'maybe', '9.9.9': 'yes' } },
        { ref: 'C1', type: 'resettlement', answers: {} },
      ],
      panel: [{ standard: '1.1', rating: 'good', rationale: 'x' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('cases[0].answers["2.1.1"]: Case "C1": answer to "2.1.1" is "maybe"'),
        expect.stringContaining('cases[0].answers["9.9.9"]'),
        expect.stringContaining('cases[1].ref: Case "C1" appears more than once'),
        expect.stringContaining('cases[1].type: Case "C1" is a resettlement case'),
        expect.stringContaining('panel[0].standard: Panel decision for "1.1"'),
        expect.stringContaining('inspection.status: Expected an inspection status'),
        expect.stringContaining('inspection.fieldworkEnd: Fieldwork ends'),
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a document naming people who are not users, saying who, and writes nothing', async () => {
    const before = await snapshot();
    const document = JSON.parse(JSON.stringify(await exportInspection(prisma, TEST_READER, world.inspection.id))) as CasemarkDocument;
    document.inspection.team.push({ email: 'nobody@elsewhere.example', role: 'manager' });
    at(document.cases, 0).inspector = 'ghost@elsewhere.example';
    at(document.panel, 0).decidedBy = 'nobody@elsewhere.example';
    const result = await importInspection(prisma, actor(world.admin), document);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^inspection\.team\[4\]\.email: No user has the email address nobody@elsewhere\.example/),
        expect.stringMatching(/^cases\[0\]\.inspector: No user has the email address ghost@elsewhere\.example/),
        expect.stringMatching(/^panel\[0\]\.decidedBy: No user has the email address nobody@elsewhere\.example/),
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('is for admins only: a lead, manager or inspector is refused, and nothing is written', async () => {
    const before = await snapshot();
    const document = await exportInspection(prisma, TEST_READER, world.inspection.id);
    for (const user of [world.lead, world.manager, world.inspector, world.outsider]) {
      const error = await importInspection(prisma, actor(user), document).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('forbidden');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('writes the audit entries doing the same by hand writes, each marked as imported, besides the summary', async () => {
    const document = await exportInspection(prisma, TEST_READER, world.inspection.id);
    const imported = await importInspection(prisma, actor(world.admin), JSON.parse(JSON.stringify(document)));
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    const entries = await prisma.auditEntry.findMany({
      where: { inspectionId: imported.inspectionId },
      select: { action: true, entityId: true, actorId: true, newValue: true },
    });
    const count = (action: string) => entries.filter((e) => e.action === action).length;
    const cases = await prisma.case.findMany({ where: { inspectionId: imported.inspectionId }, select: { id: true } });
    const answers = await prisma.answer.findMany({
      where: { inspectionId: imported.inspectionId },
      select: { caseId: true, questionId: true, value: true, note: true },
    });
    expect(count('inspection.create')).toBe(1);
    expect(count('inspection.import')).toBe(1);
    expect(count('member.add')).toBe(document.inspection.team.length);
    expect(count('case.create')).toBe(cases.length);
    expect(count('answer.value')).toBe(answers.filter((a) => a.value !== null).length);
    expect(count('answer.note')).toBe(answers.filter((a) => a.note !== null).length);
    expect(count('judgement.record')).toBe(Object.keys(document.judgements ?? {}).length);
    expect(count('panel.decide')).toBe(document.panel?.length ?? 0);
    expect(count('inspection.status')).toBe(1);
    expect(new Set(entries.map((e) => e.actorId))).toEqual(new Set([world.admin.id]));
    for (const entry of entries.filter((e) => e.action !== 'inspection.import')) expect(entry.newValue).toMatchObject({ source: 'import' });
    const answer = answers.find((a) => a.value !== null)!;
    expect(
      entries.find((e) => e.action === 'answer.value' && e.entityId === `${answer.caseId}:${answer.questionId}`)?.newValue,
    ).toMatchObject({ value: answer.value });
  });

  it('applies the limits of the forms and refuses a deactivated user, writing nothing', async () => {
    const gone = await prisma.user.create({
      data: { email: `gone-${Date.now()}@int.example`, name: 'Gone', passwordHash: 'x', isActive: false },
    });
    const before = await snapshot();
    const document = JSON.parse(JSON.stringify(await exportInspection(prisma, TEST_READER, world.inspection.id))) as CasemarkDocument;
    document.inspection.team = [{ email: gone.email, role: 'lead_inspector' }];
    const refused = await importInspection(prisma, actor(world.admin), document);
    expect(refused).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^inspection\.team\[0\]\.email: The account of gone-.* is deactivated/)],
    });

    const long = JSON.parse(JSON.stringify(await exportInspection(prisma, TEST_READER, world.inspection.id))) as CasemarkDocument;
    at(long.cases, 0).gender = 'x'.repeat(500);
    at(long.cases, 0).notes = { ...at(long.cases, 0).notes, '2.1.1': 'x'.repeat(800_000) };
    (long.inspection as Record<string, unknown>).previous = { ratings: { '9.9': 'good' } };
    const result = await importInspection(prisma, actor(world.admin), long);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'cases[0].gender: Gender must be 30 characters or fewer',
        'cases[0].notes["2.1.1"]: The note must be 5,000 characters or fewer',
        'inspection.previous.ratings["9.9"]: There is no standard 9.9 in the 2021 standards',
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back everything when the database refuses part of it', async () => {
    const before = await snapshot();
    const document = JSON.parse(JSON.stringify(await exportInspection(prisma, TEST_READER, world.inspection.id))) as CasemarkDocument;
    // The importing "admin" is not a user: the team row for the lead fails its foreign key
    // after the service and inspection were written.
    document.inspection.team = document.inspection.team.filter((m) => m.role !== 'lead_inspector');
    document.inspection.service = 'A service that must not be left behind';
    const error = await importInspection(prisma, { id: '00000000-0000-4000-8000-000000000000', isAdmin: true }, document).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(await snapshot()).toEqual(before);
  });
});

describe('npm run inspection (the command line)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-interchange-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/inspection.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      timeout: 90_000,
    });

  it('exports an inspection as clean JSON on stdout, and imports it back as an admin', async () => {
    const exported = run(['export', world.inspection.id]);
    expect(exported.status, exported.stderr).toBe(0);
    const document = JSON.parse(exported.stdout) as CasemarkDocument;
    expect(comparable(document)).toEqual(comparable(await exportInspection(prisma, TEST_READER, world.inspection.id)));

    const file = path.join(dir, 'inspection.json');
    // With a UTF-8 byte order mark, as Windows tools write one.
    writeFileSync(file, `\uFEFF${exported.stdout}`);
    const refused = run(['import', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--as <admin email>');
    const notAdmin = run(['import', file, '--as', world.lead.email]);
    expect(notAdmin.status).toBe(1);
    expect(notAdmin.stderr).toContain('imports are made by an active admin user');

    const before = await prisma.inspection.count();
    const imported = run(['import', file, '--as', world.admin.email]);
    expect(imported.status, imported.stderr).toBe(0);
    const { inspectionId } = JSON.parse(imported.stdout) as { inspectionId: string };
    expect(await prisma.inspection.count()).toBe(before + 1);
    expect(comparable(await exportInspection(prisma, TEST_READER, inspectionId))).toEqual(comparable(document));
  }, 120_000);

  it('refuses a bad file with its errors on stderr, exit code 1, and writes nothing', async () => {
    const before = await snapshot();
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'casemark/inspection@1',
        inspection: { service: 'X', framework: '2018' },
        cases: [{ ref: 'C1', type: 'court', answers: { '2.1.1': 'maybe' } }],
      }),
    );
    const result = run(['import', bad, '--as', world.admin.email]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('is not a valid inspection file (1 error); nothing was imported');
    expect(result.stderr).toContain('cases[0].answers["2.1.1"]: Case "C1": answer to "2.1.1" is "maybe"');

    writeFileSync(bad, '{ not json');
    const notJson = run(['import', bad, '--as', world.admin.email]);
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toContain('is not valid JSON');
    const unknown = run(['export', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no inspection');
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
