export interface ExportLink {
  id: string;
  href: string;
  label: string;
  /** "CSV", "Excel workbook (XLSX)", "JSON" — said in the link, so it is heard with it. */
  format: string;
  description: string;
}

/** A list of downloads: each link names what it is and its format; a description beside it. */
export function ExportList({ links, testId }: { links: ExportLink[]; testId: string }) {
  return (
    <ul className="mb-6 border-t border-govuk-border" data-testid={testId}>
      {links.map((link) => (
        <li key={link.id} className="border-b border-govuk-border py-3">
          <a href={link.href} className="font-bold" data-testid={`export-${link.id}`} aria-describedby={`${link.id}-description`}>
            {link.label} ({link.format})
          </a>
          <p id={`${link.id}-description`} className="text-base text-govuk-secondary">
            {link.description}
          </p>
        </li>
      ))}
    </ul>
  );
}
