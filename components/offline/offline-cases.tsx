'use client';

import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { OUTBOX_CHANGED } from '@/components/cases/use-outbox';
import { describeOfflineCases, type OfflineCase } from '@/lib/offline/offline-cases';
import { makeCasesAvailableOffline, offlineCasesState, serverOfflineCasesState, subscribeOfflineCases } from './offline-cases-sync';

/** Lets the page finish its own loading before the first case page is fetched. */
const START_AFTER_MS = 500;
/** After changes are sent from this page, the cases they touched are kept afresh once the sending settles. */
const REKEEP_AFTER_MS = 3_000;

/**
 * "Your 6 cases are available offline (updated 10:42)" on the inspection page (issue 11). Opening
 * the inspection online makes the user's allocated cases available offline by itself; the button
 * fetches them all again. The status line is a polite live region.
 */
export function OfflineCases({
  userId,
  inspectionId,
  cases,
  allocatedCount,
}: {
  userId: string;
  inspectionId: string;
  cases: OfflineCase[];
  allocatedCount: number;
}) {
  const subscribe = useCallback((listener: () => void) => subscribeOfflineCases(userId, inspectionId, listener), [userId, inspectionId]);
  const state = useSyncExternalStore(subscribe, () => offlineCasesState(userId, inspectionId), serverOfflineCasesState);
  const casesKey = JSON.stringify(cases);

  useEffect(() => {
    const list = JSON.parse(casesKey) as OfflineCase[];
    const start = () => void makeCasesAvailableOffline(userId, inspectionId, list);
    const timer = setTimeout(start, START_AFTER_MS);
    let rekeep: ReturnType<typeof setTimeout> | undefined;
    const onOutboxChange = () => {
      clearTimeout(rekeep);
      rekeep = setTimeout(() => navigator.onLine && start(), REKEEP_AFTER_MS);
    };
    window.addEventListener('online', start);
    window.addEventListener(OUTBOX_CHANGED, onOutboxChange);
    return () => {
      clearTimeout(timer);
      clearTimeout(rekeep);
      window.removeEventListener('online', start);
      window.removeEventListener(OUTBOX_CHANGED, onOutboxChange);
    };
  }, [userId, inspectionId, casesKey]);

  return (
    <section
      aria-labelledby="offline-cases-heading"
      className="mb-8 border-l-8 border-govuk-blue bg-govuk-light-grey p-4"
      data-testid="offline-cases"
    >
      <h2 id="offline-cases-heading" className="mb-2 text-xl font-bold">
        Working offline
      </h2>
      <p role="status" aria-live="polite" className="mb-2 font-bold" data-testid="offline-cases-status">
        {describeOfflineCases(state)}
      </p>
      {allocatedCount > cases.length ? (
        <p className="mb-2" data-testid="offline-cases-limit">
          {`Only ${cases.length} of your ${allocatedCount} cases are kept on this device: those not yet complete first.`}
        </p>
      ) : null}
      <p className="mb-3 max-w-3xl">
        The cases allocated to you are kept in this browser, for you alone, so their task lists, standards and check your answers open with
        no connection. Changes made offline are kept on this device and sent when you are back online. Marking a case as complete needs a
        connection.
      </p>
      {state.kind !== 'working' && state.kind !== 'unsupported' ? (
        <Button type="button" variant="secondary" onClick={() => void makeCasesAvailableOffline(userId, inspectionId, cases, true)}>
          Make my cases available offline
        </Button>
      ) : null}
    </section>
  );
}
