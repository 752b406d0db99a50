import { ANSWER_LABELS } from '@/lib/format/labels';
import type { AgreementStats, Category, CrossTable, GroupAgreement } from '@/lib/quality/agreement';

/** "83%" (agreement is whole per cent on screen; the export keeps full precision). */
function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)}%`;
}

function formatNumber(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** Kappa to two decimals with its Landis & Koch word: "0.40 (fair)". */
function formatKappa(stats: Pick<AgreementStats, 'kappa' | 'strength'>): string {
  if (stats.kappa === null) return 'Cannot be calculated';
  return `${stats.kappa.toFixed(2)}${stats.strength ? ` (${stats.strength})` : ''}`;
}

/** "SE 0.13, 95% CI 0.15 to 0.65". */
function formatUncertainty(stats: AgreementStats): string | null {
  if (stats.standardError === null || stats.confidenceInterval === null) return null;
  const { lower, upper } = stats.confidenceInterval;
  return `SE ${stats.standardError.toFixed(2)}, 95% CI ${lower.toFixed(2)} to ${upper.toFixed(2)}`;
}

/** One row of the agreement table: n, % agreement, chance, kappa with its uncertainty, AC1/PABAK, the split, and the notes. */
export function AgreementCells({ group }: { group: GroupAgreement }) {
  const { all, applicability, judgement } = group;
  const uncertainty = formatUncertainty(all);
  return (
    <>
      <td className="py-2 pr-4 text-right tabular-nums">{all.n}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(all.percentAgreement)}</td>
      <td className="py-2 pr-4 text-right tabular-nums">
        {formatPercent(all.expectedAgreement === null ? null : 100 * all.expectedAgreement)}
      </td>
      <td className="py-2 pr-4">
        <span data-testid="kappa">{formatKappa(all)}</span>
        {uncertainty ? <span className="block text-base text-govuk-secondary">{uncertainty}</span> : null}
      </td>
      <td className="py-2 pr-4 tabular-nums">
        {formatNumber(all.ac1)} / {formatNumber(all.pabak)}
      </td>
      <td className="py-2 pr-4 text-base">
        Applies: {formatPercent(applicability.percentAgreement)}
        <br />
        Judgement: {formatPercent(judgement.percentAgreement)}
        {judgement.kappa === null ? '' : `, κ ${judgement.kappa.toFixed(2)}`}
      </td>
      <td className="py-2 text-base">
        {all.warning ? <p>{all.warning}</p> : null}
        {all.explanation ? (
          <p className="mt-1" data-testid="kappa-explanation">
            {all.explanation}
          </p>
        ) : null}
        {all.n > 0 ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-govuk-link underline">Cross-table</summary>
            <CrossTableView table={all.crossTable} />
          </details>
        ) : null}
      </td>
    </>
  );
}

/** The column headings that go with {@link AgreementCells}, after the row heading. */
export function AgreementHeadings() {
  return (
    <>
      <th scope="col" className="py-2 pr-4 text-right">
        Pairs compared
      </th>
      <th scope="col" className="py-2 pr-4 text-right">
        Agreement
      </th>
      <th scope="col" className="py-2 pr-4 text-right">
        <abbr title="The agreement two inspectors answering at these rates would reach by chance">Chance agreement</abbr>
      </th>
      <th scope="col" className="py-2 pr-4">
        Cohen’s kappa
      </th>
      <th scope="col" className="py-2 pr-4">
        <abbr title="Gwet's AC1 and the prevalence- and bias-adjusted kappa: agreement beyond chance that does not depend on how common each answer is">
          AC1 / PABAK
        </abbr>
      </th>
      <th scope="col" className="py-2 pr-4">
        Applies / judgement
      </th>
      <th scope="col" className="py-2">
        Note
      </th>
    </>
  );
}

const CATEGORY_LABELS: Record<Category, string> = ANSWER_LABELS;

/** First marking in rows, second in columns, with each marker's answer counts as the totals. */
export function CrossTableView({ table, caption }: { table: CrossTable; caption?: string }) {
  const total = table.categories.reduce((sum, c) => sum + table.firstCounts[c], 0);
  return (
    <table className="mt-2 border-collapse text-base" data-testid="cross-table">
      {caption ? <caption className="mb-1 text-left font-bold">{caption}</caption> : null}
      <thead>
        <tr>
          <td />
          {table.categories.map((c) => (
            <th key={c} scope="col" className="px-2 text-right">
              Second: {CATEGORY_LABELS[c]}
            </th>
          ))}
          <th scope="col" className="px-2 text-right">
            First marker’s total
          </th>
        </tr>
      </thead>
      <tbody>
        {table.categories.map((first) => (
          <tr key={first}>
            <th scope="row" className="pr-2 text-left font-normal">
              First: {CATEGORY_LABELS[first]}
            </th>
            {table.categories.map((second) => (
              <td key={second} className={`px-2 text-right tabular-nums ${first === second ? 'font-bold' : ''}`}>
                {table.cells[first][second]}
              </td>
            ))}
            <td className="px-2 text-right tabular-nums">{table.firstCounts[first]}</td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="pr-2 text-left font-normal">
            Second marker’s total
          </th>
          {table.categories.map((c) => (
            <td key={c} className="px-2 text-right tabular-nums">
              {table.secondCounts[c]}
            </td>
          ))}
          <td className="px-2 text-right tabular-nums">{total}</td>
        </tr>
      </tbody>
    </table>
  );
}
