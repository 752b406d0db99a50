/**
 * Eligibility windows: which cases of the service's list can be sampled, by the date of their
 * disposal or sentence relative to the start of fieldwork. Court, out-of-court and
 * resettlement cases are separate populations, each with its own window. Pure.
 *
 * The reports' methodology annexes:
 * - court disposals "six to nine months earlier" (Blackpool 2021, 000_c1174f08f6b47fac.txt;
 *   Dudley 2019, 002_b3ff77846e023e08.txt; Leicestershire 2021, 004_46eac8fc65744bcf.txt);
 *   "two to seven months earlier" in Wigan 2021 (001_f9e6377b473ce7bd.txt);
 * - out-of-court disposals "two to five months earlier" (Blackpool), "three to five" (Dudley,
 *   Leicestershire), "two to four" (Wigan);
 * - resettlement: custodial sentences or releases "four to 12 months earlier" (Leicestershire);
 * - St Helens 2023 (003_ce93bfaa3cc60c15.txt) gives exact dates for all three: sentenced or
 *   delivered "between 08 November 2021 and 02 September 2022", fieldwork from 07 November 2022.
 * So the defaults are the most common months, and every window can be set to exact dates.
 */
import type { CaseType, FrameworkVersion } from '@/lib/framework/types';
import { formatIsoDate } from './dates';

interface EligibilityWindow {
  /** First eligible disposal or sentence date, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last eligible date, `YYYY-MM-DD`, inclusive. */
  to: string;
}

export type EligibilityWindows = Partial<Record<CaseType, EligibilityWindow>>;

/** Months before the start of fieldwork: [earliest, latest]. */
export const DEFAULT_WINDOW_MONTHS: Record<CaseType, { earliest: number; latest: number; source: string }> = {
  court: { earliest: 9, latest: 6, source: 'six to nine months before fieldwork (Blackpool 2021, Dudley 2019, Leicestershire 2021)' },
  out_of_court: { earliest: 5, latest: 2, source: 'two to five months before fieldwork (Blackpool 2021)' },
  resettlement: { earliest: 12, latest: 4, source: 'four to 12 months before fieldwork (Leicestershire 2021)' },
};

/** The populations an inspection samples: resettlement only under the July 2021 standards. */
export function populationTypes(framework: FrameworkVersion): CaseType[] {
  return framework === '2021' ? ['court', 'out_of_court', 'resettlement'] : ['court', 'out_of_court'];
}

/** `date` moved back by whole months, the day clamped to the month's length (31 May − 3 = 28 Feb). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y = NaN, m = NaN, d = NaN] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return formatIsoDate(target);
}

/** The default windows, relative to the first day of fieldwork. */
export function defaultWindows(fieldworkStart: string, framework: FrameworkVersion): EligibilityWindows {
  const windows: EligibilityWindows = {};
  for (const type of populationTypes(framework)) {
    const { earliest, latest } = DEFAULT_WINDOW_MONTHS[type];
    windows[type] = { from: monthsBefore(fieldworkStart, earliest), to: monthsBefore(fieldworkStart, latest) };
  }
  return windows;
}

interface EligibilityDecision {
  isEligible: boolean;
  /** Why, in words for the population table. */
  reason: string;
}

const human = (iso: string) => {
  const [y = NaN, m = NaN, d = NaN] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
};

const POPULATION_WORDS: Record<CaseType, string> = { court: 'court', out_of_court: 'out-of-court', resettlement: 'resettlement' };

/** Whether a case of the service's list is in its population's window, and why (not). */
export function decideEligibility(kase: { type: CaseType; disposalDate: string }, windows: EligibilityWindows): EligibilityDecision {
  const window = windows[kase.type];
  const name = POPULATION_WORDS[kase.type];
  if (!window) return { isEligible: false, reason: `This inspection does not sample ${name} cases` };
  // ISO dates compare correctly as text.
  if (kase.disposalDate < window.from) {
    return { isEligible: false, reason: `Before the ${name} window: it opens on ${human(window.from)}` };
  }
  if (kase.disposalDate > window.to) {
    return { isEligible: false, reason: `After the ${name} window: it closes on ${human(window.to)}` };
  }
  return { isEligible: true, reason: `In the ${name} window (${human(window.from)} to ${human(window.to)})` };
}

/** Why a window cannot be used, or null. */
export function explainWindowProblem(window: EligibilityWindow, fieldworkStart: string): string | null {
  if (window.from > window.to) return 'The window must start on or before the day it ends';
  if (window.to >= fieldworkStart) return 'The window must end before fieldwork starts';
  return null;
}
