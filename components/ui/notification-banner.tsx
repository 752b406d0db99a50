import type { ReactNode } from 'react';

/**
 * GOV.UK notification banner. `success` confirms what just happened and is announced (role
 * alert); `important` tells the user something they need to know and is not.
 */
export function NotificationBanner({
  kind = 'success',
  title,
  children,
  testId = 'notification-banner',
}: {
  kind?: 'success' | 'important';
  title?: string;
  children: ReactNode;
  testId?: string;
}) {
  const isSuccess = kind === 'success';
  return (
    <div
      role={isSuccess ? 'alert' : 'region'}
      aria-label={isSuccess ? undefined : (title ?? 'Important')}
      className={`mb-8 border-4 ${isSuccess ? 'border-govuk-success' : 'border-govuk-blue'}`}
      data-testid={testId}
    >
      <p className={`px-4 py-1 font-bold text-white ${isSuccess ? 'bg-govuk-success' : 'bg-govuk-blue'}`}>
        {title ?? (isSuccess ? 'Success' : 'Important')}
      </p>
      <div className="px-4 py-3 text-lg font-bold">{children}</div>
    </div>
  );
}
