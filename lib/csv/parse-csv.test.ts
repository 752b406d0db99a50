import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './parse-csv';

function records(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.records;
}

describe('parseCsv', () => {
  it('reads plain records with their line numbers', () => {
    expect(records('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('accepts CRLF, LF and CR line ends, and a last line without one', () => {
    expect(records('a,b\r\n1,2\r\n3,4').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(records('a,b\r1,2\r').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('strips a UTF-8 byte order mark so the first header is read as written', () => {
    expect(records('\uFEFFreference,type\r\nC-1,court\r\n')[0]?.fields).toEqual(['reference', 'type']);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks, keeping the line of the record start', () => {
    const text = 'ref,note\n"C-1","Said ""hello"", then left"\n"C-2","two\r\nlines"\nC-3,x\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ['ref', 'note'] },
      { line: 2, fields: ['C-1', 'Said "hello", then left'] },
      { line: 3, fields: ['C-2', 'two\r\nlines'] },
      { line: 5, fields: ['C-3', 'x'] },
    ]);
  });

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(records('a,,c,\n"",x,"",\n').map((r) => r.fields)).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    expect(records('a\n\n\r\nb\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('keeps spaces around unquoted values (the caller decides whether to trim)', () => {
    expect(records(' a , b \n')[0]?.fields).toEqual([' a ', ' b ']);
  });

  it('returns no records for an empty file or one with only a BOM', () => {
    expect(records('')).toEqual([]);
    expect(records('\uFEFF')).toEqual([]);
  });

  it('refuses a quote that is never closed, naming the line it opened on', () => {
    expect(parseCsv('a,b\n1,"two\n3,4\n')).toEqual({
      ok: false,
      line: 2,
      message: expect.stringMatching(/^Line 2: a quoted value is never closed/),
    });
  });

  it('refuses text after a closing quote and a quote in the middle of a value', () => {
    expect(parseCsv('a\n"x"y\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a\nx"y"\n')).toMatchObject({ ok: false, line: 2, message: expect.stringContaining('quote in the middle') });
  });

  it('round-trips what formatCsv writes', () => {
    const rows = [
      ['reference', 'note'],
      ['C-1', 'a, b'],
      ['C-2', 'say "x"'],
      ['C-3', 'two\nlines'],
    ];
    const text = formatCsv(rows);
    expect(text).toBe('reference,note\r\nC-1,"a, b"\r\nC-2,"say ""x"""\r\nC-3,"two\nlines"\r\n');
    expect(records(text).map((r) => r.fields)).toEqual(rows);
  });
});
