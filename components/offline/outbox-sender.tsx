'use client';

import { useEffect, useState } from 'react';
import { postAnswer, postCaseDetails } from '@/lib/marking/save-client';
import { claimedKeys, announceOutboxChange, listenToOtherTabs } from '@/components/cases/use-outbox';
import { confirmSent, isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import { hasSessionChanged, onReachabilityChange, onSessionChanged, reportSessionChanged } from '@/lib/offline/connectivity';
import { planReplay, type PlannedSend } from '@/lib/offline/replay-plan';
import { idsToSend } from '@/lib/offline/change-id';
import { markCaseChanged } from './offline-cases-sync';

/** While anything waits, it is tried again this often: a connection may come back without an `online` event. */
const RETRY_EVERY_MS = 10_000;

type SendOutcome = { kind: 'saved'; version: number } | { kind: 'conflict' } | { kind: 'invalid' } | { kind: 'stop' };

async function send(userId: string, inspectionId: string, caseId: string, baseVersion: number, planned: PlannedSend): Promise<SendOutcome> {
  const change = planned.change;
  // Every send from here replays a change kept on the device: the audit trail records it as offline replay, made when it was.
  const replay = { isReplay: true, madeAt: planned.madeAt };
  // The change's id (and those it replaces): a send whose reply was lost, or an earlier one of
  // them that reached the server before the page closed, is known as this device's own there (ADR 0015).
  const ids = idsToSend(planned.changeId, planned.replaces);
  try {
    if (change.field === 'details') {
      const response = await postCaseDetails(inspectionId, userId, { caseId, baseVersion, ...change.patch, ...ids }, replay);
      if (!response.ok) return response.code === 'invalid' ? { kind: 'invalid' } : { kind: 'stop' };
      if (response.data.status === 'conflict') {
        // The details are one send per case (a merged patch): if theirs already agree with it,
        // nothing is sent on top of theirs, so nothing of theirs can be overwritten.
        const theirs = response.data.theirs as unknown as Record<string, unknown> & { version: number };
        const isSame = Object.entries(change.patch).every(([k, v]) => theirs[k] === v);
        return isSame ? { kind: 'saved', version: theirs.version } : { kind: 'conflict' };
      }
      return { kind: 'saved', version: response.data.details.version };
    }
    const response = await postAnswer(inspectionId, userId, { ...change, caseId, questionId: planned.key, baseVersion, ...ids }, replay);
    if (!response.ok) return response.code === 'invalid' ? { kind: 'invalid' } : { kind: 'stop' };
    // Someone else's newer answer: it stays on the device, and its page shows both to choose from
    // (a value that happens to match theirs is no proof their note or reason is what mine was made on).
    if (response.data.status === 'conflict') return { kind: 'conflict' };
    return { kind: 'saved', version: response.data.answer.version };
  } catch {
    return { kind: 'stop' }; // no connection (refused, cut, timed out): the next try is soon
  }
}

let isRunning = false;

/**
 * Sends what the signed-in user left in the outbox, from any Casemark page: when the page opens,
 * when the connection comes back (an `online` event, or any save getting through), and every
 * RETRY_EVERY_MS while anything waits — guest Wi-Fi comes back without telling the browser
 * (issue 20). Changes a marking form on this page sends itself are skipped. A change that meets
 * someone else's newer answer stays on the device: the case list shows it as unsent, and opening
 * its page shows both answers to choose from. Nothing is ever overwritten, and nothing is sent
 * once another user has signed in on this browser (the server would refuse it anyway).
 */
async function sendWaiting(userId: string) {
  if (isRunning || !isOutboxAvailable() || !navigator.onLine || hasSessionChanged()) return;
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

/**
 * Whether the browser's session is still this page's user: asked when another tab signs in or
 * out (next-auth tells the other tabs) and when the page comes back into view. No answer (no
 * connection) proves nothing; an answer naming nobody or someone else does.
 */
async function checkSession(userId: string) {
  if (hasSessionChanged()) return;
  try {
    const response = await fetch('/api/auth/session', { cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    const session = (await response.json()) as { user?: { id?: string } };
    if (session.user?.id !== userId) reportSessionChanged();
  } catch {
    /* offline: ask again later */
  }
}

export function OutboxSender({ userId }: { userId: string }) {
  const [isSessionChanged, setSessionChanged] = useState(false);
  useEffect(() => {
    const run = () => void sendWaiting(userId);
    const check = () => void checkSession(userId);
    // After the page's own forms have claimed their keys (their effects run in the same commit).
    const timer = setTimeout(run, 0);
    const every = setInterval(run, RETRY_EVERY_MS);
    const stopReachability = onReachabilityChange((isBack) => isBack && run());
    const stopSession = onSessionChanged(() => setSessionChanged(true));
    const stopTabs = listenToOtherTabs();
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      check();
      run();
    };
    const onStorage = (event: StorageEvent) => event.key === 'nextauth.message' && check();
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('next-auth');
    channel?.addEventListener('message', check);
    window.addEventListener('online', run);
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      clearInterval(every);
      stopReachability();
      stopSession();
      stopTabs();
      channel?.close();
      window.removeEventListener('online', run);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [userId]);

  // What the page shows may be more than the new session's user may see: it goes, and says why.
  useEffect(() => {
    if (!isSessionChanged) return;
    const main = document.getElementById('main-content');
    main?.setAttribute('hidden', '');
    return () => main?.removeAttribute('hidden');
  }, [isSessionChanged]);
  if (!isSessionChanged) return null;
  return <SessionChangedNotice />;
}

function SessionChangedNotice() {
  return (
    <div
      role="alert"
      data-testid="session-changed"
      className="fixed inset-0 z-50 overflow-auto bg-white p-8 text-govuk-text"
      aria-labelledby="session-changed-heading"
    >
      <div className="mx-auto max-w-2xl border-l-8 border-govuk-error pl-4">
        <h1 id="session-changed-heading" className="mb-4 text-3xl font-bold">
          You are no longer signed in on this page
        </h1>
        <p className="mb-4">
          Someone else has signed in on this browser, or this session has ended. This page has stopped sending changes, and its contents are
          hidden.
        </p>
        <p className="mb-4">Changes made on this page that were not sent are kept on this device for the person who made them.</p>
        {/* A full load, not a client-side navigation: the header and everything else must be the new session's. */}
        <button
          type="button"
          className="cursor-pointer text-govuk-link underline"
          onClick={() => window.location.assign(new URL('/', window.location.href).href)}
        >
          Open Casemark as whoever is signed in now
        </button>
      </div>
    </div>
  );
}
