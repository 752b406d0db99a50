import type { FrameworkVersion } from '@/lib/framework/types';
import { nationalBasis, type NationalFigures } from '@/lib/summary/summary';
import { FRAMEWORK_LABELS } from '@/lib/summary/summary-tables';
import { ChangeChart } from './change-chart';
import { KeyQuestionSpreadChart } from './key-question-spread-chart';
import { RatingCountsChart } from './rating-counts-chart';

/**
 * The national figures under the summary's table: one section per set of standards with a
 * published inspection (the filters' standards only, when chosen), each with its three charts.
 * National is one rule (lib/summary/national.ts): every published inspection on those standards,
 * whoever looks and whatever the other filters — said above the charts.
 */
export function SummaryNational({ national, framework }: { national: NationalFigures; framework: FrameworkVersion | null }) {
  const frameworks = (['2018', '2021'] as const).filter((v) => (framework === null || framework === v) && national.published[v] > 0);
  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">National figures</h2>
      {frameworks.length === 0 ? (
        <p className="mb-8" data-testid="no-final">
          No national figures yet: {nationalBasis(national, framework)} in Casemark.
        </p>
      ) : (
        <>
          <p className="mb-6 max-w-3xl" data-testid="national-basis">
            From {nationalBasis(national, framework)}: every published inspection in Casemark, whoever looks, whichever inspections the
            table shows. The 2018 and 2021 standards are counted separately.
          </p>
          {frameworks.map((version) => (
            <section key={version} aria-labelledby={`national-${version}`}>
              <h3 id={`national-${version}`} className="mb-4 text-xl font-bold">
                {FRAMEWORK_LABELS[version]}
              </h3>
              <RatingCountsChart framework={version} rows={national.ratingCounts.filter((c) => c.framework === version)} />
              <KeyQuestionSpreadChart framework={version} rows={national.keyQuestions.filter((c) => c.framework === version)} />
              <ChangeChart framework={version} rows={national.changes.filter((c) => c.framework === version)} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
