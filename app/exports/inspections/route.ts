import { getSessionUser } from '@/lib/auth/session';
import { prisma } from '@/lib/db/client';
import { allInspectionsCsv, streamOfText } from '@/lib/export/all-inspections';
import { attachmentHeader } from '@/lib/export/files';

export const dynamic = 'force-dynamic';

/**
 * GET /exports/inspections — every inspection the user may export (admins: all; others: those
 * they lead or manage) as one CSV, streamed page by page as it is computed. Someone with none
 * gets the header row only.
 */
export async function GET() {
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to download exports.', { status: 401 });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(streamOfText(allInspectionsCsv(prisma, user)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentHeader(`casemark-inspections-${date}.csv`),
      'Cache-Control': 'private, no-store',
    },
  });
}
