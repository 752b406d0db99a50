/**
 * The previous inspection's ratings per standard and key-question percentages, shown beside
 * this inspection's figures. Pure: parsing what the lead inspector types.
 */
import { findStandard, listCaseMarkedStandards, listStandards } from '@/lib/framework';
import { RATINGS, type Framework, type Rating } from '@/lib/framework/types';

type CheckResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Previous ratings by standard id, from a form's `{ "2.1": "good", "2.2": "" }` (blank means
 * not rated). Each standard must exist in this inspection's framework.
 */
export function checkPreviousRatings(input: Record<string, string>, framework: Framework): CheckResult<Record<string, Rating>> {
  const value: Record<string, Rating> = {};
  for (const [standardId, rating] of Object.entries(input)) {
    if (rating === '') continue;
    if (!findStandard(framework, standardId)) {
      return { ok: false, message: `There is no standard ${standardId} in the ${framework.version} standards` };
    }
    if (!(RATINGS as readonly string[]).includes(rating)) return { ok: false, message: `Choose a rating for standard ${standardId}` };
    value[standardId] = rating as Rating;
  }
  return { ok: true, value };
}

/**
 * Key-question percentages typed one per line as `2.1.1=77` (also `2.1.1 = 77%` or
 * `2.1.1: 77`). Blank lines are ignored. Each key question must belong to a case-marked
 * standard of this framework, appear once, and have a whole percentage from 0 to 100.
 */
export function parseKeyQuestionPercentages(text: string, framework: Framework): CheckResult<Record<string, number>> {
  const keyQuestionIds = new Set(listCaseMarkedStandards(framework).flatMap((s) => s.keyQuestions.map((kq) => kq.id)));
  const value: Record<string, number> = {};
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const where = `Previous key-question percentages, line ${index + 1}`;
    const match = /^(\d\.\d\.\d+)\s*[=:]\s*(\d{1,3})\s*%?$/.exec(line);
    if (!match) return { ok: false, message: `${where}: write a key question and its percentage, like 2.1.1=77` };
    const [, id = '', pctText] = match;
    const pct = Number(pctText);
    if (!keyQuestionIds.has(id)) {
      return {
        ok: false,
        message: `${where}: ${id} is not a key question of a case-marked standard in the ${framework.version} standards`,
      };
    }
    if (pct > 100) return { ok: false, message: `${where}: a percentage must be from 0 to 100` };
    if (id in value) return { ok: false, message: `${where}: ${id} is given more than once` };
    value[id] = pct;
  }
  return { ok: true, value };
}

/** Percentages back into the textarea's lines, in the framework's order. */
export function formatKeyQuestionPercentages(pct: Record<string, number> | null | undefined, framework: Framework): string {
  if (!pct) return '';
  const order = listStandards(framework).flatMap((s) => s.keyQuestions.map((kq) => kq.id));
  return Object.keys(pct)
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((id) => `${id}=${pct[id]}`)
    .join('\n');
}

/** An earlier inspection's figures as the engine computed them (lib/summary/summary.ts's row has this shape). */
interface EarlierInspectionFigures {
  framework: Framework['version'];
  standards: Record<string, { rating: Rating | null }>;
  keyQuestionPct: Record<string, number | null>;
}

/**
 * The previous results copied from an earlier inspection held in Casemark: its rating of each
 * standard this inspection's framework also has, and its key-question percentages only when
 * both use the same standards — the 2018 and July 2021 key questions differ under the same
 * numbers. Null where nothing is copied, as for typed results.
 */
export function previousResultsFrom(
  framework: Framework,
  earlier: EarlierInspectionFigures,
): { previousRatings: Record<string, Rating> | null; previousKeyQuestionPct: Record<string, number> | null } {
  const ratings: Record<string, Rating> = {};
  for (const standard of listStandards(framework)) {
    const rating = Object.hasOwn(earlier.standards, standard.id) ? earlier.standards[standard.id]?.rating : null;
    if (rating) ratings[standard.id] = rating;
  }
  const pct: Record<string, number> = {};
  if (earlier.framework === framework.version) {
    for (const standard of listCaseMarkedStandards(framework)) {
      for (const kq of standard.keyQuestions) {
        const value = Object.hasOwn(earlier.keyQuestionPct, kq.id) ? earlier.keyQuestionPct[kq.id] : null;
        if (typeof value === 'number') pct[kq.id] = value;
      }
    }
  }
  return {
    previousRatings: Object.keys(ratings).length ? ratings : null,
    previousKeyQuestionPct: Object.keys(pct).length ? pct : null,
  };
}
