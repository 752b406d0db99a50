/**
 * A deliberately separate, strict RFC 4180 reader for tests that parse the exports back: it
 * accepts only what the standard allows (CRLF record ends, quoted fields with doubled quotes),
 * so a writer that slipped into LF line ends or unbalanced quotes fails the test.
 */
interface ReadCsvResult {
  hasBom: boolean;
  rows: string[][];
}

export function readCsv(text: string): ReadCsvResult {
  const hasBom = text.startsWith('\uFEFF');
  const input = hasBom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let isFieldStart = true;
  while (i < input.length) {
    const ch = input[i];
    if (isFieldStart && ch === '"') {
      // Quoted field: up to the closing quote, with "" meaning one quote.
      i++;
      for (;;) {
        if (i >= input.length) throw new Error('readCsv: a quoted field is never closed');
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += input[i++];
      }
      isFieldStart = false;
      if (i < input.length && input[i] !== ',' && input[i] !== '\r') throw new Error(`readCsv: text after a closing quote at ${i}`);
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      isFieldStart = true;
      i++;
    } else if (ch === '\r') {
      if (input[i + 1] !== '\n') throw new Error(`readCsv: a CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      isFieldStart = true;
      i += 2;
    } else if (ch === '\n') {
      throw new Error(`readCsv: a bare LF at ${i} (records must end with CRLF)`);
    } else if (ch === '"') {
      throw new Error(`readCsv: a quote inside an unquoted field at ${i}`);
    } else {
      field += ch;
      isFieldStart = false;
      i++;
    }
  }
  if (!isFieldStart || field !== '' || row.length) throw new Error('readCsv: the last record does not end with CRLF');
  return { hasBom, rows };
}

/** Rows as objects keyed by the header row. */
export function readCsvObjects(text: string): { hasBom: boolean; header: string[]; records: Record<string, string>[] } {
  const { hasBom, rows } = readCsv(text);
  const [header = [], ...body] = rows;
  return { hasBom, header, records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}
