'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FileUpload } from '@/components/ui/file-upload';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Tag } from '@/components/ui/tag';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS } from '@/lib/format/labels';
import { fieldError, IDLE_FORM_STATE, type FormState } from '@/lib/forms/form-state';
import type { ImportRow } from '@/lib/setup/check-case-import';
import { describeImportIssue } from '@/lib/setup/import-issue';
import { FeedbackScope, useFeedback } from './feedback-scope';
import { importCasesAction, previewImportAction, type ImportPreview } from '@/lib/setup/import-actions';

function PreviewTable({ rows }: { rows: ImportRow[] }) {
  return (
    <div className="mb-8 overflow-x-auto">
      <table className="w-full border-collapse text-left" data-testid="import-preview">
        <caption className="mb-2 text-left text-xl font-bold">Every row of the file, checked</caption>
        <thead>
          <tr className="border-b-2 border-govuk-border">
            <th scope="col" className="py-2 pr-4">
              Line
            </th>
            <th scope="col" className="py-2 pr-4">
              Reference
            </th>
            <th scope="col" className="py-2 pr-4">
              Type and disposal
            </th>
            <th scope="col" className="py-2 pr-4">
              Inspector
            </th>
            <th scope="col" className="py-2">
              Check
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.line}
              id={`line-${row.line}`}
              tabIndex={-1}
              className={`border-b border-govuk-border align-top ${row.errors.length ? 'border-l-4 border-l-govuk-error' : ''}`}
              data-testid="import-row"
              data-line={row.line}
            >
              <td className="py-2 pr-4">{row.line}</td>
              <td className="py-2 pr-4">{row.values.reference || '–'}</td>
              <td className="py-2 pr-4">
                {row.kase ? (
                  <>
                    {CASE_TYPE_LABELS[row.kase.type]}
                    <span className="block text-base text-govuk-secondary">{DISPOSAL_LABELS[row.kase.disposal]}</span>
                  </>
                ) : (
                  <>
                    {row.values.type || '–'}
                    <span className="block text-base text-govuk-secondary">{row.values.disposal || '–'}</span>
                  </>
                )}
              </td>
              <td className="py-2 pr-4">{row.inspectorName ?? (row.values.inspector_email || 'Not allocated')}</td>
              <td className="py-2">
                {row.errors.length === 0 ? (
                  <Tag colour="green">OK</Tag>
                ) : (
                  <ul className="space-y-1 font-bold text-govuk-error">
                    {row.errors.map((e, i) => (
                      <li key={i}>
                        {e.column ? `${e.column}: ` : ''}
                        {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Upload the case sample as CSV; every row is checked and shown; nothing is written until the
 * lead inspector presses "Import", which sends the same text again to be checked and imported
 * in one transaction.
 */
export function ImportForm({ inspectionId }: { inspectionId: string }) {
  return (
    <FeedbackScope>
      <ImportSteps inspectionId={inspectionId} />
    </FeedbackScope>
  );
}

function ImportSteps({ inspectionId }: { inspectionId: string }) {
  const checking = useFeedback('check');
  const importing = useFeedback('import');
  const [preview, previewAction, isChecking] = useActionState<FormState<ImportPreview>, FormData>(previewImportAction, IDLE_FORM_STATE);
  const [imported, importAction, isImporting] = useActionState<FormState<unknown>, FormData>(importCasesAction, IDLE_FORM_STATE);
  const result = preview.status === 'done' ? preview.data : null;
  const check = result?.check;

  return (
    <>
      {imported.status === 'error' && importing.isShown ? <FormErrorSummary state={imported} fallbackId="file" /> : null}
      {preview.status === 'error' ? <FormErrorSummary state={preview} fallbackId="file" /> : null}
      {check && check.fileErrors.length ? (
        <ErrorSummary title="The file cannot be imported" errors={check.fileErrors.map((message) => ({ href: '#file', message }))} />
      ) : null}
      {check && check.fileErrors.length === 0 && !check.isImportable ? (
        <ErrorSummary
          title={`${check.errors.length === 1 ? 'There is a problem' : `There are ${check.errors.length} problems`} in ${result.fileName}: nothing has been imported`}
          errors={check.errors.map((issue) => ({ href: `#line-${issue.line}`, message: describeImportIssue(issue) }))}
        />
      ) : null}

      <form action={previewAction} onSubmit={checking.onSubmit} className="mb-8">
        <input type="hidden" name="inspectionId" value={inspectionId} />
        <FileUpload
          id="file"
          name="file"
          accept=".csv,text/csv"
          label="Upload the case sample (CSV)"
          hint="One row per case. Nothing is imported until you have checked the preview."
          error={fieldError(preview, 'file') ?? check?.fileErrors[0]}
        />
        <Button variant={check?.isImportable ? 'secondary' : 'primary'} disabled={isChecking || isImporting}>
          {isChecking ? 'Checking…' : 'Check the file'}
        </Button>
      </form>

      {check && check.rows.length > 0 ? (
        <>
          {check.isImportable ? (
            <div className="mb-6 border-l-8 border-govuk-success bg-[#cce2d8] p-3" role="status" data-testid="import-ready">
              Every row of {result.fileName} is correct: {check.rows.length} {check.rows.length === 1 ? 'case is' : 'cases are'} ready to
              import.
            </div>
          ) : null}
          <PreviewTable rows={check.rows} />
          {check.isImportable ? (
            <form action={importAction} onSubmit={importing.onSubmit}>
              <input type="hidden" name="inspectionId" value={inspectionId} />
              <input type="hidden" name="csv" value={result.csv} />
              <Button disabled={isImporting || isChecking}>
                Import {check.rows.length} {check.rows.length === 1 ? 'case' : 'cases'}
              </Button>
            </form>
          ) : (
            <p className="mb-6 font-bold">Fix the rows marked above in your file, save it as CSV and check it again.</p>
          )}
        </>
      ) : null}
    </>
  );
}
