/**
 * The uploaded list as records of text cells, whether the service sent CSV or an Excel
 * workbook (.xlsx, the first sheet). Line numbers are the file's (the spreadsheet's row
 * numbers), so the problems found later point at the right row. No database.
 */
import ExcelJS from 'exceljs';
import { parseCsv, type CsvRecord } from '@/lib/csv/parse-csv';
import { formatIsoDate } from './dates';

/** A service's caseload fits in well under this; server actions accept 1 MB. */
export const MAX_POPULATION_FILE_BYTES = 900_000;

type ReadResult = { ok: true; records: CsvRecord[] } | { ok: false; message: string };

const isXlsx = (name: string) => /\.xlsx$/i.test(name);
const isCsv = (name: string) => /\.csv$/i.test(name);

/** Whether the file's name says CSV or XLSX; the lead is told which kinds are read. */
export function explainFileKind(name: string): string | null {
  return isXlsx(name) || isCsv(name) ? null : 'The selected file must be a CSV or an Excel workbook (.xlsx)';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // A date typed into Excel is a date, not text: read it as the calendar date it shows.
  if (value instanceof Date) return formatIsoDate(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value as ExcelJS.CellFormulaValue).result);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** What an honest caseload workbook unpacks to at most; a zip bomb declares far more. */
export const MAX_XLSX_UNPACKED_BYTES = 40_000_000;

/**
 * The total unpacked size an .xlsx (a zip) declares in its central directory, or null when the
 * directory cannot be read or uses ZIP64. Checked before the workbook is unpacked, so a small
 * upload cannot make the server unpack gigabytes.
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes.
  for (let end = bytes.byteLength - 22; end >= Math.max(0, bytes.byteLength - 22 - 65_535); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return null;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

/** Reads a CSV or XLSX file's bytes into records. Never throws on bad input. */
export async function readPopulationFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength > MAX_POPULATION_FILE_BYTES) return { ok: false, message: 'The selected file must be smaller than 900 KB' };
  if (isCsv(name)) {
    const parsed = parseCsv(new TextDecoder('utf-8').decode(bytes));
    return parsed.ok ? { ok: true, records: parsed.records } : { ok: false, message: `The file is not valid CSV. ${parsed.message}` };
  }
  if (!isXlsx(name)) return { ok: false, message: 'The selected file must be a CSV or an Excel workbook (.xlsx)' };
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null)
    return { ok: false, message: 'The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV' };
  if (unpacked > MAX_XLSX_UNPACKED_BYTES)
    return { ok: false, message: 'The workbook is too large to read. Save the list of cases alone as CSV and upload that' };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { ok: false, message: 'The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: 'The workbook has no sheets' };
  const records: CsvRecord[] = [];
  const width = Math.min(sheet.columnCount, 50);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    while (fields.length && fields[fields.length - 1] === '') fields.pop();
    if (fields.length) records.push({ line: rowNumber, fields });
  });
  return { ok: true, records };
}
