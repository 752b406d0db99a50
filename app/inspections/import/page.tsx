import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { ImportForm } from '@/components/exports/import-form';

export const metadata: Metadata = { title: 'Import an inspection' };
export const dynamic = 'force-dynamic';

export default async function ImportInspectionPage() {
  const user = await requireUser('/inspections/import');
  if (!can(user, 'admin.manage')) notFound();
  return (
    <>
      <p className="mb-2">
        <Link href="/">Your inspections</Link>
      </p>
      <h1 className="mb-4 text-4xl font-bold">Import an inspection</h1>
      <div className="mb-8 max-w-3xl space-y-3">
        <p>
          The file becomes a new inspection, with its cases, answers, notes, judgements and panel decisions. Nothing existing is changed.
        </p>
        <ul className="ml-6 list-disc space-y-1">
          <li>The service is found by its name, or created.</li>
          <li>Everyone the file names by email (the team, case inspectors, panel deciders) must already have an account.</li>
          <li>If the file names no lead inspector, you become the lead.</li>
          <li>Answers and judgements are recorded as imported by you.</li>
        </ul>
      </div>
      <ImportForm />
    </>
  );
}
