import { roleOfUrl } from '@/lib/db/app-role';
import { prisma } from '@/lib/db/client';
import { isDraining } from '@/lib/ops/drain';
import { appLog } from '@/lib/ops/logger';
import { checkReadiness, expectedMigrations } from '@/lib/ops/readiness';
import { inspectionChanges } from '@/lib/realtime/listener';

export const dynamic = 'force-dynamic';

const HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
let lastReason: string | null = null;

/**
 * Readiness for a load balancer: 200 when this server can serve (lib/ops/readiness.ts), else 503.
 * The answer says only "ready" or "not ready"; the reason goes to the log, once each time it
 * changes, so a probe every few seconds does not flood it.
 */
export async function GET() {
  const readiness = await checkReadiness(
    {
      currentRole: async () => (await prisma.$queryRaw<{ role: string }[]>`SELECT current_user AS role`)[0]?.role ?? '',
      appliedMigrations: async () =>
        (
          await prisma.$queryRaw<{ name: string }[]>`
            SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
        ).map((r) => r.name),
      whenListening: () => inspectionChanges.whenListening(),
      isListening: () => inspectionChanges.isListening,
      isDraining,
    },
    { expected: expectedMigrations(), appRole: roleOfUrl(process.env.DATABASE_URL ?? '') },
  );
  if (readiness.isReady) {
    if (lastReason !== null) appLog().info('ready again');
    lastReason = null;
    return new Response('ready\n', { headers: HEADERS });
  }
  if (readiness.reason !== lastReason) appLog().warn('not ready', { reason: readiness.reason });
  lastReason = readiness.reason;
  return new Response('not ready\n', { status: 503, headers: HEADERS });
}
