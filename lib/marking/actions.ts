'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { completeCase, reopenCase } from '@/lib/marking/case-status';

// The autosaves (answers, case details) are route handlers, not actions: app/inspections/
// [inspectionId]/cases/[caseId]/answers and …/details (lib/http/json-action-route.ts).

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
