import { datePartsOf, type DateParts } from '@/components/ui/date-input';
import type { CaseType } from '@/lib/framework/types';

/** A case as the set-up case form holds it: every field as text, the date in its three parts. */
export interface CaseFormValues {
  id: string;
  version: number;
  reference: string;
  type: CaseType;
  disposal: string;
  sentenceDate: DateParts;
  gender: string;
  rosh: string;
  safetyWellbeing: string;
  caseManager: string;
  inspectorId: string;
}

/**
 * A stored case — read by the page, or someone else's version returned by a conflicting save
 * (its date as an ISO calendar date) — as the form's values; "not recorded" is an empty field.
 */
export function caseFormValuesOf(row: {
  id: string;
  version: number;
  reference: string | null;
  type: string | null;
  disposal: string | null;
  sentenceDate: Date | string | null;
  gender: string | null;
  rosh: string | null;
  safetyWellbeing: string | null;
  caseManager: string | null;
  inspectorId: string | null;
}): CaseFormValues {
  return {
    id: row.id,
    version: row.version,
    reference: row.reference ?? '',
    type: (row.type ?? 'court') as CaseType,
    disposal: row.disposal ?? '',
    sentenceDate: datePartsOf(typeof row.sentenceDate === 'string' ? new Date(row.sentenceDate) : row.sentenceDate),
    gender: row.gender ?? '',
    rosh: row.rosh ?? '',
    safetyWellbeing: row.safetyWellbeing ?? '',
    caseManager: row.caseManager ?? '',
    inspectorId: row.inspectorId ?? '',
  };
}
