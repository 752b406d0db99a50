/**
 * Liveness: the process answers. Nothing else is checked or revealed (the database's state is
 * /readyz's business), so an orchestrator restarts only a server that is truly stuck.
 */
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
