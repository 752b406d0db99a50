'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { reopenCaseAction } from '@/lib/marking/actions';

export function ReopenCaseButton({ caseId }: { caseId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <span>
      <button
        type="button"
        disabled={isPending}
        className="cursor-pointer bg-govuk-light-grey px-3 py-1 shadow-[0_2px_0_#929191]"
        onClick={() =>
          startTransition(async () => {
            const result = await reopenCaseAction({ caseId });
            if (!result.ok) setError(result.message);
            else router.refresh();
          })
        }
      >
        Reopen case
      </button>
      {error ? (
        <span role="alert" className="ml-2 font-bold text-govuk-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
