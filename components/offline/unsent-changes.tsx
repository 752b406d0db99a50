'use client';

import { useEffect, useState } from 'react';
import { OUTBOX_CHANGED } from '@/components/cases/use-outbox';
import { isOutboxAvailable, listOutbox } from '@/lib/offline/outbox';
import { describePendingChanges } from '@/lib/offline/offline-cases';
import { planReplay } from '@/lib/offline/replay-plan';

/**
 * Check your answers lists the answers the server had when the page was rendered (or kept for
 * offline use); the signed-in user's changes still on this device are listed here beside them,
 * so a case marked offline never looks emptier than it is (issue 11).
 */
export function UnsentChanges({ userId, caseId }: { userId: string; caseId: string }) {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    let isCurrent = true;
    const read = () => {
      if (!isOutboxAvailable()) return;
      void listOutbox(userId, caseId)
        .then((entries) => isCurrent && setLines(describePendingChanges(planReplay(entries))))
        .catch(() => undefined);
    };
    read();
    window.addEventListener(OUTBOX_CHANGED, read);
    return () => {
      isCurrent = false;
      window.removeEventListener(OUTBOX_CHANGED, read);
    };
  }, [userId, caseId]);
  if (lines.length === 0) return null;
  return (
    <section
      aria-labelledby="unsent-changes-heading"
      className="mb-6 border-l-8 border-[#f47738] bg-govuk-light-grey p-4"
      data-testid="unsent-changes"
    >
      <h2 id="unsent-changes-heading" className="mb-2 text-xl font-bold">
        {lines.length === 1 ? '1 change is' : `${lines.length} changes are`} kept on this device, not yet sent
      </h2>
      <p className="mb-2">They are sent when you are back online; the answers below do not show them until then.</p>
      <ul className="list-disc pl-6">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
