/**
 * A service over time (issue 23): every inspection of one service side by side — each
 * standard's rating and each key question's percentage — with the change from the inspection
 * before, and each key question beside the national median and range of published inspections
 * on the same standards. Pure: the service page renders these rows.
 */
import { getFramework, listCaseMarkedStandards, listStandards } from '@/lib/framework';
import type { Rating } from '@/lib/framework/types';
import { changeOf, type KeyQuestionSpread, type SummaryRow } from './summary';

interface ServiceHistoryRow {
  id: string;
  title: string;
  /** One cell per inspection, oldest first; null when that inspection's standards have no such id. */
  cells: ({ rating: Rating | null; isProfessionalJudgement: boolean; change: 'up' | 'same' | 'down' | null } | null)[];
}

interface ServiceKeyQuestionRow {
  id: string;
  text: string;
  /** % yes per inspection, oldest first, with the change in points from the inspection before; null when not marked. */
  cells: ({ pct: number | null; changePoints: number | null } | null)[];
  /** National figures of published inspections on the latest inspection's standards. */
  national: { n: number; median: number | null; min: number | null; max: number | null } | null;
}

/** Oldest first, then the standards and key questions of the frameworks present, in printed order. */
export function serviceHistory(
  rows: readonly SummaryRow[],
  national: readonly KeyQuestionSpread[],
): { inspections: SummaryRow[]; standards: ServiceHistoryRow[]; keyQuestions: ServiceKeyQuestionRow[] } {
  const inspections = [...rows].sort((a, b) => a.fieldworkStart.localeCompare(b.fieldworkStart) || a.id.localeCompare(b.id));
  const versions = [...new Set(inspections.map((i) => i.framework))].sort();
  const latest = inspections.at(-1)?.framework ?? null;

  const standardTitles = new Map<string, string>();
  const questionTexts = new Map<string, string>();
  for (const version of versions) {
    const framework = getFramework(version);
    for (const standard of listStandards(framework)) if (!standardTitles.has(standard.id)) standardTitles.set(standard.id, standard.title);
    for (const standard of listCaseMarkedStandards(framework)) {
      for (const kq of standard.keyQuestions) if (!questionTexts.has(kq.id)) questionTexts.set(kq.id, kq.shortLabel);
    }
  }
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

  const standards = [...standardTitles.keys()].sort(byNumber).map((id): ServiceHistoryRow => {
    let previous: Rating | null = null;
    return {
      id,
      title: standardTitles.get(id) ?? '',
      cells: inspections.map((inspection) => {
        if (!Object.hasOwn(inspection.standards, id)) return null;
        const cell = inspection.standards[id];
        const rating = cell?.rating ?? null;
        const change = changeOf(previous ?? undefined, rating);
        if (rating) previous = rating;
        return { rating, isProfessionalJudgement: cell?.isProfessionalJudgement ?? false, change };
      }),
    };
  });

  const keyQuestions = [...questionTexts.keys()].sort(byNumber).map((id): ServiceKeyQuestionRow => {
    let previous: number | null = null;
    const spread = national.find((k) => k.framework === latest && k.keyQuestionId === id);
    return {
      id,
      text: questionTexts.get(id) ?? '',
      cells: inspections.map((inspection) => {
        if (!Object.hasOwn(inspection.keyQuestionPct, id)) return null;
        const pct = inspection.keyQuestionPct[id] ?? null;
        const changePoints = pct !== null && previous !== null ? pct - previous : null;
        if (pct !== null) previous = pct;
        return { pct, changePoints };
      }),
      national: spread ? { n: spread.n, median: spread.median, min: spread.min, max: spread.max } : null,
    };
  });
  return { inspections, standards, keyQuestions };
}
