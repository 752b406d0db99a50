import { prisma } from '@/lib/db/client';
import { runJsonAction } from '@/lib/http/json-action-route';
import { saveAnswer } from '@/lib/marking/save-answer';
import { recordSave } from '@/lib/ops/metrics';

/**
 * Autosave of one answer of a case (judgement, prompt or resettlement aspect value, or its note):
 * POST a JSON change ({ field, questionId, value | note, naReason?, baseVersion }); the answer is
 * the ActionResponse a server action would give, as JSON (lib/http/json-action-route.ts). Sent by
 * the standard page (lib/marking/save-client.ts) and by the on-device outbox, whose replays the
 * audit trail records as such (the X-Casemark-Replay header: lib/http/json-action-route.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const startedAt = performance.now();
  let saveStatus: string | undefined;
  const response = await runJsonAction(request, { caseId }, async (user, input, route) => {
    const result = await saveAnswer(prisma, user, input, { inspectionId, route });
    saveStatus = result.status === 'saved' && result.isRepeat ? 'repeat' : result.status;
    return result;
  });
  recordSave(response.status, startedAt, saveStatus);
  return response;
}
