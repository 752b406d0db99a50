'use client';

import { useEffect, useState } from 'react';
import { isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import { countByCase } from '@/lib/offline/replay-plan';
import { Tag } from '@/components/ui/tag';

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
    // Read afresh on the next visit of the list.
    void promise.finally(() => setTimeout(() => (counts = null), 1000));
  }
  return counts.promise;
}

/** "3 unsent changes" beside a case whose changes are kept on this device, waiting to be sent. */
export function UnsentBadge({ userId, caseId }: { userId: string; caseId: string }) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void unsentByCase(userId).then((m) => isCurrent && setCount(m.get(caseId) ?? 0));
    return () => {
      isCurrent = false;
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
