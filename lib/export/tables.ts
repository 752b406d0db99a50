/**
 * The three summary tables of an inspection, as the reports print them, built from the rating
 * engine's result: the ratings table, the key-question table and the prompt annex. Pure: the
 * CSV, XLSX and print views all render these rows, so the three formats cannot disagree.
 *
 * Percentages are kept as the whole, rounded figure the engine gives (77 for 77%): CSV writes
 * 77 under "% yes", XLSX stores 0.77 formatted as 0%.
 */
import { listStandards } from '@/lib/framework';
import { CASEMARK_OWN_RESETTLEMENT_LABEL, type Framework, type Rating } from '@/lib/framework/types';
import { RATING_LABELS } from '@/lib/format/labels';
import { isProfessionalJudgementKeyQuestion, type InspectionResult, type StandardResult } from '@/lib/rating/compute-inspection';
import { must } from '@/lib/must';

export type CellValue = string | number | null;

/** `text` cells are formula-escaped on output; `integer` and `percent` are numbers. */
type ColumnType = 'text' | 'integer' | 'percent';

export interface ExportColumn {
  key: string;
  header: string;
  type: ColumnType;
  /** Column width in characters (XLSX). */
  width: number;
}

/**
 * The inspectorate's three tables, then (2021) Casemark's own resettlement questions in a table
 * of their own, never mixed into the prompt annex.
 */
export const EXPORT_TABLE_IDS = ['ratings', 'key-questions', 'prompts', 'resettlement'] as const;
export type ExportTableId = (typeof EXPORT_TABLE_IDS)[number];

export interface ExportTable<Row extends Record<string, CellValue> = Record<string, CellValue>> {
  id: ExportTableId;
  title: string;
  /** At most 31 characters (Excel's limit for a sheet name). */
  sheetName: string;
  columns: ExportColumn[];
  rows: Row[];
}

export type RatingsRow = {
  domain: string;
  standard: string;
  title: string;
  rating: string | null;
  computedRating: string | null;
  /** "*" when the ratings panel's decision differs from the computed rating. */
  professionalJudgement: string | null;
  score: number | null;
  maxScore: number | null;
  basis: string | null;
};

export type KeyQuestionRow = {
  standard: string;
  keyQuestion: string;
  text: string;
  yes: number;
  relevant: number;
  pct: number | null;
  band: string | null;
  /**
   * "*" on the lowest key question (the one that set the computed rating) of a standard whose
   * rating the panel changed — Dudley 2019, Annex 2: "64%*" on 3.4.1, not on 3.4.2's 100%.
   */
  professionalJudgement: string | null;
  previousPct: number | null;
};

export type PromptRow = {
  standard: string;
  keyQuestion: string;
  /** "a", "b", … as the reports' annexes letter them. */
  prompt: string;
  text: string;
  pct: number | null;
  yes: number;
  relevant: number;
};

/** A resettlement aspect (2021): Casemark's own illustrative question, labelled so on every row. */
export type ResettlementRow = {
  aspect: string;
  shortLabel: string;
  text: string;
  pct: number | null;
  yes: number;
  relevant: number;
  source: string;
};

export interface ExportTables {
  ratings: ExportTable<RatingsRow>;
  keyQuestions: ExportTable<KeyQuestionRow>;
  prompts: ExportTable<PromptRow>;
  /** Empty (no rows) for the 2018 standards, which have no resettlement cases. */
  resettlement: ExportTable<ResettlementRow>;
}

interface ExportTablesInput {
  framework: Framework;
  result: InspectionResult;
  /** The previous inspection's key-question percentages, when known. */
  previousKeyQuestionPct?: Readonly<Record<string, number>>;
}

const word = (rating: Rating | null): string | null => (rating ? RATING_LABELS[rating] : null);
const PJ = '*';

const RATINGS_COLUMNS: ExportColumn[] = [
  { key: 'domain', header: 'Domain', type: 'text', width: 34 },
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'title', header: 'Title', type: 'text', width: 40 },
  { key: 'rating', header: 'Rating', type: 'text', width: 22 },
  { key: 'computedRating', header: 'Computed rating', type: 'text', width: 22 },
  { key: 'professionalJudgement', header: 'Professional judgement', type: 'text', width: 12 },
  { key: 'score', header: 'Score', type: 'integer', width: 8 },
  { key: 'maxScore', header: 'Out of', type: 'integer', width: 8 },
  { key: 'basis', header: 'Basis', type: 'text', width: 60 },
];

const KEY_QUESTION_COLUMNS: ExportColumn[] = [
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'keyQuestion', header: 'Key question', type: 'text', width: 13 },
  { key: 'text', header: 'Key question text', type: 'text', width: 80 },
  { key: 'yes', header: 'Yes', type: 'integer', width: 8 },
  { key: 'relevant', header: 'Relevant', type: 'integer', width: 10 },
  { key: 'pct', header: '% yes', type: 'percent', width: 8 },
  { key: 'band', header: 'Band', type: 'text', width: 22 },
  { key: 'professionalJudgement', header: 'Professional judgement', type: 'text', width: 12 },
  { key: 'previousPct', header: 'Previous %', type: 'percent', width: 11 },
];

const PROMPT_COLUMNS: ExportColumn[] = [
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'keyQuestion', header: 'Key question', type: 'text', width: 13 },
  { key: 'prompt', header: 'Prompt', type: 'text', width: 8 },
  { key: 'text', header: 'Prompt text', type: 'text', width: 80 },
  { key: 'pct', header: '% yes', type: 'percent', width: 8 },
  { key: 'yes', header: 'Yes', type: 'integer', width: 8 },
  { key: 'relevant', header: 'Relevant', type: 'integer', width: 10 },
];

const RESETTLEMENT_COLUMNS: ExportColumn[] = [
  { key: 'aspect', header: 'Aspect', type: 'text', width: 10 },
  { key: 'shortLabel', header: 'Label', type: 'text', width: 30 },
  { key: 'text', header: 'Question (Casemark’s own)', type: 'text', width: 80 },
  { key: 'pct', header: '% yes', type: 'percent', width: 8 },
  { key: 'yes', header: 'Yes', type: 'integer', width: 8 },
  { key: 'relevant', header: 'Relevant', type: 'integer', width: 10 },
  { key: 'source', header: 'Source', type: 'text', width: 60 },
];

/** Why a standard has the rating it has, in a few words. */
function basisOf(result: StandardResult): string | null {
  if (result.isRatedSeparately) {
    const base = 'Rated separately: not part of the score';
    return result.rating === null ? `${base}. ${result.reason ?? ''}`.trim() : base;
  }
  if (result.rating === null) return result.reason;
  if (result.kind === 'qualitative') return 'Lead inspector’s judgement';
  if (result.professionalJudgement) return `Professional judgement applied by the ratings panel: ${result.panel?.rationale ?? ''}`.trim();
  return result.lowestKeyQuestion ? `Lowest key question ${result.lowestKeyQuestion}` : null;
}

function ratingsRow(domain: string, result: StandardResult): RatingsRow {
  return {
    domain,
    standard: result.id,
    title: result.title,
    rating: word(result.rating),
    computedRating: word(result.computedRating),
    professionalJudgement: result.professionalJudgement ? PJ : null,
    score: result.score,
    maxScore: result.isRatedSeparately ? null : 3,
    basis: basisOf(result),
  };
}

/**
 * Every standard in printed order with its rating, then the overall score out of 36 and the
 * overall rating, then (2021) 4.1 on its own row: "The resettlement standard is rated
 * separately, and does not influence the overall YOT rating" (Leicestershire 2021, Annexe 2).
 */
function buildRatingsTable({ framework, result }: ExportTablesInput): ExportTable<RatingsRow> {
  const rows: RatingsRow[] = [];
  const separate: RatingsRow[] = [];
  for (const domain of framework.domains) {
    const domainName = `${domain.id}. ${domain.title}`;
    for (const standard of domain.standards) {
      const row = ratingsRow(domainName, must(result.standards[standard.id], `the result of ${standard.id}`));
      (standard.isRatedSeparately ? separate : rows).push(row);
    }
  }
  const { overall } = result;
  rows.push({
    domain: 'Overall',
    standard: 'Overall',
    title: 'Overall rating',
    rating: word(overall.rating),
    computedRating: null,
    professionalJudgement: null,
    score: overall.score,
    maxScore: overall.maxScore,
    basis: overall.cap ?? (overall.missing.length ? `Provisional, because ${overall.missing.join('; ')}` : null),
  });
  rows.push(...separate);
  return { id: 'ratings', title: 'Ratings', sheetName: 'Ratings', columns: RATINGS_COLUMNS, rows };
}

/** Each case-marked standard's key questions: yes, relevant, % yes and band, as the reports' charts print them. */
function buildKeyQuestionTable({ framework, result, previousKeyQuestionPct = {} }: ExportTablesInput): ExportTable<KeyQuestionRow> {
  const rows: KeyQuestionRow[] = [];
  for (const standard of listStandards(framework)) {
    if (standard.kind !== 'case_marked') continue;
    const standardResult = must(result.standards[standard.id], `the result of ${standard.id}`);
    for (const keyQuestion of standard.keyQuestions) {
      const figures = must(standardResult.keyQuestions[keyQuestion.id], `the figures of ${keyQuestion.id}`);
      rows.push({
        standard: standard.id,
        keyQuestion: keyQuestion.id,
        text: keyQuestion.text,
        yes: figures.yes,
        relevant: figures.relevant,
        pct: figures.pct,
        band: word(figures.band),
        professionalJudgement: isProfessionalJudgementKeyQuestion(standardResult, keyQuestion.id) ? PJ : null,
        previousPct: previousKeyQuestionPct[keyQuestion.id] ?? null,
      });
    }
  }
  return { id: 'key-questions', title: 'Key questions', sheetName: 'Key questions', columns: KEY_QUESTION_COLUMNS, rows };
}

/** The prompt annex: every prompt of every key question, lettered a), b), … with % yes. */
function buildPromptTable({ framework, result }: ExportTablesInput): ExportTable<PromptRow> {
  const rows: PromptRow[] = [];
  for (const standard of listStandards(framework)) {
    if (standard.kind !== 'case_marked') continue;
    const standardResult = must(result.standards[standard.id], `the result of ${standard.id}`);
    for (const keyQuestion of standard.keyQuestions) {
      for (const prompt of keyQuestion.prompts) {
        const figures = must(standardResult.prompts[prompt.id], `the figures of ${prompt.id}`);
        rows.push({
          standard: standard.id,
          keyQuestion: keyQuestion.id,
          prompt: prompt.id.slice(keyQuestion.id.length + 1),
          text: prompt.text,
          pct: figures.pct,
          yes: figures.yes,
          relevant: figures.relevant,
        });
      }
    }
  }
  return { id: 'prompts', title: 'Prompts', sheetName: 'Prompts', columns: PROMPT_COLUMNS, rows };
}

/**
 * The resettlement aspects (2021) in their own table, each row labelled as Casemark's own: no
 * report prints resettlement case questions, and "Resettlement cases are not rated separately;
 * the data is for illustrative purposes only" (Leicestershire 2021, 004_…, Annexe 2).
 */
function buildResettlementTable({ framework, result }: ExportTablesInput): ExportTable<ResettlementRow> {
  const rows: ResettlementRow[] = framework.resettlementAspects.map((aspect) => {
    const figures = result.resettlementAspects[aspect.id];
    return {
      aspect: aspect.id,
      shortLabel: aspect.shortLabel,
      text: aspect.text,
      pct: figures?.pct ?? null,
      yes: figures?.yes ?? 0,
      relevant: figures?.relevant ?? 0,
      source: CASEMARK_OWN_RESETTLEMENT_LABEL,
    };
  });
  return {
    id: 'resettlement',
    title: CASEMARK_OWN_RESETTLEMENT_LABEL,
    sheetName: 'Resettlement (Casemark own)',
    columns: RESETTLEMENT_COLUMNS,
    rows,
  };
}

export function buildExportTables(input: ExportTablesInput): ExportTables {
  return {
    ratings: buildRatingsTable(input),
    keyQuestions: buildKeyQuestionTable(input),
    prompts: buildPromptTable(input),
    resettlement: buildResettlementTable(input),
  };
}

/** The tables a workbook of everything holds: the resettlement table only when there are aspects (2021). */
export function allExportTables(tables: ExportTables): ExportTable[] {
  const all: ExportTable[] = [tables.ratings, tables.keyQuestions, tables.prompts];
  if (tables.resettlement.rows.length > 0) all.push(tables.resettlement);
  return all;
}

export function exportTableById(tables: ExportTables, id: ExportTableId): ExportTable {
  switch (id) {
    case 'ratings':
      return tables.ratings;
    case 'key-questions':
      return tables.keyQuestions;
    case 'prompts':
      return tables.prompts;
    case 'resettlement':
      return tables.resettlement;
  }
}

/** The table as a grid: the header row, then each row's cells in column order. */
export function tableGrid(table: Pick<ExportTable, 'columns' | 'rows'>): CellValue[][] {
  return [table.columns.map((c) => c.header), ...table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null))];
}
