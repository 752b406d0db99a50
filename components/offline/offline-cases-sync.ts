'use client';

import {
  casesToFetch,
  casesToForget,
  EMPTY_KEPT,
  isPageOfCases,
  keptRecordUrl,
  recordAfterRun,
  runPolitely,
  type KeptRecord,
  type OfflineCase,
  type OfflineCasesState,
} from '@/lib/offline/offline-cases';
import { pagesCache } from '@/lib/offline/page-cache';
import { keepPage } from './keep-page';

/**
 * Fetches and keeps every page of the user's allocated cases (issue 11: open cases with no
 * connection), one page at a time so a poor connection and a busy server are not swamped,
 * skipping a case whose fingerprint has not changed since it was kept, and stopping as soon as
 * the connection goes or the session ends. Runs outlive the component that started them, so
 * moving from the case list into a case goes on keeping the rest.
 */
const PAGES_AT_ONCE = 1;

interface Run {
  state: OfflineCasesState;
  listeners: Set<() => void>;
  controller: AbortController | null;
  userId: string;
}

const runs = new Map<string, Run>();
/** Users who signed out in this tab: nothing more is kept for them until they sign in again. */
const signedOut = new Set<string>();
/** When each case last had a change confirmed by the server (a counter, not a clock): its kept pages are stale. */
let tick = 0;
const changedAt = new Map<string, number>();
/** How long to wait for the service worker to be active before keeping pages anyway. */
const WORKER_WAIT_MS = 15_000;
const WAITING: OfflineCasesState = { kind: 'waiting' };

function runOf(userId: string, inspectionId: string): Run {
  const key = `${userId}|${inspectionId}`;
  let run = runs.get(key);
  if (!run) {
    run = { state: WAITING, listeners: new Set(), controller: null, userId };
    runs.set(key, run);
  }
  return run;
}

function publish(run: Run, state: OfflineCasesState) {
  run.state = state;
  for (const listener of run.listeners) listener();
}

export function subscribeOfflineCases(userId: string, inspectionId: string, listener: () => void): () => void {
  const run = runOf(userId, inspectionId);
  run.listeners.add(listener);
  return () => run.listeners.delete(listener);
}

export function offlineCasesState(userId: string, inspectionId: string): OfflineCasesState {
  return runOf(userId, inspectionId).state;
}

export const serverOfflineCasesState = (): OfflineCasesState => WAITING;

/** Signing in (the layout's offline support mounts for the user): runs may start again. */
export function allowOfflineCases(userId: string) {
  signedOut.delete(userId);
}

/** Signing out: runs of this user stop before their pages are wiped, so none is kept afterwards. */
export function stopOfflineCases(userId: string) {
  signedOut.add(userId);
  for (const [key, run] of runs) {
    if (run.userId !== userId) continue;
    run.controller?.abort();
    runs.delete(key);
  }
}

/**
 * A change to a case reached the server (the outbox confirmed it): its kept pages show the answers
 * before it, so the case is fetched again on the next run even if the inspection page that starts
 * the run was itself rendered before the change.
 */
export async function markCaseChanged(userId: string, inspectionId: string, caseId: string) {
  tick += 1;
  changedAt.set(`${userId}|${caseId}`, tick);
  if (!('caches' in window) || signedOut.has(userId) || !(await caches.has(pagesCache(userId)))) return;
  const pages = await caches.open(pagesCache(userId));
  const kept = await readRecord(pages, inspectionId);
  if (!(caseId in kept.fingerprints)) return;
  const fingerprints = Object.fromEntries(Object.entries(kept.fingerprints).filter(([id]) => id !== caseId));
  await pages.put(new URL(keptRecordUrl(inspectionId), location.origin).href, Response.json({ ...kept, fingerprints }));
}

async function readRecord(pages: Cache, inspectionId: string): Promise<KeptRecord> {
  const response = await pages.match(new URL(keptRecordUrl(inspectionId), location.origin).href);
  if (!response) return EMPTY_KEPT;
  try {
    const parsed = (await response.json()) as Partial<KeptRecord>;
    return { fingerprints: parsed.fingerprints ?? {}, updatedAt: typeof parsed.updatedAt === 'number' ? parsed.updatedAt : null };
  } catch {
    return EMPTY_KEPT;
  }
}

/**
 * Makes the given cases (the inspection page's list of the user's allocated cases) available
 * offline. `isForced` fetches every page again ("Make my cases available offline").
 */
export async function makeCasesAvailableOffline(userId: string, inspectionId: string, cases: readonly OfflineCase[], isForced = false) {
  const run = runOf(userId, inspectionId);
  if (run.controller || signedOut.has(userId)) return; // already running, or signed out
  if (!('caches' in window) || !('serviceWorker' in navigator)) return publish(run, { kind: 'unsupported' });
  const controller = new AbortController();
  run.controller = controller;
  try {
    // Kept pages open offline only through the worker: "available offline" waits for it to be active.
    await Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, WORKER_WAIT_MS))]);
    if (controller.signal.aborted) return;
    const pages = await caches.open(pagesCache(userId));
    const kept = await readRecord(pages, inspectionId);
    const keptPaths = new Set((await pages.keys()).map((r) => new URL(r.url).pathname));

    // Cases no longer allocated to this user leave the device.
    const forgotten = casesToForget(cases, kept);
    if (forgotten.length > 0) {
      for (const request of await pages.keys()) {
        if (isPageOfCases(new URL(request.url).pathname, inspectionId, forgotten)) await pages.delete(request);
      }
    }

    const isPageKept = (p: string) => keptPaths.has(p);
    const toFetch = casesToFetch(cases, kept, isPageKept, isForced);
    const keptAlready = cases.length - casesToFetch(cases, kept, isPageKept).length;
    const total = cases.length;
    const runStartedAt = tick;
    // A change confirmed after a case's pages began to be fetched (or, for one not fetched, after
    // this run began): its kept pages may predate it, so it is fetched again next time.
    const caseStartedAt = new Map<string, number>();
    const withoutChanged = (record: KeptRecord): KeptRecord => {
      const fingerprints = Object.fromEntries(
        Object.entries(record.fingerprints).filter(
          ([id]) => (changedAt.get(`${userId}|${id}`) ?? -1) <= (caseStartedAt.get(id) ?? runStartedAt),
        ),
      );
      return { ...record, fingerprints };
    };
    const save = async (record: KeptRecord) => {
      if (controller.signal.aborted) return;
      await pages.put(new URL(keptRecordUrl(inspectionId), location.origin).href, Response.json(record));
    };
    if (toFetch.length === 0) {
      const record = withoutChanged({ ...recordAfterRun(cases, kept, [], new Set(), Date.now()), updatedAt: kept.updatedAt ?? Date.now() });
      await save(record);
      return publish(run, { kind: 'ready', total, updatedAt: record.updatedAt });
    }
    if (!navigator.onLine) {
      return publish(run, { kind: 'partial', kept: keptAlready, total, reason: 'offline', updatedAt: kept.updatedAt });
    }

    // The home page (your inspections), so Casemark itself opens with no connection.
    if (!keptPaths.has('/')) await keepPage(userId, '/', { signal: controller.signal }).catch(() => 'failed' as const);
    // And this inspection's case list: the page that opened this run may have been served before the
    // service worker took control of it, and then it was never kept (a cut right after opening it).
    const listPath = `/inspections/${inspectionId}`;
    if (!keptPaths.has(listPath)) await keepPage(userId, listPath, { signal: controller.signal }).catch(() => 'failed' as const);

    let done = total - toFetch.length;
    publish(run, { kind: 'working', done, total });
    let stopReason: 'offline' | 'signed-out' | null = null;
    const failed = new Set<string>();
    const remaining = new Map(toFetch.map((c) => [c.id, c.paths.length]));
    const work = toFetch.flatMap((c) => c.paths.map((path) => ({ caseId: c.id, path })));
    const assetsSeen = new Set<string>();
    await runPolitely(
      work,
      PAGES_AT_ONCE,
      async ({ caseId, path }) => {
        if (failed.has(caseId)) return;
        if (!caseStartedAt.has(caseId)) caseStartedAt.set(caseId, tick);
        const outcome = await keepPage(userId, path, { signal: controller.signal, assetsSeen }).catch(() => 'failed' as const);
        if (outcome === 'offline' || outcome === 'signed-out') {
          stopReason = outcome;
          return;
        }
        if (outcome === 'failed') failed.add(caseId);
        const left = (remaining.get(caseId) ?? 1) - 1;
        remaining.set(caseId, left);
        if (left === 0 && !failed.has(caseId)) {
          done += 1;
          if (!controller.signal.aborted) publish(run, { kind: 'working', done, total });
        }
      },
      () => stopReason !== null || controller.signal.aborted || !navigator.onLine,
    );
    if (controller.signal.aborted) return;
    // A case counts as kept only when every one of its pages was.
    for (const [caseId, left] of remaining) if (left > 0) failed.add(caseId);
    const record = withoutChanged(recordAfterRun(cases, kept, toFetch, failed, Date.now()));
    await save(record);
    if (failed.size === 0) return publish(run, { kind: 'ready', total, updatedAt: record.updatedAt });
    const reason = stopReason ?? (navigator.onLine ? 'failed' : 'offline');
    publish(run, { kind: 'partial', kept: total - failed.size, total, reason, updatedAt: record.updatedAt });
  } catch {
    publish(run, { kind: 'partial', kept: 0, total: cases.length, reason: 'failed', updatedAt: null });
  } finally {
    if (run.controller === controller) run.controller = null;
  }
}
