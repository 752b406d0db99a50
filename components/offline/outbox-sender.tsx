'use client';

import { useEffect } from 'react';
import { postAnswer, postCaseDetails } from '@/lib/marking/save-client';
import { claimedKeys, announceOutboxChange } from '@/components/cases/use-outbox';
import { confirmSent, isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import { isAlreadySaved, planReplay, type PlannedSend } from '@/lib/offline/replay-plan';
import { markCaseChanged } from './offline-cases-sync';

type SendOutcome = { kind: 'saved'; version: number } | { kind: 'conflict' } | { kind: 'invalid' } | { kind: 'stop' };

async function send(userId: string, inspectionId: string, caseId: string, baseVersion: number, planned: PlannedSend): Promise<SendOutcome> {
  const change = planned.change;
  try {
    if (change.field === 'details') {
      const response = await postCaseDetails(inspectionId, userId, { caseId, baseVersion, ...change.patch });
      if (!response.ok) return response.code === 'invalid' ? { kind: 'invalid' } : { kind: 'stop' };
      if (response.data.status === 'conflict') {
        const theirs = response.data.theirs as unknown as Record<string, unknown> & { version: number };
        const isSame = Object.entries(change.patch).every(([k, v]) => theirs[k] === v);
        return isSame ? { kind: 'saved', version: theirs.version } : { kind: 'conflict' };
      }
      return { kind: 'saved', version: response.data.details.version };
    }
    const response = await postAnswer(inspectionId, userId, { ...change, caseId, questionId: planned.key, baseVersion });
    if (!response.ok) return response.code === 'invalid' ? { kind: 'invalid' } : { kind: 'stop' };
    if (response.data.status === 'conflict') {
      const theirs = response.data.theirs;
      return isAlreadySaved(change, theirs) ? { kind: 'saved', version: theirs.version } : { kind: 'conflict' };
    }
    return { kind: 'saved', version: response.data.answer.version };
  } catch {
    return { kind: 'stop' }; // no connection: try again when it comes back
  }
}

let isRunning = false;

/**
 * Sends what the signed-in user left in the outbox on any Casemark page, when the page opens and
 * when the connection comes back — except changes a marking form on this page sends itself. A
 * change that meets someone else's newer answer stays on the device: the case list shows it as
 * unsent, and opening its page shows both answers to choose from. Nothing is ever overwritten.
 */
async function sendWaiting(userId: string) {
  if (isRunning || !isOutboxAvailable() || !navigator.onLine) return;
  isRunning = true;
  try {
    const entries = (await listOutbox(userId)).filter((e) => !claimedKeys.has(`${e.caseId}|${e.key}`));
    const byCase = new Map<string, typeof entries>();
    for (const e of entries) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const [caseId, caseEntries] of byCase) {
      for (const plan of planReplay(caseEntries)) {
        let version = plan.baseVersion;
        for (const planned of plan.sends) {
          if (claimedKeys.has(`${caseId}|${plan.key}`)) break;
          const outcome = await send(userId, caseEntries[0]?.inspectionId ?? '', caseId, version, planned);
          if (outcome.kind === 'stop') return;
          if (outcome.kind === 'conflict') break;
          if (outcome.kind === 'saved') version = outcome.version;
          await confirmSent(userId, caseId, plan.key, planned.seqs, version);
          void markCaseChanged(userId, caseEntries[0]?.inspectionId ?? '', caseId).catch(() => undefined);
          announceOutboxChange();
        }
      }
    }
  } finally {
    isRunning = false;
  }
}

export function OutboxSender({ userId }: { userId: string }) {
  useEffect(() => {
    // After the page's own forms have claimed their keys (their effects run in the same commit).
    const timer = setTimeout(() => void sendWaiting(userId), 0);
    const onOnline = () => void sendWaiting(userId);
    window.addEventListener('online', onOnline);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [userId]);
  return null;
}
