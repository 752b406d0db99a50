import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv/parse-csv';
import { checkPopulationFile, describePopulationIssue, MAX_POPULATION_ROWS, populationTemplateRows } from './population-file';
import iconv from 'iconv-lite';
import { declaredUnpackedSize, MAX_POPULATION_FILE_BYTES, MAX_XLSX_UNPACKED_BYTES, readPopulationFile } from './read-population-file';
import { makeZipBomb } from './test-support/zip-bomb';

const HEADER = 'reference,type,disposal,disposal_date,gender,rosh,safety_wellbeing,case_manager';
const recordsOf = (lines: string[]) => {
  const parsed = parseCsv(lines.join('\r\n'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records;
};

describe('checkPopulationFile', () => {
  it('reads every column, labels and both date formats', () => {
    const check = checkPopulationFile(
      recordsOf([
        HEADER,
        'YJS-1,court,referral_order,2026-03-14,Male,medium,high,CM-07',
        'YJS-2,Out of court,Youth caution,02/07/2026,,,,',
      ]),
      '2021',
    );
    expect(check.errors).toEqual([]);
    expect(check.isUsable).toBe(true);
    expect(check.rows[1]).toEqual({
      line: 3,
      reference: 'YJS-2',
      type: 'out_of_court',
      disposal: 'youth_caution',
      disposalDate: '2026-07-02',
      gender: null,
      rosh: null,
      safetyWellbeing: null,
      caseManager: null,
    });
  });

  it('reports every wrong row with its line and column, and nothing is usable', () => {
    const check = checkPopulationFile(
      recordsOf([
        HEADER,
        'YJS-1,court,youth_caution,2026-03-14,Male,medium,high,',
        'YJS-1,court,referral_order,,Male,extreme,high,',
        'Jayden Smith,court,referral_order,2026-02-30,Male,low,low,',
      ]),
      '2021',
    );
    expect(check.isUsable).toBe(false);
    expect(check.errors.map(describePopulationIssue)).toEqual([
      'Line 2, disposal: Youth caution is an out-of-court disposal, but the case type is court',
      'Line 3, reference: Reference YJS-1 appears more than once in the file (first on line 2)',
      'Line 3, disposal_date: Enter the disposal or sentence date: the eligibility window is worked out from it',
      'Line 3, rosh: Risk of serious harm “extreme” is not known: use low, medium, high, very_high, or leave it blank',
      'Line 4, reference: Case reference “Jayden Smith” looks like a name. Use the service’s case reference (for example YJS-0042), never a child’s name',
      'Line 4, disposal_date: Disposal or sentence date “2026-02-30” is not a real date: write it as YYYY-MM-DD or DD/MM/YYYY',
    ]);
  });

  it('refuses a file with a column of names outright', () => {
    const check = checkPopulationFile(recordsOf(['reference,child name,type', 'YJS-1,Ann,court']), '2021');
    expect(check.fileErrors[0]).toMatch(/looks like it holds children’s names/);
    expect(check.rows).toEqual([]);
  });

  it('takes no heading for a known column because it names a property of every object', () => {
    for (const heading of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const check = checkPopulationFile(
        recordsOf([`reference,type,disposal,disposal_date,${heading}`, 'YJS-1,court,referral_order,2026-01-01,x']),
        '2021',
      );
      expect(check.isUsable).toBe(false);
      expect(check.fileErrors.join(' ')).toContain(`Column “${heading}” is not one Casemark reads`);
    }
  });

  it('refuses resettlement cases under the 2018 standards, a missing column and an empty file', () => {
    expect(checkPopulationFile(recordsOf([HEADER, 'R-1,resettlement,custodial_sentence,2026-01-01,,,,']), '2018').errors[0]?.column).toBe(
      'type',
    );
    expect(checkPopulationFile(recordsOf(['reference,type,disposal', 'A-1,court,referral_order']), '2021').fileErrors).toEqual([
      'The header has no “disposal_date” column. The first line must name the columns, as in the template',
    ]);
    expect(checkPopulationFile([], '2021').isUsable).toBe(false);
    expect(checkPopulationFile(recordsOf([HEADER]), '2021').fileErrors[0]).toMatch(/no cases/);
  });

  it('accepts its own template', () => {
    const csv = populationTemplateRows()
      .map((r) => r.join(','))
      .join('\n');
    expect(checkPopulationFile(recordsOf([csv]), '2021').isUsable).toBe(true);
  });
});

describe('readPopulationFile', () => {
  it('reads the first sheet of a workbook, with real dates and row numbers as lines', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Caseload');
    sheet.addRow(['Reference', 'Case type', 'Disposal', 'Disposal date', 'Gender', 'RoSH level', 'Safety and wellbeing', 'Case manager']);
    sheet.addRow(['YJS-1', 'Court', 'Referral order', new Date(Date.UTC(2026, 2, 14)), 'Male', 'Medium', 'High', 'CM-07']);
    sheet.addRow([]);
    sheet.addRow(['YJS-2', 'out_of_court', 'youth_caution', '02/07/2026', 'Female', 'low', null, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readPopulationFile('caseload.xlsx', bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.records.map((r) => r.line)).toEqual([1, 2, 4]);
    const check = checkPopulationFile(read.records, '2021');
    expect(check.errors).toEqual([]);
    expect(check.rows.map((r) => [r.line, r.disposalDate, r.rosh])).toEqual([
      [2, '2026-03-14', 'medium'],
      [4, '2026-07-02', 'low'],
    ]);
  });

  it('refuses a workbook that declares more unpacked data than a caseload could hold (a zip bomb)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Caseload').addRow(['reference']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const honest = declaredUnpackedSize(bytes);
    expect(honest).toBeGreaterThan(0);
    expect(honest).toBeLessThan(MAX_XLSX_UNPACKED_BYTES);
    // Make the first entry of the central directory claim 4 GB less one byte.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = bytes.byteLength - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    view.setUint32(view.getUint32(eocd + 16, true) + 24, 0xfffffffe, true);
    expect(await readPopulationFile('bomb.xlsx', bytes)).toEqual({ ok: false, message: expect.stringMatching(/too large/) });
  });

  it('refuses other kinds of file and a broken workbook, without throwing', async () => {
    expect(await readPopulationFile('list.pdf', new Uint8Array([1]))).toEqual({
      ok: false,
      message: expect.stringMatching(/CSV or an Excel/),
    });
    expect(await readPopulationFile('list.xlsx', new Uint8Array([1, 2, 3]))).toEqual({
      ok: false,
      message: expect.stringMatching(/could not be read/),
    });
    expect((await readPopulationFile('list.csv', new TextEncoder().encode('a,"b'))).ok).toBe(false);
  });
});

describe('readPopulationFile against what people and attackers upload (issue 21)', () => {
  it('refuses a real zip bomb — 870 KB inflating to 880 MB while declaring 1,000 bytes — by the bytes it inflates, before the workbook reader', async () => {
    const bomb = makeZipBomb(880_000_000);
    expect(bomb.byteLength).toBeLessThan(MAX_POPULATION_FILE_BYTES);
    expect(declaredUnpackedSize(bomb)).toBe(1_000);
    const before = process.memoryUsage().rss;
    expect(await readPopulationFile('caseload.xlsx', bomb)).toEqual({ ok: false, message: expect.stringMatching(/too large to read/) });
    // Stopped at the cap (10 MB and one step of 4 MB at most), nowhere near the 880 MB it holds.
    expect(process.memoryUsage().rss - before).toBeLessThan(200_000_000);
  });

  it('refuses a workbook of more rows than a caseload has, counted while it is unpacked', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Caseload');
    for (let i = 0; i <= MAX_POPULATION_ROWS + 1; i++) sheet.addRow([`R-${i}`]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readPopulationFile('caseload.xlsx', bytes)).toEqual({
      ok: false,
      message: 'The workbook has more than 5,000 rows; the most is 5,000',
    });
  });

  const HEADER = 'reference,type,disposal,disposal_date,case_manager';
  const ROW = 'YJS-1,court,referral_order,2026-03-14,Zoë Brontë';

  it('reads a CSV saved as Windows-1252, UTF-16 or UTF-8 with or without a byte order mark, accents intact', async () => {
    for (const [encoding, bom] of [
      ['win1252', false],
      ['utf16le', true],
      ['utf16be', true],
      ['utf8', true],
      ['utf8', false],
    ] as const) {
      const bytes = new Uint8Array(iconv.encode(`${HEADER}\r\n${ROW}\r\n`, encoding, { addBOM: bom }));
      const read = await readPopulationFile('caseload.csv', bytes);
      expect(read.ok && read.records.at(1)?.fields.at(4), `${encoding} ${bom ? 'with' : 'without'} BOM`).toBe('Zoë Brontë');
    }
  });

  it('says every limit in plain words: rows (counted before parsing), columns, characters in a cell', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const many = `${HEADER}\n${`${ROW}\n`.repeat(12_000)}`;
    expect(await readPopulationFile('caseload.csv', encode(many))).toEqual({
      ok: false,
      message: 'The file has 12,000 rows; the most is 5,000',
    });
    const wide = `${HEADER}\n${ROW}${',x'.repeat(250)}\n`;
    expect(await readPopulationFile('caseload.csv', encode(wide))).toEqual({
      ok: false,
      message: 'Line 2 has 255 columns; the most is 200',
    });
    const long = `${HEADER}\n${ROW}${'é'.repeat(1_500)}\n`;
    expect(await readPopulationFile('caseload.csv', encode(long))).toEqual({
      ok: false,
      message: 'Line 2, column 5 has 1,510 characters; the most is 1,000',
    });
  });
});
