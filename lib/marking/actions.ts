'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { saveAnswer } from '@/lib/marking/save-answer';
import { completeCase, reopenCase, saveCaseDetails } from '@/lib/marking/case-status';

/** Autosave of one answer: judgement, prompt or resettlement aspect value, or its note. */
export async function saveAnswerAction(input: unknown) {
  return runAction((user) => saveAnswer(prisma, user, input));
}

export async function saveCaseDetailsAction(input: unknown) {
  return runAction((user) => saveCaseDetails(prisma, user, input));
}

export async function completeCaseAction(input: unknown) {
  return runAction(async (user) => {
    const result = await completeCase(prisma, user, input);
    revalidatePath('/inspections/[inspectionId]', 'layout');
    return result;
  });
}

export async function reopenCaseAction(input: unknown) {
  return runAction(async (user) => {
    await reopenCase(prisma, user, input);
    revalidatePath('/inspections/[inspectionId]', 'layout');
    return null;
  });
}
