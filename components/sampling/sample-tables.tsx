import Link from 'next/link';
import { Tag } from '@/components/ui/tag';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, LEVEL_LABELS } from '@/lib/format/labels';
import { NOT_RECORDED, type Characteristic, type CharacteristicComparison } from '@/lib/sampling/balanced-selection';
import type { ClassifiedCase, ListedCase } from '@/lib/sampling/plan';

export const CHARACTERISTIC_LABELS: Record<Characteristic, string> = {
  gender: 'Gender',
  disposal: 'Sentence or disposal type',
  rosh: 'Risk of serious harm',
  safetyWellbeing: 'Safety and wellbeing',
};

/** A category's words: the enum's label, or the list's own spelling of a gender. */
function categoryLabel(characteristic: Characteristic, category: string): string {
  if (category === NOT_RECORDED) return 'Not recorded';
  if (characteristic === 'disposal') return DISPOSAL_LABELS[category as keyof typeof DISPOSAL_LABELS] ?? category;
  if (characteristic === 'rosh' || characteristic === 'safetyWellbeing')
    return LEVEL_LABELS[category as keyof typeof LEVEL_LABELS] ?? category;
  return category.charAt(0).toUpperCase() + category.slice(1);
}

const level = (value: string | null) => (value ? LEVEL_LABELS[value as keyof typeof LEVEL_LABELS] : 'Not recorded');
const pct = (share: number) => `${Math.round(share * 100)}%`;
const cases = (n: number) => n.toFixed(1);

const th = 'py-2 pr-4 align-bottom';
const td = 'py-2 pr-4 align-top';

/** Every case of the list: its population, its date, and whether it is in its window and why. */
export function PopulationTable({ classified }: { classified: ClassifiedCase[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-base" data-testid="population-table">
        <caption className="mb-2 text-left text-xl font-bold">Every case of the list ({classified.length})</caption>
        <thead>
          <tr className="border-b-2 border-govuk-border">
            <th scope="col" className={th}>
              Line
            </th>
            <th scope="col" className={th}>
              Reference
            </th>
            <th scope="col" className={th}>
              Population and disposal
            </th>
            <th scope="col" className={th}>
              Date
            </th>
            <th scope="col" className={th}>
              Gender
            </th>
            <th scope="col" className={th}>
              Risk of serious harm
            </th>
            <th scope="col" className={th}>
              Safety and wellbeing
            </th>
            <th scope="col" className={th}>
              Eligible
            </th>
          </tr>
        </thead>
        <tbody>
          {classified.map((c) => (
            <tr key={c.id} className="border-b border-govuk-border" data-testid="population-row" data-eligible={c.isEligible}>
              <td className={td}>{c.line}</td>
              <td className={td}>{c.reference}</td>
              <td className={td}>
                {CASE_TYPE_LABELS[c.type]}
                <span className="block text-govuk-secondary">{DISPOSAL_LABELS[c.disposal]}</span>
              </td>
              <td className={`${td} whitespace-nowrap`}>{c.disposalDate}</td>
              <td className={td}>{c.gender ?? 'Not recorded'}</td>
              <td className={td}>{level(c.rosh)}</td>
              <td className={td}>{level(c.safetyWellbeing)}</td>
              <td className={td}>
                {c.isEligible ? <Tag colour="green">In</Tag> : <Tag colour="grey">Out</Tag>}
                <span className="block text-govuk-secondary">{c.reason}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Population and sample side by side, one table per characteristic, with the largest deviation. */
export function ComparisonTables({
  id,
  comparison,
  sampleSize,
}: {
  id: string;
  comparison: CharacteristicComparison[];
  sampleSize: number;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {comparison.map((row) => (
        <table
          key={row.characteristic}
          className="w-full border-collapse text-left text-base"
          data-testid={`comparison-${id}-${row.characteristic}`}
        >
          <caption className="mb-1 text-left font-bold">
            {CHARACTERISTIC_LABELS[row.characteristic]}
            <span className="block font-normal">
              Largest deviation: {cases(row.largestDeviation)} {row.largestDeviation === 1 ? 'case' : 'cases'}{' '}
              {row.isWithinTolerance ? <Tag colour="green">Within one case</Tag> : <Tag colour="red">More than one case</Tag>}
            </span>
          </caption>
          <thead>
            <tr className="border-b-2 border-govuk-border">
              <th scope="col" className={th}>
                Category
              </th>
              <th scope="col" className={`${th} text-right`}>
                Eligible
              </th>
              <th scope="col" className={`${th} text-right`}>
                Expected in {sampleSize}
              </th>
              <th scope="col" className={`${th} text-right`}>
                Sample
              </th>
            </tr>
          </thead>
          <tbody>
            {row.categories.map((c) => (
              <tr key={c.category} className="border-b border-govuk-border">
                <th scope="row" className={`${td} font-normal`}>
                  {categoryLabel(row.characteristic, c.category)}
                </th>
                <td className={`${td} text-right`}>
                  {c.populationCount} ({pct(c.populationShare)})
                </td>
                <td className={`${td} text-right`}>{cases(c.expected)}</td>
                <td className={`${td} text-right`}>
                  {c.sampleCount} ({sampleSize ? pct(c.sampleCount / sampleSize) : '–'})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** The sampled cases, each with a link to replace it. */
export function SampledCasesTable({
  id,
  cases: rows,
  replaceHref,
  isReadOnly,
}: {
  id: string;
  cases: ListedCase[];
  replaceHref: (caseId: string) => string;
  isReadOnly: boolean;
}) {
  return (
    <table className="mb-6 w-full border-collapse text-left text-base" data-testid={`sample-${id}`}>
      <caption className="mb-1 text-left font-bold">Sampled cases</caption>
      <thead>
        <tr className="border-b-2 border-govuk-border">
          <th scope="col" className={th}>
            Reference
          </th>
          <th scope="col" className={th}>
            Disposal
          </th>
          <th scope="col" className={th}>
            Gender
          </th>
          <th scope="col" className={th}>
            Risk of serious harm
          </th>
          <th scope="col" className={th}>
            Safety and wellbeing
          </th>
          {isReadOnly ? null : (
            <th scope="col" className={th}>
              <span className="sr-only">Action</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className="border-b border-govuk-border" data-testid="sampled-case">
            <td className={td}>{c.reference}</td>
            <td className={td}>{DISPOSAL_LABELS[c.disposal]}</td>
            <td className={td}>{c.gender ?? 'Not recorded'}</td>
            <td className={td}>{level(c.rosh)}</td>
            <td className={td}>{level(c.safetyWellbeing)}</td>
            {isReadOnly ? null : (
              <td className={td}>
                <Link href={replaceHref(c.id)}>
                  Replace<span className="sr-only"> {c.reference}</span>
                </Link>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The reserves, best first. */
export function ReservesTable({ id, reserves }: { id: string; reserves: ListedCase[] }) {
  if (reserves.length === 0) return <p className="mb-6">No reserves: every eligible case is in the sample.</p>;
  return (
    <details className="mb-6">
      <summary className="cursor-pointer text-govuk-link underline">Reserves, best first ({reserves.length})</summary>
      <table className="mt-3 w-full border-collapse text-left text-base" data-testid={`reserves-${id}`}>
        <thead>
          <tr className="border-b-2 border-govuk-border">
            <th scope="col" className={th}>
              Rank
            </th>
            <th scope="col" className={th}>
              Reference
            </th>
            <th scope="col" className={th}>
              Disposal
            </th>
            <th scope="col" className={th}>
              Gender
            </th>
            <th scope="col" className={th}>
              Risk of serious harm
            </th>
            <th scope="col" className={th}>
              Safety and wellbeing
            </th>
          </tr>
        </thead>
        <tbody>
          {reserves.map((c, index) => (
            <tr key={c.id} className="border-b border-govuk-border">
              <td className={td}>{index + 1}</td>
              <td className={td}>{c.reference}</td>
              <td className={td}>{DISPOSAL_LABELS[c.disposal]}</td>
              <td className={td}>{c.gender ?? 'Not recorded'}</td>
              <td className={td}>{level(c.rosh)}</td>
              <td className={td}>{level(c.safetyWellbeing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
