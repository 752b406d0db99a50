import { prisma } from '@/lib/db/client';
import { runJsonAction } from '@/lib/http/json-action-route';
import { saveCaseDetails } from '@/lib/marking/case-status';

/**
 * Autosave of the case-level items (classification agreement, interview, practice example): POST
 * a JSON change ({ baseVersion, …fields }) as lib/http/json-action-route.ts describes. Sent by the
 * case's task list page and by the on-device outbox (its replays audited as such).
 */
export async function POST(request: Request, { params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  return runJsonAction(request, { caseId }, (user, input, route) => saveCaseDetails(prisma, user, input, { inspectionId, route }));
}
