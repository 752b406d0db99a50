import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, LEVEL_LABELS } from '@/lib/format/labels';
import { CHARACTERISTICS, categoryOf } from '@/lib/sampling/balanced-selection';
import { suggestReplacements } from '@/lib/sampling/plan';
import { loadSampleState } from '@/lib/sampling/service';
import { SummaryList } from '@/components/ui/summary-list';
import { ReplaceForm } from '@/components/sampling/sample-forms';
import { CHARACTERISTIC_LABELS } from '@/components/sampling/sample-tables';

export const metadata: Metadata = { title: 'Replace a sampled case' };

/** The reserves shown, best for the balance first: enough to choose from without a list of hundreds. */
const SHOWN_RESERVES = 12;

const level = (value: string | null) => (value ? LEVEL_LABELS[value as keyof typeof LEVEL_LABELS] : 'Not recorded');

export default async function ReplacePage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/sample/replace/${caseId}`);
  const inspection = await requireInspection(user, inspectionId, 'inspection.manage');
  const state = await loadSampleState(prisma, inspection);
  if (!state || inspection.status !== 'set_up' || state.population.confirmedAt) notFound();
  const population = state.samples.find((s) => s.sample.some((c) => c.id === caseId));
  const removed = population?.sample.find((c) => c.id === caseId);
  if (!population || !removed) notFound();
  const { ranked: allRanked, canKeepBalance } = suggestReplacements(removed, population);
  const ranked = allRanked.slice(0, SHOWN_RESERVES);
  const options = ranked.map((r, index) => {
    const differences = CHARACTERISTICS.filter((ch) => categoryOf(r.kase, ch) !== categoryOf(removed, ch)).map((ch) =>
      CHARACTERISTIC_LABELS[ch].toLowerCase(),
    );
    const likeness =
      differences.length === 0
        ? 'same gender, disposal, risk of serious harm and safety and wellbeing'
        : `differs in ${differences.join(', ')}`;
    const balance = `${r.isWithinToleranceAfter ? 'keeps the balance' : 'breaks the balance'} (largest deviation ${r.largestDeviationAfter.toFixed(2)} cases)`;
    return {
      value: r.kase.id,
      label: `${r.kase.reference} (reserve ${r.rank}): ${likeness}; ${balance}${index === 0 ? ' — suggested' : ''}`,
    };
  });

  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}/setup/sample`}>Back to the sample</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-6 text-4xl font-bold">Replace case {removed.reference}</h1>
      <SummaryList
        rows={[
          { key: 'Population', value: CASE_TYPE_LABELS[removed.type] },
          { key: 'Disposal', value: DISPOSAL_LABELS[removed.disposal] },
          { key: 'Gender', value: removed.gender ?? 'Not recorded' },
          { key: 'Risk of serious harm', value: level(removed.rosh) },
          { key: 'Safety and wellbeing', value: level(removed.safetyWellbeing) },
        ]}
      />
      {options.length > 0 && !canKeepBalance ? (
        <div className="mt-6 border-l-4 border-govuk-error pl-4" role="note" data-testid="no-balanced-reserve">
          <p className="font-bold">No reserve keeps the sample within one case of the population’s make-up.</p>
          <p>
            Whichever reserve replaces case {removed.reference}, some category will be a case or more from its expected count. The
            suggestion is the one that moves it least; record why in the reason.
          </p>
        </div>
      ) : null}
      {options.length === 0 ? (
        <p className="mt-6">There are no reserves left in this population: every eligible case is already in the sample.</p>
      ) : (
        <div className="mt-6">
          <ReplaceForm inspectionId={inspection.id} caseId={removed.id} reserves={options} />
        </div>
      )}
    </>
  );
}
