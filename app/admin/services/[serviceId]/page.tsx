import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findServiceForAdmin, requireAdmin } from '@/lib/data/admin';
import { ServiceForm } from '@/components/admin/service-form';

export const metadata: Metadata = { title: 'Change a service' };

export default async function ServicePage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const admin = await requireAdmin(`/admin/services/${serviceId}`);
  const service = await findServiceForAdmin(admin, serviceId);
  if (!service) notFound();
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/services">Back to services</Link>
      </p>
      <span className="text-xl text-govuk-secondary">Service</span>
      <h1 className="mb-6 text-4xl font-bold">Change {service.name}</h1>
      <ServiceForm service={service} />
    </>
  );
}
