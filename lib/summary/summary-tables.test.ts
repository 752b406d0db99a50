import { describe, expect, it } from 'vitest';
import { computeInspection } from '@/lib/rating/compute-inspection';
import { readCsv, readCsvObjects } from '@/lib/export/test-support/read-csv';
import { readXlsx } from '@/lib/export/test-support/read-xlsx';
import { DEFAULT_SUMMARY_FILTERS } from './filters';
import { nationalFigures, toSummaryRow } from './summary';
import {
  buildSummaryTables,
  fieldworkText,
  filterRows,
  standardCellText,
  standardTitles,
  SUB_SAMPLE_CAVEAT,
  SUMMARY_LEGEND,
  summaryCsv,
  summaryWorkbookStream,
} from './summary-tables';
import { getFramework } from '@/lib/framework';
import { at, must } from '@/lib/must';

function row(id: string, service: string, yes: number, no: number) {
  return toSummaryRow({
    id,
    service,
    localAuthority: 'LA',
    region: '+North',
    framework: '2021',
    fieldworkStart: '2026-01-05',
    fieldworkEnd: '2026-01-16',
    isFieldworkMonthOnly: false,
    publishedOn: null,
    status: 'published',
    previousRatings: {},
    result: computeInspection('2021', { counts: { '2.1.1': { yes, no, na: 0 } } }),
  });
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('summary tables', () => {
  const rows = [row('a', '=HYPERLINK("x")', 6, 4), row('b', 'Plain', 13, 7)]; // 60% and 65%: median 62.5
  const national = nationalFigures(rows);
  const tables = buildSummaryTables({
    rows,
    national,
    filters: { ...DEFAULT_SUMMARY_FILTERS, region: '@Region' },
    generatedAt: new Date('2026-12-03T10:00:00Z'),
  });

  it('writes a standard’s rating with * for professional judgement, blank when not rated, n/a when not in the framework', () => {
    expect(standardCellText({ rating: 'good', isProfessionalJudgement: true })).toBe('Good*');
    expect(standardCellText({ rating: null, isProfessionalJudgement: false })).toBe('');
    expect(standardCellText(undefined)).toBe('n/a');
  });

  it('lists the filters first, in words', () => {
    expect(
      filterRows(
        DEFAULT_SUMMARY_FILTERS,
        { shown: 3, national: { published: { '2018': 0, '2021': 7 } } },
        new Date('2026-12-03T10:00:00Z'),
      ),
    ).toContainEqual(['Sorted by', 'Fieldwork dates (descending)']);
    expect(tables.map((t) => t.id)).toEqual([
      'filters',
      'inspections',
      'rating-counts',
      'key-questions',
      'changes',
      'inspection-key-questions',
    ]);
  });

  it('carries the * legend and the sub-sample caveat on the filters sheet, and fieldwork dates as dates in the workbook', async () => {
    const filters = readCsv([...summaryCsv(at(tables, 0))].join('')).rows;
    expect(filters.find((r) => r[0] === 'Legend')?.[1]).toMatch(/^\* Professional judgement applied by the ratings panel/);
    expect(filters.find((r) => r[0] === 'Caveat')?.[1]).toContain('small sub-sample');
    expect(filters.find((r) => r[0] === 'National figures')?.[1]).toContain('2 published inspections on the July 2021 standards');
    const sheet = at(await readXlsx(await bytesOf(summaryWorkbookStream(tables))), 1);
    const first = at(sheet.rows, 0);
    const col = (name: string) => sheet.header.indexOf(name);
    expect(first.values[col('Fieldwork')]).toBe('5 January 2026 to 16 January 2026');
    // Read back as a date cell (the reader gives its Date's text), not the text "2026-01-05".
    expect(first.values[col('Fieldwork start')]).not.toBe('2026-01-05');
    expect(new Date(String(first.values[col('Fieldwork start')])).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(first.numFmts[col('Fieldwork start')]).toBe('d mmm yyyy');
    // The CSV keeps ISO dates, which every spreadsheet reads as dates; no publication date is a blank cell.
    const csv = readCsv([...summaryCsv(at(tables, 1))].join('')).rows;
    expect(csv[0]?.slice(1, 7)).toEqual(['Region', 'Local authority', 'Fieldwork', 'Fieldwork start', 'Fieldwork end', 'Published']);
    expect(csv[1]?.slice(1, 7)).toEqual(["'+North", 'LA', '5 January 2026 to 16 January 2026', '2026-01-05', '2026-01-16', '']);
  });

  it('never gives a day the report does not: a month-only fieldwork is its month, in words, in the CSV and in the workbook', async () => {
    // Dudley 2019 (002_b3ff77846e023e08.txt): "Fieldwork started: April 2019".
    const dudley = { ...row('d', 'Dudley', 7, 3), fieldworkStart: '2019-04-01', fieldworkEnd: '2019-04-01', isFieldworkMonthOnly: true };
    expect(fieldworkText(dudley)).toBe('April 2019');
    const monthTables = buildSummaryTables({ rows: [dudley], national: nationalFigures([dudley]), filters: DEFAULT_SUMMARY_FILTERS });
    const csv = readCsvObjects([...summaryCsv(at(monthTables, 1))].join('')).records;
    expect(csv[0]).toMatchObject({ Fieldwork: 'April 2019', 'Fieldwork start': '2019-04', 'Fieldwork end': '2019-04' });
    const sheet = at(await readXlsx(await bytesOf(summaryWorkbookStream(monthTables))), 1);
    const col = sheet.header.indexOf('Fieldwork start');
    expect(new Date(String(at(sheet.rows, 0).values[col])).toISOString()).toBe('2019-04-01T00:00:00.000Z');
    expect(at(sheet.rows, 0).numFmts[col]).toBe('mmmm yyyy');
  });

  it('ends the inspections sheet, like its CSV and the Filters sheet, with the * legend and the sub-sample caveat after a blank row', async () => {
    const sheet = at(await readXlsx(await bytesOf(summaryWorkbookStream(tables))), 1);
    expect(sheet.rows.length).toBe(2 + 1 + 2);
    expect(sheet.rows.at(-3)?.values.every((v) => v === null)).toBe(true);
    expect(sheet.rows.slice(-2).map((r) => r.values.slice(0, 2))).toEqual([
      ['Legend', SUMMARY_LEGEND],
      ['Caveat', SUB_SAMPLE_CAVEAT],
    ]);
    const byInspection = must(
      (await readXlsx(await bytesOf(summaryWorkbookStream(tables)))).find((s) => s.name === 'Key questions by inspection'),
      'the sheet',
    );
    expect(byInspection.rows.at(-1)?.values.slice(0, 2)).toEqual(['Caveat', SUB_SAMPLE_CAVEAT]);
  });

  it('ends the inspections CSV with the * legend and the sub-sample caveat, after a blank line', () => {
    const rows = readCsv([...summaryCsv(at(tables, 1))].join('')).rows;
    expect(rows.slice(-2)).toEqual([
      ['Legend', SUMMARY_LEGEND],
      ['Caveat', SUB_SAMPLE_CAVEAT],
    ]);
    expect(rows.at(-3)?.join('')).toBe('');
    expect(rows.length).toBe(1 + 2 + 3);
  });

  it('holds each inspection’s key-question percentages beside the national median and range, as the page computes them', async () => {
    const table = must(
      tables.find((t) => t.id === 'inspection-key-questions'),
      'the key questions by inspection',
    );
    const csv = readCsvObjects([...summaryCsv(table)].join(''));
    const lines = csv.records.filter((r) => r['Key question'] === '2.1.1');
    // The two published rows have 60% and 65% on 2.1.1: a median of 62.5 between them.
    expect(lines.map((r) => [r['% yes'], r['National median %'], r['National lowest %'], r['National highest %']])).toEqual([
      ['60', '62.5', '60', '65'],
      ['65', '62.5', '60', '65'],
    ]);
    expect(csv.records.at(-1)).toMatchObject({ Service: 'Caveat' });
    const sheet = must(
      (await readXlsx(await bytesOf(summaryWorkbookStream(tables)))).find((s) => s.name === 'Key questions by inspection'),
      'the sheet',
    );
    const found = must(
      sheet.rows.find((r) => r.values[3] === '2.1.1'),
      'a 2.1.1 row',
    );
    expect(found.values.slice(4, 10)).toEqual([0.6, 2, 0.625, 0.6, 0.65, 'in the range']);
  });

  it('escapes text a spreadsheet would run as a formula, in the CSV and in the workbook', async () => {
    const csv = readCsv([...summaryCsv(at(tables, 1))].join(''));
    expect(csv.rows.slice(1, 3).map((r) => [r[0], r[1]])).toEqual([
      ['\'=HYPERLINK("x")', "'+North"],
      ['Plain', "'+North"],
    ]);
    expect(readCsv([...summaryCsv(at(tables, 0))].join('')).rows).toContainEqual(['Region', "'@Region"]);
    const sheets = await readXlsx(await bytesOf(summaryWorkbookStream(tables)));
    expect(sheets[1]?.rows[0]?.values[0]).toBe('\'=HYPERLINK("x")');
  });

  it('keeps a median of 62.5% exact: 62.5 in the CSV, 0.625 shown as 0.0% in the workbook', async () => {
    const kq = tables.find((t) => t.id === 'key-questions')!;
    const csv = readCsv([...summaryCsv(kq)].join(''));
    expect(csv.rows.find((r) => r[1] === '2.1.1')?.slice(3)).toEqual(['2', '60', '62.5', '65']);
    const sheet = at(await readXlsx(await bytesOf(summaryWorkbookStream(tables))), 3);
    const found = sheet.rows.find((r) => r.values[1] === '2.1.1')!;
    expect(found.values.slice(3)).toEqual([2, 0.6, 0.625, 0.65]);
    expect(found.numFmts.slice(4)).toEqual(['0%', '0.0%', '0%']);
  });
});

describe('standardTitles', () => {
  it('names each standard for its column heading, and both titles when the two sets differ', () => {
    const only2021 = standardTitles('2021');
    expect(only2021['1.1']).toBe(getFramework('2021').domains[0]?.standards[0]?.title);
    const both = standardTitles(null);
    for (const id of Object.keys(only2021)) expect(both[id]).toBeTruthy();
    const differing = Object.keys(only2021).filter((id) => standardTitles('2018')[id] && standardTitles('2018')[id] !== only2021[id]);
    for (const id of differing) expect(both[id]).toContain('(July 2021 standards)');
  });
});
