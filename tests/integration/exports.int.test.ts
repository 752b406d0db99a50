import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFramework, listQualitativeStandards, listQuestionIdsForCase } from '../../lib/framework';
import type { AnswerValue, CaseType, Disposal, FrameworkVersion, Rating } from '../../lib/framework/types';
import { RATING_LABELS, STATUS_LABELS } from '../../lib/format/labels';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { loadPanelData } from '../../lib/panel/load-panel';
import { computeInspection, type InspectionResult } from '../../lib/rating/compute-inspection';
import { tallyCases } from '../../lib/rating/tally';
import {
  ALL_INSPECTIONS_HEADER,
  ALL_STANDARD_IDS,
  allInspectionRows,
  allInspectionsCsv,
  streamOfText,
} from '../../lib/export/all-inspections';
import { renderExport } from '../../lib/export/files';
import { readCsvObjects } from '../../lib/export/test-support/read-csv';
import { readXlsx } from '../../lib/export/test-support/read-xlsx';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';
import { systemActor } from '../../lib/auth/permissions';

/** Reads the figures on the system's account: these tests are about the figures, not who may see them. */
const TEST_READER = systemActor('integration test');
import { at, must } from '@/lib/must';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

/** A small deterministic PRNG so a failure can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeededInspection {
  id: string;
  service: string;
  framework: FrameworkVersion;
  /** The engine's result from the seeded data, tallied in JavaScript (not by the database). */
  expected: InspectionResult;
}

/**
 * An inspection with random but reproducible marking: cases of every kind, answers (some
 * unanswered, some only noted), judgements (some missing), a panel decision now and then and
 * a withdrawn one (which must not count).
 */
async function seedMarkedInspection(
  seed: number,
  team: { userId: string; role: 'lead_inspector' | 'inspector' | 'manager' }[],
): Promise<SeededInspection> {
  const random = mulberry32(seed);
  const version: FrameworkVersion = seed % 2 ? '2021' : '2018';
  const framework = getFramework(version);
  const service = await prisma.service.create({
    data: { name: `Export service ${seed}-${randomUUID().slice(0, 6)}`, localAuthority: `Council ${seed}`, region: 'North' },
  });
  const inspection = await prisma.inspection.create({
    data: {
      serviceId: service.id,
      framework: version === '2018' ? 'v2018' : 'v2021',
      fieldworkStart: new Date('2026-03-02'),
      fieldworkEnd: new Date('2026-03-13'),
      status: (['fieldwork', 'panel', 'published'] as const)[seed % 3],
      members: { create: team },
    },
  });
  const kinds: { type: CaseType; disposal: Disposal }[] = [
    { type: 'court', disposal: 'referral_order' },
    { type: 'court', disposal: 'youth_rehabilitation_order' },
    { type: 'court', disposal: 'custodial_sentence' },
    { type: 'out_of_court', disposal: 'youth_conditional_caution' },
    { type: 'out_of_court', disposal: 'youth_caution' },
    ...(version === '2021' && seed % 4 === 1 ? [{ type: 'resettlement' as const, disposal: 'custodial_sentence' as const }] : []),
  ];
  const updatedById = at(team, 0).userId;
  const tallied: { type: CaseType; disposal: Disposal; answers: Record<string, AnswerValue> }[] = [];
  const answerRows: {
    caseId: string;
    inspectionId: string;
    questionId: string;
    value: AnswerValue | null;
    note: string | null;
    updatedById: string;
  }[] = [];
  for (const [i, kind] of kinds.entries()) {
    const caseId = randomUUID();
    await prisma.case.create({ data: { id: caseId, inspectionId: inspection.id, reference: `R-${i + 1}`, ...kind } });
    const answers: Record<string, AnswerValue> = {};
    for (const questionId of listQuestionIdsForCase(framework, kind)) {
      const r = random();
      if (r < 0.08) continue; // unanswered
      const value: AnswerValue | null = r < 0.12 ? null : r < 0.7 ? 'yes' : r < 0.9 ? 'no' : 'na';
      if (value) answers[questionId] = value;
      answerRows.push({ caseId, inspectionId: inspection.id, questionId, value, note: value ? null : 'Only a note so far', updatedById });
    }
    // Every answer counts where it was given, a prompt whatever its key question's judgement on
    // the case (some cases here answer a prompt under a key question judged not applicable).
    tallied.push({ ...kind, answers });
  }
  await prisma.answer.createMany({ data: answerRows });
  const judgements: Record<string, Rating | null> = {};
  for (const standard of listQualitativeStandards(framework)) {
    if (random() < 0.15) continue;
    const rating = at(['inadequate', 'requires_improvement', 'good', 'outstanding'] as const, Math.floor(random() * 4));
    judgements[standard.id] = rating;
    await prisma.qualitativeJudgement.create({ data: { inspectionId: inspection.id, standardId: standard.id, rating, updatedById } });
  }
  const panel: { standard: string; rating: Rating; rationale: string }[] = [];
  if (seed % 3 === 0) {
    await prisma.panelDecision.create({
      data: {
        inspectionId: inspection.id,
        standardId: '2.2',
        rating: 'inadequate',
        rationale: 'Withdrawn',
        decidedById: updatedById,
        revokedAt: new Date(),
        revokedById: updatedById,
      },
    });
    panel.push({ standard: '2.2', rating: 'outstanding', rationale: '=Not a formula' });
    await prisma.panelDecision.create({
      data: {
        inspectionId: inspection.id,
        standardId: '2.2',
        rating: 'outstanding',
        rationale: '=Not a formula',
        decidedById: updatedById,
      },
    });
  }
  const tally = tallyCases(framework, tallied);
  expect(tally.ignored).toEqual([]);
  const expected = computeInspection(framework, { counts: tally.counts, judgements, panel, resettlementCases: tally.resettlementCases });
  return { id: inspection.id, service: service.name, framework: version, expected };
}

let seeded: SeededInspection[] = [];

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('exports'));
  world = await seedWorld(prisma, { framework: 'v2021' });
  // 30 inspections: the world's lead leads 10 and manages 10; the world's inspector inspects 10.
  const roles = ['lead_inspector', 'manager', 'inspector'] as const;
  seeded = [];
  for (let seed = 1; seed <= 30; seed++) {
    const role = at(roles, seed % 3);
    const member = role === 'inspector' ? world.inspector : world.lead;
    seeded.push(await seedMarkedInspection(seed, [{ userId: member.id, role }]));
  }
}, 180_000);
afterAll(async () => {
  await prisma?.$disconnect();
});

/** Managed by the world's manager. */
let managed: SeededInspection;

describe('the summary tables of one inspection', () => {
  let inspection: SeededInspection;
  beforeAll(async () => {
    inspection = managed = await seedMarkedInspection(101, [{ userId: world.manager.id, role: 'manager' }]);
    await prisma.inspection.update({ where: { id: inspection.id }, data: { previousKeyQuestionPct: { '2.1.1': 41, '2.2.3': 100 } } });
  });

  it('the panel’s figures from the database are the engine’s figures from the seeded answers', async () => {
    const panel = await loadPanelData(prisma, TEST_READER, inspection.id);
    expect(panel.result).toEqual(inspection.expected);
  });

  it('each table as CSV parses back to the engine’s numbers', async () => {
    const panel = await loadPanelData(prisma, TEST_READER, inspection.id);
    const expected = inspection.expected;
    const framework = getFramework(inspection.framework);

    const ratings = await renderExport(panel, 'ratings', 'csv', { serviceName: inspection.service, date: new Date('2026-11-23') });
    expect(ratings?.fileName).toMatch(/^export-service-101-[a-z0-9]+-ratings-2026-11-23\.csv$/);
    expect(ratings?.contentType).toBe('text/csv; charset=utf-8');
    const parsedRatings = readCsvObjects(ratings!.body as string);
    expect(parsedRatings.hasBom).toBe(true);
    for (const record of parsedRatings.records) {
      if (record.Standard === 'Overall') {
        expect(record.Score).toBe(expected.overall.score === null ? '' : String(expected.overall.score));
        expect(record['Out of']).toBe('36');
        expect(record.Rating).toBe(expected.overall.rating ? RATING_LABELS[expected.overall.rating] : '');
        continue;
      }
      const standard = must(expected.standards[record.Standard ?? ''], `the result of ${record.Standard}`);
      expect(record.Rating).toBe(standard.rating ? RATING_LABELS[standard.rating] : '');
      expect(record['Computed rating']).toBe(standard.computedRating ? RATING_LABELS[standard.computedRating] : '');
      expect(record['Professional judgement']).toBe(standard.professionalJudgement ? '*' : '');
      expect(record.Score).toBe(standard.score === null ? '' : String(standard.score));
    }
    expect(parsedRatings.records.map((r) => r.Standard)).toContain('Overall');

    const keyQuestions = readCsvObjects(
      (await renderExport(panel, 'key-questions', 'csv', { serviceName: inspection.service }))!.body as string,
    );
    const expectedKeyQuestions = Object.values(expected.standards).flatMap((s) =>
      Object.values(s.keyQuestions).map((kq) => ({ kq, standard: s })),
    );
    expect(keyQuestions.records).toHaveLength(expectedKeyQuestions.length);
    for (const { kq, standard } of expectedKeyQuestions) {
      const record = keyQuestions.records.find((r) => r['Key question'] === kq.id)!;
      expect(record).toMatchObject({
        Standard: standard.id,
        Yes: String(kq.yes),
        Relevant: String(kq.relevant),
        '% yes': kq.pct === null ? '' : String(kq.pct),
        Band: kq.band ? RATING_LABELS[kq.band] : '',
        // Only on the key question that set the computed rating (Dudley 2019, Annex 2: 64%* on 3.4.1).
        'Professional judgement': standard.professionalJudgement && standard.lowestKeyQuestion === kq.id ? '*' : '',
        'Previous %': kq.id === '2.1.1' ? '41' : kq.id === '2.2.3' ? '100' : '',
      });
    }

    const prompts = readCsvObjects((await renderExport(panel, 'prompts', 'csv', { serviceName: inspection.service }))!.body as string);
    const expectedPrompts = Object.values(expected.standards).flatMap((s) => Object.entries(s.prompts));
    expect(prompts.records).toHaveLength(expectedPrompts.length);
    for (const [promptId, figures] of expectedPrompts) {
      const keyQuestionId = promptId.split('.').slice(0, 3).join('.');
      const record = prompts.records.find((r) => r['Key question'] === keyQuestionId && r.Prompt === promptId.split('.')[3])!;
      expect(record).toMatchObject({
        '% yes': figures.pct === null ? '' : String(figures.pct),
        Yes: String(figures.yes),
        Relevant: String(figures.relevant),
      });
      const text = framework.domains
        .flatMap((d) => d.standards)
        .flatMap((s) => s.keyQuestions)
        .flatMap((k) => k.prompts)
        .find((p) => p.id === promptId)!.text;
      expect(record['Prompt text']).toBe(text);
      expect(promptId).not.toMatch(/^4\.1\./);
    }

    // Casemark's own resettlement questions: a table of their own, each row labelled.
    const resettlement = readCsvObjects(
      (await renderExport(panel, 'resettlement', 'csv', { serviceName: inspection.service }))!.body as string,
    );
    expect(resettlement.records.map((r) => r.Aspect)).toEqual(Object.keys(expected.resettlementAspects));
    for (const record of resettlement.records) {
      const figures = must(expected.resettlementAspects[record.Aspect ?? ''], `the figures of ${record.Aspect}`);
      expect(record).toMatchObject({
        '% yes': figures.pct === null ? '' : String(figures.pct),
        Yes: String(figures.yes),
        Relevant: String(figures.relevant),
      });
      expect(record.Source).toMatch(/^Casemark's own resettlement questions/);
    }
  });

  it('the workbook of all three tables reads back with the same numbers, percentages as 0% numbers', async () => {
    const panel = await loadPanelData(prisma, TEST_READER, inspection.id);
    const file = await renderExport(panel, 'all', 'xlsx', { serviceName: inspection.service });
    expect(file?.fileName).toMatch(/-tables-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readXlsx(file!.body as Uint8Array);
    expect(sheets.map((s) => s.name)).toEqual(['Ratings', 'Key questions', 'Prompts', 'Resettlement (Casemark own)']);
    const kq = at(sheets, 1);
    expect(kq.view).toMatchObject({ state: 'frozen', ySplit: 1 });
    const col = (name: string) => kq.header.indexOf(name);
    for (const standard of Object.values(inspection.expected.standards)) {
      for (const figures of Object.values(standard.keyQuestions)) {
        const row = kq.rows.find((r) => r.values[col('Key question')] === figures.id)!;
        expect(row.values[col('Yes')]).toBe(figures.yes);
        expect(row.values[col('Relevant')]).toBe(figures.relevant);
        expect(row.numFmts[col('% yes')]).toBe('0%');
        if (figures.pct === null) expect(row.values[col('% yes')]).toBeNull();
        else expect(row.values[col('% yes')]).toBeCloseTo(figures.pct / 100, 10);
      }
    }
    const overall = at(sheets, 0).rows.find((r) => r.values[at(sheets, 0).header.indexOf('Standard')] === 'Overall')!;
    expect(overall.values[at(sheets, 0).header.indexOf('Score')]).toBe(inspection.expected.overall.score);
    // A panel rationale starting with "=" is text, escaped.
    const basis = at(sheets, 0)
      .rows.map((r) => r.values[at(sheets, 0).header.indexOf('Basis')])
      .find((v) => typeof v === 'string' && v.includes('Not a formula'));
    if (must(inspection.expected.standards['2.2'], 'inspection.expected.standards[2.2]').professionalJudgement)
      expect(basis).toMatch(/^Professional judgement applied by the ratings panel: =Not a formula/);
  });

  it('offers no single CSV of all tables (one CSV per table)', async () => {
    const panel = await loadPanelData(prisma, TEST_READER, inspection.id);
    expect(await renderExport(panel, 'all', 'csv', { serviceName: 'x' })).toBeNull();
  });
});

describe('all inspections at once (streamed)', () => {
  async function collect(a: { id: string; isAdmin: boolean }, pageSize?: number) {
    const rows = [];
    for await (const row of allInspectionRows(prisma, a, { pageSize })) rows.push(row);
    return rows;
  }

  it('computes every inspection exactly as computeInspection does from its answers', async () => {
    const rows = await collect(actor(world.admin), 7);
    for (const inspection of seeded) {
      const row = rows.find((r) => r.id === inspection.id);
      expect(row?.result, inspection.service).toEqual(inspection.expected);
      // …and exactly as the ratings panel computes it.
      expect(row?.result, inspection.service).toEqual((await loadPanelData(prisma, TEST_READER, inspection.id)).result);
      expect(row).toMatchObject({
        service: inspection.service,
        framework: inspection.framework,
        fieldworkStart: '2026-03-02',
        fieldworkEnd: '2026-03-13',
      });
    }
  });

  it('pages by id: any page size gives the same rows, in id order, each once', async () => {
    const bySeven = await collect(actor(world.admin), 7);
    const byFifty = await collect(actor(world.admin));
    const byOne = await collect(actor(world.admin), 1);
    expect(bySeven.map((r) => r.id)).toEqual(byFifty.map((r) => r.id));
    expect(byOne.map((r) => r.id)).toEqual(byFifty.map((r) => r.id));
    expect(new Set(byFifty.map((r) => r.id)).size).toBe(byFifty.length);
    expect(byFifty.map((r) => r.id)).toEqual([...byFifty.map((r) => r.id)].sort());
  });

  it('runs one answer aggregate per page, and only as far as the reader has read', async () => {
    let aggregates = 0;
    const counting = new Proxy(prisma, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property === '$queryRaw') {
          return (...args: Parameters<PrismaClient['$queryRaw']>) => {
            aggregates += 1;
            return target.$queryRaw(...args);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const visible = seeded.filter((_, i) => (i + 1) % 3 !== 2).length + 1; // lead or manager of 20, and the world's
    const reader = streamOfText(allInspectionsCsv(counting, actor(world.lead), { pageSize: 6 })).getReader();
    await reader.read(); // the header
    expect(aggregates).toBe(0);
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(visible);
    expect(aggregates).toBe(Math.ceil(visible / 6));
  });

  it('the CSV has a column per standard of both frameworks, empty where the framework has none', async () => {
    let text = '';
    for await (const chunk of allInspectionsCsv(prisma, actor(world.admin))) text += chunk;
    const { hasBom, header, records } = readCsvObjects(text);
    expect(hasBom).toBe(true);
    expect(header).toEqual(ALL_INSPECTIONS_HEADER);
    expect(ALL_STANDARD_IDS).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1']);
    for (const inspection of seeded) {
      const record = records.find((r) => r['Inspection id'] === inspection.id)!;
      expect(record.Service).toBe(inspection.service);
      expect(record.Framework).toBe(inspection.framework);
      for (const id of ALL_STANDARD_IDS) {
        const rating = inspection.expected.standards[id]?.rating;
        expect(record[id], `${inspection.service} ${id}`).toBe(rating ? RATING_LABELS[rating] : '');
      }
      if (inspection.framework === '2018') expect(record['4.1']).toBe('');
      expect(record.Score).toBe(inspection.expected.overall.score === null ? '' : String(inspection.expected.overall.score));
      expect(record['Overall rating']).toBe(inspection.expected.overall.rating ? RATING_LABELS[inspection.expected.overall.rating] : '');
      expect(Object.values(STATUS_LABELS)).toContain(record.Status);
    }
  });

  it('lists only what the user may export: admins all; leads and managers theirs; inspectors and outsiders nothing', async () => {
    const all = await collect(actor(world.admin));
    expect(all.length).toBe(await prisma.inspection.count());
    const lead = await collect(actor(world.lead));
    const leadsOrManages = seeded.filter((_, i) => (i + 1) % 3 !== 2).map((s) => s.id);
    expect(lead.map((r) => r.id).sort()).toEqual([...leadsOrManages, world.inspection.id].sort());
    const manager = await collect(actor(world.manager));
    expect(manager.map((r) => r.id).sort()).toEqual([world.inspection.id, managed.id].sort());
    expect(await collect(actor(world.inspector))).toEqual([]);
    expect(await collect(actor(world.outsider))).toEqual([]);
    let text = '';
    for await (const chunk of allInspectionsCsv(prisma, actor(world.outsider))) text += chunk;
    expect(readCsvObjects(text).records).toEqual([]);
  });
});
