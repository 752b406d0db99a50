'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { addToOutbox, confirmSent, dropKey, isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import type { OutboxChange, OutboxEntry } from '@/lib/offline/replay-plan';
import { markCaseChanged } from '@/components/offline/offline-cases-sync';

/** Keys ("caseId|questionId") a mounted marking form sends itself: the background sender skips them. */
export const claimedKeys = new Set<string>();
export const OUTBOX_CHANGED = 'casemark:outbox-changed';

export function announceOutboxChange() {
  window.dispatchEvent(new Event(OUTBOX_CHANGED));
}

export function useOnline(): boolean {
  const [isOnline, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return isOnline;
}

/**
 * The outbox as one marking form sees it: its own keys of one case, for the signed-in user.
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

  const refresh = useCallback(async () => setKept((await pending()).length), [pending]);

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
    async (key: string, change: OutboxChange, baseVersion: number): Promise<number[]> => {
      if (!isOutboxAvailable()) return [];
      try {
        const seq = await addToOutbox({ userId, inspectionId, caseId, key, change, baseVersion });
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

  return { kept, isOnline, pending, record, confirm, drop };
}
