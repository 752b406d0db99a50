'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { completeCaseAction } from '@/lib/marking/actions';
import { completeNotice } from '@/lib/offline/connectivity';
import { isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import { countPendingChanges } from '@/lib/offline/replay-plan';
import { OUTBOX_CHANGED, useOnline } from './use-outbox';

/** The case's changes kept on this device, counted as the case list counts them, kept live. */
function useKeptCount(userId: string, caseId: string): number {
  const [kept, setKept] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    const read = () => {
      if (!isOutboxAvailable()) return;
      void listOutbox(userId, caseId)
        .then((entries) => isCurrent && setKept(countPendingChanges(entries)))
        .catch(() => undefined);
    };
    read();
    window.addEventListener(OUTBOX_CHANGED, read);
    return () => {
      isCurrent = false;
      window.removeEventListener(OUTBOX_CHANGED, read);
    };
  }, [userId, caseId]);
  return kept;
}

export function CompleteCaseButton({
  userId,
  caseId,
  isDisabled,
  backHref,
  disabledReason = 'Answer everything listed above before you mark the case as complete.',
}: {
  userId: string;
  caseId: string;
  isDisabled: boolean;
  backHref: string;
  disabledReason?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isOnline = useOnline();
  const kept = useKeptCount(userId, caseId);
  // Whenever changes wait on this device, not only once a send has failed (issue 20).
  const notice = completeNotice({ isOnline, kept });
  return (
    <div>
      {notice ? (
        <p className="mb-3 border-l-4 border-govuk-text pl-3 font-bold" data-testid="complete-offline">
          {notice}
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
        disabled={isDisabled || isPending || notice !== null}
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
