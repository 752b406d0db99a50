'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { completeCaseAction } from '@/lib/marking/actions';
import { useOnline } from './use-outbox';

export function CompleteCaseButton({
  caseId,
  isDisabled,
  backHref,
  disabledReason = 'Answer everything listed above before you mark the case as complete.',
}: {
  caseId: string;
  isDisabled: boolean;
  backHref: string;
  disabledReason?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isOnline = useOnline();
  return (
    <div>
      {!isOnline ? (
        <p className="mb-3 border-l-4 border-govuk-text pl-3 font-bold" data-testid="complete-offline">
          You are offline. Marking a case as complete needs a connection to Casemark; your answers are kept on this device until then.
        </p>
      ) : null}
      {isDisabled ? <p className="mb-3">{disabledReason}</p> : null}
      {error ? (
        <p role="alert" className="mb-3 font-bold text-govuk-error">
          {error}
        </p>
      ) : null}
      <Button
        type="button"
        disabled={isDisabled || isPending || !isOnline}
        onClick={() =>
          startTransition(async () => {
            const result = await completeCaseAction({ caseId });
            if (!result.ok) setError(result.message);
            else if (result.data.status === 'missing') {
              setError(`${result.data.missing.length} answers are still missing.`);
              router.refresh();
            } else router.push(`${backHref}?completed=${caseId}`);
          })
        }
      >
        Mark as complete
      </Button>
    </div>
  );
}
