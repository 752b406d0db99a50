import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { fieldworkLabel, requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { CASE_TYPE_LABELS, formatDate, formatTime } from '@/lib/format/labels';
import {
  CONFIDENCE_Z,
  ASSUMED_PROPORTION,
  MARGIN_OF_ERROR,
  UNCORRECTED_SAMPLE_SIZE,
  type PopulationSize,
} from '@/lib/sampling/sample-size';
import { loadSampleState } from '@/lib/sampling/service';
import { DEFAULT_WINDOW_MONTHS, populationTypes } from '@/lib/sampling/windows';
import { POPULATION_COLUMNS } from '@/lib/sampling/population-file';
import type { CaseType } from '@/lib/framework/types';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Tag } from '@/components/ui/tag';
import { FileTemplateHelp } from '@/components/setup/file-template-help';
import { ConfirmForm, DrawForm, PopulationUploadForm, SixtyFortyForm, SizeForm, WindowForm } from '@/components/sampling/sample-forms';
import { ComparisonTables, PopulationTable, ReservesTable, SampledCasesTable } from '@/components/sampling/sample-tables';

export const metadata: Metadata = { title: 'Draw the case sample' };

const DONE: Record<string, string> = {
  uploaded: 'The list of eligible cases has been kept. Check the windows and sizes, then draw the sample.',
  window: 'The eligibility window has been saved.',
  size: 'The sample size has been saved.',
  'sixty-forty': 'How the out-of-court sample is sized has been saved.',
  drawn: 'The sample has been drawn.',
  replaced: 'The case has been replaced.',
};

const RULE_WORDS: Record<PopulationSize['rule'], string> = {
  formula: 'the formula',
  sixty_forty: 'the 60/40 rule',
  illustrative: 'an illustrative set of four',
  override: 'set by the lead inspector',
};

const COLUMN_HELP: Record<(typeof POPULATION_COLUMNS)[number], string> = {
  reference: 'Required. The service’s case reference. Never the child’s name.',
  type: 'Required. court, out_of_court or resettlement.',
  disposal:
    'Required. For example referral_order, youth_rehabilitation_order, custodial_sentence, youth_conditional_caution, youth_caution, community_resolution.',
  disposal_date: 'Required. The date of the disposal or sentence (or release, for resettlement), YYYY-MM-DD or DD/MM/YYYY.',
  gender: 'Optional; blank counts as not recorded.',
  rosh: 'Risk of serious harm: low, medium, high or very_high; blank counts as not recorded.',
  safety_wellbeing: 'Safety and wellbeing: low, medium, high or very_high; blank counts as not recorded.',
  case_manager: 'Optional. How the service refers to the case manager.',
};

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const partsOf = (iso: string) => {
  const [year = '', month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};
const isoToDate = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));

export default async function SamplePage({
  params,
  searchParams,
}: {
  params: Promise<{ inspectionId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { inspectionId } = await params;
  const { done } = await searchParams;
  const user = await requireUser(`/inspections/${inspectionId}/setup/sample`);
  // Lead inspectors and admins only: anyone else gets the not-found page.
  const inspection = await requireInspection(user, inspectionId, 'inspection.manage');
  const state = await loadSampleState(prisma, inspection);
  const isOpen = inspection.status === 'set_up' && !state?.population.confirmedAt;
  const types = populationTypes(inspection.framework);
  const sampled = state?.samples.reduce((sum, s) => sum + s.sample.length, 0) ?? 0;
  const banner = done ? DONE[done] : undefined;

  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}/setup`}>Back to set-up</Link>
      </p>
      {banner ? <NotificationBanner>{banner}</NotificationBanner> : null}
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-6 text-4xl font-bold">Draw the case sample</h1>
      <p className="mb-4 max-w-3xl">
        Upload the service’s list of cases, check who is eligible, and draw a sample whose make-up by gender, sentence or disposal type,
        risk of serious harm and safety and wellbeing matches the eligible cases’. The draw is repeatable from its seed. When you confirm,
        the sample becomes this inspection’s cases, ready to allocate.
      </p>
      {inspection.status !== 'set_up' ? (
        <p className="mb-6 border-l-4 border-govuk-border pl-4 font-bold">
          The sample can be drawn only while the inspection is in set-up.
        </p>
      ) : null}
      {state?.population.confirmedAt ? (
        <p className="mb-6 border-l-4 border-govuk-success pl-4 font-bold" data-testid="sample-confirmed">
          The sample was confirmed on {formatDate(state.population.confirmedAt)}: its cases are now the inspection’s cases.
        </p>
      ) : null}

      <section aria-labelledby="list-heading" className="mb-10">
        <h2 id="list-heading" className="mb-3 text-2xl font-bold">
          1. The list of eligible cases
        </h2>
        {state ? (
          <p className="mb-4">
            {state.population.fileName}: {state.classified.length} cases, kept on {formatDate(state.population.uploadedAt)} at{' '}
            {formatTime(state.population.uploadedAt)}.
          </p>
        ) : (
          <p className="mb-4">No list yet.</p>
        )}
        {isOpen ? (
          <>
            <FileTemplateHelp
              templateHref={`/inspections/${inspection.id}/setup/sample/template`}
              summary="The columns of the list"
              columns={POPULATION_COLUMNS}
              help={COLUMN_HELP}
              className="mb-6 max-w-3xl"
            />
            <PopulationUploadForm inspectionId={inspection.id} hasPopulation={state !== null} />
          </>
        ) : null}
      </section>

      {state ? (
        <>
          <section aria-labelledby="windows-heading" className="mb-10">
            <h2 id="windows-heading" className="mb-3 text-2xl font-bold">
              2. Eligibility windows
            </h2>
            <p className="mb-4 max-w-3xl">
              Court, out-of-court and resettlement cases are separate populations, each with its own window of disposal or sentence dates
              before fieldwork ({await fieldworkLabel(inspection, { isStartOnly: true })}). The defaults are the reports’ most common
              windows; set exact dates where the inspection uses others.
            </p>
            <ul className="mb-6 space-y-6">
              {types.map((type) => {
                const window = state.windows[type];
                const eligible = state.sizes.find((s) => s.type === type)?.eligible ?? 0;
                return (
                  <li key={type} className="border-l-4 border-govuk-border pl-4" data-testid={`window-${type}`}>
                    <p className="font-bold">
                      {CASE_TYPE_LABELS[type]}: {window ? `${isoToDate(window.from)} to ${isoToDate(window.to)}` : 'no window'} — {eligible}{' '}
                      eligible
                    </p>
                    <p className="text-govuk-secondary">Default: {DEFAULT_WINDOW_MONTHS[type].source}.</p>
                    {isOpen && window ? (
                      <details>
                        <summary className="cursor-pointer text-govuk-link underline">
                          Change the {CASE_TYPE_LABELS[type].toLowerCase()} window
                        </summary>
                        <WindowForm inspectionId={inspection.id} type={type} from={partsOf(window.from)} to={partsOf(window.to)} />
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <details>
              <summary className="cursor-pointer text-govuk-link underline">Who is in and out of each window, and why</summary>
              <div className="mt-3">
                <PopulationTable classified={state.classified} />
              </div>
            </details>
          </section>

          <section aria-labelledby="sizes-heading" className="mb-10">
            <h2 id="sizes-heading" className="mb-3 text-2xl font-bold">
              3. Sample sizes
            </h2>
            <div className="mb-4 max-w-3xl border-l-4 border-govuk-border pl-4" data-testid="size-formula">
              <p className="mb-2">
                “The sample size was set to achieve a confidence level of 80 per cent (with a margin of error of five)”: for each population
                of N eligible cases,
              </p>
              <p className="mb-2 font-mono">
                n0 = z² × p(1 − p) ÷ e² = {CONFIDENCE_Z}² × {ASSUMED_PROPORTION} × {1 - ASSUMED_PROPORTION} ÷ {MARGIN_OF_ERROR}² ={' '}
                {fmt(UNCORRECTED_SAMPLE_SIZE, 3)}
              </p>
              <p className="mb-2 font-mono">n = n0 ÷ (1 + (n0 − 1) ÷ N), rounded up to a whole case</p>
              <p>
                z = {CONFIDENCE_Z} for 80 per cent confidence (two-sided), p = {ASSUMED_PROPORTION} (the most cautious), e ={' '}
                {MARGIN_OF_ERROR} (five points).
              </p>
            </div>
            <table className="mb-6 w-full border-collapse text-left text-base" data-testid="sizes-table">
              <caption className="mb-1 text-left font-bold">Sample size of each population</caption>
              <thead>
                <tr className="border-b-2 border-govuk-border">
                  <th scope="col" className="py-2 pr-4">
                    Population
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Eligible (N)
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Formula: n0 ÷ (1 + (n0 − 1) ÷ N)
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Sample size
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    Margin of error achieved
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    From
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.sizes.map((s) => (
                  <tr key={s.type} className="border-b border-govuk-border" data-testid={`size-${s.type}`}>
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {CASE_TYPE_LABELS[s.type]}
                    </th>
                    <td className="py-2 pr-4 text-right">{s.eligible}</td>
                    <td className="py-2 pr-4 text-right">
                      {fmt(s.working.corrected)} → {s.working.size}
                    </td>
                    <td className="py-2 pr-4 text-right font-bold">{s.size}</td>
                    <td className="py-2 pr-4 text-right" data-testid={`margin-${s.type}`}>
                      {s.marginOfError === null ? '—' : `±${fmt(100 * s.marginOfError, 1)} points`}
                    </td>
                    <td className="py-2 pr-4">
                      {RULE_WORDS[s.rule]}
                      {s.rule === 'override' ? (
                        <span className="block text-govuk-secondary">
                          Rule gives {s.computed}. Reason: {s.overrideReason}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mb-4 max-w-3xl text-base">
              The margin of error achieved is the formula solved for e at the size taken (80 per cent confidence, p = 0.5): the formula’s
              own sizes come in at five points or under; the 60/40 rule and an override usually do not.
            </p>
            {state.sizes.map((s) =>
              s.sixtyFortyShortfall ? (
                <div
                  key={s.type}
                  className="mb-4 max-w-3xl border-l-4 border-govuk-error pl-4"
                  role="note"
                  data-testid="sixty-forty-shortfall"
                >
                  The 60/40 rule asks for {s.sixtyFortyShortfall.asked} out-of-court cases but only {s.sixtyFortyShortfall.eligible} are
                  eligible, so the combined sample is not 60 per cent court and 40 per cent out-of-court. Widen the out-of-court window, or
                  say so in the report.
                </div>
              ) : null,
            )}
            {isOpen ? (
              <>
                <SixtyFortyForm inspectionId={inspection.id} isSixtyForty={state.population.isSixtyForty} />
                <ul className="space-y-4">
                  {state.sizes.map((s) => (
                    <li key={s.type}>
                      <details>
                        <summary className="cursor-pointer text-govuk-link underline">
                          Change the {CASE_TYPE_LABELS[s.type].toLowerCase()} sample size
                        </summary>
                        <SizeForm
                          inspectionId={inspection.id}
                          type={s.type}
                          size={s.rule === 'override' ? String(s.size) : ''}
                          reason={s.overrideReason ?? ''}
                        />
                      </details>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="draw-heading" className="mb-10">
            <h2 id="draw-heading" className="mb-3 text-2xl font-bold">
              4. Draw the sample
            </h2>
            {state.draw ? (
              <p className="mb-4" data-testid="draw-seed">
                Drawn on {formatDate(state.draw.drawnAt)} at {formatTime(state.draw.drawnAt)} with the seed{' '}
                <strong className="font-mono" data-testid="seed">
                  {state.draw.seed}
                </strong>
                . The same list and seed always draw the same sample.
              </p>
            ) : null}
            {state.isStale && !state.population.confirmedAt ? (
              <NotificationBanner kind="important" testId="stale-draw">
                The windows or sample sizes have changed since this draw: draw again before confirming.
              </NotificationBanner>
            ) : null}
            {isOpen ? <DrawForm inspectionId={inspection.id} hasDraw={state.draw !== null} /> : null}

            {state.samples.map((s) => (
              <PopulationSampleSection
                key={s.type}
                type={s.type}
                sample={s}
                eligible={state.sizes.find((p) => p.type === s.type)?.eligible ?? 0}
                inspectionId={inspection.id}
                isReadOnly={!isOpen}
              />
            ))}
          </section>

          {isOpen && state.draw ? (
            <section aria-labelledby="confirm-heading" className="mb-10">
              <h2 id="confirm-heading" className="mb-3 text-2xl font-bold">
                5. Confirm the sample
              </h2>
              <p className="mb-4 max-w-3xl">
                The {sampled} sampled cases become this inspection’s cases, unallocated, ready to allocate on the set-up page. The list, the
                draws and the replacements stay recorded; the sample cannot be drawn again afterwards.
              </p>
              <ConfirmForm inspectionId={inspection.id} count={sampled} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function PopulationSampleSection({
  type,
  sample,
  eligible,
  inspectionId,
  isReadOnly,
}: {
  type: CaseType;
  sample: NonNullable<Awaited<ReturnType<typeof loadSampleState>>>['samples'][number];
  eligible: number;
  inspectionId: string;
  isReadOnly: boolean;
}) {
  const worst = Math.max(0, ...sample.comparison.map((c) => c.largestDeviation));
  return (
    <section
      aria-labelledby={`sample-${type}-heading`}
      className="mb-10 border-t-2 border-govuk-border pt-4"
      data-testid={`population-sample-${type}`}
    >
      <h3 id={`sample-${type}-heading`} className="mb-2 text-xl font-bold">
        {CASE_TYPE_LABELS[type]}: {sample.sample.length} of {eligible} eligible cases
      </h3>
      <p className="mb-4">
        Largest deviation from the eligible cases’ make-up: {worst.toFixed(1)} {worst === 1 ? 'case' : 'cases'}{' '}
        {sample.comparison.every((c) => c.isWithinTolerance) ? (
          <Tag colour="green">Every category within one case</Tag>
        ) : (
          <Tag colour="red">Not every category within one case</Tag>
        )}
      </p>
      <ComparisonTables id={type} comparison={sample.comparison} sampleSize={sample.sample.length} />
      <div className="mt-6">
        <SampledCasesTable
          id={type}
          cases={sample.sample}
          isReadOnly={isReadOnly}
          replaceHref={(caseId) => `/inspections/${inspectionId}/setup/sample/replace/${caseId}`}
        />
      </div>
      {sample.replaced.length ? (
        <table className="mb-6 w-full border-collapse text-left text-base" data-testid={`replacements-${type}`}>
          <caption className="mb-1 text-left font-bold">Replacements</caption>
          <thead>
            <tr className="border-b-2 border-govuk-border">
              <th scope="col" className="py-2 pr-4">
                Not inspected
              </th>
              <th scope="col" className="py-2 pr-4">
                Replaced by
              </th>
              <th scope="col" className="py-2 pr-4">
                Reason
              </th>
            </tr>
          </thead>
          <tbody>
            {sample.replaced.map((r) => (
              <tr key={r.removed.id} className="border-b border-govuk-border">
                <td className="py-2 pr-4">{r.removed.reference}</td>
                <td className="py-2 pr-4">{r.replacement.reference}</td>
                <td className="py-2 pr-4">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ReservesTable id={type} reserves={sample.reserves} />
    </section>
  );
}
