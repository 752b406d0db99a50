/**
 * CSV as Excel opens it cleanly: RFC 4180 (fields with a comma, quote or line break are quoted,
 * quotes doubled), CRLF line ends, UTF-8 with a byte order mark so that "’" and "é" survive a
 * double-click. Pure: no I/O.
 *
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return, or having one after a separator) gets an apostrophe there (OWASP "CSV injection"; formbricks
 * `lib/utils/file-conversion.ts` does the same). Numbers are written as numbers and never
 * escaped: -3 is a number, "-3 cases" is text and is escaped.
 */

/** A cell: text, a number, or empty (null/undefined). Booleans are written as Yes/No. */
export type CsvCell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';
const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A separator some spreadsheet splits on (comma; semicolon where the decimal point is a comma;
 * tab; pipe), then optional spaces, then a formula's first character: a cell such a spreadsheet
 * would start there (issue 21: `Svc;=HYPERLINK(…)` under a `;` separator).
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t|]\s*)(?=[=+\-@])/g;
/**
 * Characters that change how text is shown without being seen: bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C) and
 * zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E). In an export they can
 * make a reference or a name read as something else (`"‮1-C" shown as "C-1"`), so they are removed.
 */
const INVISIBLE = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Text without the invisible characters that would disguise it (see INVISIBLE). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Neutralises text a spreadsheet would treat as a formula: `=SUM(A1)` → `'=SUM(A1)`,
 * `-2 below` → `'-2 below`, `@cmd` → `'@cmd`, and after a separator as well as at the start:
 * `Svc;=HYPERLINK(…)` → `Svc;'=HYPERLINK(…)`. Invisible direction and zero-width characters are
 * removed first, so none can hide a formula's first character. Other text is returned unchanged.
 */
export function escapeFormula(text: string): string {
  const visible = stripInvisible(text).replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(visible) ? `'${visible}` : visible;
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
