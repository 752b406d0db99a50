/**
 * The row checks that the case sample import (lib/setup/check-case-import.ts) and the sampling
 * population list (lib/sampling/population-file.ts) share: how a heading is mapped to a column,
 * how the header is checked, and the messages for a case's reference, type, disposal and
 * details. One place, so that both files tell a service the same thing about the same mistake.
 * Pure.
 */
import type { CsvRecord } from '@/lib/csv/parse-csv';
import { LEVEL_LABELS } from '@/lib/format/labels';
import { DISPOSALS, type CaseType, type Disposal, type FrameworkVersion, type Level } from '@/lib/framework/types';
import {
  checkCaseReference,
  explainCaseTypeForFramework,
  explainDisposalMismatch,
  normaliseWord,
  parseCaseType,
  parseDisposal,
  parseLevel,
} from './case-fields';

/**
 * Headings that suggest a column of children's names (or other identifying details). Casemark
 * stores case references only, so such a file is refused outright rather than the column
 * quietly dropped: the service should not be sending it.
 */
const PERSONAL_COLUMN =
  /(^|_)(name|names|forename|forenames|surname|surnames|first_?name|last_?name|full_?name|given_?names?|family_?name|middle_?names?|child|childs|child's|young_?person|young_?people|yp|dob|date_of_birth|birth_?date|address|postcode)(_|$)/;

export interface HeadingMatch<C extends string> {
  column: C | null;
  error: string | null;
}

/**
 * Maps one heading to a column: by name, then by alias. `verb` ends the message for an unknown
 * heading ("is not one Casemark imports"/"reads").
 */
export function mapHeading<C extends string>(
  header: string,
  known: readonly C[],
  aliases: ReadonlyMap<string, C>,
  verb: string,
): HeadingMatch<C> {
  const word = normaliseWord(header);
  // A Map, not an object: a heading such as `constructor` or `__proto__` must not be found on
  // Object.prototype and taken as a known column.
  const column = (known as readonly string[]).includes(word) ? (word as C) : aliases.get(word);
  if (column) return { column, error: null };
  if (word === '')
    return { column: null, error: 'A column has no heading. Give every column one of the headings in the template, or remove it' };
  if (PERSONAL_COLUMN.test(word)) {
    return {
      column: null,
      error: `Column “${header.trim()}” looks like it holds children’s names or personal details. Casemark stores case references only: remove the column from the file and upload it again`,
    };
  }
  return {
    column: null,
    error: `Column “${header.trim()}” is not one Casemark ${verb}. Remove it, or rename it to one of: ${known.join(', ')}`,
  };
}

/**
 * Maps the header row to columns. Errors: every unusable heading, repeated columns, and (unless
 * a column looks personal, which is the reason to stop and is reported first) missing required
 * columns.
 */
export function readHeader<C extends string>(
  cells: readonly string[],
  mapHeader: (cell: string) => HeadingMatch<C>,
  required: readonly C[],
): { columns: (C | null)[]; errors: string[] } {
  const columns: (C | null)[] = [];
  const errors: string[] = [];
  const seen = new Set<C>();
  for (const cell of cells) {
    const { column, error } = mapHeader(cell);
    if (error) errors.push(error);
    if (column && seen.has(column)) errors.push(`Column “${column}” appears more than once in the header`);
    if (column) seen.add(column);
    columns.push(column);
  }
  const isPersonal = (e: string) => e.includes('personal details');
  errors.sort((a, b) => Number(isPersonal(b)) - Number(isPersonal(a)));
  if (!errors.some(isPersonal)) {
    for (const column of required) {
      if (!seen.has(column)) errors.push(`The header has no “${column}” column. The first line must name the columns, as in the template`);
    }
  }
  return { columns, errors };
}

/** The columns both files have; the checks below report against these. */
export type CaseRowColumn = 'reference' | 'type' | 'disposal' | 'gender' | 'rosh' | 'safety_wellbeing' | 'case_manager';
type AddIssue = (column: CaseRowColumn | null, message: string) => void;

/** The row's trimmed cells by column; a row with values beyond the header's columns is an issue. */
export function readRowValues<C extends string>(
  record: CsvRecord,
  columns: readonly (C | null)[],
  add: (column: null, message: string) => void,
): Partial<Record<C, string>> {
  const values: Partial<Record<C, string>> = {};
  columns.forEach((column, index) => {
    if (column) values[column] = (record.fields[index] ?? '').trim();
  });
  if (record.fields.slice(columns.length).some((f) => f.trim() !== '')) {
    add(
      null,
      `The row has ${record.fields.length} values but the header has ${columns.length} columns: check for a comma inside a value that is not in quotes`,
    );
  }
  return values;
}

/**
 * Checks a (trimmed) reference and that it is not repeated in the file (`firstLineOf` remembers
 * each reference's first line). Returns the reference's key when it is a valid reference, even
 * when repeated, so the caller can check it against others; null when it is not.
 */
export function checkFileReference(reference: string, line: number, firstLineOf: Map<string, number>, add: AddIssue): string | null {
  const problem = checkCaseReference(reference);
  if (problem) {
    add('reference', problem);
    return null;
  }
  const key = reference.trim().toLowerCase();
  const first = firstLineOf.get(key);
  if (first !== undefined) add('reference', `Reference ${reference} appears more than once in the file (first on line ${first})`);
  else firstLineOf.set(key, line);
  return key;
}

/** Checks the type (against the framework) and the disposal (against the type). */
export function checkTypeAndDisposal(
  typeText: string,
  disposalText: string,
  framework: FrameworkVersion,
  add: AddIssue,
): { type: CaseType | null; disposal: Disposal | null } {
  const type = typeText === '' ? null : parseCaseType(typeText);
  if (typeText === '') add('type', 'Enter the case type: court, out_of_court or resettlement');
  else if (!type) add('type', `Type “${typeText}” is not known: use court, out_of_court or resettlement`);
  else {
    const problem = explainCaseTypeForFramework(type, framework);
    if (problem) add('type', problem);
  }

  const disposal = disposalText === '' ? null : parseDisposal(disposalText);
  if (disposalText === '') add('disposal', 'Enter the disposal, for example referral_order or youth_caution');
  else if (!disposal) add('disposal', `Disposal “${disposalText}” is not known: use one of ${DISPOSALS.join(', ')}`);
  else if (type) {
    const mismatch = explainDisposalMismatch(disposal, type);
    if (mismatch) add('disposal', mismatch);
  }
  return { type, disposal };
}

const LEVEL_WORDS = Object.keys(LEVEL_LABELS).join(', ');

/**
 * Checks the optional details: gender, the two levels and the case manager. `levelWords` names
 * the level columns as each file's messages call them.
 */
export function checkCaseDetails(
  cell: (column: 'gender' | 'rosh' | 'safety_wellbeing' | 'case_manager') => string,
  levelWords: Record<'rosh' | 'safety_wellbeing', string>,
  add: AddIssue,
): { gender: string | null; rosh: Level | null; safetyWellbeing: Level | null; caseManager: string | null } {
  const gender = cell('gender');
  if (gender.length > 30) add('gender', 'Gender must be 30 characters or fewer');
  const levelOf = (column: 'rosh' | 'safety_wellbeing') => {
    const text = cell(column);
    if (text === '') return null;
    const level = parseLevel(text);
    if (!level) add(column, `${levelWords[column]} “${text}” is not known: use ${LEVEL_WORDS}, or leave it blank`);
    return level;
  };
  const rosh = levelOf('rosh');
  const safetyWellbeing = levelOf('safety_wellbeing');
  const caseManager = cell('case_manager');
  if (caseManager.length > 100) add('case_manager', 'Case manager must be 100 characters or fewer');
  return { gender: gender || null, rosh, safetyWellbeing, caseManager: caseManager || null };
}
