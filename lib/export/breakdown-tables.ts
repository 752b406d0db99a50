/**
 * An inspection's sub-group breakdowns as export tables: one row per dimension × group × key
 * question with the count behind the figure and the small sub-sample flag, first the whole
 * sample ("All cases") for comparison. CSV: one table; XLSX: one sheet per dimension.
 */
import type { BreakdownDimension } from '@/lib/panel/breakdowns';
import { groupFigures, SMALL_SUB_SAMPLE } from '@/lib/panel/breakdowns';
import type { CellValue, ExportColumn } from './tables';
import type { SheetTable } from './xlsx';

const COLUMNS: ExportColumn[] = [
  { key: 'dimension', header: 'Breakdown', type: 'text', width: 22 },
  { key: 'group', header: 'Group', type: 'text', width: 26 },
  { key: 'cases', header: 'Cases in group', type: 'integer', width: 10 },
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'keyQuestion', header: 'Key question', type: 'text', width: 13 },
  { key: 'text', header: 'Key question text', type: 'text', width: 70 },
  { key: 'yes', header: 'Yes', type: 'integer', width: 8 },
  { key: 'relevant', header: 'Relevant', type: 'integer', width: 10 },
  { key: 'pct', header: '% yes', type: 'percent', width: 8 },
  { key: 'smallSubSample', header: `Small sub-sample (fewer than ${SMALL_SUB_SAMPLE} relevant cases)`, type: 'text', width: 16 },
];

const ALL_CASES = 'All cases';

function rowsOf(dimension: BreakdownDimension): Record<string, CellValue>[] {
  const rows: Record<string, CellValue>[] = [];
  const total = dimension.groups.reduce((sum, g) => sum + g.cases, 0);
  for (const kq of dimension.keyQuestions) {
    const base = { dimension: dimension.title, standard: kq.standardId, keyQuestion: kq.id, text: kq.text };
    rows.push({
      ...base,
      group: ALL_CASES,
      cases: total,
      yes: kq.all.yes,
      relevant: kq.all.relevant,
      pct: kq.all.pct,
      smallSubSample: null,
    });
    for (const group of dimension.groups) {
      const f = groupFigures(kq, group.value);
      rows.push({
        ...base,
        group: group.label,
        cases: group.cases,
        yes: f.yes,
        relevant: f.relevant,
        pct: f.pct,
        smallSubSample: f.isSmallSubSample ? 'Yes' : null,
      });
    }
  }
  return rows;
}

/** Every dimension in one table (the CSV). */
export function breakdownTable(dimensions: readonly BreakdownDimension[]): SheetTable {
  return { sheetName: 'Breakdowns', columns: COLUMNS, rows: dimensions.flatMap(rowsOf) };
}

/** One sheet per dimension (the workbook). */
export function breakdownSheets(dimensions: readonly BreakdownDimension[]): SheetTable[] {
  return dimensions.map((d) => ({ sheetName: d.title, columns: COLUMNS, rows: rowsOf(d) }));
}
