'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveStatus =
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
  /** Refused for good (invalid, forbidden): show the message, do not retry. */
  | { kind: 'failed'; message: string };

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * Saves changes one at a time per key (so each save is made on the version the previous one
 * returned), retries failures with back-off until they succeed, and warns before the page is
 * left while anything is unsaved. Status reads "Saving…", "Saved at 10:42" or
 * "Not saved — retrying".
 */
export function useAutosave() {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const queues = useRef(new Map<string, Promise<void>>());
  const pending = useRef(0);
  // Changes typed but not yet sent (a note waiting for its debounce) count as unsaved too.
  const dirty = useRef(new Set<string>());

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current > 0 || dirty.current.size > 0) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /**
   * Marks a change as made but not yet queued: typing before the debounce fires ("Saving…"),
   * or an answer that needs more before it can be saved (`unsavedMessage`).
   */
  const markDirty = useCallback((key: string, unsavedMessage?: string) => {
    dirty.current.add(key);
    setStatus(unsavedMessage ? { kind: 'unsaved', message: unsavedMessage } : { kind: 'saving' });
  }, []);

  /** Drops a change that will not be saved (e.g. the inspector took the other person's answer). */
  const clearDirty = useCallback((key: string) => {
    dirty.current.delete(key);
    if (pending.current === 0 && dirty.current.size === 0) setStatus({ kind: 'saved', at: new Date() });
  }, []);

  /** Queues `attempt` behind earlier saves of the same key; resolves when it is done or failed. */
  const enqueue = useCallback((key: string, attempt: () => Promise<AttemptOutcome>, clearsDirty?: string): Promise<AttemptOutcome> => {
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
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[Math.min(tries, BACKOFF_MS.length - 1)]));
      }
    });
    queues.current.set(key, run);
    return run.then(() => {
      pending.current -= 1;
      if (queues.current.get(key) === run) queues.current.delete(key);
      if (outcome.kind === 'failed') setStatus({ kind: 'failed', message: outcome.message });
      else if (pending.current === 0 && dirty.current.size === 0) setStatus({ kind: 'saved', at: new Date() });
      return outcome;
    });
  }, []);

  return { status, enqueue, markDirty, clearDirty };
}

export function AutosaveStatusText({ status }: { status: AutosaveStatus }) {
  const text =
    status.kind === 'saving'
      ? 'Saving…'
      : status.kind === 'saved'
        ? `Saved at ${status.at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
        : status.kind === 'retrying'
          ? status.message
          : status.kind === 'failed'
            ? `Not saved — ${status.message}`
            : 'Changes are saved as you go';
  const colour = status.kind === 'retrying' || status.kind === 'failed' || status.kind === 'unsaved' ? 'border-govuk-error text-govuk-error font-bold' : 'border-govuk-border';
  return (
    <p role="status" aria-live="polite" data-testid="save-status" data-kind={status.kind} className={`border-l-4 px-3 py-1 ${colour}`}>
      {text}
    </p>
  );
}
