import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { fieldworkLabel, requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { groupFigures, SMALL_SUB_SAMPLE, type BreakdownFigures } from '@/lib/panel/breakdowns';
import { loadBreakdowns } from '@/lib/panel/load-breakdowns';

export const metadata: Metadata = { title: 'Sub-group breakdowns' };
export const dynamic = 'force-dynamic';

const cell = 'border-b border-govuk-border py-2 pr-3 align-top';

function Figure({ figures }: { figures: BreakdownFigures }) {
  if (figures.pct === null) return <span className="text-govuk-secondary">no relevant cases</span>;
  return (
    <>
      <span className="font-bold">{figures.pct}%</span>{' '}
      <span className="whitespace-nowrap">
        ({figures.yes} of {figures.relevant})
      </span>
      {figures.isSmallSubSample ? (
        <>
          {' '}
          <strong className="whitespace-nowrap text-govuk-error" data-testid="small-sub-sample">
            small sub-sample
          </strong>
        </>
      ) : null}
    </>
  );
}

/**
 * Each key question's % yes by gender, risk of serious harm, safety and wellbeing and disposal
 * type, for the inspection's lead, managers and admins (those who may export its tables).
 */
export default async function BreakdownsPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/panel/breakdowns`);
  const inspection = await requireInspection(user, inspectionId, 'export.download');
  const dimensions = await loadBreakdowns(prisma, inspection);
  const base = `/inspections/${inspection.id}/exports/breakdowns`;
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}/panel`}>Back to the ratings panel</Link>
      </p>
      <span className="text-xl text-govuk-secondary">
        {inspection.serviceName} · {await fieldworkLabel(inspection)}
      </span>
      <h1 className="mb-4 text-4xl font-bold">Sub-group breakdowns</h1>
      <div className="mb-6 max-w-3xl border-l-8 border-govuk-border pl-4" data-testid="sub-sample-warning">
        <p className="mb-2 font-bold">These figures are split into smaller sub-samples, so treat them with care.</p>
        <p className="mb-2">
          As the inspection reports say: “data may have been split into smaller sub-samples – for example, male/female cases. Where this is
          the case, the margin of error for the sub-sample findings may be higher than five.” Every figure shows the cases behind it; one
          over fewer than {SMALL_SUB_SAMPLE} relevant cases is marked <strong className="text-govuk-error">small sub-sample</strong>.
        </p>
        <p>They are illustrative only: ratings are always taken over the whole sample.</p>
      </div>
      <p className="mb-8">
        Download: <a href={`${base}?format=csv`}>breakdowns (CSV)</a> ·{' '}
        <a href={`${base}?format=xlsx`}>breakdowns (Excel workbook, XLSX)</a>
      </p>
      {dimensions.map((dimension) => (
        <section
          key={dimension.id}
          className="mb-10"
          aria-labelledby={`breakdown-${dimension.id}`}
          data-testid={`breakdown-${dimension.id}`}
        >
          <h2 id={`breakdown-${dimension.id}`} className="mb-2 text-2xl font-bold">
            By {dimension.title.toLowerCase()}
          </h2>
          {dimension.groups.length === 0 ? (
            <p>No cases yet.</p>
          ) : (
            <div
              className="overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label={`Key questions by ${dimension.title.toLowerCase()}, scrolls sideways`}
            >
              <table className="w-full border-collapse text-base" data-testid={`breakdown-table-${dimension.id}`}>
                <caption className="sr-only">
                  Each key question’s % yes by {dimension.title.toLowerCase()}, with yes of relevant cases
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom">
                      Key question
                    </th>
                    <th scope="col" className="border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom">
                      All cases
                    </th>
                    {dimension.groups.map((group, i) => (
                      <th
                        key={i}
                        scope="col"
                        className="border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom"
                        data-testid="breakdown-group"
                      >
                        {group.label}{' '}
                        <span className="font-normal whitespace-nowrap">
                          ({group.cases} {group.cases === 1 ? 'case' : 'cases'})
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {dimension.keyQuestions.map((kq) => (
                    <tr key={kq.id} data-testid={`breakdown-row-${dimension.id}-${kq.id}`}>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        <span className="font-bold">{kq.id}</span> {kq.text}
                      </th>
                      <td className={cell}>
                        <Figure figures={kq.all} />
                      </td>
                      {dimension.groups.map((group, i) => (
                        <td key={i} className={cell}>
                          <Figure figures={groupFigures(kq, group.value)} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
