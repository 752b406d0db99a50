import type { Metadata } from 'next';
import Link from 'next/link';
import { listServicesForAdmin, requireAdmin } from '@/lib/data/admin';
import { buttonClasses } from '@/components/ui/button';
import { NotificationBanner } from '@/components/ui/notification-banner';

export const metadata: Metadata = { title: 'Services' };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<{ created?: string; updated?: string }> }) {
  const admin = await requireAdmin('/admin/services');
  const { created, updated } = await searchParams;
  const services = await listServicesForAdmin(admin);
  const createdService = services.find((s) => s.id === created);
  const updatedService = services.find((s) => s.id === updated);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">Users and services</Link>
      </p>
      {createdService ? <NotificationBanner>{`${createdService.name} has been created.`}</NotificationBanner> : null}
      {updatedService ? <NotificationBanner>{`${updatedService.name} has been saved.`}</NotificationBanner> : null}
      <h1 className="mb-6 text-4xl font-bold">Services</h1>
      <p className="mb-6">
        <Link href="/admin/services/new" className={buttonClasses()}>
          Create a service
        </Link>
      </p>
      {services.length === 0 ? (
        <p>There are no services yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="service-table">
            <caption className="sr-only">Services</caption>
            <thead>
              <tr className="border-b-2 border-govuk-border">
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Local authority
                </th>
                <th scope="col" className="py-2 pr-4">
                  Region
                </th>
                <th scope="col" className="py-2 pr-4">
                  Inspections
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.id} className="border-b border-govuk-border" data-testid="service-row">
                  <td className="py-2 pr-4">{s.name}</td>
                  <td className="py-2 pr-4">{s.localAuthority}</td>
                  <td className="py-2 pr-4">{s.region}</td>
                  <td className="py-2 pr-4">{s._count.inspections}</td>
                  <td className="py-2">
                    <Link href={`/admin/services/${s.id}`}>
                      Change<span className="sr-only"> {s.name}</span>
                    </Link>
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
