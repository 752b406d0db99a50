import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findUserForAdmin, requireAdmin } from '@/lib/data/admin';
import { ROLE_LABELS, formatDate, formatDateRange } from '@/lib/format/labels';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { ResetPasswordForm } from '@/components/admin/reset-password-form';
import { UserSwitchForm } from '@/components/admin/user-switch-form';

export const metadata: Metadata = { title: 'Manage a user' };

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { userId } = await params;
  const { created } = await searchParams;
  const admin = await requireAdmin(`/admin/users/${userId}`);
  const user = await findUserForAdmin(admin, userId);
  if (!user) notFound();
  const isSelf = user.id === admin.id;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">Back to users</Link>
      </p>
      {created ? <NotificationBanner>{`${user.name}’s account has been created.`}</NotificationBanner> : null}
      <span className="text-xl text-govuk-secondary">User</span>
      <h1 className="mb-6 text-4xl font-bold">{user.name}</h1>
      <SummaryList
        rows={[
          { key: 'Email address', value: <span className="break-all">{user.email}</span> },
          { key: 'Account', value: user.isActive ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> },
          { key: 'Admin', value: user.isAdmin ? 'Yes' : 'No' },
          { key: 'Created', value: formatDate(user.createdAt) },
          {
            key: 'Inspections',
            value: user.memberships.length ? (
              <ul>
                {user.memberships.map((m) => (
                  <li key={m.inspection.id}>
                    <Link href={`/inspections/${m.inspection.id}`}>{m.inspection.service.name}</Link> ({ROLE_LABELS[m.role]},{' '}
                    {formatDateRange(m.inspection.fieldworkStart, m.inspection.fieldworkEnd, m.inspection.fieldworkMonthOnly)})
                  </li>
                ))}
              </ul>
            ) : (
              'None'
            ),
          },
        ]}
      />

      <div className="mb-10">
        <ResetPasswordForm userId={user.id} />
      </div>

      <section aria-labelledby="account-heading" className="mb-10">
        <h2 id="account-heading" className="mb-3 text-2xl font-bold">
          {user.isActive ? 'Deactivate account' : 'Reactivate account'}
        </h2>
        <p className="mb-3">
          {user.isActive
            ? 'A deactivated user cannot sign in, and is signed out everywhere at once. Their answers, decisions and history are kept.'
            : 'This account is deactivated: the user cannot sign in. Reactivate it to let them sign in again (their earlier sessions stay ended).'}
        </p>
        <UserSwitchForm
          userId={user.id}
          kind="active"
          nextValue={!user.isActive}
          label={user.isActive ? 'Deactivate account' : 'Reactivate account'}
          isWarning={user.isActive}
          refusal={isSelf ? 'You cannot deactivate your own account. Ask another admin to do it.' : null}
        />
      </section>

      <section aria-labelledby="admin-heading">
        <h2 id="admin-heading" className="mb-3 text-2xl font-bold">
          Admin rights
        </h2>
        <p className="mb-3">Admins see every inspection and manage users, services and the set-up of every inspection.</p>
        <UserSwitchForm
          userId={user.id}
          kind="admin"
          nextValue={!user.isAdmin}
          label={user.isAdmin ? 'Remove admin rights' : 'Make admin'}
          isWarning={user.isAdmin}
          refusal={isSelf && user.isAdmin ? 'You cannot remove your own admin rights. Ask another admin to do it.' : null}
        />
      </section>
    </>
  );
}
