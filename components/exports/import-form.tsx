'use client';

import Link from 'next/link';
import { useActionState, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FileUpload } from '@/components/ui/file-upload';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { importInspectionAction, type ImportActionState } from '@/lib/interchange/actions';
import { MAX_IMPORT_BYTES, TOO_LARGE } from '@/lib/validation/import-file';

/** Errors listed in the summary; a file with more says how many more. */
const MAX_LISTED = 50;

/** Upload an interchange file; see its problems listed, or a link to the new inspection. */
export function ImportForm() {
  const [state, formAction, isPending] = useActionState<ImportActionState, FormData>(importInspectionAction, null);
  const [tooLarge, setTooLarge] = useState(false);

  // The server would refuse a body over its limit before the action runs: say so here instead.
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    const isTooLarge = file !== undefined && file.size > MAX_IMPORT_BYTES;
    setTooLarge(isTooLarge);
    if (isTooLarge) event.preventDefault();
  }

  let errors: string[] = [];
  let fieldError: string | undefined;
  if (tooLarge) {
    errors = [TOO_LARGE];
    fieldError = TOO_LARGE;
  } else if (state && !state.ok) {
    errors = [state.message];
    fieldError = state.fieldErrors?.file ?? state.message;
  } else if (state?.ok && !state.data.ok) {
    errors = state.data.errors;
    fieldError = `The file has ${errors.length} problem${errors.length === 1 ? '' : 's'}: nothing was imported`;
  }
  const listed = errors.slice(0, MAX_LISTED).map((message) => ({ href: '#file', message }));
  if (errors.length > MAX_LISTED) listed.push({ href: '#file', message: `…and ${errors.length - MAX_LISTED} more` });
  const created = !tooLarge && state?.ok && state.data.ok ? state.data : null;

  return (
    <>
      <ErrorSummary errors={listed} title={errors.length > 1 ? 'The file cannot be imported' : 'There is a problem'} />
      {created ? (
        <NotificationBanner title="Inspection imported" testId="import-success">
          <p>
            {created.serviceName}: {created.cases} case{created.cases === 1 ? '' : 's'} and {created.answers} answer
            {created.answers === 1 ? '' : 's'}
            {created.isNewService ? ' (a new service)' : ''}.
          </p>
          {created.previous ? (
            <p className="mt-2" data-testid="import-previous">
              {created.previous.status === 'linked'
                ? `Linked to the service’s previous inspection in this Casemark (fieldwork ${created.previous.fieldwork}).`
                : `The file names a previous inspection (fieldwork in ${created.previous.fieldwork}) that this Casemark does not hold as a published inspection of the service: its ratings and key-question percentages are kept as typed figures.`}
            </p>
          ) : null}
          <p className="mt-2">
            <Link href={`/inspections/${created.inspectionId}`} data-testid="imported-inspection-link">
              Go to the new inspection
            </Link>
          </p>
        </NotificationBanner>
      ) : null}
      <form action={formAction} onSubmit={checkSize} className="max-w-2xl">
        <FileUpload
          id="file"
          name="file"
          label="Inspection file"
          hint="A .json file in the casemark/inspection@1 format, such as one downloaded from an inspection’s exports page."
          accept=".json,application/json"
          error={fieldError}
        />
        <Button disabled={isPending}>{isPending ? 'Importing…' : 'Import inspection'}</Button>
      </form>
    </>
  );
}
