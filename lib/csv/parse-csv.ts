/**
 * A small RFC 4180 CSV reader for files people export from spreadsheets: quoted fields,
 * doubled quotes inside them, commas and line breaks inside quotes, CRLF, LF or CR line ends,
 * and a UTF-8 byte order mark (Excel writes one). Pure: no I/O.
 */

export interface CsvRecord {
  /** The 1-based line of the file on which this record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type ParseCsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

const BOM = '\uFEFF';

/**
 * Splits CSV text into records of fields. Blank lines are skipped (a spreadsheet often ends a
 * file with some). A quote that is never closed, or text straight after a closing quote, is
 * an error naming the line, rather than a guess that could shift every later column.
 */
export function parseCsv(text: string): ParseCsvResult {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let isQuoted = false;
  /** The current field was quoted and its closing quote has been read. */
  let isAfterClosingQuote = false;
  let quoteOpenedOn = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    isAfterClosingQuote = false;
  };
  const endRecord = () => {
    endField();
    const isBlank = fields.length === 1 && fields[0] === '';
    if (!isBlank) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (isQuoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          isQuoted = false;
          isAfterClosingQuote = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (isAfterClosingQuote) {
      return { ok: false, line, message: `Line ${line}: there is text after a closing quote. Put the whole value in quotes, and write a quote inside it as two quotes ("")` };
    } else if (ch === '"') {
      if (field !== '') {
        return { ok: false, line, message: `Line ${line}: a value has a quote in the middle. Put the whole value in quotes, and write a quote inside it as two quotes ("")` };
      }
      isQuoted = true;
      quoteOpenedOn = line;
    } else {
      field += ch;
    }
  }
  if (isQuoted) {
    return { ok: false, line: quoteOpenedOn, message: `Line ${quoteOpenedOn}: a quoted value is never closed (a quote is missing)` };
  }
  if (field !== '' || fields.length > 0 || isAfterClosingQuote) endRecord();
  return { ok: true, records };
}

/** Quotes a value for CSV output when it needs it (commas, quotes, line breaks). */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 writes them. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
}
