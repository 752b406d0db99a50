import type { QualityCoverage as TQualityCoverage } from '@/lib/data/quality';
import { QualityForm } from './quality-form';

/** "7 of 25 cases reviewed, 3 queries open", against the review target the lead sets. */
export function QualityCoverage({
  inspectionId,
  coverage,
  canSetTarget,
}: {
  inspectionId: string;
  coverage: TQualityCoverage;
  canSetTarget: boolean;
}) {
  const { casesTotal, casesReviewed, queriesOpen, targetPct, targetCases } = coverage;
  const isMet = targetCases !== null && casesReviewed >= targetCases;
  return (
    <section aria-labelledby="qa-heading" className="mb-8 border-l-8 border-govuk-blue bg-govuk-light-grey p-4" data-testid="qa-coverage">
      <h2 id="qa-heading" className="mb-2 text-2xl font-bold">
        Quality assurance
      </h2>
      <p className="mb-2 text-lg" data-testid="qa-coverage-line">
        {casesReviewed} of {casesTotal} {casesTotal === 1 ? 'case' : 'cases'} reviewed, {queriesOpen}{' '}
        {queriesOpen === 1 ? 'query' : 'queries'} open
      </p>
      <p className="mb-3" data-testid="qa-target-line">
        {targetPct === null
          ? 'No review target set.'
          : `Target: ${targetPct}% of cases (${targetCases} ${targetCases === 1 ? 'case' : 'cases'}) — ${isMet ? 'met' : `${targetCases! - casesReviewed} more to review`}.`}
      </p>
      {canSetTarget ? (
        <QualityForm
          kind="target"
          id="qa-target"
          hidden={{ inspectionId }}
          field={{
            name: 'targetPct',
            label: 'Review target (% of cases)',
            hint: 'For example, 20',
            type: 'number',
            defaultValue: targetPct === null ? '' : String(targetPct),
          }}
          buttonVariant="secondary"
          buttonLabel="Set target"
        />
      ) : null}
    </section>
  );
}
