'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runFormAction } from '@/lib/auth/action';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { importCases, previewCaseImport } from '@/lib/setup/import-cases';
import type { CaseImportCheck } from '@/lib/setup/check-case-import';
import { toFormState, type FormState } from '@/lib/forms/form-state';
import { decodeText } from '@/lib/csv/decode-text';
import { requireManageBeforeUpload } from '@/lib/setup/manage-access';

// Well under the 1 MB a server action accepts; a sample of 500 cases is a few tens of KB.
const MAX_FILE_BYTES = 500_000;

export interface ImportPreview {
  check: CaseImportCheck;
  csv: string;
  fileName: string;
}

/** Reads the uploaded file and checks every row against the inspection. Writes nothing. */
export async function previewImportAction(_previous: unknown, formData: unknown): Promise<FormState<ImportPreview>> {
  const { response, values } = await runFormAction(formData, async (user, values) => {
    // Who, then how big, then read: the file is not touched before the actor may upload it.
    await requireManageBeforeUpload(prisma, user, values.inspectionId);
    const file = (formData as FormData).get('file');
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError('invalid', 'Select a CSV file', { file: 'Select a CSV file' });
    }
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') {
      throw new AppError('invalid', 'The selected file must be a CSV', { file: 'The selected file must be a CSV' });
    }
    if (file.size > MAX_FILE_BYTES) {
      throw new AppError('invalid', 'The selected file must be smaller than 500 KB', {
        file: 'The selected file must be smaller than 500 KB',
      });
    }
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) throw new AppError('invalid', decoded.message, { file: decoded.message });
    const csv = decoded.text;
    const check = await previewCaseImport(prisma, user, { inspectionId: values.inspectionId, csv });
    return { check, csv, fileName: file.name };
  });
  return toFormState(response, values, (data) => (data.check.isImportable ? `${data.check.rows.length} cases are ready to import.` : ''));
}

/** Imports the previewed file: checked again and written in one transaction. */
export async function importCasesAction(_previous: unknown, formData: unknown): Promise<FormState<unknown>> {
  const { response, values } = await runFormAction(formData, (user, values) => importCases(prisma, user, values));
  if (response.ok) {
    revalidatePath('/inspections/[inspectionId]', 'layout');
    redirect(`/inspections/${String(values.inspectionId)}/setup?imported=${response.data.count}`);
  }
  return toFormState(response, { inspectionId: values.inspectionId }, () => '');
}
