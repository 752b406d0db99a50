'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { describeSyncState } from '@/lib/offline/replay-plan';
import { onReachabilityChange, retryDelay } from '@/lib/offline/connectivity';
import { describeConflicts } from '@/lib/offline/answer-conflict';

type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; message: string }
  /** A change the inspector has started but not finished (e.g. not applicable without a reason). */
  | { kind: 'unsaved'; message: string }
  | { kind: 'failed'; message: string };

/** What one attempt to save came to. */
export type AttemptOutcome =
  | { kind: 'done' }
  /** Network trouble or a server fault: try again later, never show as saved. */
  | { kind: 'retry'; message: string }
  /** Refused (invalid, forbidden, signed out, a conflict): show the message, keep it unsaved. */
  | { kind: 'failed'; message: string };

/** Waits out the back-off, or less: a connection coming back (by any route) is the moment to try again. */
function waitToRetry(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      stopListening();
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    const stopListening = onReachabilityChange((isBack) => isBack && done());
  });
}

const LEAVE_WARNING = 'You have changes that are not saved. Leave this page anyway?';

/**
 * Saves changes one at a time per key (so each save is made on the version the previous one
 * returned), retries failures with back-off until they succeed, and keeps count of everything
 * not yet safely saved — changes queued or in flight, typed but not yet sent, refused — so that
 * the status never says "Saved" over them, and leaving the page (by the browser or by a link
 * inside the app) asks first about any that are not kept on this device (`isKeptOnDevice`). Status reads "Saving…", "Saved at 10:42" or "Not saved — …".
 */
export function useAutosave({ isKeptOnDevice = () => false }: { isKeptOnDevice?: () => boolean } = {}) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const queues = useRef(new Map<string, Promise<void>>());
  const pending = useRef(0);
  const dirty = useRef(new Map<string, string | null>());
  const failed = useRef(new Map<string, string>());

  // What leaving the page would lose: typing not yet recorded, and — only without the on-device
  // outbox — changes queued, in flight or refused. Kept on the device, they are not lost (issue 20).
  const hasUnsaved = useCallback(
    () => dirty.current.size > 0 || (!isKeptOnDevice() && (pending.current > 0 || failed.current.size > 0)),
    [isKeptOnDevice],
  );

  /** The status once nothing is in flight: the first refusal or unfinished change, else saved. */
  const settle = useCallback(() => {
    if (pending.current > 0) return;
    const refusal = failed.current.values().next();
    if (!refusal.done) return setStatus({ kind: 'failed', message: refusal.value });
    for (const message of dirty.current.values()) if (message) return setStatus({ kind: 'unsaved', message });
    if (dirty.current.size > 0) return setStatus({ kind: 'saving' });
    setStatus({ kind: 'saved', at: new Date() });
  }, []);

  useEffect(() => {
    const warnOnUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsaved()) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    // Links inside the app navigate without unloading the page: ask before those too.
    const warnOnLink = (event: MouseEvent) => {
      if (!hasUnsaved() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('target') === '_blank' || link.getAttribute('href')?.startsWith('#')) return;
      if (!window.confirm(LEAVE_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', warnOnUnload);
    document.addEventListener('click', warnOnLink, true);
    return () => {
      window.removeEventListener('beforeunload', warnOnUnload);
      document.removeEventListener('click', warnOnLink, true);
    };
  }, [hasUnsaved]);

  /**
   * Marks a change as made but not yet queued: typing before the debounce fires ("Saving…"),
   * or an answer that needs more before it can be saved (`unsavedMessage`).
   */
  const markDirty = useCallback((key: string, unsavedMessage?: string) => {
    dirty.current.set(key, unsavedMessage ?? null);
    setStatus(unsavedMessage ? { kind: 'unsaved', message: unsavedMessage } : { kind: 'saving' });
  }, []);

  /** Drops a change that will not be saved (e.g. the inspector took the other person's answer). */
  const clearDirty = useCallback(
    (key: string) => {
      dirty.current.delete(key);
      failed.current.delete(key);
      settle();
    },
    [settle],
  );

  /**
   * Queues `attempt` behind earlier saves of the same key; resolves when it is done or refused.
   * `clearsDirty` names the unfinished change this save carries.
   */
  const enqueue = useCallback(
    (key: string, attempt: () => Promise<AttemptOutcome>, clearsDirty?: string): Promise<AttemptOutcome> => {
      if (clearsDirty) dirty.current.delete(clearsDirty);
      pending.current += 1;
      setStatus({ kind: 'saving' });
      const previous = queues.current.get(key) ?? Promise.resolve();
      let outcome: AttemptOutcome = { kind: 'done' };
      const run = previous.then(async () => {
        for (let tries = 0; ; tries++) {
          try {
            outcome = await attempt();
          } catch {
            outcome = { kind: 'retry', message: 'Not saved — retrying (no connection)' };
          }
          if (outcome.kind !== 'retry') break;
          setStatus({ kind: 'retrying', message: outcome.message });
          await waitToRetry(retryDelay(tries));
        }
      });
      queues.current.set(key, run);
      return run.then(() => {
        pending.current -= 1;
        if (queues.current.get(key) === run) queues.current.delete(key);
        // A refusal stays until a later save of the same key succeeds or the change is dropped.
        if (outcome.kind === 'failed') failed.current.set(key, outcome.message);
        else failed.current.delete(key);
        settle();
        return outcome;
      });
    },
    [settle],
  );

  return { status, enqueue, markDirty, clearDirty };
}

/**
 * The status line. With `sync` (the form's outbox) it says what is true off the network too:
 * "Offline — 3 changes kept on this device", "Sending 3 changes…", "All changes saved at 10:42".
 */
export function AutosaveStatusText({
  status,
  sync,
  conflictKeys = [],
}: {
  status: AutosaveStatus;
  /** The case's changes on the device (`kept`, the count shown) and whether this form has any of them waiting (`ownKept`). */
  sync?: { kept: number; ownKept?: number; isOnline: boolean };
  /** Every conflict waiting on the page, named in the status (not only the first). */
  conflictKeys?: readonly string[];
}) {
  const isRefused = status.kind === 'failed' || status.kind === 'unsaved';
  const kept = sync?.kept ?? 0;
  const isOffline = !!sync && !sync.isOnline && kept > 0 && !isRefused;
  // Another page's change held on the device (a conflict waiting there) is not this form sending.
  const isSending =
    !!sync && sync.isOnline && kept > 0 && (sync.ownKept ?? kept) > 0 && (status.kind === 'saving' || status.kind === 'idle');
  const clock = (at: Date) => at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const text = isOffline
    ? describeSyncState({ kind: 'offline', kept })
    : isSending
      ? describeSyncState({ kind: 'sending', kept })
      : status.kind === 'saving'
        ? 'Saving…'
        : status.kind === 'saved'
          ? sync
            ? describeSyncState({ kind: 'saved', at: status.at })
            : `Saved at ${clock(status.at)}`
          : status.kind === 'retrying' || status.kind === 'unsaved'
            ? status.message
            : status.kind === 'failed'
              ? `Not saved — ${conflictKeys.length ? describeConflicts(conflictKeys) : status.message}`
              : 'Changes are saved as you go';
  const kind = isOffline ? 'offline' : isSending ? 'saving' : status.kind;
  const isProblem = !isOffline && (status.kind === 'retrying' || status.kind === 'failed' || status.kind === 'unsaved');
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-kind={kind}
      className={`border-l-4 px-3 py-1 ${isProblem ? 'border-govuk-error font-bold text-govuk-error' : isOffline ? 'border-govuk-text font-bold' : 'border-govuk-border'}`}
    >
      {text}
    </p>
  );
}
