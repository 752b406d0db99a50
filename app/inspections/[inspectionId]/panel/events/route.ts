import { can, type Actor } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { findLiveSession } from '@/lib/auth/sessions';
import { loadInspectionAccess } from '@/lib/access/context';
import { prisma } from '@/lib/db/client';
import { onDrain } from '@/lib/ops/drain';
import { metrics } from '@/lib/ops/metrics';
import { loadPanelDataShared } from '@/lib/panel/shared-panel-data';
import { inspectionChanges } from '@/lib/realtime/listener';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 15_000;
// Saves often come in bursts (a prompt, then its judgement): one recompute per burst.
const COALESCE_MS = 50;
/** After a recompute fails (e.g. the database restarting), the stream tries again this much later. */
const RECOMPUTE_RETRY_MS = 2_000;

/**
 * Whether the session may still see this panel: re-checked before every message. 'signed-out'
 * when the session itself ended (sign-out, password reset, deactivation, expiry).
 */
async function mayStillSee(sessionId: string, inspectionId: string): Promise<true | 'signed-out' | 'forbidden'> {
  const session = await findLiveSession(prisma, sessionId);
  if (!session) return 'signed-out';
  const actor: Actor = { id: session.user.id, isAdmin: session.user.isAdmin };
  const inspection = await loadInspectionAccess(prisma, actor, inspectionId);
  return inspection !== null && can(actor, 'panel.view', { inspection: inspection.scope }) ? true : 'forbidden';
}

/**
 * Server-sent events for the ratings panel: the panel's figures each time any app server
 * saves a change to this inspection (PostgreSQL LISTEN/NOTIFY), and a heartbeat. The stream
 * ends when the session does — at its end, or at once when any app server ends it (sign-out,
 * password reset, deactivation: a NOTIFY on the session channel) — or when the user may no
 * longer see the panel.
 */
export async function GET(request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to see the ratings panel.', { status: 401 });
  const inspection = await loadInspectionAccess(prisma, user, inspectionId);
  if (!inspection || !can(user, 'panel.view', { inspection: inspection.scope })) {
    return new Response('Not found', { status: 404 });
  }
  // Listen before the first message, so no change committed after it is missed.
  await inspectionChanges.whenListening();

  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let unsubscribeSession = () => {};
  let unsubscribeDrain = () => {};
  /** When this stream first heard of a change not yet sent (casemark_panel_lag_seconds). */
  let heardAt: number | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let expiry: ReturnType<typeof setTimeout> | undefined;
  let isClosed = false;
  let isPushing = false;
  let isPushWanted = false;
  let isFirstPush = true;
  let coalesce: ReturnType<typeof setTimeout> | undefined;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        metrics().eventStreams.dec();
        unsubscribe();
        unsubscribeSession();
        unsubscribeDrain();
        clearInterval(heartbeat);
        clearTimeout(expiry);
        clearTimeout(coalesce);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const send = (text: string) => {
        if (isClosed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // One recompute at a time, so figures never arrive older after newer.
      const push = async (): Promise<void> => {
        coalesce = undefined;
        if (isPushing) {
          isPushWanted = true;
          return;
        }
        isPushing = true;
        try {
          do {
            isPushWanted = false;
            const verdict = await mayStillSee(user.sessionId, inspectionId);
            if (verdict !== true) {
              send(`event: ${verdict}\ndata: {}\n\n`);
              close();
              return;
            }
            const data = await loadPanelDataShared(inspectionId, { isFresh: isFirstPush });
            isFirstPush = false;
            send(`event: panel\ndata: ${JSON.stringify(data)}\n\n`);
            if (heardAt !== null) metrics().panelLagSeconds.observe((performance.now() - heardAt) / 1000);
            heardAt = null;
          } while (isPushWanted && !isClosed);
        } catch (error) {
          console.error('Ratings panel: could not recompute', error);
          // Try again shortly, so a change that arrived during the failed recompute (or the one
          // that caused it) still reaches this panel instead of leaving it stale until the next save.
          if (!isClosed) coalesce ??= setTimeout(() => void push(), RECOMPUTE_RETRY_MS);
        } finally {
          isPushing = false;
        }
      };
      send('retry: 2000\n\n');
      metrics().eventStreams.inc();
      unsubscribe = inspectionChanges.subscribe(inspectionId, () => {
        heardAt ??= performance.now();
        coalesce ??= setTimeout(() => void push(), COALESCE_MS);
      });
      // A session of this user ended somewhere: end this stream at once if it was this one.
      unsubscribeSession = inspectionChanges.subscribeSessionEnded(user.id, () => {
        void findLiveSession(prisma, user.sessionId).then(
          (session) => {
            if (session) return;
            send('event: signed-out\ndata: {}\n\n');
            close();
          },
          (error) => console.error('Ratings panel: could not re-check the session', error),
        );
      });
      heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
      if (user.sessionExpiresAt > 0) {
        expiry = setTimeout(
          () => {
            send('event: signed-out\ndata: {}\n\n');
            close();
          },
          Math.max(0, Math.min(user.sessionExpiresAt - Date.now(), 2_147_000_000)),
        );
      }
      request.signal.addEventListener('abort', close);
      // This server is stopping (scripts/serve.mjs): reconnect soon, through the load balancer, to
      // one that stays. Registered last, so a stream opened while stopping closes everything at once.
      if (isClosed) return;
      unsubscribeDrain = onDrain(() => {
        send('retry: 500\nevent: server-stopping\ndata: {}\n\n');
        close();
      });
      if (isClosed) return;
      // The first message brings the page up to date with anything saved since it rendered. push()
      // catches and logs its own errors, so it is not awaited here.
      void push();
    },
    cancel() {
      if (!isClosed) metrics().eventStreams.dec();
      isClosed = true;
      unsubscribe();
      unsubscribeSession();
      unsubscribeDrain();
      clearInterval(heartbeat);
      clearTimeout(expiry);
      clearTimeout(coalesce);
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
