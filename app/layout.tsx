import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getSessionUser } from '@/lib/auth/session';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { OutboxSender } from '@/components/offline/outbox-sender';
import { OfflineSupport } from '@/components/offline/offline-support';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Casemark', template: '%s – Casemark' },
  description: 'Case marking and ratings for inspections of youth justice services',
  icons: {
    icon: [
      { url: '/favicon.svg', type: 'image/svg+xml' },
      { url: '/favicon.ico', sizes: '32x32' },
    ],
  },
  // An internal tool: never indexed (public/robots.txt says the same to crawlers).
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white" data-casemark-user={user?.id}>
        <a href="#main-content" className="sr-only focus:not-sr-only focus:block focus:bg-govuk-focus focus:p-2 focus:text-govuk-text">
          Skip to main content
        </a>
        <header className="no-print border-b-8 border-govuk-blue bg-govuk-text text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-2xl font-bold text-white no-underline focus-visible:text-govuk-text">
              Casemark
            </Link>
            {user ? (
              <nav aria-label="Account" className="flex flex-wrap items-center gap-4 text-base">
                <span>
                  Signed in as <strong>{user.name}</strong>
                  {user.isAdmin ? ' (admin)' : ''}
                </span>
                <SignOutButton userId={user.id} />
                <OutboxSender userId={user.id} />
                <OfflineSupport userId={user.id} />
              </nav>
            ) : null}
          </div>
        </header>
        <div className="mx-auto max-w-6xl px-4">
          <main id="main-content" className="py-8" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer className="no-print mt-8 border-t border-govuk-border bg-govuk-light-grey">
          <div className="mx-auto max-w-6xl px-4 py-6 text-base text-govuk-secondary">
            Casemark stores case references only, never children’s names.
          </div>
        </footer>
      </body>
    </html>
  );
}
