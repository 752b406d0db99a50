import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { formatDate } from '@/lib/format/labels';
import { loadAuditTrail } from '@/lib/audit/history';

export const metadata: Metadata = { title: 'Case history' };
export const dynamic = 'force-dynamic';

const time = (at: Date) => at.toISOString().slice(11, 19);

/**
 * A case's history (issue 23): every recorded change — who, when, what, from what, to what and
 * through which route (marking, offline replay, import, reconciliation, second marking, quality assurance) —
 * oldest first. For the lead, quality assurers, managers and admins (agreement.view, which also
 * keeps a blind second inspector out).
 */
export default async function CaseHistoryPage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases/${caseId}/history`);
  const inspection = await requireInspection(user, inspectionId, 'agreement.view');
  const kase = await prisma.case.findFirst({ where: { id: caseId, inspectionId }, select: { reference: true } });
  if (!kase) notFound();
  const rows = await loadAuditTrail(inspection, { caseId });
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspectionId}/cases/${caseId}`}>Back to case {kase.reference}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-4 text-4xl font-bold">History of case {kase.reference}</h1>
      <p className="mb-6 max-w-3xl">
        Every change recorded for this case, oldest first, from the audit trail. A change kept on the inspector’s device and sent once the
        connection came back reads “Offline replay”: its time is when it reached Casemark, not when it was made.{' '}
        <a href={`/inspections/${inspectionId}/exports/audit`}>Download the inspection’s whole audit trail (CSV)</a>.
      </p>
      {rows.length === 0 ? (
        <p data-testid="no-history">Nothing has been recorded for this case yet.</p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Case history, scrolls sideways">
          <table className="w-full border-collapse text-left text-base" data-testid="case-history">
            <caption className="sr-only">Changes to case {kase.reference}, oldest first</caption>
            <thead>
              <tr className="border-b-2 border-govuk-text">
                {['When', 'Who', 'What', 'Question', 'From', 'To', 'Route'].map((heading) => (
                  <th key={heading} scope="col" className="py-2 pr-3 align-bottom">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className="border-b border-govuk-border align-top" data-testid="history-row" data-action={r.action}>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {formatDate(r.at)} {time(r.at)}
                  </td>
                  <td className="py-2 pr-3">{r.who}</td>
                  <td className="py-2 pr-3">{r.what}</td>
                  <td className="py-2 pr-3">{r.questionId ?? ''}</td>
                  <td className="py-2 pr-3">{r.from}</td>
                  <td className="py-2 pr-3">{r.to}</td>
                  <td className="py-2 pr-3">
                    {r.route}
                    {r.madeOnDeviceAt ? (
                      <span className="block text-govuk-secondary" data-testid="made-on-device">
                        made on the device {formatDate(r.madeOnDeviceAt)} {time(r.madeOnDeviceAt)} (its clock)
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
