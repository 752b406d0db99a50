/**
 * The template link and the list of a CSV file's columns, as the case sample import and the
 * sampling page's list of eligible cases show them: one component, so both files are explained
 * the same way.
 */
export function FileTemplateHelp<C extends string>({
  templateHref,
  summary,
  columns,
  help,
  className,
}: {
  templateHref: string;
  /** The disclosure's summary, e.g. "The columns of the file". */
  summary: string;
  columns: readonly C[];
  help: Readonly<Record<C, string>>;
  /** Classes of the disclosure (its bottom margin differs by page). */
  className: string;
}) {
  return (
    <>
      <p className="mb-4">
        <a href={templateHref} download>
          Download the template (CSV)
        </a>
      </p>
      <details className={className}>
        <summary className="cursor-pointer text-govuk-link underline">{summary}</summary>
        <dl className="mt-3 border-l-4 border-govuk-border pl-4">
          {columns.map((column) => (
            <div key={column} className="mb-2">
              <dt className="font-mono font-bold">{column}</dt>
              <dd>{help[column]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
