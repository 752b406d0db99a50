import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/data/admin';
import { ServiceForm } from '@/components/admin/service-form';

export const metadata: Metadata = { title: 'Create a service' };

export default async function NewServicePage() {
  await requireAdmin('/admin/services/new');
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/services">Back to services</Link>
      </p>
      <h1 className="mb-6 text-4xl font-bold">Create a service</h1>
      <ServiceForm />
    </>
  );
}
