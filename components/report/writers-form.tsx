'use client';

import { useState, useTransition } from 'react';
import { ROLE_LABELS } from '@/lib/format/labels';
import { setReportEditorAction } from '@/lib/report/actions';
import type { ReportDraft } from '@/lib/report/load-draft';

/** The lead chooses who may write the report beside them (members who can see the ratings panel). */
export function WritersForm({ inspectionId, writers }: { inspectionId: string; writers: ReportDraft['writers'] }) {
  const [allowed, setAllowed] = useState(() => new Set(writers.filter((w) => w.isAllowed).map((w) => w.userId)));
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (writers.length === 0) return null;

  function toggle(userId: string, isAllowed: boolean) {
    startTransition(async () => {
      const response = await setReportEditorAction({ inspectionId, userId, isAllowed });
      if (!response.ok) {
        setMessage(response.message);
        return;
      }
      setAllowed((a) => {
        const next = new Set(a);
        if (isAllowed) next.add(userId);
        else next.delete(userId);
        return next;
      });
      setMessage('Saved');
    });
  }

  return (
    <details className="mb-6 border-2 border-govuk-border p-3">
      <summary className="cursor-pointer font-bold text-govuk-link">Who may write the report with you</summary>
      <fieldset className="mt-2">
        <legend className="mb-1">Team members who can see the ratings panel may write the report when you allow them.</legend>
        {writers.map((w) => (
          <label key={w.userId} className="flex items-center gap-2">
            <input
              type="checkbox"
              disabled={isPending}
              checked={allowed.has(w.userId)}
              onChange={(e) => toggle(w.userId, e.currentTarget.checked)}
            />
            {w.name} ({ROLE_LABELS[w.role as keyof typeof ROLE_LABELS] ?? w.role})
          </label>
        ))}
      </fieldset>
      <p role="status">{message}</p>
    </details>
  );
}
