/**
 * Checking the case sample a service sends before fieldwork (a CSV file) against the
 * inspection: every row is checked and every problem reported with its line and column, so the
 * lead inspector can fix the file in one go. Pure: the caller supplies the inspection's team and
 * the references already in it; nothing here reads or writes the database.
 */
import { parseCsv } from '@/lib/csv/parse-csv';
import { explainTooManyRows } from '@/lib/csv/limits';
import type { CaseType, Disposal, FrameworkVersion, Level } from '@/lib/framework/types';
import { allocatableRoles, type TeamRole } from '@/lib/auth/permissions';
import { parseCalendarDate } from './case-fields';
import {
  checkCaseDetails,
  checkFileReference,
  checkTypeAndDisposal,
  mapHeading,
  readHeader,
  readRowValues,
  type HeadingMatch,
} from './case-rows';
import { hasUnstorableCharacter } from '@/lib/validation/safe-input';

const UNSTORABLE_CELL =
  'holds a character that cannot be stored (a NUL character, or half of an emoji or other symbol): delete it in the spreadsheet and export the file again';

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
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly ImportColumn[] = ['reference', 'type', 'disposal'];

/** Other headings people write for the same columns (after normaliseWord). */
const COLUMN_ALIASES: ReadonlyMap<string, ImportColumn> = new Map(
  Object.entries({
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
  } satisfies Record<string, ImportColumn>),
);

/** Largest sample accepted in one file; inspections sample tens of cases, not thousands. */
export const MAX_IMPORT_ROWS = 500;

interface ImportTeamMember {
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

interface ImportedCase {
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

function mapHeader(header: string): HeadingMatch<ImportColumn> {
  if (hasUnstorableCharacter(header)) return { column: null, error: `A column heading ${UNSTORABLE_CELL}` };
  return mapHeading(header, IMPORT_COLUMNS, COLUMN_ALIASES, 'imports');
}

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
  // Rows counted before the parse: a file of 100,000 rows costs one scan (issue 21).
  const tooMany = explainTooManyRows(csvText, { maxRows: MAX_IMPORT_ROWS });
  if (tooMany) return refuse(tooMany);
  const parsed = parseCsv(csvText);
  if (!parsed.ok) return refuse(`The file is not valid CSV. ${parsed.message}`);
  const [header, ...records] = parsed.records;
  if (!header) return refuse('The file is empty. Download the template, fill in one row per case and upload it');

  const { columns, errors: headerErrors } = readHeader(header.fields, mapHeader, REQUIRED_COLUMNS);
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
    const values = readRowValues(record, columns, add);
    record.fields.forEach((field, index) => {
      const column = columns[index] ?? null;
      if (hasUnstorableCharacter(field)) add(column, `${column ? COLUMN_WORDS[column] : `Value ${index + 1}`} ${UNSTORABLE_CELL}`);
    });
    const cell = (column: ImportColumn) => values[column] ?? '';

    const reference = cell('reference');
    const key = checkFileReference(reference, record.line, firstLineOf, add);
    if (key !== null && existing.has(key)) add('reference', `A case with reference ${reference} is already in this inspection`);

    const { type, disposal } = checkTypeAndDisposal(cell('type'), cell('disposal'), context.framework, add);

    const dateText = cell('sentence_date');
    const sentenceDate = dateText === '' ? null : parseCalendarDate(dateText);
    if (dateText !== '' && !sentenceDate)
      add('sentence_date', `Sentence date “${dateText}” is not a real date: write it as YYYY-MM-DD or DD/MM/YYYY`);

    const { gender, rosh, safetyWellbeing, caseManager } = checkCaseDetails(cell, COLUMN_WORDS, add);

    const email = cell('inspector_email').toLowerCase();
    const member = email === '' ? null : teamByEmail.get(email);
    if (email !== '' && !member) {
      add(
        'inspector_email',
        `No one with the email address ${email} is on this inspection’s team: add them to the team first, or leave the cell blank`,
      );
    } else if (member && !allocatableRoles().includes(member.role)) {
      const as = member.role === 'manager' ? 'a manager (read-only)' : 'a quality assurer (no marking)';
      add('inspector_email', `${email} is on the team as ${as}: only inspectors and the lead inspector can be allocated cases`);
    }

    const kase: ImportedCase | null =
      errors.length === 0 && type && disposal
        ? {
            reference: reference.trim(),
            type,
            disposal,
            sentenceDate,
            gender,
            rosh,
            safetyWellbeing,
            caseManager,
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
