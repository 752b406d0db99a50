/**
 * Sub-group breakdowns of one inspection: each key question's % yes by gender, risk of serious
 * harm, safety and wellbeing, and disposal type, with the count behind every figure.
 *
 * "In some areas of this report, data may have been split into smaller sub-samples – for
 * example, male/female cases. Where this is the case, the margin of error for the sub-sample
 * findings may be higher than five." — Blackpool 2021 (000_c1174f08f6b47fac.txt), Wigan 2021
 * (001_f9e6377b473ce7bd.txt) and Leicestershire 2021 (004_46eac8fc65744bcf.txt), Annexe 1.
 * The reports name no size below which a sub-sample is too small; Casemark flags fewer than
 * {@link SMALL_SUB_SAMPLE} relevant cases so a reader does not over-read a percentage.
 *
 * Pure. Group values come from user data (a case's gender is free text), so every collection
 * keyed by them is a Map: a gender of "constructor" or "__proto__" is just another group.
 */
import { listCaseMarkedStandards } from '@/lib/framework';
import { DISPOSALS, LEVELS, type Framework } from '@/lib/framework/types';
import { DISPOSAL_LABELS, LEVEL_LABELS } from '@/lib/format/labels';
import { questionFigures, type AnswerCounts, type QuestionFigures } from '@/lib/rating/key-question';

export const SMALL_SUB_SAMPLE = 10;

const BREAKDOWN_DIMENSIONS = ['gender', 'rosh', 'safety', 'disposal'] as const;
export type BreakdownDimensionId = (typeof BREAKDOWN_DIMENSIONS)[number];

const BREAKDOWN_TITLES: Record<BreakdownDimensionId, string> = {
  gender: 'Gender',
  rosh: 'Risk of serious harm',
  safety: 'Safety and wellbeing',
  disposal: 'Disposal type',
};

/** One aggregate row: a key question's counts among the cases of one group (value null: not recorded). */
export interface BreakdownCountRow {
  dimension: BreakdownDimensionId;
  value: string | null;
  questionId: string;
  counts: AnswerCounts;
}

/** How many cases of the sample are in each group. */
export interface BreakdownCaseRow {
  dimension: BreakdownDimensionId;
  value: string | null;
  cases: number;
}

interface BreakdownGroup {
  value: string | null;
  label: string;
  cases: number;
}

export interface BreakdownFigures extends QuestionFigures {
  isSmallSubSample: boolean;
}

interface BreakdownKeyQuestion {
  id: string;
  standardId: string;
  text: string;
  /** Every case: the same figures as the ratings panel. */
  all: BreakdownFigures;
  /** By group value (null: not recorded). Absent group: no answers (relevant 0). */
  byGroup: Map<string | null, BreakdownFigures>;
}

export interface BreakdownDimension {
  id: BreakdownDimensionId;
  title: string;
  groups: BreakdownGroup[];
  keyQuestions: BreakdownKeyQuestion[];
}

const NOT_RECORDED = 'Not recorded';

function groupLabel(dimension: BreakdownDimensionId, value: string | null): string {
  if (value === null) return NOT_RECORDED;
  if (dimension === 'rosh' || dimension === 'safety') return (LEVEL_LABELS as Record<string, string>)[value] ?? value;
  if (dimension === 'disposal') return (DISPOSAL_LABELS as Record<string, string>)[value] ?? value;
  return value;
}

function figuresOf(counts: AnswerCounts | undefined): BreakdownFigures {
  const figures = questionFigures(counts);
  return { ...figures, isSmallSubSample: figures.relevant > 0 && figures.relevant < SMALL_SUB_SAMPLE };
}

function groupOrder(dimension: BreakdownDimensionId): (a: BreakdownGroup, b: BreakdownGroup) => number {
  const fixed: readonly string[] | null =
    dimension === 'rosh' || dimension === 'safety' ? LEVELS : dimension === 'disposal' ? DISPOSALS : null;
  return (a, b) => {
    if (a.value === null) return b.value === null ? 0 : 1;
    if (b.value === null) return -1;
    if (fixed) return fixed.indexOf(a.value) - fixed.indexOf(b.value);
    return a.value.localeCompare(b.value, 'en-GB', { sensitivity: 'base' }) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  };
}

/**
 * The breakdowns of an inspection from its grouped counts. Key questions are the framework's
 * case-marked ones in printed order; groups are those with at least one case.
 */
export function buildBreakdowns(
  framework: Framework,
  counts: readonly BreakdownCountRow[],
  cases: readonly BreakdownCaseRow[],
): BreakdownDimension[] {
  return BREAKDOWN_DIMENSIONS.map((dimension) => {
    const groups: BreakdownGroup[] = cases
      .filter((c) => c.dimension === dimension && c.cases > 0)
      .map((c) => ({ value: c.value, label: groupLabel(dimension, c.value), cases: c.cases }))
      .sort(groupOrder(dimension));
    // question id → group value → counts
    const byQuestion = new Map<string, Map<string | null, AnswerCounts>>();
    for (const row of counts) {
      if (row.dimension !== dimension) continue;
      let forQuestion = byQuestion.get(row.questionId);
      if (!forQuestion) byQuestion.set(row.questionId, (forQuestion = new Map()));
      forQuestion.set(row.value, row.counts);
    }
    const keyQuestions: BreakdownKeyQuestion[] = [];
    for (const standard of listCaseMarkedStandards(framework)) {
      for (const kq of standard.keyQuestions) {
        const forQuestion = byQuestion.get(kq.id) ?? new Map<string | null, AnswerCounts>();
        const total: AnswerCounts = { yes: 0, no: 0, na: 0 };
        const byGroup = new Map<string | null, BreakdownFigures>();
        for (const [value, c] of forQuestion) {
          total.yes += c.yes;
          total.no += c.no;
          total.na += c.na;
          byGroup.set(value, figuresOf(c));
        }
        keyQuestions.push({
          id: kq.id,
          standardId: standard.id,
          text: kq.text,
          all: { ...questionFigures(total), isSmallSubSample: false },
          byGroup,
        });
      }
    }
    return { id: dimension, title: BREAKDOWN_TITLES[dimension], groups, keyQuestions };
  });
}

/** The figures of a group for a key question; a group with no answers has relevant 0 and no %. */
export function groupFigures(keyQuestion: BreakdownKeyQuestion, value: string | null): BreakdownFigures {
  return keyQuestion.byGroup.get(value) ?? figuresOf(undefined);
}

/** "77% (10 of 13)", or "no relevant cases". */
export function describeFigures(figures: QuestionFigures): string {
  return figures.pct === null ? 'no relevant cases' : `${figures.pct}% (${figures.yes} of ${figures.relevant})`;
}
