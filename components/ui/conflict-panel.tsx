'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ConflictRow {
  label: string;
  mine: ReactNode;
  theirs: ReactNode;
}

/**
 * The one way Casemark shows a conflict: someone else changed what you were changing since your
 * page loaded (optimistic concurrency, lib/db/concurrency.ts). It shows both values, who made the
 * other change and when, and lets you choose: "Keep mine" sends yours again over theirs,
 * knowingly; "Take theirs" puts theirs on the page. Nothing is overwritten without you knowing.
 *
 * GOV.UK warning pattern in a notification-banner frame: announced once when it appears (a live
 * region, role alert). `isFocused` moves focus to its heading — for forms the user submitted
 * (the panel decision, the judgement); an autosaving form leaves focus where the user is typing.
 */
export function ConflictPanel({
  title,
  since = 'since you opened the page',
  changedBy,
  changedAt,
  rows,
  explanation,
  onKeepMine,
  onTakeTheirs,
  keepMineLabel = 'Keep mine',
  takeTheirsLabel = 'Take theirs',
  buttonSuffix,
  isFocused = false,
  isPending = false,
  testId,
  headingLevel = 3,
}: {
  /** What changed, e.g. "this answer", "these details", "the panel decision on 2.1". */
  title: string;
  /** When the other change came, in words: "since you opened the page" unless told ("while you were offline"). */
  since?: string;
  /** The other person's name; "Someone else" when unknown. */
  changedBy?: string | null;
  /** When they changed it (ISO); left out when unknown. */
  changedAt?: string | null;
  rows: ConflictRow[];
  explanation?: ReactNode;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  keepMineLabel?: string;
  takeTheirsLabel?: string;
  /** Screen-reader-only words after each button, when a page has several conflicts at once. */
  buttonSuffix?: string;
  isFocused?: boolean;
  isPending?: boolean;
  testId?: string;
  /** 2 where the panel comes straight under the page's h1 (a whole-page form), else 3. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isFocused) headingRef.current?.focus();
  }, [isFocused]);
  const who = changedBy || 'Someone else';
  const when = changedAt
    ? new Date(changedAt).toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })
    : null;

  return (
    <div role="alert" aria-labelledby={headingId} className="my-3 border-4 border-govuk-error" data-testid={testId}>
      <p className="bg-govuk-error px-3 py-1 font-bold text-white" aria-hidden="true">
        Changed by someone else
      </p>
      <div className="p-3">
        <Heading id={headingId} ref={headingRef} tabIndex={-1} className="mb-2 flex items-start gap-2 font-bold">
          <span
            aria-hidden="true"
            className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-govuk-text text-lg text-white"
          >
            !
          </span>
          <span>
            <span className="sr-only">Warning: </span>
            {who} changed {title} {since}
            {when ? ` (${when})` : ''}
          </span>
        </Heading>
        {explanation ? <p className="mb-3">{explanation}</p> : null}
        <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="conflict-values">
          {rows.map((row) => (
            <ConflictValues key={row.label} row={row} isSingle={rows.length === 1} />
          ))}
        </dl>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            disabled={isPending}
            className="cursor-pointer bg-govuk-success px-3 py-2 text-white shadow-[0_2px_0_#002d18] disabled:opacity-50"
            onClick={onKeepMine}
          >
            {keepMineLabel}
            {buttonSuffix ? <span className="sr-only"> {buttonSuffix}</span> : null}
          </button>
          <button
            type="button"
            disabled={isPending}
            className="cursor-pointer bg-govuk-light-grey px-3 py-2 shadow-[0_2px_0_#929191] disabled:opacity-50"
            onClick={onTakeTheirs}
          >
            {takeTheirsLabel}
            {buttonSuffix ? <span className="sr-only"> {buttonSuffix}</span> : null}
          </button>
        </div>
      </div>
    </div>
  );
}

function ConflictValues({ row, isSingle }: { row: ConflictRow; isSingle: boolean }) {
  const prefix = isSingle ? '' : `${row.label}: `;
  return (
    <>
      <dt className="font-bold">{prefix}Yours</dt>
      <dd data-testid="conflict-mine">{row.mine}</dd>
      <dt className="font-bold">{prefix}Theirs</dt>
      <dd data-testid="conflict-theirs">{row.theirs}</dd>
    </>
  );
}
