'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { CASE_TYPE_LABELS, DISPOSAL_LABELS, LEVEL_LABELS, RATING_LABELS } from '@/lib/format/labels';
import { CASEMARK_OWN_RESETTLEMENT_LABEL, CASEMARK_OWN_RESETTLEMENT_NOTE, type Framework, type Rating } from '@/lib/framework/types';
import type { PanelData } from '@/lib/panel/load-panel';
import { isProfessionalJudgementKeyQuestion, panelDecisionRefusal, type StandardResult } from '@/lib/rating/compute-inspection';
import { RatingTag } from './rating-tag';
import { KeyQuestionChart } from './key-question-chart';
import { PanelDecisionForm } from './panel-decision-form';
import { JudgementForm } from './judgement-form';
import { must } from '@/lib/must';

type LiveState = 'connecting' | 'live' | 'reconnecting' | 'ended';

const pctText = (pct: number | null | undefined) => (pct === null || pct === undefined ? '–' : `${pct}%`);

/**
 * Subscribes to the panel's server-sent events. EventSource reconnects by itself after a drop;
 * when the stream is closed for good (the server restarted, or refused), it is reopened with
 * back-off, except when the server says the session ended or the panel is no longer visible.
 */
function useLivePanel(initial: PanelData) {
  const [data, setData] = useState(initial);
  const [state, setState] = useState<LiveState>('connecting');
  const [endedReason, setEndedReason] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState(() => new Date(initial.computedAt));
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const end = (reason: string) => {
      source?.close();
      clearTimeout(retry);
      setEndedReason(reason);
      setState('ended');
    };
    const connect = () => {
      source = new EventSource(`/inspections/${initial.inspectionId}/panel/events`);
      source.onopen = () => {
        failures = 0;
        setState('live');
      };
      source.addEventListener('panel', (event) => {
        setData(JSON.parse((event as MessageEvent<string>).data) as PanelData);
        setUpdatedAt(new Date());
        setState('live');
      });
      source.addEventListener('signed-out', () => end('Your session has ended: sign in again to see live figures.'));
      source.addEventListener('forbidden', () => end('You can no longer see this panel.'));
      source.onerror = () => {
        setState((s) => (s === 'ended' ? s : 'reconnecting'));
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          failures += 1;
          retry = setTimeout(connect, Math.min(2000 * 2 ** (failures - 1), 30_000));
        }
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [initial.inspectionId]);
  return { data, setData, state, updatedAt, endedReason };
}

/** "72% (60–90%, 5 inspections)", or a dash when no published inspection has a figure. */
function nationalText(spread: { n: number; median: number | null; min: number | null; max: number | null } | undefined): string {
  if (!spread || spread.median === null || spread.min === null || spread.max === null) return '–';
  return `${pctText(spread.median)} (${pctText(spread.min)}–${pctText(spread.max)}, ${spread.n} ${spread.n === 1 ? 'inspection' : 'inspections'})`;
}

function StandardRow({ result, previous }: { result: StandardResult; previous?: Rating }) {
  const hasDecision = result.panel !== null;
  return (
    <tr className="border-b border-govuk-border" data-testid={`standard-row-${result.id}`}>
      <th scope="row" className="py-2 pr-4 text-left font-normal">
        {result.kind === 'case_marked' ? (
          <a href={`#standard-${result.id}`}>{`${result.id} ${result.title}`}</a>
        ) : (
          `${result.id} ${result.title}`
        )}
      </th>
      <td className="py-2 pr-4" data-testid={`rating-${result.id}`}>
        <RatingTag rating={result.rating} isJudgement={hasDecision} empty={result.isRated ? 'Not yet rated' : 'Not rated'} />
      </td>
      <td className="py-2 pr-4 text-base">
        {result.kind === 'case_marked' ? (
          hasDecision ? (
            <span data-testid={`computed-${result.id}`}>
              Computed: {result.computedRating ? RATING_LABELS[result.computedRating] : 'not ratable'}
            </span>
          ) : result.lowestKeyQuestion ? (
            <span>Lowest key question {result.lowestKeyQuestion}</span>
          ) : (
            <span>{result.reason}</span>
          )
        ) : (
          <span>{result.isRated ? 'Lead inspector’s judgement' : result.reason}</span>
        )}
      </td>
      <td className="py-2">{previous ? RATING_LABELS[previous] : <span className="sr-only">No previous rating</span>}</td>
    </tr>
  );
}

export function PanelView({
  initial,
  framework,
  canDecide,
  canSeeCases,
  national = {},
}: {
  initial: PanelData;
  framework: Framework;
  canDecide: boolean;
  /** Drill-down to the cases (with inspectors and notes): the lead, managers and admins. */
  canSeeCases: boolean;
  /** Each key question's national median and range over the published inspections on these standards. */
  national?: Record<string, { n: number; median: number | null; min: number | null; max: number | null }>;
}) {
  const { data, setData, state, updatedAt, endedReason } = useLivePanel(initial);
  const { result } = data;
  const overall = result.overall;
  const hasPrevious = Object.keys(data.previousRatings).length > 0;
  const base = `/inspections/${data.inspectionId}`;

  return (
    <div>
      <p role="status" aria-live="polite" className="mb-4 text-base text-govuk-secondary" data-testid="live-status" data-state={state}>
        {state === 'ended'
          ? `${endedReason} `
          : state === 'reconnecting'
            ? 'Connection lost — reconnecting… '
            : state === 'live'
              ? 'Live. '
              : 'Connecting… '}
        Last updated at{' '}
        <time dateTime={updatedAt.toISOString()} data-testid="last-updated">
          {updatedAt.toLocaleTimeString('en-GB')}
        </time>
      </p>

      <section aria-labelledby="overall-heading" className="mb-8 border-l-8 border-govuk-blue bg-govuk-light-grey p-4">
        <h2 id="overall-heading" className="mb-2 text-2xl font-bold">
          Overall rating
        </h2>
        <p className="flex flex-wrap items-center gap-4 text-xl">
          <span data-testid="overall-rating">
            <RatingTag rating={overall.rating} empty="Provisional" />
          </span>
          <span data-testid="overall-score">
            Score: {overall.score ?? '–'} out of {overall.maxScore}
          </span>
        </p>
        {overall.isCapped && overall.cap ? <p className="mt-2 font-bold">{overall.cap}</p> : null}
        {overall.missing.length ? (
          <div className="mt-3" data-testid="overall-missing">
            <p className="font-bold">Provisional: the overall rating still needs</p>
            <ul className="ml-6 list-disc">
              {overall.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="ratings-heading" className="mb-10">
        <h2 id="ratings-heading" className="mb-3 text-2xl font-bold">
          Ratings
        </h2>
        <p className="mb-3 text-base">
          * Professional judgement applied by the ratings panel; the computed rating is shown beside it, and in the key-question table the *
          is on the key question that set the computed rating.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse" data-testid="ratings-table">
            <caption className="sr-only">Rating of every standard</caption>
            <thead>
              <tr className="border-b-2 border-govuk-border text-left">
                <th scope="col" className="py-2 pr-4">
                  Standard
                </th>
                <th scope="col" className="py-2 pr-4">
                  Rating
                </th>
                <th scope="col" className="py-2 pr-4">
                  Basis
                </th>
                <th scope="col" className="py-2">
                  {hasPrevious ? 'Previous inspection' : <span className="sr-only">Previous inspection</span>}
                </th>
              </tr>
            </thead>
            {framework.domains.map((domain) => (
              <tbody key={domain.id}>
                <tr>
                  <th scope="colgroup" colSpan={4} className="bg-govuk-light-grey py-2 text-left">
                    {domain.id}. {domain.title}
                  </th>
                </tr>
                {domain.standards.map((s) => (
                  <StandardRow
                    key={s.id}
                    result={must(result.standards[s.id], `the result of ${s.id}`)}
                    previous={data.previousRatings[s.id]}
                  />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>

      {framework.domains.flatMap((domain) =>
        domain.standards
          .filter((s) => s.kind === 'case_marked')
          .map((standard) => {
            const r = must(result.standards[standard.id], `the result of ${standard.id}`);
            const decision = data.decisions[standard.id];
            const kqs = standard.keyQuestions.map((kq) => r.keyQuestions[kq.id]).filter((kq) => kq !== undefined);
            return (
              <section
                key={standard.id}
                id={`standard-${standard.id}`}
                aria-labelledby={`standard-${standard.id}-heading`}
                className="mb-8 border-t-4 border-govuk-border pt-4"
              >
                <h2 id={`standard-${standard.id}-heading`} className="mb-2 text-2xl font-bold">
                  {standard.id} {standard.title} <RatingTag rating={r.rating} isJudgement={r.panel !== null} />
                </h2>
                <details
                  open={r.flags.length > 0 || r.panel !== null || data.decisions[standard.id] !== undefined}
                  data-testid={`standard-details-${standard.id}`}
                >
                  <summary className="cursor-pointer text-govuk-link underline">
                    Key questions, discretion and panel decision for {standard.id}
                  </summary>
                  <div className="mt-4">
                    <div className="overflow-x-auto">
                      <table className="mb-4 w-full border-collapse text-left" data-testid={`kq-table-${standard.id}`}>
                        <caption className="mb-2 text-left font-bold">Key questions for {standard.id}</caption>
                        <thead>
                          <tr className="border-b-2 border-govuk-border">
                            <th scope="col" className="py-2 pr-3">
                              Key question
                            </th>
                            <th scope="col" className="py-2 pr-3">
                              Yes / relevant
                            </th>
                            <th scope="col" className="py-2 pr-3">
                              % yes
                            </th>
                            <th scope="col" className="py-2 pr-3">
                              Band
                            </th>
                            <th scope="col" className="py-2 pr-3">
                              Previous %
                            </th>
                            <th scope="col" className="py-2">
                              National median (range)
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {kqs.map((kq) => {
                            const isLowest = kq.id === r.lowestKeyQuestion;
                            return (
                              <tr
                                key={kq.id}
                                className={`border-b border-govuk-border ${isLowest ? 'bg-[#fff7bf] font-bold' : ''}`}
                                data-testid={`kq-row-${kq.id}`}
                              >
                                <th scope="row" className="py-2 pr-3 text-left font-normal">
                                  {canSeeCases ? (
                                    <Link href={`${base}/panel/key-questions/${kq.id}`}>
                                      {kq.id} {kq.shortLabel}
                                    </Link>
                                  ) : (
                                    `${kq.id} ${kq.shortLabel}`
                                  )}
                                  {isLowest ? <span className="ml-2 font-bold">(lowest: sets the rating)</span> : null}
                                </th>
                                <td className="py-2 pr-3" data-testid={`kq-count-${kq.id}`}>
                                  {kq.yes} / {kq.relevant}
                                </td>
                                <td className="py-2 pr-3" data-testid={`kq-pct-${kq.id}`}>
                                  {pctText(kq.pct)}
                                  {isProfessionalJudgementKeyQuestion(r, kq.id) ? (
                                    // Dudley 2019, Annex 2: "64%*" on the key question that set the rating only.
                                    <span data-testid={`kq-pj-${kq.id}`}>
                                      <span aria-hidden="true">*</span>
                                      <span className="sr-only"> (professional judgement applied to the rating this key question set)</span>
                                    </span>
                                  ) : null}
                                </td>
                                <td className="py-2 pr-3">{kq.band ? RATING_LABELS[kq.band] : '–'}</td>
                                <td className="py-2 pr-3">{pctText(data.previousKeyQuestionPct[kq.id])}</td>
                                <td className="py-2" data-testid={`kq-national-${kq.id}`}>
                                  {nationalText(Object.hasOwn(national, kq.id) ? national[kq.id] : undefined)}
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                    <KeyQuestionChart keyQuestions={kqs} lowest={r.lowestKeyQuestion} />
                    {r.flags.length ? (
                      <div className="my-4 border-l-4 border-govuk-blue pl-4" data-testid={`flags-${standard.id}`}>
                        <h3 className="font-bold">The panel may consider discretion</h3>
                        <ul className="ml-6 list-disc">
                          {r.flags.map((f) => (
                            <li key={f.code} data-code={f.code}>
                              {f.reason}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    {r.panel ? (
                      <div className="my-4 border-l-4 border-govuk-text pl-4" data-testid={`decision-${standard.id}`}>
                        <p>
                          <strong>Panel decision:</strong> {RATING_LABELS[r.panel.rating]}* (computed{' '}
                          {r.computedRating ? RATING_LABELS[r.computedRating] : 'not ratable'})
                        </p>
                        <p>
                          <strong>Rationale:</strong> {r.panel.rationale}
                        </p>
                        {decision ? (
                          <p className="text-base text-govuk-secondary">
                            Recorded by {decision.decidedByName} on {new Date(decision.decidedAt).toLocaleString('en-GB')}
                          </p>
                        ) : null}
                      </div>
                    ) : null}
                    {!r.panel && decision ? (
                      <p className="my-4 border-l-4 border-govuk-error pl-4" data-testid={`decision-not-applied-${standard.id}`}>
                        <strong>The panel decision ({RATING_LABELS[decision.rating]}) is not applied:</strong>{' '}
                        {panelDecisionRefusal(standard.id, r.computedRating)}. Withdraw it, or it applies again once a case is judged yes or
                        no.
                      </p>
                    ) : null}
                    {canDecide && r.computedRating === null && !data.decisions[standard.id] ? (
                      <p className="my-4" data-testid={`decision-unavailable-${standard.id}`}>
                        No panel decision can be recorded yet: {panelDecisionRefusal(standard.id, null)}.
                      </p>
                    ) : canDecide ? (
                      <PanelDecisionForm
                        inspectionId={data.inspectionId}
                        standardId={standard.id}
                        decision={data.decisions[standard.id] ?? null}
                        version={data.decisionVersions[standard.id] ?? 0}
                        onChange={setData}
                      />
                    ) : null}
                    <details className="mt-4">
                      <summary className="cursor-pointer text-govuk-link underline">Prompt percentages for {standard.id}</summary>
                      <table className="mt-2 w-full text-left text-base" data-testid={`prompt-table-${standard.id}`}>
                        <caption className="sr-only">Prompt percentages for {standard.id}, shown but never used for the rating</caption>
                        <tbody>
                          {standard.keyQuestions.map((kq) => (
                            <PromptRows key={kq.id} keyQuestion={kq} figures={r.prompts} />
                          ))}
                        </tbody>
                      </table>
                    </details>
                  </div>
                </details>
              </section>
            );
          }),
      )}

      <section aria-labelledby="judgements-heading" className="mb-10 border-t-4 border-govuk-border pt-4">
        <h2 id="judgements-heading" className="mb-3 text-2xl font-bold">
          Qualitative standards
        </h2>
        {framework.domains.flatMap((domain) =>
          domain.standards
            .filter((s) => s.kind === 'qualitative')
            .map((standard) => {
              const r = must(result.standards[standard.id], `the result of ${standard.id}`);
              return (
                <div key={standard.id} className="mb-6 border-b border-govuk-border pb-4" data-testid={`judgement-${standard.id}`}>
                  <h3 className="mb-2 text-xl font-bold">
                    {standard.id} {standard.title} <RatingTag rating={r.rating} empty={r.isRated ? 'Not yet judged' : 'Not rated'} />
                  </h3>
                  {standard.isRatedSeparately ? <ResettlementFigures data={data} isRated={r.isRated} /> : null}
                  {canDecide && r.isRated ? (
                    <JudgementForm
                      inspectionId={data.inspectionId}
                      standard={standard}
                      judgement={data.judgements[standard.id] ?? null}
                      onChange={setData}
                    />
                  ) : data.judgements[standard.id] ? (
                    <dl>
                      {standard.keyQuestions.map((q) =>
                        data.judgements[standard.id]?.evidence[q.id] ? (
                          <div key={q.id} className="mb-2">
                            <dt className="font-bold">{q.text}</dt>
                            <dd>{data.judgements[standard.id]?.evidence[q.id]}</dd>
                          </div>
                        ) : null,
                      )}
                    </dl>
                  ) : null}
                </div>
              );
            }),
        )}
      </section>

      <FieldworkProgressView data={data} />
    </div>
  );
}

function PromptRows({
  keyQuestion,
  figures,
}: {
  keyQuestion: Framework['domains'][number]['standards'][number]['keyQuestions'][number];
  figures: StandardResult['prompts'];
}) {
  return (
    <>
      <tr className="border-b-2 border-govuk-border">
        <th scope="rowgroup" colSpan={2} className="pt-3 text-left">
          {keyQuestion.text}
        </th>
      </tr>
      {keyQuestion.prompts.map((p, i) => (
        <tr key={p.id} className="border-b border-govuk-light-grey">
          <th scope="row" className="py-1 pr-3 text-left font-normal">
            {String.fromCharCode(97 + i)}) {p.text}
          </th>
          <td className="py-1 text-right" data-testid={`prompt-pct-${p.id}`}>
            {pctText(figures[p.id]?.pct)}
          </td>
        </tr>
      ))}
    </>
  );
}

function ResettlementFigures({ data, isRated }: { data: PanelData; isRated: boolean }) {
  const aspects = Object.entries(data.result.resettlementAspects);
  if (!isRated) return <p data-testid="resettlement-not-rated">Not rated: there are no resettlement cases in the sample.</p>;
  return (
    <>
      <p className="mb-2 max-w-3xl text-base" data-testid="resettlement-note">
        {CASEMARK_OWN_RESETTLEMENT_NOTE}
      </p>
      <table className="mb-4 w-full text-left text-base" data-testid="resettlement-figures">
        <caption className="mb-1 text-left font-bold">{CASEMARK_OWN_RESETTLEMENT_LABEL}</caption>
        <thead>
          <tr className="border-b-2 border-govuk-border">
            <th scope="col">Casemark’s own question</th>
            <th scope="col">Yes / relevant</th>
            <th scope="col">% yes</th>
          </tr>
        </thead>
        <tbody>
          {aspects.map(([id, f]) => (
            <tr key={id} className="border-b border-govuk-light-grey">
              <th scope="row" className="py-1 text-left font-normal">
                {id} {f.shortLabel}
              </th>
              <td>
                {f.yes} / {f.relevant}
              </td>
              <td>{pctText(f.pct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  return (
    <table className="mb-4 w-full text-left text-base">
      <caption className="mb-1 text-left font-bold">{caption}</caption>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label} className="border-b border-govuk-light-grey">
            <th scope="row" className="py-1 pr-3 font-normal">
              {label}
            </th>
            <td className="py-1 text-right">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldworkProgressView({ data }: { data: PanelData }) {
  const { progress } = data;
  const label = (map: Record<string, string>, key: string) => map[key] ?? (key === 'not_recorded' ? 'Not recorded' : key);
  return (
    <section aria-labelledby="progress-heading" className="border-t-4 border-govuk-border pt-4" data-testid="fieldwork-progress">
      <h2 id="progress-heading" className="mb-3 text-2xl font-bold">
        Fieldwork progress
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        <CountTable
          caption="Cases by status"
          rows={[
            ['Not started', progress.byStatus.not_started],
            ['In progress', progress.byStatus.in_progress],
            ['Complete', progress.byStatus.complete],
          ]}
        />
        <table className="mb-4 w-full text-left text-base">
          <caption className="mb-1 text-left font-bold">Cases by inspector</caption>
          <thead>
            <tr>
              <th scope="col">Inspector</th>
              <th scope="col" className="text-right">
                Complete / allocated
              </th>
            </tr>
          </thead>
          <tbody>
            {progress.byInspector.map((row) => (
              <tr key={row.name} className="border-b border-govuk-light-grey">
                <th scope="row" className="py-1 font-normal">
                  {row.name}
                </th>
                <td className="py-1 text-right">
                  {row.complete} / {row.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CountTable
          caption="Sample by type"
          rows={Object.entries(progress.sample.byType).map(([k, n]) => [label(CASE_TYPE_LABELS, k), n])}
        />
        <CountTable
          caption="Sample by disposal"
          rows={Object.entries(progress.sample.byDisposal).map(([k, n]) => [label(DISPOSAL_LABELS, k), n])}
        />
        <CountTable
          caption="Sample by risk of serious harm"
          rows={Object.entries(progress.sample.byRosh).map(([k, n]) => [label(LEVEL_LABELS, k), n])}
        />
        <CountTable
          caption="Sample by safety and wellbeing"
          rows={Object.entries(progress.sample.bySafetyWellbeing).map(([k, n]) => [label(LEVEL_LABELS, k), n])}
        />
        <CountTable caption="Sample by gender" rows={Object.entries(progress.sample.byGender)} />
      </div>
    </section>
  );
}
