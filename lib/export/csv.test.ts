import { describe, expect, it } from 'vitest';
import { BOM, cellText, csvLine, escapeFormula, quoteField, toCsv } from './csv';
import { readCsv } from './test-support/read-csv';

describe('escapeFormula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2 below the boundary', "'-2 below the boundary"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(escapeFormula(input)).toBe(expected);
  });

  it.each([
    ['Svc;=HYPERLINK("http://x","y")', `Svc;'=HYPERLINK("http://x","y")`],
    ['a, =1+1', "a, '=1+1"],
    ['a\t@SUM(1)', "a\t'@SUM(1)"],
    ['x|+1', "x|'+1"],
    ['\u202E=cmd', "'=cmd"],
    ['C\u200B-1', 'C-1'],
    ['\u2066abc\u2069 \u202Dxyz\u202C\uFEFF', 'abc xyz'],
  ])('neutralises a formula after a separator, and removes invisible characters: %j', (input, expected) => {
    expect(escapeFormula(input)).toBe(expected);
  });

  it.each(['Good', '2.1.1', "'already quoted", 'a=b', 'x-y', ' =not first', '', 'Zoë; café'])('leaves %j alone', (input) => {
    expect(escapeFormula(input)).toBe(input);
  });
});

describe('cellText', () => {
  it('writes numbers as numbers, negative ones included, and never escapes them', () => {
    expect(cellText(-3)).toBe('-3');
    expect(cellText(0)).toBe('0');
    expect(cellText(0.77)).toBe('0.77');
    expect(cellText(36)).toBe('36');
  });

  it('escapes text that looks like a negative number: it is text, not a number', () => {
    expect(cellText('-3')).toBe("'-3");
  });

  it('writes empty cells for null and undefined, Yes/No for booleans', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(true)).toBe('Yes');
    expect(cellText(false)).toBe('No');
  });

  it('refuses numbers a spreadsheet cannot read', () => {
    expect(() => cellText(Number.NaN)).toThrow(RangeError);
    expect(() => cellText(Infinity)).toThrow(RangeError);
  });
});

describe('quoteField', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles the quotes', () => {
    expect(quoteField('a, b')).toBe('"a, b"');
    expect(quoteField('say "no"')).toBe('"say ""no"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('leaves other fields unquoted', () => {
    expect(quoteField('Requires improvement')).toBe('Requires improvement');
    expect(quoteField('')).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    const text = toCsv([
      ['Standard', 'Rating'],
      ['2.1', 'Good'],
    ]);
    expect(text).toBe(`${BOM}Standard,Rating\r\n2.1,Good\r\n`);
  });

  it('can leave the byte order mark out (for appending to a stream)', () => {
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('round-trips awkward text through a strict RFC 4180 reader', () => {
    const rows = [
      ['Key question', 'Note', 'Score'],
      ['2.1.1', 'Thorough, "personalised" work', 3],
      ['2.1.2', 'Line one\nline two\r\nline three', -1],
      ['2.1.3', '=HYPERLINK("http://evil.example","click")', 0],
      ['2.1.4', '-1 case short', null],
      ['2.1.5', 'Café – “smart” quotes ’', 2],
      ['2.1.6', '@risk', 1],
      ['2.1.7', '+1', 1],
      ['2.1.8', '\tindented', 1],
    ];
    const { hasBom, rows: read } = readCsv(toCsv(rows));
    expect(hasBom).toBe(true);
    expect(read).toEqual([
      ['Key question', 'Note', 'Score'],
      ['2.1.1', 'Thorough, "personalised" work', '3'],
      ['2.1.2', 'Line one\nline two\r\nline three', '-1'],
      ['2.1.3', `'=HYPERLINK("http://evil.example","click")`, '0'],
      ['2.1.4', "'-1 case short", ''],
      ['2.1.5', 'Café – “smart” quotes ’', '2'],
      ['2.1.6', "'@risk", '1'],
      ['2.1.7', "'+1", '1'],
      ['2.1.8', "'\tindented", '1'],
    ]);
  });

  it('writes an empty file as just the byte order mark', () => {
    expect(toCsv([])).toBe(BOM);
  });

  it('encodes as UTF-8 with the BOM bytes EF BB BF', () => {
    const bytes = new TextEncoder().encode(toCsv([['é']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('é\r\n');
  });
});
