import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { prisma } from '@/lib/db/client';
import { canViewSummary } from '@/lib/summary/access';
import { listInspectionsForUser } from '@/lib/data/inspections';
import { ROLE_LABELS, STATUS_LABELS, formatDateRange } from '@/lib/format/labels';
import { Tag } from '@/components/ui/tag';

export const metadata: Metadata = { title: 'Your inspections' };

export default async function HomePage() {
  const user = await requireUser('/');
  const [inspections, showsSummary] = await Promise.all([listInspectionsForUser(user), canViewSummary(prisma, user)]);
  return (
    <>
      <h1 className="mb-2 text-4xl font-bold">Your inspections</h1>
      <p className="mb-6 text-govuk-secondary">
        {user.isAdmin ? 'As an admin you see every inspection.' : 'The inspections whose team you are on.'}
      </p>
      {user.isAdmin ? (
        <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2" data-testid="admin-links">
          <li>
            <Link href="/inspections/new">Create an inspection</Link>
          </li>
          <li>
            <Link href="/inspections/import">Import an inspection</Link>
          </li>
          <li>
            <Link href="/admin">Manage users and services</Link>
          </li>
        </ul>
      ) : null}
      {showsSummary ? (
        <p className="mb-6" data-testid="summary-link">
          <Link href="/summary">Summary across inspections</Link>{' '}
          <span className="text-govuk-secondary">(ratings, charts and exports of every inspection you lead or manage)</span>
        </p>
      ) : null}
      <p className="mb-6">
        <Link href="/quality/agreement">Agreement across inspections</Link>{' '}
        <span className="text-govuk-secondary">(first against blind second marking, for quality leads)</span>
      </p>
      {inspections.length === 0 ? (
        <p data-testid="no-inspections">You are not on the team of any inspection yet.</p>
      ) : (
        <ul className="space-y-4" data-testid="inspection-list">
          {inspections.map((inspection) => (
            <li key={inspection.id} className="border-b border-govuk-border pb-4" data-testid="inspection-item">
              <h2 className="text-2xl font-bold">
                <Link href={`/inspections/${inspection.id}`}>{inspection.serviceName}</Link>
              </h2>
              <p className="text-govuk-secondary">
                {inspection.localAuthority} · {inspection.framework === '2018' ? '2018 standards' : 'July 2021 standards'} · fieldwork{' '}
                {formatDateRange(inspection.fieldworkStart, inspection.fieldworkEnd, inspection.fieldworkMonthOnly)}
              </p>
              <p className="mt-2 flex flex-wrap items-center gap-3">
                <Tag colour="blue">{STATUS_LABELS[inspection.status]}</Tag>
                <span>
                  Your role: <strong>{inspection.role ? ROLE_LABELS[inspection.role] : 'Admin'}</strong>
                </span>
                <span data-testid="progress">
                  {inspection.casesComplete} of {inspection.casesTotal} cases complete
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
