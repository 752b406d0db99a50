/**
 * Checking the service's list of eligible cases (CSV or XLSX, read into records first) before
 * the sample is drawn from it. The same rules as the case sample import (lib/setup/check-case-import.ts):
 * every row is checked and every problem reported with its line and column; nothing is kept
 * while any row is wrong; case references only — a column that looks like children's names or
 * personal details refuses the whole file. Pure.
 */
import type { CsvRecord } from '@/lib/csv/parse-csv';
import type { CaseType, Disposal, FrameworkVersion, Level } from '@/lib/framework/types';
import { parseCalendarDate } from '@/lib/setup/case-fields';
import {
  checkCaseDetails,
  checkFileReference,
  checkTypeAndDisposal,
  mapHeading,
  readHeader,
  readRowValues,
  type HeadingMatch,
} from '@/lib/setup/case-rows';

/** The columns of the list, in the template's order. */
export const POPULATION_COLUMNS = [
  'reference',
  'type',
  'disposal',
  'disposal_date',
  'gender',
  'rosh',
  'safety_wellbeing',
  'case_manager',
] as const;
type PopulationColumn = (typeof POPULATION_COLUMNS)[number];

const REQUIRED: readonly PopulationColumn[] = ['reference', 'type', 'disposal', 'disposal_date'];

// A Map, not an object: a heading such as `constructor` or `__proto__` must not be found on
// Object.prototype and taken as a known column (issue 9 §4).
const ALIASES = new Map<string, PopulationColumn>(
  Object.entries({
    ref: 'reference',
    case_ref: 'reference',
    case_reference: 'reference',
    case_type: 'type',
    disposal_type: 'disposal',
    sentence_type: 'disposal',
    sentence_date: 'disposal_date',
    date_of_sentence: 'disposal_date',
    date_of_disposal: 'disposal_date',
    disposal_or_sentence_date: 'disposal_date',
    date: 'disposal_date',
    sex: 'gender',
    rosh_level: 'rosh',
    risk_of_serious_harm: 'rosh',
    safety_and_wellbeing: 'safety_wellbeing',
    'safety_&_wellbeing': 'safety_wellbeing',
    safety_wellbeing_level: 'safety_wellbeing',
    case_manager_name: 'case_manager',
  } satisfies Record<string, PopulationColumn>),
);

/** A service's whole caseload, not a sample: a few thousand rows at most. */
export const MAX_POPULATION_ROWS = 5000;

interface PopulationRow {
  line: number;
  reference: string;
  type: CaseType;
  disposal: Disposal;
  /** `YYYY-MM-DD` */
  disposalDate: string;
  gender: string | null;
  rosh: Level | null;
  safetyWellbeing: Level | null;
  caseManager: string | null;
}

interface PopulationIssue {
  /** Line of the file (the header is line 1). */
  line: number;
  column: PopulationColumn | null;
  message: string;
}

export interface PopulationCheck {
  fileErrors: string[];
  rows: PopulationRow[];
  errors: PopulationIssue[];
  isUsable: boolean;
}

function mapHeader(header: string): HeadingMatch<PopulationColumn> {
  return mapHeading(header, POPULATION_COLUMNS, ALIASES, 'reads');
}

const COLUMN_WORDS: Record<PopulationColumn, string> = {
  reference: 'Reference',
  type: 'Type',
  disposal: 'Disposal',
  disposal_date: 'Disposal or sentence date',
  gender: 'Gender',
  rosh: 'Risk of serious harm',
  safety_wellbeing: 'Safety and wellbeing',
  case_manager: 'Case manager',
};

/** Checks the records of the list. Never throws on bad input. */
export function checkPopulationFile(records: readonly CsvRecord[], framework: FrameworkVersion): PopulationCheck {
  const refuse = (...fileErrors: string[]): PopulationCheck => ({ fileErrors, rows: [], errors: [], isUsable: false });
  const [header, ...rest] = records;
  if (!header) return refuse('The file is empty. Download the template, fill in one row per eligible case and upload it');

  const { columns, errors: headerErrors } = readHeader(header.fields, mapHeader, REQUIRED);
  if (headerErrors.length) return refuse(...headerErrors);

  const data = rest.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (data.length === 0) return refuse('The file has a header but no cases. Add one row per eligible case under the header');
  if (data.length > MAX_POPULATION_ROWS)
    return refuse(`The file has ${data.length} cases; at most ${MAX_POPULATION_ROWS} can be read at once`);

  const firstLineOf = new Map<string, number>();
  const rows: PopulationRow[] = [];
  const errors: PopulationIssue[] = [];
  for (const record of data) {
    const before = errors.length;
    const add = (column: PopulationColumn | null, message: string) => errors.push({ line: record.line, column, message });
    const values = readRowValues(record, columns, add);
    const cell = (column: PopulationColumn) => values[column] ?? '';

    const reference = cell('reference');
    checkFileReference(reference, record.line, firstLineOf, add);
    const { type, disposal } = checkTypeAndDisposal(cell('type'), cell('disposal'), framework, add);

    const dateText = cell('disposal_date');
    const disposalDate = dateText === '' ? null : parseCalendarDate(dateText);
    if (dateText === '') add('disposal_date', 'Enter the disposal or sentence date: the eligibility window is worked out from it');
    else if (!disposalDate)
      add('disposal_date', `Disposal or sentence date “${dateText}” is not a real date: write it as YYYY-MM-DD or DD/MM/YYYY`);

    const { gender, rosh, safetyWellbeing, caseManager } = checkCaseDetails(cell, COLUMN_WORDS, add);

    if (errors.length === before && type && disposal && disposalDate) {
      rows.push({ line: record.line, reference, type, disposal, disposalDate, gender, rosh, safetyWellbeing, caseManager });
    }
  }
  return { fileErrors: [], rows, errors, isUsable: errors.length === 0 };
}

/** `Line 4, disposal_date: …` for the error summary. */
export function describePopulationIssue(issue: PopulationIssue): string {
  return `Line ${issue.line}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}`;
}

/** The template: the header and two example rows. */
export function populationTemplateRows(): string[][] {
  return [
    [...POPULATION_COLUMNS],
    ['YJS-0001', 'court', 'referral_order', '2026-03-14', 'Male', 'medium', 'high', 'CM-07'],
    ['YJS-0002', 'out_of_court', 'youth_caution', '2026-07-02', 'Female', 'low', 'medium', 'CM-03'],
  ];
}
