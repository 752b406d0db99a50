/**
 * Each inspection's key-question percentages beside the national median and range of published
 * inspections on the same standards (issue 23: an inspection against the nation). Pure: the
 * spreads come from summaryFigures (lib/summary/summary.ts), the same figures the summary's
 * charts and the service page show, so the files and the screens cannot disagree.
 */
import { getFramework, listCaseMarkedStandards } from '@/lib/framework';
import type { FrameworkVersion } from '@/lib/framework/types';
import type { KeyQuestionSpread, SummaryRow } from './summary';

/** Where a percentage stands against the national range. */
type Position = 'below the range' | 'in the range' | 'above the range';

interface KeyQuestionAgainstNation {
  inspectionId: string;
  service: string;
  framework: FrameworkVersion;
  standardId: string;
  keyQuestionId: string;
  /** This inspection's % yes (null: no relevant case). */
  pct: number | null;
  /** Published inspections behind the national figures (this one among them when it is published). */
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Null when either this inspection or the nation has no figure. */
  position: Position | null;
}

/** Where `pct` stands against [min, max]; both ends belong to the range. */
export function positionInRange(pct: number | null, min: number | null, max: number | null): Position | null {
  if (pct === null || min === null || max === null) return null;
  return pct < min ? 'below the range' : pct > max ? 'above the range' : 'in the range';
}

/**
 * One line per inspection × case-marked key question of its standards, in the rows' order and
 * the framework's printed order, each with the national spread of its own standards (2018 and
 * 2021 are never pooled).
 */
export function keyQuestionsAgainstNation(rows: readonly SummaryRow[], spreads: readonly KeyQuestionSpread[]): KeyQuestionAgainstNation[] {
  const spreadOf = new Map(spreads.map((s) => [`${s.framework}:${s.keyQuestionId}`, s]));
  const out: KeyQuestionAgainstNation[] = [];
  for (const row of rows) {
    for (const standard of listCaseMarkedStandards(getFramework(row.framework))) {
      for (const kq of standard.keyQuestions) {
        const pct = Object.hasOwn(row.keyQuestionPct, kq.id) ? (row.keyQuestionPct[kq.id] ?? null) : null;
        const spread = spreadOf.get(`${row.framework}:${kq.id}`);
        const min = spread?.min ?? null;
        const max = spread?.max ?? null;
        out.push({
          inspectionId: row.id,
          service: row.service,
          framework: row.framework,
          standardId: standard.id,
          keyQuestionId: kq.id,
          pct,
          n: spread?.n ?? 0,
          median: spread?.median ?? null,
          min,
          max,
          position: positionInRange(pct, min, max),
        });
      }
    }
  }
  return out;
}
