import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '@/lib/csv/parse-csv';
import { checkCaseImport, describeImportIssue, importTemplateRows, MAX_IMPORT_ROWS, type CaseImportContext } from './check-case-import';

const context: CaseImportContext = {
  framework: '2021',
  existingReferences: ['NS-001'],
  team: [
    { userId: 'u-lead', email: 'lead@example.gov.uk', name: 'Lena Lead', role: 'lead_inspector' },
    { userId: 'u-ines', email: 'ines@example.gov.uk', name: 'Ines Inspector', role: 'inspector' },
    { userId: 'u-maya', email: 'maya@example.gov.uk', name: 'Maya Manager', role: 'manager' },
  ],
};

const HEADER = 'reference,type,disposal,sentence_date,gender,rosh,safety_wellbeing,case_manager,inspector_email';

function check(lines: string[], ctx: CaseImportContext = context) {
  return checkCaseImport(lines.join('\r\n') + '\r\n', ctx);
}

describe('checkCaseImport: a good file', () => {
  it('reads every column, accepting labels, both date formats and any case', () => {
    const result = check([
      HEADER,
      'NS-101,court,referral_order,2026-09-14,Male,medium,high,CM-07,ines@example.gov.uk',
      'NS-102,Out of court,Youth conditional caution,01/10/2026,Female,Low,Very high,,LEAD@example.gov.uk',
      'NS-103,Resettlement,custodial_sentence,,,,,,',
    ]);
    expect(result.fileErrors).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.isImportable).toBe(true);
    expect(result.rows.map((r) => r.kase)).toEqual([
      {
        reference: 'NS-101',
        type: 'court',
        disposal: 'referral_order',
        sentenceDate: '2026-09-14',
        gender: 'Male',
        rosh: 'medium',
        safetyWellbeing: 'high',
        caseManager: 'CM-07',
        inspectorId: 'u-ines',
      },
      {
        reference: 'NS-102',
        type: 'out_of_court',
        disposal: 'youth_conditional_caution',
        sentenceDate: '2026-10-01',
        gender: 'Female',
        rosh: 'low',
        safetyWellbeing: 'very_high',
        caseManager: null,
        inspectorId: 'u-lead',
      },
      {
        reference: 'NS-103',
        type: 'resettlement',
        disposal: 'custodial_sentence',
        sentenceDate: null,
        gender: null,
        rosh: null,
        safetyWellbeing: null,
        caseManager: null,
        inspectorId: null,
      },
    ]);
    expect(result.rows[0]?.inspectorName).toBe('Ines Inspector');
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('needs only reference, type and disposal, in any order, with aliases and a BOM', () => {
    const result = checkCaseImport('\uFEFFDisposal,Case Reference,Case type\r\nYouth caution,OOC-9,Out-of-court disposal\r\n', context);
    expect(result.isImportable).toBe(true);
    expect(result.rows[0]?.kase).toMatchObject({ reference: 'OOC-9', type: 'out_of_court', disposal: 'youth_caution' });
  });

  it('skips blank lines and keeps line numbers of the file', () => {
    const result = check([HEADER, '', 'NS-201,court,referral_order,,,,,,', ',,,,,,,,', 'NS-202,court,other_court,,,,,,']);
    expect(result.isImportable).toBe(true);
    expect(result.rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it('reads quoted values with commas', () => {
    const result = check([HEADER, 'NS-301,court,referral_order,,,,,"Team A, north",']);
    expect(result.rows[0]?.kase?.caseManager).toBe('Team A, north');
  });

  it('accepts the template with its example row', () => {
    const result = checkCaseImport(formatCsv(importTemplateRows('ines@example.gov.uk')), context);
    expect(result.errors).toEqual([]);
    expect(result.isImportable).toBe(true);
  });
});

describe('checkCaseImport: bad rows are each reported with line and column', () => {
  it('reports every problem of every row, and imports nothing', () => {
    const result = check([
      HEADER,
      'NS-401,court,youth_caution,,,,,,', // disposal not matching type
      'NS-402,court,fine,,,,,,', // unknown disposal
      'NS-403,custody,referral_order,,,,,,', // unknown type
      'NS-404,court,referral_order,31/02/2026,,,,,', // bad date
      'NS-405,court,referral_order,,,extreme,,,', // unknown level
      'NS-406,court,referral_order,,,,,,nobody@example.gov.uk', // not on the team
      'NS-407,court,referral_order,,,,,,maya@example.gov.uk', // a manager
      'NS-401,court,referral_order,,,,,,', // duplicate in the file
      'NS-001,court,referral_order,,,,,,', // already in the inspection
      'Jayden Smith,court,referral_order,,,,,,', // a name
      ',court,referral_order,,,,,,', // no reference
      'NS-412,,,,,,,,', // no type, no disposal
    ]);
    expect(result.isImportable).toBe(false);
    expect(result.rows.every((r) => r.kase === null)).toBe(true);
    expect(result.errors.map(describeImportIssue)).toEqual([
      'Line 2, disposal: Youth caution is an out-of-court disposal, but the case type is court',
      'Line 3, disposal: Disposal “fine” is not known: use one of referral_order, youth_rehabilitation_order, custodial_sentence, other_court, youth_conditional_caution, youth_caution, community_resolution, other_out_of_court',
      'Line 4, type: Type “custody” is not known: use court, out_of_court or resettlement',
      'Line 5, sentence_date: Sentence date “31/02/2026” is not a real date: write it as YYYY-MM-DD or DD/MM/YYYY',
      'Line 6, rosh: RoSH level “extreme” is not known: use low, medium, high, very_high, or leave it blank',
      'Line 7, inspector_email: No one with the email address nobody@example.gov.uk is on this inspection’s team: add them to the team first, or leave the cell blank',
      'Line 8, inspector_email: maya@example.gov.uk is on the team as a manager (read-only): only inspectors and the lead inspector can be allocated cases',
      'Line 9, reference: Reference NS-401 appears more than once in the file (first on line 2)',
      'Line 10, reference: A case with reference NS-001 is already in this inspection',
      'Line 11, reference: Case reference “Jayden Smith” looks like a name. Use the service’s case reference (for example YJS-0042), never a child’s name',
      'Line 12, reference: Enter a case reference',
      'Line 13, type: Enter the case type: court, out_of_court or resettlement',
      'Line 13, disposal: Enter the disposal, for example referral_order or youth_caution',
    ]);
  });

  it('treats references that differ only in case as duplicates', () => {
    const result = check([
      HEADER,
      'ns-9,court,referral_order,,,,,,',
      'NS-9,court,referral_order,,,,,,',
      'ns-001,court,referral_order,,,,,,',
    ]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'reference'],
      [4, 'reference'],
    ]);
  });

  it('refuses resettlement cases in a 2018 inspection', () => {
    const result = check([HEADER, 'W-1,resettlement,custodial_sentence,,,,,,'], { ...context, framework: '2018' });
    expect(result.errors).toEqual([{ line: 2, column: 'type', message: expect.stringMatching(/2018 standards/) }]);
  });

  it('reports a row with more values than the header has columns', () => {
    const result = check(['reference,type,disposal', 'NS-1,court,referral_order,Jayden']);
    expect(result.errors).toEqual([
      { line: 2, column: null, message: expect.stringMatching(/^The row has 4 values but the header has 3 columns/) },
    ]);
  });

  it('treats missing trailing cells as blank', () => {
    expect(check([HEADER, 'NS-1,court,referral_order']).isImportable).toBe(true);
  });
});

describe('checkCaseImport: the file as a whole', () => {
  it('refuses a header with a column of children’s names, checking no rows', () => {
    for (const heading of ['name', 'Child name', 'First Name', 'surname', 'Forename', 'full_name', 'Young person', 'DOB']) {
      const result = check([`reference,type,disposal,${heading}`, 'NS-1,court,referral_order,Jayden']);
      expect(result.isImportable, heading).toBe(false);
      expect(result.rows, heading).toEqual([]);
      expect(result.fileErrors[0], heading).toMatch(
        /looks like it holds children’s names or personal details\. Casemark stores case references only/,
      );
    }
  });

  it('allows a case manager name column (staff, not children)', () => {
    expect(check(['reference,type,disposal,case manager name', 'NS-1,court,referral_order,CM-1']).isImportable).toBe(true);
  });

  it('refuses unknown, duplicated, unnamed and missing required columns', () => {
    expect(check(['reference,type,disposal,colour', 'NS-1,court,referral_order,red']).fileErrors).toEqual([
      'Column “colour” is not one Casemark imports. Remove it, or rename it to one of: reference, type, disposal, sentence_date, gender, rosh, safety_wellbeing, case_manager, inspector_email',
    ]);
    expect(check(['reference,type,disposal,ref', 'NS-1,court,referral_order,x']).fileErrors).toEqual([
      'Column “reference” appears more than once in the header',
    ]);
    expect(check(['reference,type,disposal,', 'NS-1,court,referral_order,']).fileErrors[0]).toMatch(/has no heading/);
    expect(check(['reference,type', 'NS-1,court']).fileErrors).toEqual([
      'The header has no “disposal” column. The first line must name the columns, as in the template',
    ]);
  });

  it('refuses an empty file, a header with no rows, bad CSV and too many rows', () => {
    expect(checkCaseImport('', context).fileErrors[0]).toMatch(/The file is empty/);
    expect(check([HEADER]).fileErrors[0]).toMatch(/no cases/);
    expect(check([HEADER, 'NS-1,"court,referral_order']).fileErrors[0]).toMatch(
      /^The file is not valid CSV\. Line 2: a quoted value is never closed/,
    );
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `NS-${i},court,referral_order`);
    expect(check(['reference,type,disposal', ...many]).fileErrors[0]).toMatch(/^The file has 501 rows; the most is 500$/);
  });
});

describe('importTemplateRows', () => {
  it('is a header and one example row that parse back', () => {
    const parsed = parseCsv(formatCsv(importTemplateRows(null)));
    expect(parsed.ok && parsed.records.map((r) => r.fields.length)).toEqual([9, 9]);
  });
});

describe('checkCaseImport: hostile files', () => {
  it('does not take a heading such as "constructor" for a known column', () => {
    const result = check(['reference,type,disposal,constructor', 'NS-101,court,referral_order,Jane Doe']);
    expect(result.isImportable).toBe(false);
    expect(result.fileErrors).toEqual([expect.stringContaining('Column “constructor” is not one Casemark imports')]);
    expect(check(['reference,type,disposal,__proto__', 'NS-101,court,referral_order,x']).fileErrors).toHaveLength(1);
  });

  it('refuses a cell holding a NUL character, naming its line and column, so the preview never says the file is ready', () => {
    const result = check([HEADER, 'NS-101,court,referral_order,,Ma\u0000le,,,,', 'NS-102,court,referral_order,,,,,,,x\u0000']);
    expect(result.isImportable).toBe(false);
    expect(result.errors).toEqual([
      { line: 2, column: 'gender', message: expect.stringMatching(/^Gender holds a character that cannot be stored/) },
      { line: 3, column: null, message: expect.stringContaining('the header has 9 columns') },
      { line: 3, column: null, message: expect.stringMatching(/^Value 10 holds a character that cannot be stored/) },
    ]);
    expect(check(['reference,type,dis\u0000posal', 'NS-101,court,referral_order']).fileErrors[0]).toMatch(
      /^A column heading holds a character that cannot be stored/,
    );
  });
});

describe('checkCaseImport: text from a forged request', () => {
  it('refuses half a surrogate pair as a file error', () => {
    expect(check([HEADER, 'NS-101,court,referral_order,,\uD800,,,,']).fileErrors).toEqual([
      expect.stringMatching(/^The file holds a character that cannot be stored/),
    ]);
  });
});
