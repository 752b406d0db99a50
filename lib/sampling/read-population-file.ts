/**
 * The uploaded list as records of text cells, whether the service sent CSV or an Excel
 * workbook (.xlsx, the first sheet). Line numbers are the file's (the spreadsheet's row
 * numbers), so the problems found later point at the right row. No database.
 */
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate, zipSync } from 'fflate';
import { parseCsv, type CsvRecord } from '@/lib/csv/parse-csv';
import { decodeText } from '@/lib/csv/decode-text';
import { explainLimits, explainTooManyRows, type ListLimits } from '@/lib/csv/limits';
import { formatIsoDate } from './dates';
import { MAX_POPULATION_ROWS } from './population-file';

/** What one upload of the service's list may hold (lib/validation/sampling.ts allows no more). */
const POPULATION_LIMITS: ListLimits = { maxRows: MAX_POPULATION_ROWS, maxColumns: 200, maxCellCharacters: 1000 };

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

/** What an honest caseload workbook unpacks to at most (5,000 rows are a few MB); a zip bomb, far more. */
export const MAX_XLSX_UNPACKED_BYTES = 10_000_000;

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

const UNREADABLE_XLSX = 'The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV';
const TOO_LARGE_XLSX = 'The workbook is too large to read. Save the list of cases alone as CSV and upload that';

type InflateResult = { ok: true; files: Record<string, Uint8Array> } | { ok: false; message: string };

const ROW_TAG = new TextEncoder().encode('<row');

/**
 * Unpacks an .xlsx counting the bytes actually inflated, not those the zip declares (a zip bomb
 * declares 1,000 bytes and inflates to 880 MB: issue 21), and the rows of its sheets: it stops
 * the moment either passes its cap. The zip is fed 4 KB at a time, so one step inflates at most
 * about 4 MB. What was unpacked is handed on as is, so the workbook reader sees exactly what was
 * counted.
 */
function inflateWorkbook(bytes: Uint8Array, caps: { maxBytes: number; maxRows: number }): InflateResult {
  const files: Record<string, Uint8Array[]> = {};
  let inflated = 0;
  let rows = 0;
  let problem: string | null = null;
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = (files[file.name] = []);
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(file.name);
    let tail = new Uint8Array(0);
    file.ondata = (error, chunk) => {
      if (problem) return;
      if (error) {
        problem = UNREADABLE_XLSX;
        return;
      }
      inflated += chunk.byteLength;
      if (inflated > caps.maxBytes) {
        problem = TOO_LARGE_XLSX;
        file.terminate();
        return;
      }
      if (isSheet) {
        // `<row` split across two chunks is counted once: the last three bytes are carried over.
        const seen = new Uint8Array(tail.byteLength + chunk.byteLength);
        seen.set(tail);
        seen.set(chunk, tail.byteLength);
        for (let i = seen.indexOf(0x3c); i >= 0 && i <= seen.byteLength - ROW_TAG.byteLength; i = seen.indexOf(0x3c, i + 1)) {
          if (seen[i + 1] === 0x72 && seen[i + 2] === 0x6f && seen[i + 3] === 0x77) rows++;
        }
        tail = seen.slice(Math.max(0, seen.byteLength - (ROW_TAG.byteLength - 1)));
        if (rows > caps.maxRows + 1)
          problem = `The workbook has more than ${caps.maxRows.toLocaleString('en-GB')} rows; the most is ${caps.maxRows.toLocaleString('en-GB')}`;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.byteLength && !problem; at += 4096) {
      unzip.push(bytes.subarray(at, at + 4096), at + 4096 >= bytes.byteLength);
    }
  } catch {
    problem ??= UNREADABLE_XLSX;
  }
  if (problem) return { ok: false, message: problem };
  const whole: Record<string, Uint8Array> = {};
  for (const [name, chunks] of Object.entries(files)) {
    const joined = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    whole[name] = joined;
  }
  return Object.keys(whole).length ? { ok: true, files: whole } : { ok: false, message: UNREADABLE_XLSX };
}

/** Reads CSV bytes in the encoding they were saved in, counting rows before parsing. */
function readCsv(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const tooMany = explainTooManyRows(decoded.text, POPULATION_LIMITS);
  if (tooMany) return { ok: false, message: tooMany };
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return { ok: false, message: `The file is not valid CSV. ${parsed.message}` };
  const overLimit = explainLimits(parsed.records, POPULATION_LIMITS);
  return overLimit ? { ok: false, message: overLimit } : { ok: true, records: parsed.records };
}

/**
 * Reads a CSV or XLSX file's bytes into records. Never throws on bad input. Cheapest checks
 * first: the file's size, its encoding, its rows counted before any parse; for a workbook, the
 * size its zip declares, then the bytes actually inflated and the rows of its sheets, and only
 * then the workbook reader.
 */
export async function readPopulationFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength > MAX_POPULATION_FILE_BYTES) return { ok: false, message: 'The selected file must be smaller than 900 KB' };
  if (isCsv(name)) return readCsv(bytes);
  if (!isXlsx(name)) return { ok: false, message: 'The selected file must be a CSV or an Excel workbook (.xlsx)' };
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) return { ok: false, message: UNREADABLE_XLSX };
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) return { ok: false, message: TOO_LARGE_XLSX };
  const inflated = inflateWorkbook(bytes, { maxBytes: MAX_XLSX_UNPACKED_BYTES, maxRows: POPULATION_LIMITS.maxRows });
  if (!inflated.ok) return inflated;
  const workbook = new ExcelJS.Workbook();
  try {
    // Stored, not compressed again: the reader unpacks exactly the bytes counted above.
    const counted = zipSync(inflated.files, { level: 0 });
    await workbook.xlsx.load(counted.buffer.slice(counted.byteOffset, counted.byteOffset + counted.byteLength));
  } catch {
    return { ok: false, message: UNREADABLE_XLSX };
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
  const overLimit = explainLimits(records, POPULATION_LIMITS);
  return overLimit ? { ok: false, message: overLimit } : { ok: true, records };
}
