/**
 * The limits of an uploaded list, said in plain words ("The file has 12,000 rows; the most is
 * 5,000") rather than in a validator's ("Too big: expected array to have <=10000 items"), and
 * checked in the cheapest order: rows are counted from the raw text before it is parsed, so a
 * file of 100,000 rows costs one scan, not a parse (issue 21). Pure.
 */
import type { CsvRecord } from './parse-csv';

export interface ListLimits {
  /** Rows under the header. */
  maxRows: number;
  maxColumns: number;
  maxCellCharacters: number;
}

const n = (value: number) => value.toLocaleString('en-GB');

/** The rows under the header, counted as non-blank lines (a quoted value over two lines counts twice). */
function countRowsBeforeParsing(text: string): number {
  let lines = 0;
  let isBlank = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (!isBlank) lines++;
      isBlank = true;
    } else if (isBlank && code !== 32 && code !== 44 && code !== 9) isBlank = false;
  }
  if (!isBlank) lines++;
  return Math.max(0, lines - 1);
}

/** Why the text has too many rows to read, or null: checked before it is parsed. */
export function explainTooManyRows(text: string, limits: Pick<ListLimits, 'maxRows'>): string | null {
  const rows = countRowsBeforeParsing(text);
  return rows > limits.maxRows ? `The file has ${n(rows)} rows; the most is ${n(limits.maxRows)}` : null;
}

/** The first limit the parsed records break, in plain words, or null. */
export function explainLimits(records: readonly CsvRecord[], limits: ListLimits): string | null {
  const rows = records.length - 1;
  if (rows > limits.maxRows) return `The file has ${n(rows)} rows; the most is ${n(limits.maxRows)}`;
  for (const record of records) {
    if (record.fields.length > limits.maxColumns)
      return `Line ${record.line} has ${n(record.fields.length)} columns; the most is ${n(limits.maxColumns)}`;
    const long = record.fields.findIndex((field) => field.length > limits.maxCellCharacters);
    if (long >= 0)
      return `Line ${record.line}, column ${long + 1} has ${n(record.fields[long]?.length ?? 0)} characters; the most is ${n(limits.maxCellCharacters)}`;
  }
  return null;
}
