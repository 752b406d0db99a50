'use client';

import { useEffect, useState } from 'react';
import { isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import { countByCase } from '@/lib/offline/replay-plan';
import { Tag } from '@/components/ui/tag';
import { OUTBOX_CHANGED } from '@/components/cases/use-outbox';

let counts: { userId: string; promise: Promise<Map<string, number>> } | null = null;

/** One read of the outbox for the whole case list, shared by every row's badge. */
function unsentByCase(userId: string): Promise<Map<string, number>> {
  if (!counts || counts.userId !== userId) {
    const promise = isOutboxAvailable()
      ? listOutbox(userId)
          .then(countByCase)
          .catch(() => new Map<string, number>())
      : Promise.resolve(new Map<string, number>());
    counts = { userId, promise };
    // Every row has read it once this tick; the next change reads afresh.
    void promise.finally(() => setTimeout(() => (counts = null), 0));
  }
  return counts.promise;
}

/** "3 unsent changes" beside a case whose changes are kept on this device, waiting to be sent. */
export function UnsentBadge({ userId, caseId }: { userId: string; caseId: string }) {
  const [count, setCount] = useState(0);
  // Live: the outbox sender (on every page) announces each change it gets to the server (issue 20).
  useEffect(() => {
    let isCurrent = true;
    const read = () => void unsentByCase(userId).then((m) => isCurrent && setCount(m.get(caseId) ?? 0));
    read();
    window.addEventListener(OUTBOX_CHANGED, read);
    return () => {
      isCurrent = false;
      window.removeEventListener(OUTBOX_CHANGED, read);
    };
  }, [userId, caseId]);
  if (count === 0) return null;
  return (
    <span data-testid="unsent-badge" className="ml-2">
      <Tag colour="orange">
        {count} unsent change{count === 1 ? '' : 's'}
      </Tag>
    </span>
  );
}
