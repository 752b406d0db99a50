/**
 * An inspection's sub-group breakdowns as export tables: one row per dimension × group × key
 * question with the count behind the figure and the small sub-sample flag, first the whole
 * sample ("All cases") for comparison. CSV: one table with the caveat at its foot; XLSX: the
 * caveat's own sheet first, then one sheet per dimension.
 */
import type { BreakdownDimension } from '@/lib/panel/breakdowns';
import { groupFigures, SMALL_SUB_SAMPLE } from '@/lib/panel/breakdowns';
import { tableGrid, type CellValue, type ExportColumn } from './tables';
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

/**
 * The caveat the breakdowns page shows, carried by its files: the reports' own words on
 * sub-samples (Blackpool 2021, 000_c1174f08f6b47fac.txt; Wigan 2021, 001_f9e6377b473ce7bd.txt;
 * Leicestershire 2021, 004_46eac8fc65744bcf.txt).
 */
export const BREAKDOWN_CAVEAT = `These figures are split into smaller sub-samples, so treat them with care. As the inspection reports say: “data may have been split into smaller sub-samples – for example, male/female cases. Where this is the case, the margin of error for the sub-sample findings may be higher than five.” A figure over fewer than ${SMALL_SUB_SAMPLE} relevant cases is marked as a small sub-sample. The breakdowns are illustrative only: ratings are always taken over the whole sample.`;

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

/** Every dimension in one table (the CSV's rows). */
function breakdownTable(dimensions: readonly BreakdownDimension[]): SheetTable {
  return { sheetName: 'Breakdowns', columns: COLUMNS, rows: dimensions.flatMap(rowsOf) };
}

/** The CSV's grid: the table, a blank line, then the caveat (so a file read alone still says it). */
export function breakdownCsvGrid(dimensions: readonly BreakdownDimension[]): CellValue[][] {
  return [...tableGrid(breakdownTable(dimensions)), [], ['Caveat', BREAKDOWN_CAVEAT]];
}

/** The workbook: the caveat's sheet first, then one sheet per dimension. */
export function breakdownSheets(dimensions: readonly BreakdownDimension[]): SheetTable[] {
  const about: SheetTable = {
    sheetName: 'About these figures',
    columns: [{ key: 'caveat', header: 'Caveat', type: 'text', width: 120 }],
    rows: [{ caveat: BREAKDOWN_CAVEAT }],
  };
  return [about, ...dimensions.map((d) => ({ sheetName: d.title, columns: COLUMNS, rows: rowsOf(d) }))];
}
