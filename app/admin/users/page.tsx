import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin, listUsersForAdmin } from '@/lib/data/admin';
import { buttonClasses } from '@/components/ui/button';
import { Tag } from '@/components/ui/tag';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const admin = await requireAdmin('/admin/users');
  const users = await listUsersForAdmin(admin);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Users and services</Link>
      </p>
      <h1 className="mb-6 text-4xl font-bold">Users</h1>
      <p className="mb-6">
        <Link href="/admin/users/new" className={buttonClasses()}>
          Create a user
        </Link>
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left" data-testid="user-table">
          <caption className="sr-only">Users, with their rights and whether they can sign in</caption>
          <thead>
            <tr className="border-b-2 border-govuk-border">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Email address
              </th>
              <th scope="col" className="py-2 pr-4">
                Inspections
              </th>
              <th scope="col" className="py-2">
                Account
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-govuk-border" data-testid="user-row">
                <td className="py-2 pr-4">
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                </td>
                <td className="py-2 pr-4 break-all">{u.email}</td>
                <td className="py-2 pr-4">{u._count.memberships}</td>
                <td className="py-2">
                  <span className="flex flex-wrap gap-2">
                    {u.isActive ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>}
                    {u.isAdmin ? <Tag colour="purple">Admin</Tag> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
