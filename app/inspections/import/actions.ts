'use server';

import { runAction, type ActionResponse } from '@/lib/auth/action';
import { can } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { importInspection, type ImportResult } from '@/lib/interchange/import-inspection';
import { ZImportFile } from '@/lib/validation/import-file';
import { parseOrThrow } from '@/lib/validation/parse';

export type ImportActionState = ActionResponse<ImportResult> | null;

/**
 * Imports an uploaded interchange file as a new inspection (admins only). A file that is not
 * an inspection file comes back as the list of its problems; nothing is written then.
 */
export async function importInspectionAction(_previous: ImportActionState, formData: FormData): Promise<ImportActionState> {
  return runAction(async (user) => {
    if (!can(user, 'admin.manage')) throw new AppError('forbidden', 'Only an admin can import an inspection.');
    const { file } = parseOrThrow(ZImportFile, { file: formData.get('file') });
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      throw new AppError('invalid', `${file.name} is not valid JSON: ${(error as Error).message}`, { file: 'The file is not valid JSON' });
    }
    return importInspection(prisma, user, json, { fileName: file.name });
  });
}
