/**
 * Whether Casemark's server can be reached from this page, learnt from the requests themselves
 * (issue 20): guest Wi-Fi leaves `navigator.onLine` true while sockets are refused, cut or
 * silent, so a save that fails or times out means "offline", and any answer from the server means
 * "back". No React or Next here: the save client reports, the status line and the sender listen.
 */

/** A save that has not been answered in this long is given up as lost on a silent connection. */
export const SAVE_TIMEOUT_MS = 10_000;

/** Waits between retries of one change: quick at first, then every 15 s while nothing gets through. */
const RETRY_BACKOFF_MS = [1000, 2000, 4000, 8000, 15_000] as const;

/** The wait before retry number `tries` (0-based): the last step repeats for ever. */
export function retryDelay(tries: number): number {
  const steps = RETRY_BACKOFF_MS.length;
  return RETRY_BACKOFF_MS[Math.max(0, Math.min(tries, steps - 1))] ?? 15_000;
}

type Listener = (isReachable: boolean) => void;

let isServerReachable = true;
const listeners = new Set<Listener>();

export function isReachable(): boolean {
  return isServerReachable;
}

function set(next: boolean) {
  if (next === isServerReachable) return;
  isServerReachable = next;
  for (const listener of listeners) listener(next);
}

/** A request failed without an answer (refused, reset, timed out): the network is gone for now. */
export function reportUnreachable(): void {
  set(false);
}

/** The server answered (whatever it said): the network is back. */
export function reportReachable(): void {
  set(true);
}

/** Called with the new state whenever it changes; returns the unsubscribe. */
export function onReachabilityChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let isSessionChanged = false;
const sessionListeners = new Set<() => void>();

/**
 * The page's user is no longer the one signed in on this browser (someone else signed in in
 * another tab, or the session ended): from now on the page sends nothing — its changes stay on the
 * device for their owner — and says so. Only a fresh page load (a new session's page) clears it.
 */
export function reportSessionChanged(): void {
  if (isSessionChanged) return;
  isSessionChanged = true;
  for (const listener of sessionListeners) listener();
}

export function hasSessionChanged(): boolean {
  return isSessionChanged;
}

export function onSessionChanged(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/**
 * What check your answers says about completing a case (issue 20): the notice "needs a connection"
 * whenever the case has changes kept on this device — whether or not a send has failed yet (a
 * black-holed save takes SAVE_TIMEOUT_MS to fail, and a change held by a conflict is never sent by
 * itself) — and whenever the server cannot be reached. `kept` is the case's count as the case list
 * counts it (countPendingChanges), so the page and the list give one number.
 */
export function completeNotice({ isOnline, kept }: { isOnline: boolean; kept: number }): string | null {
  const changes = kept === 1 ? '1 change is' : `${kept} changes are`;
  if (!isOnline)
    return kept > 0
      ? `You are offline. Marking a case as complete needs a connection to Casemark; ${changes} kept on this device until then.`
      : 'You are offline. Marking a case as complete needs a connection to Casemark; your answers are kept on this device until then.';
  if (kept > 0) {
    const them = kept === 1 ? '1 change kept on this device has' : `${kept} changes kept on this device have`;
    return `${them} not reached Casemark yet. Marking a case as complete needs a connection to Casemark to send ${kept === 1 ? 'it' : 'them'} first; a change that meets someone else's answer waits on its standard's page for you to choose.`;
  }
  return null;
}
