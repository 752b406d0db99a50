'use server';

import { runAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { saveReportSection, setReportEditor } from './sections';

// Each action authorises and validates inside lib/report/sections.ts, in its transaction.

/** Saves one section of the draft report; `status: 'conflict'` brings back the section as it stands. */
export async function saveReportSectionAction(input: unknown) {
  return runAction((user) => saveReportSection(prisma, user, input));
}

/** The lead allows (or stops allowing) a team member to write the report. */
export async function setReportEditorAction(input: unknown) {
  return runAction(async (user) => {
    await setReportEditor(prisma, user, input);
    return null;
  });
}
