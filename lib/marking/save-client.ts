/**
 * The marking pages' autosaves and the on-device outbox's sends, posted as JSON to the case's save
 * routes (app/inspections/[inspectionId]/cases/[caseId]/answers and …/details). The answer is the
 * same ActionResponse a server action gives. A reply that is not one of ours (a proxy's error
 * page, a cut connection's half body) is an `error`, which the pages retry; no connection at all
 * throws, as a server action call does.
 *
 * Issue 20, on a real network: every save gives up after SAVE_TIMEOUT_MS (a silent connection
 * never answers), a failure without an answer marks the server unreachable and any answer marks
 * it reachable again (lib/offline/connectivity.ts), and while it is unreachable only one save is
 * on the wire at a time — the others fail at once and wait their turn — so a dead connection never
 * fills the browser's few connections to the server and stalls the page. Every save names the
 * user whose change it is (`ownerId`): the server refuses one that is not the session's user.
 *
 * A change sent from the on-device outbox after the page that made it (or its connection) was
 * lost says so (`isReplay`: the X-Casemark-Replay header), and the audit trail records its route
 * as offline replay (issue 23). The header only labels; the save is checked as any other.
 */
import type { ActionResponse } from '@/lib/auth/action';
import type { saveCaseDetails } from './case-status';
import type { SaveAnswerResult } from './save-answer';
import type { z } from 'zod';
import type { TSaveAnswer, ZSaveCaseDetails } from '@/lib/validation/marking';
import {
  hasSessionChanged,
  isReachable,
  reportReachable,
  reportSessionChanged,
  reportUnreachable,
  SAVE_TIMEOUT_MS,
} from '@/lib/offline/connectivity';

type SaveCaseDetailsResult = Awaited<ReturnType<typeof saveCaseDetails>>;

/** The server's refusal of a change whose owner is not the signed-in user (lib/http/json-action-route.ts). */
const NOT_OWNER_REASON = 'not_owner';

/** A save refused because the page's user is no longer the one signed in (another signed in, or nobody). */
function isSessionChange(response: ActionResponse<unknown>): boolean {
  return !response.ok && (response.code === 'signed_out' || (response as { reason?: string }).reason === NOT_OWNER_REASON);
}

let probesInFlight = 0;

const SESSION_CHANGED: ActionResponse<never> = {
  ok: false,
  code: 'signed_out',
  message: 'You are no longer signed in on this page, so nothing more is sent. Your changes are kept on this device.',
};

/** How a save is sent: `isReplay` for a change the outbox replays, `madeAt` when it was made (ms, this device's clock). */
interface SendOptions {
  isReplay?: boolean;
  madeAt?: number;
}

async function postJson<T>(url: string, body: unknown, options: SendOptions): Promise<ActionResponse<T>> {
  // Sent with someone else's cookie, a change would be theirs: a page whose session changed sends nothing.
  if (hasSessionChanged()) return SESSION_CHANGED;
  const isProbe = !isReachable();
  if (isProbe && probesInFlight > 0) throw new Error('No connection: another save is finding out whether it is back');
  if (isProbe) probesInFlight += 1;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        // Read by lib/http/json-action-route.ts.
        ...(options.isReplay ? { 'X-Casemark-Replay': 'outbox' } : {}),
        ...(options.isReplay && options.madeAt !== undefined ? { 'X-Casemark-Made-At': new Date(options.madeAt).toISOString() } : {}),
      },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    });
  } catch (error) {
    reportUnreachable();
    throw error;
  } finally {
    if (isProbe) probesInFlight -= 1;
  }
  reportReachable();
  try {
    const json = (await response.json()) as ActionResponse<T>;
    if (typeof json === 'object' && json !== null && typeof json.ok === 'boolean') {
      if (isSessionChange(json)) {
        reportSessionChanged();
        return SESSION_CHANGED;
      }
      return json;
    }
  } catch {
    /* not JSON: answered below */
  }
  return { ok: false, code: 'error', message: `Not saved: the server answered ${response.status}. Trying again.` };
}

const casePath = (inspectionId: string, caseId: string) =>
  `/inspections/${encodeURIComponent(inspectionId)}/cases/${encodeURIComponent(caseId)}`;

/** One answer's change (value or note), made on `baseVersion` by `ownerId`. */
export function postAnswer(
  inspectionId: string,
  ownerId: string,
  change: TSaveAnswer,
  options: SendOptions = {},
): Promise<ActionResponse<SaveAnswerResult>> {
  return postJson(`${casePath(inspectionId, change.caseId)}/answers`, { ...change, ownerId }, options);
}

/** The case-level items, made on the case's `baseVersion` by `ownerId`. */
export function postCaseDetails(
  inspectionId: string,
  ownerId: string,
  change: z.input<typeof ZSaveCaseDetails>,
  options: SendOptions = {},
): Promise<ActionResponse<SaveCaseDetailsResult>> {
  return postJson(`${casePath(inspectionId, change.caseId)}/details`, { ...change, ownerId }, options);
}
