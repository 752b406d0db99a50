import { describe, expect, it } from 'vitest';
import {
  checkCaseDetails,
  checkFileReference,
  checkTypeAndDisposal,
  mapHeading,
  readHeader,
  readRowValues,
  type CaseRowColumn,
} from './case-rows';

type Issue = [CaseRowColumn | null, string];
const collector = () => {
  const issues: Issue[] = [];
  return { issues, add: (column: CaseRowColumn | null, message: string) => void issues.push([column, message]) };
};

const COLUMNS = ['reference', 'type'] as const;
const ALIASES = new Map<string, (typeof COLUMNS)[number]>([['ref', 'reference']]);
const map = (cell: string) => mapHeading(cell, COLUMNS, ALIASES, 'reads');

describe('mapHeading', () => {
  it('finds columns by name and alias, not on Object.prototype', () => {
    expect(map('Reference').column).toBe('reference');
    expect(map('Ref').column).toBe('reference');
    expect(map('constructor')).toEqual({ column: null, error: expect.stringContaining('is not one Casemark reads') });
  });

  it('refuses a heading that looks like children’s names', () => {
    expect(map('Child name').error).toContain('personal details');
  });
});

describe('readHeader', () => {
  it('reports repeats and missing required columns', () => {
    const { columns, errors } = readHeader(['reference', 'ref'], map, ['reference', 'type']);
    expect(columns).toEqual(['reference', 'reference']);
    expect(errors).toEqual([
      'Column “reference” appears more than once in the header',
      'The header has no “type” column. The first line must name the columns, as in the template',
    ]);
  });

  it('puts a personal column first and then asks for nothing else', () => {
    const { errors } = readHeader(['colour', 'surname'], map, ['reference']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('personal details');
  });
});

describe('row checks', () => {
  it('reads trimmed values and reports values beyond the header', () => {
    const { issues, add } = collector();
    expect(readRowValues({ line: 2, fields: [' A-1 ', 'court', 'x'] }, ['reference', 'type'], add)).toEqual({
      reference: 'A-1',
      type: 'court',
    });
    expect(issues[0]?.[1]).toContain('The row has 3 values but the header has 2 columns');
  });

  it('reports a reference repeated in the file and still returns its key', () => {
    const { issues, add } = collector();
    const firstLineOf = new Map<string, number>();
    expect(checkFileReference('YJS-1', 2, firstLineOf, add)).toBe('yjs-1');
    expect(checkFileReference('yjs-1', 3, firstLineOf, add)).toBe('yjs-1');
    expect(issues).toEqual([['reference', 'Reference yjs-1 appears more than once in the file (first on line 2)']]);
  });

  it('checks the disposal against the type', () => {
    const { issues, add } = collector();
    expect(checkTypeAndDisposal('court', 'youth_caution', '2021', add)).toEqual({ type: 'court', disposal: 'youth_caution' });
    expect(issues.map(([column]) => column)).toEqual(['disposal']);
  });

  it('names level columns as the caller calls them', () => {
    const { issues, add } = collector();
    const cells: Record<string, string> = { gender: '', rosh: 'extreme', safety_wellbeing: 'high', case_manager: '' };
    const details = checkCaseDetails((c) => cells[c] ?? '', { rosh: 'RoSH level', safety_wellbeing: 'Safety' }, add);
    expect(details).toEqual({ gender: null, rosh: null, safetyWellbeing: 'high', caseManager: null });
    expect(issues[0]).toEqual(['rosh', expect.stringMatching(/^RoSH level “extreme” is not known/)]);
  });
});
