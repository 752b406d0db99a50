import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/data/admin';
import { listServiceOptions, standardOptionsByFramework } from '@/lib/data/setup';
import { CreateInspectionForm } from '@/components/setup/create-inspection-form';
import { listPublishedInspectionsByService } from '@/lib/setup/previous-inspection';
import { prisma } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Create an inspection' };

/** Admins create inspections and name the lead inspector, who then sets the inspection up. */
export default async function NewInspectionPage() {
  const admin = await requireAdmin('/inspections/new');
  const services = await listServiceOptions(admin);
  // Each service's published inspections, to link the previous one from Casemark's own list (issue 23).
  const earlierByService = await listPublishedInspectionsByService(prisma, admin);
  return (
    <>
      <p className="mb-2">
        <Link href="/">Your inspections</Link>
      </p>
      <h1 className="mb-2 text-4xl font-bold">Create an inspection</h1>
      <p className="mb-6 max-w-3xl">
        The inspection starts in set-up. Its lead inspector then adds the team and the case sample and allocates the cases.
      </p>
      <CreateInspectionForm services={services} standards={standardOptionsByFramework()} earlierByService={earlierByService} />
    </>
  );
}
