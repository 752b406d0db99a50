/**
 * Route handlers that do what a server action does, for the saves a marking page sends many times
 * a minute (issue 11, capacity): the same ActionResponse as `runAction`, as JSON, without the
 * React Server Components round trip a server action costs (measured in docs/performance.md).
 * Because a route handler gets none of the protections Next.js gives server actions, it gives
 * itself the same: the post must come from a page of this origin, be JSON, and be small.
 */
import 'server-only';
import { z } from 'zod';
import { runAction, type ActionResponse } from '@/lib/auth/action';
import type { SessionUser } from '@/lib/auth/session';
import { originOf } from '@/lib/security/headers';
import type { SaveRoute } from '@/lib/marking/save-route';
import { parseJsonObject, readBodyWithin } from './request-body';

/** A note is at most 5,000 characters (lib/validation/marking.ts): 20 KB in UTF-8 at worst. */
const MAX_SAVE_BODY_BYTES = 64_000;

type Failure = Extract<ActionResponse<never>, { ok: false }>;

const STATUS_OF: Record<Failure['code'], number> = {
  invalid: 400,
  signed_out: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  error: 500,
};

/**
 * Never cached, never compressed (a few hundred bytes), and — as the proxy, which these routes
 * skip, would give — a policy under which the answer can run nothing if opened as a page. The
 * fixed headers (nosniff, frame, referrer) come from next.config.js; HSTS comes with every page.
 */
const JSON_HEADERS = { 'Cache-Control': 'no-store, no-transform', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" };

/** The JSON answer: 200 with the result, or the failure's status with its code and message. */
function jsonActionResponse<T>(response: ActionResponse<T>, status = response.ok ? 200 : STATUS_OF[response.code]): Response {
  return Response.json(response, { status, headers: JSON_HEADERS });
}

const refuse = (status: number, code: Failure['code'], message: string) => jsonActionResponse({ ok: false, code, message }, status);

/**
 * Whether a post may be taken at all, from its headers: from a page of this origin (a browser
 * sends Origin with every POST fetch; a post without one, or from another site, is refused — the
 * CSRF check Next.js makes for server actions) and declared as JSON (which a cross-site form
 * cannot send without a preflight this app never answers). Null when it may.
 */
export function refuseUnlessSameOriginJson(
  headers: Pick<Headers, 'get'>,
): { status: number; code: Failure['code']; message: string } | null {
  if (originOf(headers) !== 'same') return { status: 403, code: 'forbidden', message: 'This request did not come from a Casemark page.' };
  const type = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return { status: 415, code: 'invalid', message: 'Send the change as JSON (Content-Type: application/json).' };
  return null;
}

/**
 * The header the on-device outbox sends with a change it replays (lib/marking/save-client.ts):
 * the change waited on the device and is sent now, so the audit trail names its route "offline
 * replay" rather than "marking" (issue 23). It only labels: the save is checked exactly as any
 * other (the session's own change, the case theirs to mark), so a forged header lets nothing
 * through. Any value but `outbox` is refused as invalid.
 */
const REPLAY_HEADER = 'x-casemark-replay';
const ZReplayHeader = z.enum(['outbox']).nullable();

/**
 * With a replay, when the change was made on the device (an ISO 8601 time, by the device's clock):
 * the audit trail records it beside the time the server saved it. Malformed, it is refused like a
 * malformed replay header; a plausible-looking but wrong clock is recorded as the device's clock.
 */
const MADE_AT_HEADER = 'x-casemark-made-at';
const ZMadeAtHeader = z.iso.datetime({ offset: true }).max(40).nullable();

/**
 * A change queued on a device carries the id of the user who made it (`ownerId`, issue 20): sent
 * while someone else is signed in on that browser, it would be saved as theirs. It is refused
 * before anything is read or written — 409, code `conflict`, reason `not_owner` — and the device
 * keeps it for its owner. A body without `ownerId` (a script, an older page) is the session's.
 */
function refuseNotOwner(): Response {
  return Response.json(
    {
      ok: false,
      code: 'conflict',
      reason: 'not_owner',
      message: 'This change was made by someone who is no longer signed in on this browser, so it was not saved.',
    },
    { status: 409, headers: JSON_HEADERS },
  );
}

/** The body as a JSON object with the address's ids in it, or why it is refused. */
async function readJsonObject(
  request: Request,
  pathIds: Record<string, string>,
): Promise<{ ok: true; fields: Record<string, unknown> } | { ok: false; status: number; message: string }> {
  const read = await readBodyWithin(request, MAX_SAVE_BODY_BYTES);
  if (!read.ok) return read;
  const parsed = parseJsonObject(read.text);
  if (!parsed.ok) return parsed;
  const { fields } = parsed;
  for (const [name, value] of Object.entries(pathIds)) {
    if (fields[name] !== undefined && fields[name] !== value)
      return { ok: false, status: 400, message: `The ${name} in the body is not the one in the address.` };
  }
  return { ok: true, fields: { ...fields, ...pathIds } };
}

/**
 * Runs `body` for a same-origin JSON post, as `runAction` runs a server action: who is asking is
 * checked before the body is read (401 when signed out, whatever was sent), then `body`
 * authorises against the resource and parses its input. `pathIds` (the ids in the URL) are
 * merged into the input; a body naming a different one is refused rather than overridden, and so
 * is a body whose `ownerId` is not the session's user.
 */
export async function runJsonAction<T>(
  request: Request,
  pathIds: Record<string, string>,
  body: (user: SessionUser, input: Record<string, unknown>, route: SaveRoute) => Promise<T>,
): Promise<Response> {
  const refusal = refuseUnlessSameOriginJson(request.headers);
  if (refusal) return refuse(refusal.status, refusal.code, refusal.message);
  const replay = ZReplayHeader.safeParse(request.headers.get(REPLAY_HEADER));
  if (!replay.success) return refuse(400, 'invalid', `The ${REPLAY_HEADER} header, when sent, is "outbox".`);
  const madeAt = ZMadeAtHeader.safeParse(request.headers.get(MADE_AT_HEADER));
  if (!madeAt.success) return refuse(400, 'invalid', `The ${MADE_AT_HEADER} header, when sent, is an ISO 8601 time.`);
  const route: SaveRoute =
    replay.data === 'outbox'
      ? { kind: 'offline_replay', madeAt: madeAt.data === null ? null : new Date(madeAt.data).toISOString() }
      : { kind: 'marking' };
  let unreadable: Response | null = null;
  const response = await runAction(async (user) => {
    const read = await readJsonObject(request, pathIds);
    if (!read.ok) {
      unreadable = refuse(read.status, 'invalid', read.message);
      return null;
    }
    const { ownerId, ...fields } = read.fields;
    if (ownerId !== undefined && ownerId !== user.id) {
      unreadable = refuseNotOwner();
      return null;
    }
    return body(user, fields, route);
  });
  return unreadable ?? jsonActionResponse(response);
}
