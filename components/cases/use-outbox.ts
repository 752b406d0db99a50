'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { addToOutbox, confirmSent, dropKey, isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import { countPendingChanges, type OutboxChange, type OutboxEntry } from '@/lib/offline/replay-plan';
import { isReachable, onReachabilityChange } from '@/lib/offline/connectivity';
import { markCaseChanged } from '@/components/offline/offline-cases-sync';

/** Keys ("caseId|questionId") a mounted marking form sends itself: the background sender skips them. */
export const claimedKeys = new Set<string>();
export const OUTBOX_CHANGED = 'casemark:outbox-changed';

let channel: BroadcastChannel | null | undefined;

/**
 * One channel per page to the other tabs of this browser: a change kept or sent in one tab updates
 * the badges and counts in the others (issue 20). A BroadcastChannel never hears its own messages,
 * so the page that announces is not told twice.
 */
function outboxChannel(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('casemark-outbox');
  return channel;
}

export function announceOutboxChange() {
  window.dispatchEvent(new Event(OUTBOX_CHANGED));
  outboxChannel()?.postMessage('changed');
}

/** Another tab kept or sent a change: this page's badges and counts read the outbox again. */
export function listenToOtherTabs(): () => void {
  const tabs = outboxChannel();
  const onMessage = () => window.dispatchEvent(new Event(OUTBOX_CHANGED));
  tabs?.addEventListener('message', onMessage);
  return () => tabs?.removeEventListener('message', onMessage);
}

/**
 * Whether the server can be reached: the browser's own idea (`navigator.onLine`) and what the
 * last save found (lib/offline/connectivity.ts) — guest Wi-Fi leaves the first true while
 * nothing gets through (issue 20).
 */
export function useOnline(): boolean {
  const [isOnline, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine && isReachable());
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    const stop = onReachabilityChange(update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      stop();
    };
  }, []);
  return isOnline;
}

/**
 * The outbox as one marking form sees it: its own keys of one case, for the signed-in user (and
 * `kept`, the number of the case's changes waiting on this device; `ownKept`, this form's).
 * Every change is recorded before it is sent; `confirm` removes it once the server has it.
 * Without IndexedDB (a private window that refuses it) the form still saves, as before.
 */
export function useOutbox({
  userId,
  inspectionId,
  caseId,
  keys,
}: {
  userId: string;
  inspectionId: string;
  caseId: string;
  keys: readonly string[];
}) {
  const [kept, setKept] = useState(0);
  const [ownKept, setOwnKept] = useState(0);
  const isOnline = useOnline();
  const keySet = useMemo(() => new Set(keys), [keys]);

  const pending = useCallback(async (): Promise<OutboxEntry[]> => {
    if (!isOutboxAvailable()) return [];
    try {
      return (await listOutbox(userId, caseId)).filter((e) => keySet.has(e.key));
    } catch {
      return [];
    }
  }, [userId, caseId, keySet]);

  // The whole case's waiting changes, counted as the case list and check your answers count them.
  const refresh = useCallback(async () => {
    if (!isOutboxAvailable()) return;
    const entries = await listOutbox(userId, caseId).catch(() => []);
    setKept(countPendingChanges(entries));
    setOwnKept(entries.filter((e) => keySet.has(e.key)).length);
  }, [userId, caseId, keySet]);

  useEffect(() => {
    for (const key of keySet) claimedKeys.add(`${caseId}|${key}`);
    const onChange = () => void refresh();
    window.addEventListener(OUTBOX_CHANGED, onChange);
    void Promise.resolve().then(refresh);
    return () => {
      for (const key of keySet) claimedKeys.delete(`${caseId}|${key}`);
      window.removeEventListener(OUTBOX_CHANGED, onChange);
    };
  }, [caseId, keySet, refresh]);

  const record = useCallback(
    async (key: string, change: OutboxChange, baseVersion: number, changeId?: string): Promise<number[]> => {
      if (!isOutboxAvailable()) return [];
      try {
        const seq = await addToOutbox({ userId, inspectionId, caseId, key, change, baseVersion, ...(changeId ? { changeId } : {}) });
        announceOutboxChange();
        return [seq];
      } catch {
        return [];
      }
    },
    [userId, inspectionId, caseId],
  );

  const confirm = useCallback(
    async (key: string, seqs: readonly number[], version: number) => {
      if (!isOutboxAvailable()) return;
      await confirmSent(userId, caseId, key, seqs, version).catch(() => undefined);
      void markCaseChanged(userId, inspectionId, caseId).catch(() => undefined);
      announceOutboxChange();
    },
    [userId, inspectionId, caseId],
  );

  const drop = useCallback(
    async (key: string) => {
      if (!isOutboxAvailable()) return;
      await dropKey(userId, caseId, key).catch(() => undefined);
      announceOutboxChange();
    },
    [userId, caseId],
  );

  return { kept, ownKept, isOnline, pending, record, confirm, drop };
}
