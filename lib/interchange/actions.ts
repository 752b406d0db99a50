'use server';

import { runAction, type ActionResponse } from '@/lib/auth/action';
import { can } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { UNREADABLE_FORM } from '@/lib/forms/form-state';
import { importInspection, type ImportResult } from '@/lib/interchange/import-inspection';
import { readInterchangeText } from '@/lib/interchange/read-file';
import { ZImportFile } from '@/lib/validation/import-file';
import { parseOrThrow } from '@/lib/validation/parse';

export type ImportActionState = ActionResponse<ImportResult> | null;

/**
 * Imports an uploaded interchange file as a new inspection (admins only). A file that is not
 * an inspection file comes back as the list of its problems; nothing is written then.
 */
export async function importInspectionAction(_previous: unknown, formData: unknown): Promise<ImportActionState> {
  return runAction(async (user) => {
    if (!can(user, 'admin.manage')) throw new AppError('forbidden', 'Only an admin can import an inspection.');
    if (!(formData instanceof FormData)) throw new AppError('invalid', UNREADABLE_FORM, { file: UNREADABLE_FORM });
    const { file } = parseOrThrow(ZImportFile, { file: formData.get('file') });
    const read = readInterchangeText(await file.text(), file.name);
    if (!read.ok) throw new AppError('invalid', read.error, { file: 'The file is not valid JSON' });
    return importInspection(prisma, user, read.json, { fileName: file.name });
  });
}
