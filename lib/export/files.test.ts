import { describe, expect, it } from 'vitest';
import { attachmentHeader, fileSlug, parseExportFormat, parseExportTarget, renderExport } from './files';
import { loadReportFixture } from './test-support/fixtures';
import { readCsv } from './test-support/read-csv';
import { readXlsx } from './test-support/read-xlsx';
import { must } from '@/lib/must';

describe('what the export routes accept', () => {
  it('knows the three tables and "all", csv (the default) and xlsx', () => {
    expect(['ratings', 'key-questions', 'prompts', 'resettlement', 'all'].map(parseExportTarget)).toEqual([
      'ratings',
      'key-questions',
      'prompts',
      'resettlement',
      'all',
    ]);
    expect(parseExportTarget('answers')).toBeNull();
    expect(parseExportTarget('../ratings')).toBeNull();
    expect([null, '', 'csv', 'xlsx'].map(parseExportFormat)).toEqual(['csv', 'csv', 'csv', 'xlsx']);
    expect(parseExportFormat('pdf')).toBeNull();
  });
});

describe('file names', () => {
  it('are ASCII slugs of the service name', () => {
    expect(fileSlug('Leicestershire Youth and Justice Service')).toBe('leicestershire-youth-and-justice-service');
    expect(fileSlug('Bradford & Airedale – “YJS” (pilot)')).toBe('bradford-airedale-yjs-pilot');
    expect(fileSlug('Ynys Môn')).toBe('ynys-mon');
    expect(fileSlug('!!!')).toBe('inspection');
    expect(fileSlug('a'.repeat(100))).toHaveLength(60);
  });

  it('go in an attachment header without quotes or line breaks', () => {
    expect(attachmentHeader('a.csv')).toBe('attachment; filename="a.csv"');
    expect(attachmentHeader('a"b\r\n.csv')).toBe('attachment; filename="ab.csv"');
  });
});

describe('renderExport', () => {
  const { result, previousKeyQuestionPct } = loadReportFixture('dudley-2019');
  const panel = { framework: '2018' as const, result, previousKeyQuestionPct };
  const date = new Date('2026-11-23T09:00:00Z');

  it('gives one CSV per table, named after the service, table and date', async () => {
    const file = await renderExport(panel, 'key-questions', 'csv', { serviceName: 'Dudley Youth Offending Service', date });
    expect(file).toMatchObject({
      contentType: 'text/csv; charset=utf-8',
      fileName: 'dudley-youth-offending-service-key-questions-2026-11-23.csv',
    });
    const { rows } = readCsv(file!.body as string);
    expect(rows[0]?.[0]).toBe('Standard');
    // Dudley 2019, Annex 2: 3.4.1 at 64% — the panel raised 3.4 to Good*.
    // The asterisk is on 3.4.1 only (it set the computed rating); 3.4.2's 100% has none.
    expect(rows.find((r) => r[1] === '3.4.2')?.[7]).toBe('');
    expect(rows.find((r) => r[1] === '3.4.1')?.slice(3)).toEqual([
      String(must(result.standards['3.4']?.keyQuestions['3.4.1'], '3.4.1').yes),
      String(must(result.standards['3.4']?.keyQuestions['3.4.1'], '3.4.1').relevant),
      '64',
      'Requires improvement',
      '*',
      '',
    ]);
  });

  it('gives a workbook of one table or all three, and no CSV of all three', async () => {
    const one = await renderExport(panel, 'prompts', 'xlsx', { serviceName: 'Dudley', date });
    expect(one?.fileName).toBe('dudley-prompts-2026-11-23.xlsx');
    expect((await readXlsx(one!.body as Uint8Array)).map((s) => s.name)).toEqual(['Prompts']);
    const all = await renderExport(panel, 'all', 'xlsx', { serviceName: 'Dudley', date });
    expect(all?.fileName).toBe('dudley-tables-2026-11-23.xlsx');
    expect((await readXlsx(all!.body as Uint8Array)).map((s) => s.name)).toEqual(['Ratings', 'Key questions', 'Prompts']);
    expect(await renderExport(panel, 'all', 'csv', { serviceName: 'Dudley', date })).toBeNull();
  }, 30_000); // builds two workbooks: seconds when the machine is busy

  it('has no resettlement table for the 2018 standards', async () => {
    expect(await renderExport(panel, 'resettlement', 'csv', { serviceName: 'Dudley', date })).toBeNull();
  });

  it("gives Casemark's own resettlement questions as their own labelled CSV and sheet (2021), never in the prompt annex", async () => {
    const leicestershire = loadReportFixture('leicestershire-2021');
    const panel2021 = { framework: '2021' as const, result: leicestershire.result, previousKeyQuestionPct: {} };
    const csv = await renderExport(panel2021, 'resettlement', 'csv', { serviceName: 'Leicestershire', date });
    const { rows } = readCsv(csv!.body as string);
    expect(rows[0]).toEqual(['Aspect', 'Label', 'Question (Casemark’s own)', '% yes', 'Yes', 'Relevant', 'Source']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '4.1.r01',
      '4.1.r02',
      '4.1.r03',
      '4.1.r04',
      '4.1.r05',
      '4.1.r06',
      '4.1.r07',
      '4.1.r08',
      '4.1.r09',
      '4.1.r10',
    ]);
    expect(rows[1]?.[6]).toMatch(/^Casemark's own resettlement questions \(illustrative, not HM Inspectorate of Probation questions/);
    const prompts = readCsv(
      (await renderExport(panel2021, 'prompts', 'csv', { serviceName: 'Leicestershire', date }))!.body as string,
    ).rows;
    expect(prompts.some((r) => r.join(' ').includes('4.1.r'))).toBe(false);
    const all = await renderExport(panel2021, 'all', 'xlsx', { serviceName: 'Leicestershire', date });
    expect((await readXlsx(all!.body as Uint8Array)).map((s) => s.name)).toEqual([
      'Ratings',
      'Key questions',
      'Prompts',
      'Resettlement (Casemark own)',
    ]);
  });
});
