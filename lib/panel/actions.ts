'use server';

import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { loadPanelData } from '@/lib/panel/load-panel';
import { recordJudgement, recordPanelDecision, setPanelVisibility, withdrawPanelDecision } from '@/lib/panel/decisions';

const inspectionIdOf = (input: unknown) => String((input as { inspectionId?: unknown } | null)?.inspectionId ?? '');

// Each action authorises and validates inside lib/panel/decisions.ts, in its transaction,
// then returns the panel's fresh figures so the page updates without waiting for the stream.

export async function recordJudgementAction(input: unknown) {
  return runAction(async (user) => {
    const result = await recordJudgement(prisma, user, input);
    return { result, panel: await loadPanelData(prisma, user, inspectionIdOf(input)) };
  });
}

// A decision or withdrawal made on a version someone else has since changed comes back as
// `result.status === 'conflict'` with their decision, and the fresh panel.
export async function recordPanelDecisionAction(input: unknown) {
  return runAction(async (user) => {
    const result = await recordPanelDecision(prisma, user, input);
    return { result, panel: await loadPanelData(prisma, user, inspectionIdOf(input)) };
  });
}

export async function withdrawPanelDecisionAction(input: unknown) {
  return runAction(async (user) => {
    const result = await withdrawPanelDecision(prisma, user, input);
    return { result, panel: await loadPanelData(prisma, user, inspectionIdOf(input)) };
  });
}

export async function setPanelVisibilityAction(input: unknown) {
  return runAction(async (user) => {
    await setPanelVisibility(prisma, user, input);
    return null;
  });
}
