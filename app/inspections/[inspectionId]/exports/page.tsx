import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { fieldworkLabel, requireInspection } from '@/lib/data/inspections';
import { ExportList, type ExportLink } from '@/components/exports/export-list';

export const metadata: Metadata = { title: 'Exports' };
export const dynamic = 'force-dynamic';

export default async function ExportsPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/exports`);
  const inspection = await requireInspection(user, inspectionId, 'export.download');
  const base = `/inspections/${inspection.id}/exports`;
  const canExportWhole = can(user, 'inspection.manage', { inspection: inspection.scope });

  const tables: ExportLink[] = [
    {
      id: 'ratings-csv',
      href: `${base}/ratings?format=csv`,
      label: 'Ratings table',
      format: 'CSV',
      description:
        'Every standard’s rating, computed rating, professional judgement (*) and score; the overall score out of 36 and rating; 4.1 separately.',
    },
    {
      id: 'key-questions-csv',
      href: `${base}/key-questions?format=csv`,
      label: 'Key-question table',
      format: 'CSV',
      description: 'Each key question: yes, relevant, % yes, band and the previous inspection’s %.',
    },
    {
      id: 'prompts-csv',
      href: `${base}/prompts?format=csv`,
      label: 'Prompt table',
      format: 'CSV',
      description: 'The annex layout: every prompt with its % yes, yes and relevant.',
    },
    ...(inspection.framework === '2021'
      ? [
          {
            id: 'resettlement-csv',
            href: `${base}/resettlement?format=csv`,
            label: 'Resettlement cases: Casemark’s own questions',
            format: 'CSV',
            description:
              'The resettlement aspects 4.1.r01–r10 with % yes, yes and relevant. They are Casemark’s own illustrative questions, not the inspectorate’s, so they are kept out of the prompt table.',
          },
        ]
      : []),
    {
      id: 'workbook-xlsx',
      href: `${base}/all?format=xlsx`,
      label: inspection.framework === '2021' ? 'All the tables' : 'All three tables',
      format: 'Excel workbook (XLSX)',
      description: 'One sheet per table, percentages as numbers.',
    },
  ];

  return (
    <>
      <p className="no-print mb-2">
        <Link href={`/inspections/${inspection.id}`}>Back to {inspection.serviceName}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">
        {inspection.serviceName} · {await fieldworkLabel(inspection)}
      </span>
      <h1 className="mb-6 text-4xl font-bold">Exports</h1>
      <p className="mb-8 max-w-3xl">
        The figures are computed when you download them, from the answers saved so far. CSV files open in Excel and other spreadsheets;
        cells that a spreadsheet would run as a formula start with an apostrophe.
      </p>

      <h2 className="mb-4 text-2xl font-bold">Summary tables</h2>
      <ExportList links={tables} testId="table-exports" />
      <p className="mb-10">
        <Link href={`${base}/print`} data-testid="print-view-link">
          Print view of the tables
        </Link>{' '}
        <span className="text-govuk-secondary">(laid out like a report’s tables, for printing or saving as PDF)</span>
      </p>

      <h2 className="mb-4 text-2xl font-bold">The report annexe and breakdowns</h2>
      <ExportList
        testId="annexe-exports"
        links={[
          {
            id: 'annexe-docx',
            href: `${base}/annexe`,
            label: 'Report annexe',
            format: 'Word document (DOCX)',
            description:
              'The ratings table with the professional judgement note, then every standard’s key questions and prompts with % yes, and sub-sample sizes where they differ, laid out as the reports’ annexe.',
          },
          {
            id: 'breakdowns-csv',
            href: `${base}/breakdowns?format=csv`,
            label: 'Sub-group breakdowns',
            format: 'CSV',
            description:
              'Each key question’s % yes by gender, risk of serious harm, safety and wellbeing, and disposal type, with the counts.',
          },
          {
            id: 'breakdowns-xlsx',
            href: `${base}/breakdowns?format=xlsx`,
            label: 'Sub-group breakdowns',
            format: 'Excel workbook (XLSX)',
            description: 'The same, one sheet per breakdown.',
          },
        ]}
      />
      <p className="mb-10">
        <Link href={`/inspections/${inspection.id}/panel/breakdowns`} data-testid="breakdowns-link">
          See the sub-group breakdowns
        </Link>
      </p>

      {can(user, 'agreement.view', { inspection: inspection.scope }) ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Agreement between markings</h2>
          <ExportList
            testId="agreement-exports"
            links={[
              {
                id: 'agreement-csv',
                href: `${base}/agreement?format=csv`,
                label: 'Agreement table',
                format: 'CSV',
                description:
                  'Blind second marking against the first marking, per standard and key question: pairs compared, % agreement, Cohen’s kappa with its words, and a note where there are too few cases.',
              },
              {
                id: 'agreement-xlsx',
                href: `${base}/agreement?format=xlsx`,
                label: 'Agreement table and disagreements',
                format: 'Excel workbook (XLSX)',
                description: 'The same, and a second sheet listing every disagreement and whether it is reconciled.',
              },
            ]}
          />
        </>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">All your inspections</h2>
      <ExportList
        testId="all-inspections-export"
        links={[
          {
            id: 'all-inspections-csv',
            href: '/exports/inspections',
            label: 'Every inspection you can export',
            format: 'CSV',
            description: user.isAdmin
              ? 'As an admin: every inspection, one row each, with each standard’s rating, the score and the overall rating.'
              : 'The inspections you lead or manage, one row each, with each standard’s rating, the score and the overall rating.',
          },
        ]}
      />
      <p className="mb-10">
        <Link href="/summary">Summary across inspections</Link>{' '}
        <span className="text-govuk-secondary">(filter, compare and chart every inspection you can export)</span>
      </p>

      {canExportWhole ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">The whole inspection</h2>
          <ExportList
            testId="interchange-export"
            links={[
              {
                id: 'interchange-json',
                href: `${base}/interchange`,
                label: 'Inspection file',
                format: 'JSON',
                description:
                  'Every case with its answers, notes and reasons, the judgements and panel decisions, in the casemark/inspection@1 format. It can be imported into another Casemark. It contains evidence notes: store it securely.',
              },
            ]}
          />
          {user.isAdmin ? (
            <p className="mb-4">
              <Link href="/inspections/import">Import an inspection file</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
