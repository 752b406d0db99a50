'use client';

import { useState, useTransition } from 'react';
import { setPanelVisibilityAction } from '@/lib/panel/actions';

/** The lead inspector decides whether inspectors on the team may see the panel (read-only). */
export function PanelVisibilityToggle({ inspectionId, isVisible }: { inspectionId: string; isVisible: boolean }) {
  const [checked, setChecked] = useState(isVisible);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="mb-6 flex flex-wrap items-center gap-2">
      <input
        id="panel-visible"
        type="checkbox"
        className="h-8 w-8 accent-govuk-text"
        checked={checked}
        disabled={isPending}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          setChecked(next);
          startTransition(async () => {
            const result = await setPanelVisibilityAction({ inspectionId, isPanelVisibleToTeam: next });
            if (result.ok) setError(null);
            else {
              setChecked(!next);
              setError(result.message);
            }
          });
        }}
      />
      <label htmlFor="panel-visible">Let inspectors on the team see this panel (read-only)</label>
      {error ? (
        <span role="alert" className="font-bold text-govuk-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
