/**
 * Checking the case sample a service sends before fieldwork (a CSV file) against the
 * inspection: every row is checked and every problem reported with its line and column, so the
 * lead inspector can fix the file in one go. Pure: the caller supplies the inspection's team and
 * the references already in it; nothing here reads or writes the database.
 */
import { parseCsv } from '@/lib/csv/parse-csv';
import { LEVEL_LABELS } from '@/lib/format/labels';
import { DISPOSALS, type CaseType, type Disposal, type FrameworkVersion, type Level } from '@/lib/framework/types';
import type { TeamRole } from '@/lib/auth/permissions';
import {
  checkCaseReference,
  explainCaseTypeForFramework,
  explainDisposalMismatch,
  normaliseWord,
  parseCalendarDate,
  parseCaseType,
  parseDisposal,
  parseLevel,
} from './case-fields';
import { hasUnstorableCharacter } from '@/lib/validation/safe-input';

const UNSTORABLE_CELL = 'holds a character that cannot be stored (a NUL character, or half of an emoji or other symbol): delete it in the spreadsheet and export the file again';

/** The columns Casemark imports, in the template's order. */
export const IMPORT_COLUMNS = [
  'reference',
  'type',
  'disposal',
  'sentence_date',
  'gender',
  'rosh',
  'safety_wellbeing',
  'case_manager',
  'inspector_email',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly ImportColumn[] = ['reference', 'type', 'disposal'];

/** Other headings people write for the same columns (after normaliseWord). */
const COLUMN_ALIASES: ReadonlyMap<string, ImportColumn> = new Map(Object.entries({
  ref: 'reference',
  case_ref: 'reference',
  case_reference: 'reference',
  case_type: 'type',
  disposal_type: 'disposal',
  disposal_date: 'sentence_date',
  date_of_sentence: 'sentence_date',
  rosh_level: 'rosh',
  risk_of_serious_harm: 'rosh',
  safety_and_wellbeing: 'safety_wellbeing',
  'safety_&_wellbeing': 'safety_wellbeing',
  safety_wellbeing_level: 'safety_wellbeing',
  case_manager_name: 'case_manager',
  inspector: 'inspector_email',
  inspector_e_mail: 'inspector_email',
} satisfies Record<string, ImportColumn>));

/**
 * Headings that suggest a column of children's names (or other identifying details). Casemark
 * stores case references only, so such a file is refused outright rather than the column
 * quietly dropped: the service should not be sending it.
 */
export const PERSONAL_COLUMN =
  /(^|_)(name|names|forename|forenames|surname|surnames|first_?name|last_?name|full_?name|given_?names?|family_?name|middle_?names?|child|childs|child's|young_?person|young_?people|yp|dob|date_of_birth|birth_?date|address|postcode)(_|$)/;

/** Largest sample accepted in one file; inspections sample tens of cases, not thousands. */
export const MAX_IMPORT_ROWS = 500;

export interface ImportTeamMember {
  userId: string;
  email: string;
  name: string;
  role: TeamRole;
}

export interface CaseImportContext {
  framework: FrameworkVersion;
  /** References of the cases already in the inspection. */
  existingReferences: readonly string[];
  team: readonly ImportTeamMember[];
}

export interface ImportedCase {
  reference: string;
  type: CaseType;
  disposal: Disposal;
  /** `YYYY-MM-DD` */
  sentenceDate: string | null;
  gender: string | null;
  rosh: Level | null;
  safetyWellbeing: Level | null;
  caseManager: string | null;
  inspectorId: string | null;
}

export interface ImportIssue {
  /** Line of the file (the header is line 1). */
  line: number;
  column: ImportColumn | null;
  message: string;
}

export interface ImportRow {
  line: number;
  /** The row's cells as written (trimmed), by column, for the preview. */
  values: Partial<Record<ImportColumn, string>>;
  /** The case to create, or null when the row has errors. */
  kase: ImportedCase | null;
  /** The inspector's name for the preview, when the row names one. */
  inspectorName: string | null;
  errors: ImportIssue[];
}

export interface CaseImportCheck {
  /** Problems with the file as a whole (its header, its size); no rows are checked then. */
  fileErrors: string[];
  rows: ImportRow[];
  /** Every row error, in file order. */
  errors: ImportIssue[];
  /** True when there is at least one row and nothing is wrong: the file may be imported. */
  isImportable: boolean;
}

const referenceKey = (reference: string) => reference.trim().toLowerCase();

function mapHeader(header: string): { column: ImportColumn | null; error: string | null } {
  const word = normaliseWord(header);
  // A Map, not an object: a heading such as "constructor" must not match Object.prototype's.
  const known = (IMPORT_COLUMNS as readonly string[]).includes(word) ? (word as ImportColumn) : COLUMN_ALIASES.get(word);
  if (known) return { column: known, error: null };
  if (word === '') return { column: null, error: 'A column has no heading. Give every column one of the headings in the template, or remove it' };
  if (PERSONAL_COLUMN.test(word)) {
    return {
      column: null,
      error: `Column “${header.trim()}” looks like it holds children’s names or personal details. Casemark stores case references only: remove the column from the file and upload it again`,
    };
  }
  return {
    column: null,
    error: `Column “${header.trim()}” is not one Casemark imports. Remove it, or rename it to one of: ${IMPORT_COLUMNS.join(', ')}`,
  };
}

const LEVEL_WORDS = Object.keys(LEVEL_LABELS).join(', ');
const COLUMN_WORDS: Record<ImportColumn, string> = {
  reference: 'Reference',
  type: 'Type',
  disposal: 'Disposal',
  sentence_date: 'Sentence date',
  gender: 'Gender',
  rosh: 'RoSH level',
  safety_wellbeing: 'Safety and wellbeing level',
  case_manager: 'Case manager',
  inspector_email: 'Inspector email',
};

/** Checks a CSV file of cases against the inspection. Never throws on bad input. */
export function checkCaseImport(csvText: string, context: CaseImportContext): CaseImportCheck {
  const refuse = (...fileErrors: string[]): CaseImportCheck => ({ fileErrors, rows: [], errors: [], isImportable: false });
  // NUL is reported by line and column below; half a surrogate pair cannot come from a file read
  // as UTF-8, only from a forged request, and would be silently replaced on the way to bytes.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(csvText)) {
    return refuse(`The file ${UNSTORABLE_CELL}`);
  }
  const parsed = parseCsv(csvText);
  if (!parsed.ok) return refuse(`The file is not valid CSV. ${parsed.message}`);
  const [header, ...records] = parsed.records;
  if (!header) return refuse('The file is empty. Download the template, fill in one row per case and upload it');

  const columns: (ImportColumn | null)[] = [];
  const headerErrors: string[] = [];
  const seen = new Set<ImportColumn>();
  for (const cell of header.fields) {
    if (hasUnstorableCharacter(cell)) {
      headerErrors.push(`A column heading ${UNSTORABLE_CELL}`);
      columns.push(null);
      continue;
    }
    const { column, error } = mapHeader(cell);
    if (error) headerErrors.push(error);
    if (column && seen.has(column)) headerErrors.push(`Column “${column}” appears more than once in the header`);
    if (column) seen.add(column);
    columns.push(column);
  }
  // Personal-data columns are reported first: they are the reason to stop.
  headerErrors.sort((a, b) => Number(b.includes('personal details')) - Number(a.includes('personal details')));
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required) && !headerErrors.some((e) => e.includes('personal details'))) {
      headerErrors.push(`The header has no “${required}” column. The first line must name the columns, as in the template`);
    }
  }
  if (headerErrors.length) return refuse(...headerErrors);

  const dataRecords = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (dataRecords.length === 0) return refuse('The file has a header but no cases. Add one row per case under the header');
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    return refuse(`The file has ${dataRecords.length} cases; at most ${MAX_IMPORT_ROWS} can be imported at once`);
  }

  const existing = new Set(context.existingReferences.map(referenceKey));
  const teamByEmail = new Map(context.team.map((m) => [m.email.toLowerCase(), m]));
  const firstLineOf = new Map<string, number>();

  const rows = dataRecords.map((record): ImportRow => {
    const errors: ImportIssue[] = [];
    const add = (column: ImportColumn | null, message: string) => errors.push({ line: record.line, column, message });
    const values: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((column, index) => {
      if (column) values[column] = (record.fields[index] ?? '').trim();
    });
    const extra = record.fields.slice(columns.length).filter((f) => f.trim() !== '');
    if (extra.length) {
      add(null, `The row has ${record.fields.length} values but the header has ${columns.length} columns: check for a comma inside a value that is not in quotes`);
    }
    record.fields.forEach((field, index) => {
      const column = columns[index] ?? null;
      if (hasUnstorableCharacter(field)) add(column, `${column ? COLUMN_WORDS[column] : `Value ${index + 1}`} ${UNSTORABLE_CELL}`);
    });
    const cell = (column: ImportColumn) => values[column] ?? '';

    const reference = cell('reference');
    const referenceProblem = checkCaseReference(reference);
    if (referenceProblem) add('reference', referenceProblem);
    else {
      const key = referenceKey(reference);
      const firstLine = firstLineOf.get(key);
      if (firstLine !== undefined) add('reference', `Reference ${reference} appears more than once in the file (first on line ${firstLine})`);
      else firstLineOf.set(key, record.line);
      if (existing.has(key)) add('reference', `A case with reference ${reference} is already in this inspection`);
    }

    const typeText = cell('type');
    const type = typeText === '' ? null : parseCaseType(typeText);
    if (typeText === '') add('type', 'Enter the case type: court, out_of_court or resettlement');
    else if (!type) add('type', `Type “${typeText}” is not known: use court, out_of_court or resettlement`);
    else {
      const problem = explainCaseTypeForFramework(type, context.framework);
      if (problem) add('type', problem);
    }

    const disposalText = cell('disposal');
    const disposal = disposalText === '' ? null : parseDisposal(disposalText);
    if (disposalText === '') add('disposal', 'Enter the disposal, for example referral_order or youth_caution');
    else if (!disposal) add('disposal', `Disposal “${disposalText}” is not known: use one of ${DISPOSALS.join(', ')}`);
    else if (type) {
      const mismatch = explainDisposalMismatch(disposal, type);
      if (mismatch) add('disposal', mismatch);
    }

    const dateText = cell('sentence_date');
    const sentenceDate = dateText === '' ? null : parseCalendarDate(dateText);
    if (dateText !== '' && !sentenceDate) add('sentence_date', `Sentence date “${dateText}” is not a real date: write it as YYYY-MM-DD or DD/MM/YYYY`);

    const gender = cell('gender');
    if (gender.length > 30) add('gender', 'Gender must be 30 characters or fewer');

    const levelOf = (column: 'rosh' | 'safety_wellbeing') => {
      const text = cell(column);
      if (text === '') return null;
      const level = parseLevel(text);
      if (!level) add(column, `${COLUMN_WORDS[column]} “${text}” is not known: use ${LEVEL_WORDS}, or leave it blank`);
      return level;
    };
    const rosh = levelOf('rosh');
    const safetyWellbeing = levelOf('safety_wellbeing');

    const caseManager = cell('case_manager');
    if (caseManager.length > 100) add('case_manager', 'Case manager must be 100 characters or fewer');

    const email = cell('inspector_email').toLowerCase();
    const member = email === '' ? null : teamByEmail.get(email);
    if (email !== '' && !member) {
      add('inspector_email', `No one with the email address ${email} is on this inspection’s team: add them to the team first, or leave the cell blank`);
    } else if (member && member.role === 'manager') {
      add('inspector_email', `${email} is on the team as a manager (read-only): only inspectors and the lead inspector can be allocated cases`);
    } else if (member && member.role === 'quality_assurer') {
      add('inspector_email', `${email} is on the team as a quality assurer (no marking): only inspectors and the lead inspector can be allocated cases`);
    }

    const kase: ImportedCase | null =
      errors.length === 0 && type && disposal
        ? {
            reference: reference.trim(),
            type,
            disposal,
            sentenceDate,
            gender: gender || null,
            rosh,
            safetyWellbeing,
            caseManager: caseManager || null,
            inspectorId: member?.userId ?? null,
          }
        : null;
    return { line: record.line, values, kase, inspectorName: member?.name ?? null, errors };
  });

  const errors = rows.flatMap((r) => r.errors);
  return { fileErrors: [], rows, errors, isImportable: errors.length === 0 };
}

// In its own module so the import page's client component does not bundle the CSV parser.
export { describeImportIssue } from './import-issue';

/** The template's header and one example row (using a real inspector on the team when there is one). */
export function importTemplateRows(exampleInspectorEmail: string | null): string[][] {
  return [
    [...IMPORT_COLUMNS],
    ['YJS-0001', 'court', 'referral_order', '2026-09-14', 'Male', 'medium', 'high', 'CM-07', exampleInspectorEmail ?? ''],
  ];
}
