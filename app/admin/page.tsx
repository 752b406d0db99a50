import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/data/admin';

export const metadata: Metadata = { title: 'Users and services' };

export default async function AdminPage() {
  await requireAdmin('/admin');
  return (
    <>
      <p className="mb-2">
        <Link href="/">Your inspections</Link>
      </p>
      <h1 className="mb-6 text-4xl font-bold">Users and services</h1>
      <ul className="space-y-4 text-xl">
        <li>
          <Link href="/admin/users">Users</Link>
          <p className="text-base text-govuk-secondary">Create accounts, reset passwords, deactivate and give admin rights.</p>
        </li>
        <li>
          <Link href="/admin/services">Services</Link>
          <p className="text-base text-govuk-secondary">The youth justice services that are inspected.</p>
        </li>
      </ul>
    </>
  );
}
