import type { ReactNode } from 'react';

interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  action?: ReactNode;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="mb-6 border-t border-govuk-border">
      {rows.map((row, i) => (
        <div key={i} className="flex flex-col gap-1 border-b border-govuk-border py-2 sm:flex-row sm:gap-4">
          <dt className="font-bold sm:w-1/3">{row.key}</dt>
          <dd className="sm:flex-1">{row.value}</dd>
          {row.action ? <dd className="sm:w-1/5 sm:text-right">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
