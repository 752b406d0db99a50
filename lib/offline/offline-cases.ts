/**
 * Making an inspector's cases available offline (issue 11, "Open cases with no connection"): which
 * pages each case needs, which cases must be fetched again, and what the status line says. Pure:
 * no caches, React or Next here, so the rules are unit-tested alone.
 *
 * Which cases: those allocated to the signed-in user on an inspection in fieldwork — for every
 * role, so a lead or an admin who sees the whole sample downloads only the cases they mark
 * themselves, and a quality assurer or a manager (never allocated) downloads none.
 */
import type { KeyPlan } from './replay-plan';

/** One allocated case as the inspection page describes it to the browser. */
export interface OfflineCase {
  id: string;
  reference: string;
  /**
   * Changes whenever anything its pages show changes (answers, case details, status, queries,
   * the inspection's status or settings): an unchanged case whose pages are all kept is skipped.
   */
  fingerprint: string;
  /** The task list, every standard page the case is marked on, and check your answers. */
  paths: string[];
}

/**
 * At most this many cases are kept per inspection: an inspector marks a handful, and even a lead
 * allocated a large share of a sample should not fill a laptop (about 50 KB a page, 5–11 pages a case).
 */
const MAX_OFFLINE_CASES = 50;

/** The cases to keep when there are more than `max`: those not yet complete first, in list order. */
export function chooseOfflineCases<T extends { status: 'not_started' | 'in_progress' | 'complete' }>(
  cases: readonly T[],
  max = MAX_OFFLINE_CASES,
): T[] {
  return [...cases.filter((c) => c.status !== 'complete'), ...cases.filter((c) => c.status === 'complete')].slice(0, max);
}

/** What the device holds for one user and inspection: each kept case's fingerprint, and when. */
export interface KeptRecord {
  fingerprints: Record<string, string>;
  /** Milliseconds since the epoch of the last run that kept every case. */
  updatedAt: number | null;
}

export const EMPTY_KEPT: KeptRecord = { fingerprints: {}, updatedAt: null };

/** Where the record is kept: inside the user's own page cache, so signing out wipes it with the pages. */
export const keptRecordUrl = (inspectionId: string) => `/__casemark/offline-cases/${inspectionId}`;

export function casePaths(inspectionId: string, caseId: string, standardIds: readonly string[]): string[] {
  const base = `/inspections/${inspectionId}/cases/${caseId}`;
  return [base, ...standardIds.map((id) => `${base}/standards/${id}`), `${base}/check`];
}

/**
 * The cases to fetch: a new case, a changed one, one whose pages are not all on the device, or every
 * case when the inspector asks for it again (`isForced`). Order follows the case list.
 */
export function casesToFetch(
  cases: readonly OfflineCase[],
  kept: KeptRecord,
  isPageKept: (path: string) => boolean,
  isForced = false,
): OfflineCase[] {
  if (isForced) return [...cases];
  return cases.filter((c) => kept.fingerprints[c.id] !== c.fingerprint || !c.paths.every(isPageKept));
}

/** Cases kept earlier that are no longer allocated to the user: their pages leave the device. */
export function casesToForget(cases: readonly OfflineCase[], kept: KeptRecord): string[] {
  const current = new Set(cases.map((c) => c.id));
  return Object.keys(kept.fingerprints).filter((id) => !current.has(id));
}

/** Whether a kept page (by path) belongs to one of the given cases of the inspection. */
export function isPageOfCases(pathname: string, inspectionId: string, caseIds: readonly string[]): boolean {
  return caseIds.some((id) => {
    const base = `/inspections/${inspectionId}/cases/${id}`;
    return pathname === base || pathname.startsWith(`${base}/`);
  });
}

/** The record after a run: the fetched cases' new fingerprints, forgotten cases removed. */
export function recordAfterRun(
  cases: readonly OfflineCase[],
  kept: KeptRecord,
  fetched: readonly OfflineCase[],
  failedIds: ReadonlySet<string>,
  now: number,
): KeptRecord {
  const fingerprints: Record<string, string> = {};
  for (const c of cases) {
    const previous = kept.fingerprints[c.id];
    if (fetched.some((f) => f.id === c.id)) {
      if (!failedIds.has(c.id)) fingerprints[c.id] = c.fingerprint;
    } else if (previous !== undefined) fingerprints[c.id] = previous;
  }
  const isComplete = cases.every((c) => fingerprints[c.id] === c.fingerprint);
  return { fingerprints, updatedAt: isComplete ? now : kept.updatedAt };
}

export type OfflineCasesState =
  | { kind: 'waiting' }
  | { kind: 'unsupported' }
  | { kind: 'working'; done: number; total: number }
  | { kind: 'ready'; total: number; updatedAt: number | null }
  /** Stopped before the end: no connection, signed out, or some pages could not be fetched. */
  | { kind: 'partial'; kept: number; total: number; reason: 'offline' | 'failed' | 'signed-out'; updatedAt: number | null };

const clock = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const yourCases = (n: number) => (n === 1 ? 'Your case is' : `Your ${n} cases are`);

/** The status line beside "Make my cases available offline". */
export function describeOfflineCases(state: OfflineCasesState): string {
  switch (state.kind) {
    case 'waiting':
      return 'Checking which of your cases are on this device…';
    case 'unsupported':
      return 'This browser cannot keep cases for use offline.';
    case 'working':
      return `Making cases available offline: ${state.done} of ${state.total}…`;
    case 'ready':
      return `${yourCases(state.total)} available offline${state.updatedAt ? ` (updated ${clock(state.updatedAt)})` : ''}`;
    case 'partial': {
      const kept = `${state.kept} of your ${state.total} cases ${state.kept === 1 ? 'is' : 'are'} available offline`;
      if (state.reason === 'offline') return `You are offline: ${kept}. The rest follow when the connection is back.`;
      if (state.reason === 'signed-out') return `${kept}. Sign in again to make the rest available.`;
      return `${kept}. Some pages could not be fetched; try again.`;
    }
  }
}

/** Runs `task` over `items`, at most `limit` at a time, stopping early once `shouldStop` says so. */
export async function runPolitely<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
  shouldStop: () => boolean,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!shouldStop()) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item === undefined) return;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

const VALUE_LABELS = { yes: 'Yes', no: 'No', na: 'Not applicable' } as const;
const DETAIL_LABELS: Record<string, string> = {
  agreesWithRosh: 'Agree with the risk of serious harm classification',
  agreesWithSafety: 'Agree with the safety and wellbeing classification',
  isCaseManagerInterviewed: 'Case manager interviewed',
  isPracticeExample: 'Practice example',
  practiceExample: 'Practice example',
};
const detailValue = (v: boolean | string | null) => (v === true ? 'Yes' : v === false ? 'No' : v === null ? 'Not answered' : v);

/**
 * The changes waiting on the device, one line each, as check your answers lists them beside the
 * answers the server had when the page was kept: "2.1.1: No", "2.1.1 evidence: …".
 */
export function describePendingChanges(plans: readonly Pick<KeyPlan, 'key' | 'sends'>[]): string[] {
  return plans.flatMap((plan) =>
    plan.sends.flatMap(({ change }) => {
      if (change.field === 'value')
        return [`${plan.key}: ${VALUE_LABELS[change.value]}${change.value === 'na' && change.naReason ? ` — ${change.naReason}` : ''}`];
      if (change.field === 'note') return [`${plan.key} evidence: ${change.note || '(removed)'}`];
      return Object.entries(change.patch).map(([field, value]) => `${DETAIL_LABELS[field] ?? field}: ${detailValue(value)}`);
    }),
  );
}
