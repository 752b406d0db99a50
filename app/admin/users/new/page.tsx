import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/data/admin';
import { CreateUserForm } from '@/components/admin/create-user-form';

export const metadata: Metadata = { title: 'Create a user' };

export default async function NewUserPage() {
  await requireAdmin('/admin/users/new');
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">Back to users</Link>
      </p>
      <h1 className="mb-6 text-4xl font-bold">Create a user</h1>
      <CreateUserForm />
    </>
  );
}
