/**
 * Reading CSV files people export from spreadsheets, with the `csv-parse` package: quoted
 * fields, doubled quotes inside them, commas and line breaks inside quotes, CRLF, LF or CR line
 * ends, and a UTF-8 byte order mark (Excel writes one). What this adds is the line on which each
 * record starts and errors in words a lead inspector can act on. Pure: no I/O.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** The 1-based line of the file on which this record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

type ParseCsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

const CR = 0x0d;
const LF = 0x0a;
const QUOTE_ADVICE = 'Put the whole value in quotes, and write a quote inside it as two quotes ("")';

/** Line numbers by byte offset: one pass over the file, counting CRLF, LF and CR as one break each. */
function lineCounter(bytes: Uint8Array) {
  let offset = 0;
  let line = 1;
  /** The line of `to` (offsets only move forward). */
  const lineAt = (to: number) => {
    for (; offset < to; offset++) {
      if (bytes[offset] === LF) line++;
      else if (bytes[offset] === CR && bytes[offset + 1] !== LF) line++;
    }
    return line;
  };
  /** The first offset at or after `from` that is not a line break (blank lines are skipped). */
  const skipBreaks = (from: number) => {
    let at = from;
    while (at < bytes.length && (bytes[at] === CR || bytes[at] === LF)) at++;
    return at;
  };
  return { lineAt, skipBreaks };
}

/**
 * Splits CSV text into records of fields. Blank lines are skipped (a spreadsheet often ends a
 * file with some). A quote that is never closed, or text straight after a closing quote, is
 * an error naming the line, rather than a guess that could shift every later column.
 */
export function parseCsv(text: string): ParseCsvResult {
  const bytes = new TextEncoder().encode(text);
  const lines = lineCounter(bytes);
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Spreadsheets on different systems end lines differently; a file may even mix them.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const detail = error as CsvError & { lines?: number; bytes_records?: number };
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // Named by the line the record (and so the quote) starts on, where the fix is.
      const line = lines.lineAt(lines.skipBreaks(detail.bytes_records ?? 0));
      return { ok: false, line, message: `Line ${line}: a quoted value is never closed (a quote is missing)` };
    }
    const line = detail.lines ?? 1;
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE')
      return { ok: false, line, message: `Line ${line}: there is text after a closing quote. ${QUOTE_ADVICE}` };
    if (error.code === 'INVALID_OPENING_QUOTE')
      return { ok: false, line, message: `Line ${line}: a value has a quote in the middle. ${QUOTE_ADVICE}` };
    return { ok: false, line, message: `Line ${line}: the file cannot be read as CSV (${error.message})` };
  }
  const records: CsvRecord[] = [];
  let start = 0;
  for (const { record, info } of rows) {
    let from = lines.skipBreaks(start);
    // The byte order mark is not part of the first record's text.
    if (from === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = lines.skipBreaks(3);
    records.push({ line: lines.lineAt(from), fields: record });
    start = info.bytes;
  }
  return { ok: true, records };
}

/** Quotes a value for CSV output when it needs it (commas, quotes, line breaks). */
function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 writes them. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
}
