/** Words for the enums, as the reports and the GOV.UK style guide write them. */
export const ROLE_LABELS = {
  lead_inspector: 'Lead inspector',
  inspector: 'Inspector',
  manager: 'Manager (read-only)',
  quality_assurer: 'Quality assurer',
} as const;
export const STATUS_LABELS = { set_up: 'Set-up', fieldwork: 'Fieldwork', panel: 'Ratings panel', published: 'Published' } as const;
export const CASE_TYPE_LABELS = { court: 'Court disposal', out_of_court: 'Out-of-court disposal', resettlement: 'Resettlement' } as const;
export const DISPOSAL_LABELS = {
  referral_order: 'Referral order',
  youth_rehabilitation_order: 'Youth rehabilitation order',
  custodial_sentence: 'Custodial sentence',
  other_court: 'Other court disposal',
  youth_conditional_caution: 'Youth conditional caution',
  youth_caution: 'Youth caution',
  community_resolution: 'Community resolution',
  other_out_of_court: 'Other out-of-court disposal',
} as const;
export const LEVEL_LABELS = { low: 'Low', medium: 'Medium', high: 'High', very_high: 'Very high' } as const;
export const MARKING_STATUS_LABELS = { not_started: 'Not started', in_progress: 'In progress', complete: 'Completed' } as const;
export const RATING_LABELS = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
} as const;
export const ANSWER_LABELS = { yes: 'Yes', no: 'No', na: 'Not applicable' } as const;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** 23 November 2026 (dates are stored as calendar dates, so formatted in UTC). */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * "17 May 2021 to 11 June 2021"; with `isMonthOnly` (the report gives only a month, issue 22:
 * Dudley's "Fieldwork started: April 2019", 002_b3ff77846e023e08.txt) "April 2019", or
 * "April 2019 to May 2019" — never days the report does not give.
 */
export function formatDateRange(start: Date, end: Date, isMonthOnly = false): string {
  if (isMonthOnly) {
    const [from, to] = [monthFormat.format(start), monthFormat.format(end)];
    return from === to ? from : `${from} to ${to}`;
  }
  return `${formatDate(start)} to ${formatDate(end)}`;
}

/** The first day of fieldwork, "17 May 2021", or its month alone where the report gives only a month ("April 2019"). */
export function formatFieldworkStart(start: Date, isMonthOnly: boolean): string {
  return isMonthOnly ? monthFormat.format(start) : formatDate(start);
}
