import { describe, expect, it } from 'vitest';
import { buildExportTables, type ExportTable } from './tables';
import { buildWorkbook, PERCENT_FORMAT, xlsxValue } from './xlsx';
import { loadReportFixture } from './test-support/fixtures';
import { readXlsx } from './test-support/read-xlsx';
import { at, must } from '@/lib/must';

describe('xlsxValue', () => {
  it('stores percentages as fractions, integers as numbers (negative too), text formula-escaped', () => {
    expect(xlsxValue({ key: 'pct', header: '% yes', type: 'percent', width: 8 }, 77)).toBeCloseTo(0.77);
    expect(xlsxValue({ key: 'pct', header: '% yes', type: 'percent', width: 8 }, null)).toBeNull();
    expect(xlsxValue({ key: 'score', header: 'Score', type: 'integer', width: 8 }, -2)).toBe(-2);
    expect(xlsxValue({ key: 'note', header: 'Note', type: 'text', width: 8 }, '=1+1')).toBe("'=1+1");
    expect(xlsxValue({ key: 'note', header: 'Note', type: 'text', width: 8 }, '-2 cases')).toBe("'-2 cases");
    expect(xlsxValue({ key: 'note', header: 'Note', type: 'text', width: 8 }, '')).toBeNull();
  });
});

describe('buildWorkbook', () => {
  it('writes one sheet per table that reads back with a frozen header, % number format, widths and the engine’s numbers', async () => {
    const { framework, result, previousKeyQuestionPct } = loadReportFixture('blackpool-2021');
    const tables = buildExportTables({ framework, result, previousKeyQuestionPct });
    const sheets = await readXlsx(await buildWorkbook([tables.ratings, tables.keyQuestions, tables.prompts], { title: 'Blackpool' }));

    expect(sheets.map((s) => s.name)).toEqual(['Ratings', 'Key questions', 'Prompts']);
    for (const [sheet, table] of [
      [sheets[0], tables.ratings],
      [sheets[1], tables.keyQuestions],
      [sheets[2], tables.prompts],
    ] as [(typeof sheets)[number], ExportTable][]) {
      expect(sheet.view).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.header).toEqual(table.columns.map((c) => c.header));
      expect(sheet.widths).toEqual(table.columns.map((c) => c.width));
      expect(sheet.rows).toHaveLength(table.rows.length);
      sheet.rows.forEach((row, i) => {
        table.columns.forEach((column, c) => {
          const value = at(table.rows, i)[column.key];
          if (column.type === 'percent') {
            expect(row.numFmts[c]).toBe(PERCENT_FORMAT);
            if (value === null) expect(row.values[c]).toBeNull();
            else expect(row.values[c]).toBeCloseTo(Number(value) / 100, 10);
          } else if (column.type === 'integer') {
            expect(row.values[c]).toBe(value);
          } else {
            expect(row.values[c]).toBe(value === null || value === '' ? null : value);
          }
        });
      });
    }

    const kq = at(sheets, 1);
    const pctColumn = kq.header.indexOf('% yes');
    const row221 = kq.rows.find((r) => r.values[1] === '2.2.1');
    expect(row221?.values[pctColumn]).toBeCloseTo(must(result.standards['2.2']?.keyQuestions['2.2.1'], '2.2.1').pct! / 100, 10);
    expect(row221?.values[kq.header.indexOf('Previous %')]).toBeCloseTo(0.54, 10);
    const overall = at(sheets, 0).rows.find((r) => r.values[1] === 'Overall');
    expect(overall?.values[at(sheets, 0).header.indexOf('Score')]).toBe(25);
    expect(overall?.values[at(sheets, 0).header.indexOf('Out of')]).toBe(36);
  });

  it('escapes formula-like text in cells and keeps negative numbers as numbers', async () => {
    const table: ExportTable = {
      id: 'ratings',
      title: 'T',
      sheetName: 'T',
      columns: [
        { key: 'text', header: 'Text', type: 'text', width: 20 },
        { key: 'n', header: 'N', type: 'integer', width: 6 },
      ],
      rows: [
        { text: '=cmd|" /C calc"!A0', n: -1 },
        { text: '@SUM(A1)', n: 0 },
        { text: 'plain', n: 5 },
      ],
    };
    const [sheet] = await readXlsx(await buildWorkbook([table]));
    expect(sheet?.rows.map((r) => r.values)).toEqual([
      [`'=cmd|" /C calc"!A0`, -1],
      ["'@SUM(A1)", 0],
      ['plain', 5],
    ]);
  });
});
