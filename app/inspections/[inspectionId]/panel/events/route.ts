import { can } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { findInspectionForUser } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { loadPanelData } from '@/lib/panel/load-panel';
import { inspectionChanges } from '@/lib/realtime/listener';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 15_000;
// Saves often come in bursts (a prompt, then its judgement): one recompute per burst.
const COALESCE_MS = 50;

/**
 * Server-sent events for the ratings panel: the panel's figures each time any app server
 * saves a change to this inspection (PostgreSQL LISTEN/NOTIFY), and a heartbeat.
 */
export async function GET(request: Request, { params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to see the ratings panel.', { status: 401 });
  const inspection = await findInspectionForUser(user, inspectionId);
  if (!inspection || !can(user, 'panel.view', { inspection: inspection.scope })) {
    return new Response('Not found', { status: 404 });
  }

  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isClosed = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (isClosed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const push = async () => {
        timer = undefined;
        try {
          const data = await loadPanelData(prisma, inspectionId);
          send(`event: panel\ndata: ${JSON.stringify(data)}\n\n`);
        } catch (error) {
          console.error('Ratings panel: could not recompute', error);
        }
      };
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      send('retry: 2000\n\n');
      unsubscribe = inspectionChanges.subscribe(inspectionId, () => {
        timer ??= setTimeout(() => void push(), COALESCE_MS);
      });
      heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
      request.signal.addEventListener('abort', close);
      // The first message brings the page up to date with anything saved since it rendered.
      void push();
    },
    cancel() {
      isClosed = true;
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(timer);
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
