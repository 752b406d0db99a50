/**
 * The marking pages' autosaves and the on-device outbox's sends, posted as JSON to the case's save
 * routes (app/inspections/[inspectionId]/cases/[caseId]/answers and …/details). The answer is the
 * same ActionResponse a server action gives. A reply that is not one of ours (a proxy's error
 * page, a cut connection's half body) is an `error`, which the pages retry; no connection at all
 * throws, as a server action call does.
 */
import type { ActionResponse } from '@/lib/auth/action';
import type { saveCaseDetails } from './case-status';
import type { SaveAnswerResult } from './save-answer';
import type { z } from 'zod';
import type { TSaveAnswer, ZSaveCaseDetails } from '@/lib/validation/marking';

type SaveCaseDetailsResult = Awaited<ReturnType<typeof saveCaseDetails>>;

async function postJson<T>(url: string, body: unknown): Promise<ActionResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    cache: 'no-store',
  });
  try {
    const json = (await response.json()) as ActionResponse<T>;
    if (typeof json === 'object' && json !== null && typeof json.ok === 'boolean') return json;
  } catch {
    /* not JSON: answered below */
  }
  return { ok: false, code: 'error', message: `Not saved: the server answered ${response.status}. Trying again.` };
}

const casePath = (inspectionId: string, caseId: string) =>
  `/inspections/${encodeURIComponent(inspectionId)}/cases/${encodeURIComponent(caseId)}`;

/** One answer's change (value or note), made on `baseVersion`. */
export function postAnswer(inspectionId: string, change: TSaveAnswer): Promise<ActionResponse<SaveAnswerResult>> {
  return postJson(`${casePath(inspectionId, change.caseId)}/answers`, change);
}

/** The case-level items, made on the case's `baseVersion`. */
export function postCaseDetails(
  inspectionId: string,
  change: z.input<typeof ZSaveCaseDetails>,
): Promise<ActionResponse<SaveCaseDetailsResult>> {
  return postJson(`${casePath(inspectionId, change.caseId)}/details`, change);
}
