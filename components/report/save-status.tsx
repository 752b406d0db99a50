'use client';

import type { SectionAutosave } from './use-section-autosave';

/** "Saving…", "Saved at 10:42" or why it was not saved, announced politely. */
export function SaveStatus({ state }: { state: SectionAutosave['state'] }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Saved at ${state.at}`
        : state.kind === 'error'
          ? `Not saved: ${state.message}`
          : '';
  return (
    <p role="status" className={`min-h-6 text-base ${state.kind === 'error' ? 'font-bold text-govuk-error' : 'text-govuk-secondary'}`}>
      {text}
    </p>
  );
}
