/**
 * The summary tables as one Excel workbook (exceljs): one sheet per table, the header row bold
 * and frozen, an autofilter, column widths set, numbers stored as numbers and percentages as
 * fractions formatted `0%` (77% is 0.77), so that a spreadsheet can sort and sum them.
 *
 * Text is formula-escaped as in the CSV: exceljs stores it as text, but a sheet saved on as CSV
 * would otherwise carry `=…` into the next program.
 */
import ExcelJS from 'exceljs';
import { escapeFormula } from './csv';
import type { CellValue, ExportColumn, ExportTable } from './tables';

export const PERCENT_FORMAT = '0%';

/** The value stored in a cell of this column. */
export function xlsxValue(column: ExportColumn, value: CellValue): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'percent') return Number(value) / 100;
  if (column.type === 'integer') return Number(value);
  return typeof value === 'number' ? value : escapeFormula(value);
}

/**
 * The lines that close a sheet — the `*` legend, the sub-sample caveat — after a blank row, as a
 * CSV ends (label in the first column, text in the second, escaped like any other text): a sheet
 * printed or saved on alone still says how to read it (issue 23). Works on the streaming
 * writer's sheets too: each row is committed when that writer has `commit`.
 */
export function addFooterRows(sheet: Pick<ExcelJS.Worksheet, 'addRow'>, footer: readonly (readonly [string, string])[]): void {
  const blank = sheet.addRow([]);
  blank.commit();
  for (const [label, text] of footer) {
    const row = sheet.addRow([escapeFormula(label), escapeFormula(text)]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { vertical: 'top', wrapText: false };
    row.commit();
  }
}

/** What a sheet needs of a table: any table with a sheet name, columns and rows (not only an inspection's three). */
export type SheetTable = Pick<ExportTable, 'sheetName' | 'columns' | 'rows'>;

function addSheet(workbook: ExcelJS.Workbook, table: SheetTable): void {
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = table.columns.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((column) => xlsxValue(column, row[column.key] ?? null)));
    table.columns.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      if (column.type === 'percent') cell.numFmt = PERCENT_FORMAT;
      if (column.type === 'text') cell.alignment = { vertical: 'top', wrapText: column.width >= 40 };
      else cell.alignment = { vertical: 'top' };
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/** One workbook, one sheet per table, as the bytes of an .xlsx file. */
export async function buildWorkbook(tables: readonly SheetTable[], options: { title?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Casemark';
  workbook.created = new Date();
  if (options.title) workbook.title = options.title;
  for (const table of tables) addSheet(workbook, table);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
