/**
 * The managers' view against a real PostgreSQL: the summary's scope and filters, its figures
 * against the ratings panel's, its XLSX and CSV parsed back and compared with the page's rows,
 * the sub-group breakdowns (with genders that are JavaScript prototype keys) and the Word annexe
 * opened and compared with the panel's figures.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFramework, listCaseMarkedStandards, listQuestionIdsForCase } from '../../lib/framework';
import type { AnswerValue, CaseType, Disposal, FrameworkVersion, Rating } from '../../lib/framework/types';
import { RATING_LABELS } from '../../lib/format/labels';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { loadPanelData } from '../../lib/panel/load-panel';
import { loadBreakdowns } from '../../lib/panel/load-breakdowns';
import { groupFigures } from '../../lib/panel/breakdowns';
import { BREAKDOWN_CAVEAT, breakdownCsvGrid, breakdownSheets } from '../../lib/export/breakdown-tables';
import { toCsv } from '../../lib/export/csv';
import { buildWorkbook } from '../../lib/export/xlsx';
import { buildAnnexeDocx } from '../../lib/export/annexe-docx';
import { readCsv, readCsvObjects } from '../../lib/export/test-support/read-csv';
import { readXlsx } from '../../lib/export/test-support/read-xlsx';
import { readDocx } from '../../lib/export/test-support/read-docx';
import { canViewSummary } from '../../lib/summary/access';
import { DEFAULT_SUMMARY_FILTERS, parseSummaryFilters, type SummaryFilters } from '../../lib/summary/filters';
import { listSummaryFilterOptions, loadSummary } from '../../lib/summary/load-summary';
import { buildSummaryTables, standardCellText, summaryCsv, summaryWorkbookStream } from '../../lib/summary/summary-tables';
import { createMigratedDatabase } from './test-database';
import { systemActor } from '../../lib/auth/permissions';

/** Reads the figures on the system's account: these tests are about the figures, not who may see them. */
const TEST_READER = systemActor('integration test');
import { at, must } from '@/lib/must';
import { loadInspectionAccess } from '@/lib/access/context';

let prisma: PrismaClient;
const tag = randomUUID().slice(0, 6);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const user = (label: string, isAdmin = false) =>
  prisma.user.create({
    data: { email: `${label}-${tag}-${randomUUID().slice(0, 4)}@int.example`, name: label, passwordHash: 'x', isAdmin },
    select: { id: true, isAdmin: true },
  });

interface CaseSpec {
  type: CaseType;
  disposal: Disposal;
  gender?: string | null;
  rosh?: 'low' | 'medium' | 'high' | 'very_high' | null;
}

/** A marked inspection: every question of every case answered at random (yes-heavy), reproducibly. */
async function seedInspection(options: {
  seed: number;
  framework: FrameworkVersion;
  status: 'set_up' | 'fieldwork' | 'panel' | 'published';
  region: string;
  start: string;
  team: { userId: string; role: 'lead_inspector' | 'inspector' | 'manager' }[];
  cases: CaseSpec[];
  previousRatings?: Record<string, Rating>;
  decision?: { standardId: string; rating: Rating };
}) {
  const random = mulberry32(options.seed);
  const framework = getFramework(options.framework);
  const service = await prisma.service.create({
    data: { name: `Summary ${options.seed} ${tag}`, localAuthority: 'LA', region: options.region },
  });
  const start = new Date(`${options.start}T00:00:00Z`);
  const inspection = await prisma.inspection.create({
    data: {
      serviceId: service.id,
      framework: options.framework === '2018' ? 'v2018' : 'v2021',
      fieldworkStart: start,
      fieldworkEnd: new Date(start.getTime() + 11 * 86_400_000),
      status: options.status,
      previousRatings: options.previousRatings ?? undefined,
      members: { create: options.team },
    },
  });
  const updatedById = at(options.team, 0).userId;
  const answers: { caseId: string; inspectionId: string; questionId: string; value: AnswerValue; updatedById: string }[] = [];
  for (const [i, spec] of options.cases.entries()) {
    const caseId = randomUUID();
    await prisma.case.create({
      data: {
        id: caseId,
        inspectionId: inspection.id,
        reference: `S-${i + 1}`,
        type: spec.type,
        disposal: spec.disposal,
        gender: spec.gender ?? null,
        rosh: spec.rosh ?? null,
      },
    });
    for (const questionId of listQuestionIdsForCase(framework, spec)) {
      const r = random();
      answers.push({ caseId, inspectionId: inspection.id, questionId, value: r < 0.7 ? 'yes' : r < 0.92 ? 'no' : 'na', updatedById });
    }
  }
  await prisma.answer.createMany({ data: answers });
  for (const standard of framework.domains.flatMap((d) => d.standards).filter((s) => s.kind === 'qualitative')) {
    await prisma.qualitativeJudgement.create({
      data: { inspectionId: inspection.id, standardId: standard.id, rating: 'good', updatedById },
    });
  }
  if (options.decision) {
    await prisma.panelDecision.create({
      data: {
        inspectionId: inspection.id,
        standardId: options.decision.standardId,
        rating: options.decision.rating,
        rationale: 'Panel',
        decidedById: updatedById,
      },
    });
  }
  return { id: inspection.id, service: service.name };
}

const courtCases = (n: number, genders: (string | null)[]): CaseSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'court' as const,
    disposal: at(['referral_order', 'youth_rehabilitation_order'] as const, i % 2),
    gender: at(genders, i % genders.length),
    rosh: at(['low', 'high', null] as const, i % 3),
  }));
const outOfCourtCases = (n: number): CaseSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'out_of_court' as const,
    disposal: at(['youth_caution', 'youth_conditional_caution'] as const, i % 2),
    gender: 'Female',
  }));

let manager: { id: string; isAdmin: boolean };
let otherManager: { id: string; isAdmin: boolean };
let inspectorOnly: { id: string; isAdmin: boolean };
let admin: { id: string; isAdmin: boolean };
let published2021: { id: string; service: string };
let panel2018: { id: string; service: string };
let published2021b: { id: string; service: string };
let hidden: { id: string; service: string };

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('summary'));
  [manager, otherManager, inspectorOnly, admin] = await Promise.all([
    user('manager'),
    user('other-manager'),
    user('inspector'),
    user('admin', true),
  ]);
  published2021 = await seedInspection({
    seed: 1,
    framework: '2021',
    status: 'published',
    region: `North ${tag}`,
    start: '2026-03-02',
    team: [
      { userId: manager.id, role: 'manager' },
      { userId: inspectorOnly.id, role: 'inspector' },
    ],
    cases: [...courtCases(12, ['Male', 'Female', '__proto__', 'constructor']), ...outOfCourtCases(6)],
    previousRatings: { '2.1': 'requires_improvement', '2.2': 'outstanding' },
    decision: { standardId: '2.1', rating: 'inadequate' },
  });
  published2021b = await seedInspection({
    seed: 2,
    framework: '2021',
    status: 'published',
    region: `South ${tag}`,
    start: '2026-06-01',
    team: [{ userId: manager.id, role: 'lead_inspector' }],
    cases: [...courtCases(8, ['Male']), ...outOfCourtCases(4)],
  });
  panel2018 = await seedInspection({
    seed: 3,
    framework: '2018',
    status: 'panel',
    region: `North ${tag}`,
    start: '2026-09-07',
    team: [{ userId: manager.id, role: 'manager' }],
    cases: [...courtCases(6, ['Male']), ...outOfCourtCases(4)],
  });
  hidden = await seedInspection({
    seed: 4,
    framework: '2021',
    status: 'published',
    region: `North ${tag}`,
    start: '2026-04-06',
    team: [
      { userId: otherManager.id, role: 'manager' },
      { userId: manager.id, role: 'inspector' },
    ],
    cases: courtCases(4, ['Male']),
  });
  // Publication dates and a local authority of its own for the filters (the two published ones of the manager).
  await prisma.inspection.update({ where: { id: published2021.id }, data: { publishedOn: new Date('2026-05-15T00:00:00Z') } });
  await prisma.inspection.update({ where: { id: published2021b.id }, data: { publishedOn: new Date('2026-09-01T00:00:00Z') } });
  await prisma.service.update({ where: { name: published2021.service }, data: { localAuthority: `Northshire ${tag}` } });
}, 180_000);
afterAll(async () => {
  await prisma?.$disconnect();
});

const filtersOf = (query: string): SummaryFilters => {
  const { filters, errors } = parseSummaryFilters(new URLSearchParams(query));
  expect(errors).toEqual({});
  return filters;
};

describe('who sees what in the summary', () => {
  it('a manager sees only the inspections they lead or manage — not one where they are only an inspector', async () => {
    const { rows } = await loadSummary(prisma, manager, DEFAULT_SUMMARY_FILTERS);
    expect(rows.map((r) => r.id).sort()).toEqual([published2021.id, published2021b.id, panel2018.id].sort());
    expect(rows.map((r) => r.id)).not.toContain(hidden.id);
  });

  it('an inspector-only user may not open the summary and its query returns nothing for them', async () => {
    expect(await canViewSummary(prisma, inspectorOnly)).toBe(false);
    expect((await loadSummary(prisma, inspectorOnly, DEFAULT_SUMMARY_FILTERS)).rows).toEqual([]);
    expect(await listSummaryFilterOptions(prisma, inspectorOnly)).toEqual({ regions: [], localAuthorities: [], services: [] });
    expect(await canViewSummary(prisma, manager)).toBe(true);
    expect(await canViewSummary(prisma, admin)).toBe(true);
  });

  it('an admin sees every inspection', async () => {
    const { rows } = await loadSummary(prisma, admin, DEFAULT_SUMMARY_FILTERS);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([published2021.id, published2021b.id, panel2018.id, hidden.id]));
  });

  it('regions offered are those of the actor’s inspections', async () => {
    expect((await listSummaryFilterOptions(prisma, manager)).regions).toEqual([`North ${tag}`, `South ${tag}`]);
    expect((await listSummaryFilterOptions(prisma, otherManager)).regions).toEqual([`North ${tag}`]);
  });
});

describe('filters and sorting', () => {
  it('narrow by standards, region, status and fieldwork dates, never beyond the actor’s scope', async () => {
    const ids = async (query: string) => (await loadSummary(prisma, manager, filtersOf(query))).rows.map((r) => r.id);
    expect(await ids('framework=2018')).toEqual([panel2018.id]);
    expect((await ids(`region=${encodeURIComponent(`North ${tag}`)}`)).sort()).toEqual([published2021.id, panel2018.id].sort());
    expect((await ids('status=published')).sort()).toEqual([published2021.id, published2021b.id].sort());
    expect(await ids('from=2026-05-01&to=2026-07-01')).toEqual([published2021b.id]);
    expect(await ids('sort=fieldwork&dir=asc')).toEqual([published2021.id, published2021b.id, panel2018.id]);
  });

  it('narrow by service, local authority, overall rating and publication date, on the page and in its files alike', async () => {
    const ids = async (query: string) => (await loadSummary(prisma, manager, filtersOf(query))).rows.map((r) => r.id);
    expect(await ids(`service=${encodeURIComponent(published2021b.service)}`)).toEqual([published2021b.id]);
    // Another manager's inspection of a service stays out even when that service is asked for by name.
    expect(await ids(`service=${encodeURIComponent(hidden.service)}`)).toEqual([]);
    expect(await ids(`authority=${encodeURIComponent(`Northshire ${tag}`)}`)).toEqual([published2021.id]);
    expect((await ids('authority=LA')).sort()).toEqual([published2021b.id, panel2018.id].sort());
    expect(await ids('publishedFrom=2026-05-01&publishedTo=2026-06-30')).toEqual([published2021.id]);
    // Both ends are inclusive; an inspection with no publication date is left out once a date is asked for.
    expect((await ids('publishedFrom=2026-05-15&publishedTo=2026-09-01')).sort()).toEqual([published2021.id, published2021b.id].sort());
    expect(await ids('publishedTo=2026-05-14')).toEqual([]);

    const all = (await loadSummary(prisma, manager, DEFAULT_SUMMARY_FILTERS)).rows;
    expect(all.find((r) => r.id === published2021.id)?.publishedOn).toBe('2026-05-15');
    for (const overall of [...new Set(all.map((r) => r.overall))]) {
      const query = `overall=${overall ?? 'not_rated'}`;
      const expected = all.filter((r) => r.overall === overall).map((r) => r.id);
      expect(await ids(query)).toEqual(expected);
      // The export route builds its tables from the same loadSummary(filters): the CSV holds exactly these rows.
      const filters = filtersOf(query);
      const tables = buildSummaryTables({ ...(await loadSummary(prisma, manager, filters)), filters });
      const csv = readCsvObjects(
        [
          ...summaryCsv(
            must(
              tables.find((t) => t.id === 'inspections'),
              'the inspections table',
            ),
          ),
        ].join(''),
      );
      expect(csv.records.map((r) => r['Inspection id']).filter(Boolean)).toEqual(expected);
      const filterSheet = [
        ...must(
          tables.find((t) => t.id === 'filters'),
          'the filters table',
        ).rows(),
      ];
      expect(filterSheet).toContainEqual({
        filter: 'Overall rating',
        value: overall ? RATING_LABELS[overall] : 'Not yet rated',
      });
    }
  });
});

describe('the summary’s figures are the panel’s', () => {
  it('each row’s ratings, asterisks, score and key-question percentages equal the ratings panel’s', async () => {
    const { rows } = await loadSummary(prisma, manager, DEFAULT_SUMMARY_FILTERS);
    for (const row of rows) {
      const panel = await loadPanelData(prisma, TEST_READER, row.id);
      expect(row.score).toBe(panel.result.overall.score);
      expect(row.overall).toBe(panel.result.overall.rating);
      for (const [id, standard] of Object.entries(panel.result.standards)) {
        expect(row.standards[id]).toEqual({ rating: standard.rating, isProfessionalJudgement: standard.professionalJudgement });
        for (const [kqId, kq] of Object.entries(standard.keyQuestions)) expect(row.keyQuestionPct[kqId]).toBe(kq.pct);
      }
    }
    const judged = rows.find((r) => r.id === published2021.id)!;
    expect(judged.standards['2.1']).toEqual({ rating: 'inadequate', isProfessionalJudgement: true });
    expect(row2018IsProvisional(rows)).toBe(true);
  });

  it('national figures count every published inspection on the same standards, whoever looks — not the manager’s share', async () => {
    const { rows, national } = await loadSummary(prisma, manager, DEFAULT_SUMMARY_FILTERS);
    // The manager sees two of the three published 2021 inspections; the national figures count all three.
    expect(rows.filter((r) => r.isFinal).length).toBe(2);
    expect(national.published).toEqual({ '2018': 0, '2021': 3 });
    expect(national.ratingCounts.some((c) => c.framework === '2018')).toBe(false);
    const s21 = must(
      national.ratingCounts.find((c) => c.standardId === '2.1'),
      'standard 2.1',
    );
    expect(s21.total).toBe(3);
    expect(Object.values(s21.counts).reduce((a, b) => a + b, 0)).toBe(3);
    const everyPublished = (await loadSummary(prisma, admin, filtersOf('status=published&framework=2021'))).rows;
    expect(everyPublished.map((r) => r.id).sort()).toEqual([published2021.id, published2021b.id, hidden.id].sort());
    const pcts = everyPublished.map((r) => must(r.keyQuestionPct['2.1.2'], '2.1.2')).sort((a, b) => a - b);
    expect(national.keyQuestions.find((k) => k.keyQuestionId === '2.1.2')).toMatchObject({
      n: 3,
      min: pcts[0],
      max: pcts[2],
      median: pcts[1],
    });
    // 2.1 went from Requires improvement to Inadequate (the panel's decision) in one; no previous in the two others.
    expect(national.changes.find((c) => c.standardId === '2.1')).toMatchObject({ up: 0, same: 0, down: 1, notComparable: 2 });
    // The filters choose the rows, never the nation — but for the standards, which are never pooled.
    expect((await loadSummary(prisma, manager, filtersOf(`region=${encodeURIComponent(`South ${tag}`)}`))).national).toEqual(national);
    expect((await loadSummary(prisma, manager, filtersOf('framework=2018'))).national.keyQuestions).toEqual([]);
  });
});

function row2018IsProvisional(rows: { id: string; isFinal: boolean }[]): boolean {
  return rows.find((r) => r.id === panel2018.id)!.isFinal === false;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

describe('the summary exports, parsed back', () => {
  it('the workbook has the filters first, then a sheet per table, with the page’s rows in the page’s order', async () => {
    const filters = filtersOf('status=published&sort=service&dir=asc');
    const data = await loadSummary(prisma, manager, filters);
    const tables = buildSummaryTables({ ...data, filters });
    const sheets = await readXlsx(await readAll(summaryWorkbookStream(tables)));
    expect(sheets.map((s) => s.name)).toEqual([
      'Filters',
      'Inspections',
      'Ratings by standard',
      'Key questions',
      'Change since previous',
      'Key questions by inspection',
    ]);
    // Each inspection's key-question percentage is the panel's, beside the national median of every published one.
    const byInspection = at(sheets, 5);
    const kqCol = (name: string) => byInspection.header.indexOf(name);
    for (const row of data.rows) {
      const line = must(
        byInspection.rows.find((r) => r.values[kqCol('Inspection id')] === row.id && r.values[kqCol('Key question')] === '2.1.2'),
        'the 2.1.2 line of each inspection',
      );
      const pct = row.keyQuestionPct['2.1.2'];
      expect(line.values[kqCol('% yes')]).toBe(typeof pct === 'number' ? pct / 100 : null);
      const spread = must(
        data.national.keyQuestions.find((k) => k.framework === row.framework && k.keyQuestionId === '2.1.2'),
        'the national spread',
      );
      expect(line.values[kqCol('National median %')]).toBe(spread.median === null ? null : spread.median / 100);
    }
    const filterSheet = Object.fromEntries(at(sheets, 0).rows.map((r) => [r.values[0], r.values[1]]));
    expect(filterSheet).toMatchObject({
      Status: 'Published',
      Standards: 'All',
      Region: 'All',
      'Sorted by': 'Service (ascending)',
      'Inspections shown': '2',
    });

    const inspections = at(sheets, 1);
    const col = (name: string) => inspections.header.indexOf(name);
    // The inspections, then a blank row, the * legend and the caveat (issue 23: the sheet printed alone still says how to read it).
    expect(inspections.rows.map((r) => r.values[col('Inspection id')])).toEqual([...data.rows.map((r) => r.id), null, null, null]);
    expect(inspections.rows.slice(-2).map((r) => r.values[0])).toEqual(['Legend', 'Caveat']);
    for (const [i, row] of data.rows.entries()) {
      const values = at(inspections.rows, i).values;
      expect(values[col('Service')]).toBe(row.service);
      expect(values[col('Score')]).toBe(row.score);
      expect(values[col('Overall rating')]).toBe(row.overall ? RATING_LABELS[row.overall] : null);
      expect(values[col('2.1')]).toBe(standardCellText(row.standards['2.1']) || null);
    }
    const judgedRow = at(
      inspections.rows,
      data.rows.findIndex((r) => r.id === published2021.id),
    ).values;
    expect(judgedRow[col('2.1')]).toBe('Inadequate*');

    const kqSheet = at(sheets, 3);
    const kq = data.national.keyQuestions.find((k) => k.keyQuestionId === '2.1.2')!;
    const kqRow = kqSheet.rows.find((r) => r.values[1] === '2.1.2')!;
    expect(kqRow.values.slice(3)).toEqual([kq.n, kq.min! / 100, kq.median! / 100, kq.max! / 100]);

    const counts = at(sheets, 2).rows.find((r) => r.values[1] === '2.1')!.values;
    const s21 = data.national.ratingCounts.find((c) => c.standardId === '2.1')!;
    expect(counts.slice(3)).toEqual([
      s21.counts.outstanding,
      s21.counts.good,
      s21.counts.requires_improvement,
      s21.counts.inadequate,
      s21.counts.notRated,
      s21.total,
    ]);
  });

  it('each CSV holds the same rows as the workbook', async () => {
    const filters = DEFAULT_SUMMARY_FILTERS;
    const data = await loadSummary(prisma, manager, filters);
    const tables = buildSummaryTables({ ...data, filters });
    const sheets = await readXlsx(await readAll(summaryWorkbookStream(tables)));
    for (const [i, table] of tables.entries()) {
      const csv = readCsv([...summaryCsv(table)].join(''));
      expect(csv.hasBom).toBe(true);
      expect(csv.rows[0]).toEqual(at(sheets, i).header);
      // The inspections CSV ends with a blank line, the * legend and the caveat (the workbook's Filters sheet has them too).
      const footer = table.footer ?? [];
      const body = footer.length ? csv.rows.slice(1, -(footer.length + 1)) : csv.rows.slice(1);
      // The sheet ends the same way: a blank row, then the same footer lines (issue 23).
      const sheetRows = at(sheets, i).rows;
      const sheetBody = footer.length ? sheetRows.slice(0, -(footer.length + 1)) : sheetRows;
      expect(body.length).toBe(sheetBody.length);
      if (footer.length) {
        expect(csv.rows.slice(-footer.length)).toEqual(footer);
        expect(sheetRows.slice(-footer.length).map((r) => r.values.slice(0, 2))).toEqual(footer);
      }
      if (table.id === 'inspections') {
        expect(footer.map(([label]) => label)).toEqual(['Legend', 'Caveat']);
        expect(body.map((r) => r[r.length - 1])).toEqual(data.rows.map((r) => r.id));
        expect(body.map((r) => r[at(csv.rows, 0).indexOf('Ratings')])).toEqual(data.rows.map((r) => (r.isFinal ? 'Final' : 'Provisional')));
      }
    }
  });
});

describe('sub-group breakdowns', () => {
  it('split each key question by gender — including genders named __proto__ and constructor — adding up to the panel’s figures', async () => {
    const panel = await loadPanelData(prisma, TEST_READER, published2021.id);
    const dimensions = await loadBreakdowns(prisma, must(await loadInspectionAccess(prisma, TEST_READER, published2021.id), 'access'));
    const gender = dimensions.find((d) => d.id === 'gender')!;
    expect(gender.groups.map((g) => [g.label, g.cases])).toEqual([
      ['__proto__', 3],
      ['constructor', 3],
      ['Female', 9],
      ['Male', 3],
    ]);
    for (const dimension of dimensions) {
      for (const kq of dimension.keyQuestions) {
        const expected = must(
          must(panel.result.standards[kq.standardId], 'panel.result.standards[kq.standardId]').keyQuestions[kq.id],
          'must(panel.result.standards[kq.standardId], panel.result.sta',
        );
        expect(kq.all.relevant).toBe(expected.relevant);
        expect(kq.all.pct).toBe(expected.pct);
        const sum = dimension.groups.reduce((acc, g) => acc + groupFigures(kq, g.value).yes, 0);
        expect(sum).toBe(expected.yes);
      }
    }
    // The panel's own sample counts keep the same genders as ordinary keys.
    expect(Object.entries(panel.progress.sample.byGender).sort()).toEqual(
      [
        ['Female', 9],
        ['Male', 3],
        ['__proto__', 3],
        ['constructor', 3],
      ].sort(),
    );
    expect(Object.getPrototypeOf(panel.progress.sample.byGender)).toBe(Object.prototype);
    const proto = groupFigures(at(gender.keyQuestions, 0), '__proto__');
    expect(proto.relevant).toBeGreaterThan(0);
    expect(proto.isSmallSubSample).toBe(true);
    expect(dimensions.find((d) => d.id === 'rosh')!.groups.map((g) => g.label)).toEqual(['Low', 'High', 'Not recorded']);
  });

  it('export as CSV and XLSX with the same figures, the prototype-named groups intact', async () => {
    const dimensions = await loadBreakdowns(prisma, must(await loadInspectionAccess(prisma, TEST_READER, published2021.id), 'access'));
    const csv = readCsv(toCsv(breakdownCsvGrid(dimensions)));
    // The caveat travels with the file, at its foot.
    expect(csv.rows.at(-1)).toEqual(['Caveat', BREAKDOWN_CAVEAT]);
    expect(BREAKDOWN_CAVEAT).toContain('the margin of error for the sub-sample findings may be higher than five');
    const header = at(csv.rows, 0);
    const protoRows = csv.rows.filter((r) => r[header.indexOf('Group')] === '__proto__');
    expect(protoRows.length).toBe(listCaseMarkedStandards(getFramework('2021')).flatMap((s) => s.keyQuestions).length);
    const kq = at(dimensions.find((d) => d.id === 'gender')!.keyQuestions, 0);
    const first = protoRows.find((r) => r[header.indexOf('Key question')] === kq.id)!;
    const f = groupFigures(kq, '__proto__');
    expect([first[header.indexOf('Yes')], first[header.indexOf('Relevant')], first[header.indexOf('% yes')]]).toEqual([
      String(f.yes),
      String(f.relevant),
      f.pct === null ? '' : String(f.pct),
    ]);
    const sheets = await readXlsx(await buildWorkbook(breakdownSheets(dimensions)));
    expect(sheets.map((s) => s.name)).toEqual([
      'About these figures',
      'Gender',
      'Risk of serious harm',
      'Safety and wellbeing',
      'Disposal type',
    ]);
    expect(sheets[0]?.rows[0]?.values[0]).toBe(BREAKDOWN_CAVEAT);
    expect(sheets[1]?.rows.filter((r) => r.values[1] === 'constructor').length).toBe(protoRows.length);
  });
});

describe('the report annexe as a Word document', () => {
  it('prints the ratings table with the asterisk, then each standard’s key questions and prompts with the panel’s percentages', async () => {
    const panel = await loadPanelData(prisma, TEST_READER, published2021.id);
    const framework = getFramework('2021');
    const bytes = await buildAnnexeDocx({
      framework,
      result: panel.result,
      serviceName: published2021.service,
      fieldwork: '2 March 2026 to 13 March 2026',
      sampleByType: panel.progress.sample.byType,
    });
    const doc = await readDocx(bytes);
    expect(doc.paragraphs).toContain('*Professional judgement applied.');
    expect(doc.paragraphs.join(' ')).toContain('a sample of 12 court disposals and 6 out-of-court disposals');

    const [ratings, ...rest] = doc.tables;
    // Qualitative standards (domain one; 3.4 and 4.1 in 2021) are listed with their key questions, as Dudley's Annex 2 does.
    const qualitativeTables = rest.filter((t) => t[0]?.length === 2);
    expect(qualitativeTables.flatMap((t) => t.slice(1).map((r) => at(r, 0).split(' ')[0]))).toEqual(
      framework.domains.flatMap((d) =>
        d.standards.filter((s) => s.kind === 'qualitative').flatMap((s) => [s.id, ...s.keyQuestions.map((k) => k.id)]),
      ),
    );
    const standardTables = rest.filter((t) => t[0]?.length === 3);
    const ratingOf = (label: string) => ratings?.find((r) => r[0] === label)?.[1];
    expect(ratingOf('2.1 Assessment')).toBe('Inadequate*');
    expect(panel.result.standards['2.1']?.professionalJudgement).toBe(true);
    for (const standard of framework.domains.flatMap((d) => d.standards).filter((s) => !s.isRatedSeparately)) {
      const r = must(panel.result.standards[standard.id], 'panel.result.standards[standard.id]');
      expect(ratingOf(`${standard.id} ${standard.title}`)).toBe(`${RATING_LABELS[r.rating!]}${r.professionalJudgement ? '*' : ''}`);
    }
    expect(ratings?.find((r) => at(r, 0).startsWith('Overall rating'))).toEqual([
      `Overall rating (score ${panel.result.overall.score} out of 36)`,
      RATING_LABELS[panel.result.overall.rating!],
    ]);

    const caseMarked = listCaseMarkedStandards(framework);
    expect(standardTables.length).toBe(caseMarked.length);
    for (const [i, standard] of caseMarked.entries()) {
      const table = standardTables[i];
      const result = must(panel.result.standards[standard.id], 'panel.result.standards[standard.id]');
      const sample = panel.progress.sample.byType[standard.caseType!];
      expect(table?.[1]?.[0]).toBe(`${standard.id} ${standard.title}`);
      let row = 2;
      for (const kq of standard.keyQuestions) {
        const f = must(result.keyQuestions[kq.id], 'result.keyQuestions[kq.id]');
        const star = result.professionalJudgement && result.lowestKeyQuestion === kq.id ? '*' : '';
        expect(table?.[row]).toEqual([
          `${kq.id} ${kq.text}`,
          `${f.pct === null ? '–' : `${f.pct}%`}${star}`,
          f.relevant === sample ? '' : String(f.relevant),
        ]);
        row++;
        for (const prompt of kq.prompts) {
          const p = must(result.prompts[prompt.id], 'result.prompts[prompt.id]');
          // Only answered prompts are printed (issue 22: no empty rows with a sub-sample of 0).
          if (p.yes + p.no + p.na === 0) continue;
          expect(table?.[row]).toEqual([
            `${prompt.id.slice(kq.id.length + 1)}) ${prompt.text}`,
            p.pct === null ? '–' : `${p.pct}%`,
            p.relevant === sample ? '' : String(p.relevant),
          ]);
          row++;
        }
      }
      expect(table?.length).toBe(row);
      expect(table?.some((r) => /4\.1\.r\d/.test(at(r, 0)))).toBe(false);
    }
    // Below the standard's own row, the asterisk is on one key question of 2.1 only: its lowest.
    const starred = at(standardTables, 0)
      .slice(2)
      .filter((r) => at(r, 1).endsWith('*'));
    expect(starred.map((r) => at(r, 0).split(' ')[0])).toEqual([
      must(panel.result.standards['2.1'], 'panel.result.standards[2.1]').lowestKeyQuestion,
    ]);
  });
});
