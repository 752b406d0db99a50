/**
 * Reading the words people use for a case's classification — in a form or in the case list a
 * service sends before fieldwork — into the framework's values. Pure: shared by the zod
 * schemas, the CSV import and their tests.
 */
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, LEVEL_LABELS } from '@/lib/format/labels';
import { CASE_TYPES, COURT_DISPOSALS, DISPOSALS, LEVELS, type CaseType, type Disposal } from '@/lib/framework/types';

const REFERENCE_MAX_LENGTH = 40;

/** `Out-of-court disposal` → `out_of_court_disposal`: case, spaces and hyphens do not matter. */
export function normaliseWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s\-–—/]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

function lookup<T extends string>(values: readonly T[], labels: Record<T, string>, extra: Record<string, T> = {}) {
  const map = new Map<string, T>();
  for (const value of values) {
    map.set(value, value);
    map.set(normaliseWord(labels[value]), value);
  }
  for (const [word, value] of Object.entries(extra)) map.set(word, value);
  return (text: string): T | null => map.get(normaliseWord(text)) ?? null;
}

/** `court`, `Court`, `Court disposal`, `out_of_court`, `Out of court`, `Out-of-court disposal`, `Resettlement`. */
export const parseCaseType = lookup(CASE_TYPES, CASE_TYPE_LABELS, {
  out_of_court_case: 'out_of_court',
  court_case: 'court',
  resettlement_case: 'resettlement',
});

/** The enum words (`referral_order`) or their labels (`Referral order`), in any case. */
export const parseDisposal = lookup(DISPOSALS, DISPOSAL_LABELS);

/** `low`, `medium`, `high`, `very_high`, or `Very high`. */
export const parseLevel = lookup(LEVELS, LEVEL_LABELS);

function isCourtDisposal(disposal: Disposal): boolean {
  return (COURT_DISPOSALS as readonly string[]).includes(disposal);
}

/** Why this disposal cannot go with this case type, or null when it can. */
export function explainDisposalMismatch(disposal: Disposal, type: CaseType): string | null {
  const isCourt = isCourtDisposal(disposal);
  if (type === 'out_of_court' && isCourt) return `${DISPOSAL_LABELS[disposal]} is a court disposal, but the case type is out-of-court`;
  if (type !== 'out_of_court' && !isCourt) {
    return `${DISPOSAL_LABELS[disposal]} is an out-of-court disposal, but the case type is ${type === 'court' ? 'court' : 'resettlement (a court sentence)'}`;
  }
  return null;
}

/** Why a resettlement case cannot be in this inspection, or null. */
export function explainCaseTypeForFramework(type: CaseType, framework: '2018' | '2021'): string | null {
  // Resettlement cases illustrate standard 4.1, which exists only in the July 2021 standards.
  if (type === 'resettlement' && framework === '2018') {
    return 'Resettlement cases are marked only under the July 2021 standards; this inspection uses the 2018 standards';
  }
  return null;
}

/**
 * A calendar date written `YYYY-MM-DD` or `DD/MM/YYYY` (as UK spreadsheets write it), as the
 * ISO string `YYYY-MM-DD`; null when it is not a real date.
 */
export function parseCalendarDate(text: string): string | null {
  const value = text.trim();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) parts = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  if (!parts) return null;
  return isoDateOf(...parts);
}

/** `YYYY-MM-DD` when year, month and day make a real date between 1900 and 2100, else null. */
export function isoDateOf(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Whether a case reference looks like a person's name: two or more words of letters only
 * (`Jayden Smith`, `SMITH, Jayden`, `mary-jane o'neil`) with no digit anywhere. Case
 * references from case management systems carry digits; a name must never be stored.
 */
export function looksLikePersonalName(reference: string): boolean {
  const value = reference.trim();
  if (/\d/.test(value)) return false;
  const words = value.split(/[\s,]+/).filter(Boolean);
  return words.length >= 2 && words.every((word) => /^\p{L}[\p{L}'’.-]*$/u.test(word));
}

/** What is wrong with a case reference, or null when it is acceptable. */
export function checkCaseReference(reference: string): string | null {
  const value = reference.trim();
  if (value === '') return 'Enter a case reference';
  if (value.length > REFERENCE_MAX_LENGTH) return `Case reference must be ${REFERENCE_MAX_LENGTH} characters or fewer`;
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'Case reference must be on one line, without tabs';
  if (looksLikePersonalName(value)) {
    return `Case reference “${value}” looks like a name. Use the service’s case reference (for example YJS-0042), never a child’s name`;
  }
  return null;
}
