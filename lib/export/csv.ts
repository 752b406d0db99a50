/**
 * CSV as Excel opens it cleanly: RFC 4180 (fields with a comma, quote or line break are quoted,
 * quotes doubled), CRLF line ends, UTF-8 with a byte order mark so that "’" and "é" survive a
 * double-click. Pure: no I/O.
 *
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) is prefixed with an apostrophe (OWASP "CSV injection"; formbricks
 * `lib/utils/file-conversion.ts` does the same). Numbers are written as numbers and never
 * escaped: -3 is a number, "-3 cases" is text and is escaped.
 */

/** A cell: text, a number, or empty (null/undefined). Booleans are written as Yes/No. */
export type CsvCell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';
const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises text a spreadsheet would treat as a formula: `=SUM(A1)` → `'=SUM(A1)`,
 * `-2 below` → `'-2 below`, `@cmd` → `'@cmd`. Other text is returned unchanged.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text of one cell as written to the file (formula-escaped, but not yet quoted). */
export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV cell cannot hold ${cell}`);
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'Yes' : 'No';
  return escapeFormula(cell);
}

/** Quotes a field when RFC 4180 requires it (comma, quote, CR or LF), doubling inner quotes. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending with CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map((cell) => quoteField(cellText(cell))).join(',') + CRLF;
}

/**
 * The whole file: every row as a CRLF-terminated record, preceded by a byte order mark unless
 * `bom: false` (e.g. when appending to a stream that already wrote one).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  return (options.bom === false ? '' : BOM) + rows.map(csvLine).join('');
}
