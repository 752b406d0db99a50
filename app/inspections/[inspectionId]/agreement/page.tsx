import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { ANSWER_LABELS } from '@/lib/format/labels';
import { getFramework, listCaseMarkedStandards } from '@/lib/framework';
import { can } from '@/lib/auth/permissions';
import { loadAgreement } from '@/lib/quality/second-marking-views';
import { AgreementCells, AgreementHeadings, CrossTableView } from '@/components/quality/agreement-figures';
import { STRENGTH_WORDS } from '@/lib/quality/agreement';
import { Tag } from '@/components/ui/tag';

export const metadata: Metadata = { title: 'Agreement between markings' };
export const dynamic = 'force-dynamic';

/**
 * Agreement between the first and the blind second marking (issue 13): per standard and per key
 * question, the number of double-marked cases, percentage agreement and Cohen's kappa with its
 * words and a plain warning when the numbers are too few, then every disagreement, each linking
 * to the side-by-side reconciliation.
 */
export default async function AgreementPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/agreement`);
  const inspection = await requireInspection(user, inspectionId, 'agreement.view');
  const framework = getFramework(inspection.framework);
  const agreement = await loadAgreement(inspection);
  const base = `/inspections/${inspectionId}`;
  const standards = listCaseMarkedStandards(framework).filter((s) => agreement.byStandard.has(s.id));
  const canExport = can(user, 'export.download', { inspection: inspection.scope });

  return (
    <>
      <p className="mb-2">
        <Link href={`${base}/second-marking`}>Second marking</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-4 text-4xl font-bold">Agreement between markings</h1>
      <p className="mb-4 max-w-3xl">
        Each case picked for second marking was marked again, blind, by a second inspector. This compares their key-question judgements
        (Yes, No, Not applicable) with the first marking as it stood when the second was submitted, so reconciling a disagreement later does
        not remove it from these figures. Kappa discounts the agreement two inspectors would reach by chance (the chance agreement); its
        words are Landis and Koch’s ({STRENGTH_WORDS.join(', ')}). Each kappa comes with its standard error and 95% confidence interval:
        with few cases the interval is wide and the word can change on one answer. When one answer is very common, kappa can be low although
        the inspectors nearly always agree; Gwet’s AC1 and PABAK, beside it, do not depend on how common each answer is. Agreement on
        whether a key question applies (Yes or No against Not applicable) is shown apart from agreement on the judgement where both say it
        applies. The formulas are in docs/quality.md.
      </p>
      <p className="mb-6" data-testid="agreement-cases">
        {agreement.doubleMarkedCases === 1 ? '1 double-marked case' : `${agreement.doubleMarkedCases} double-marked cases`} submitted.
        {agreement.notCompared
          ? ` ${agreement.notCompared} key-question judgement${agreement.notCompared === 1 ? ' was' : 's were'} not compared: the first marking had none when the second was submitted.`
          : ''}
      </p>
      {canExport ? (
        <p className="mb-6">
          Download this table: <a href={`${base}/exports/agreement?format=csv`}>CSV</a> or{' '}
          <a href={`${base}/exports/agreement?format=xlsx`}>Excel workbook (XLSX)</a>
        </p>
      ) : null}

      {standards.length === 0 ? (
        <p data-testid="no-agreement">No second marking has been submitted yet: there is nothing to compare.</p>
      ) : (
        <>
          <InspectionWide agreement={agreement} />
          <div className="mb-10 overflow-x-auto">
            <table className="w-full border-collapse text-left" data-testid="agreement-pairs">
              <caption className="mb-2 text-left text-xl font-bold">Agreement by inspector pair</caption>
              <thead>
                <tr className="border-b-2 border-govuk-border">
                  <th scope="col" className="py-2 pr-4">
                    First inspector and second inspector
                  </th>
                  <AgreementHeadings />
                </tr>
              </thead>
              <tbody>
                {agreement.byInspectorPair.map((p) => (
                  <tr
                    key={`${p.firstInspector}:${p.secondInspector}`}
                    className="border-b border-govuk-border"
                    data-testid="agreement-pair"
                  >
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {p.firstInspector} and {p.secondInspector}
                    </th>
                    <AgreementCells group={p.agreement} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {standards.length === 0 ? null : (
        <div className="mb-10 overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="agreement-table">
            <caption className="mb-2 text-left text-xl font-bold">Agreement per standard and key question</caption>
            <thead>
              <tr className="border-b-2 border-govuk-border">
                <th scope="col" className="py-2 pr-4">
                  Standard or key question
                </th>
                <AgreementHeadings />
              </tr>
            </thead>
            {standards.map((s) => (
              <tbody key={s.id}>
                <tr className="border-b border-govuk-border bg-govuk-light-grey" data-testid="agreement-standard" data-standard={s.id}>
                  <th scope="row" className="py-2 pr-4">
                    {s.id} {s.title} (all its key questions)
                  </th>
                  <AgreementCells group={agreement.byStandard.get(s.id)!} />
                </tr>
                {s.keyQuestions
                  .filter((kq) => agreement.byQuestion.has(kq.id))
                  .map((kq) => (
                    <tr key={kq.id} className="border-b border-govuk-border" data-testid="agreement-question" data-question={kq.id}>
                      <th scope="row" className="py-2 pr-4 pl-4 font-normal">
                        {kq.id} {kq.shortLabel}
                      </th>
                      <AgreementCells group={agreement.byQuestion.get(kq.id)!} />
                    </tr>
                  ))}
              </tbody>
            ))}
          </table>
        </div>
      )}

      <h2 className="mb-4 text-2xl font-bold">Disagreements</h2>
      {agreement.disagreements.length === 0 ? (
        <p data-testid="no-disagreements">None.</p>
      ) : (
        <ul className="mb-8 list-none" data-testid="disagreements">
          {agreement.disagreements.map((d) => (
            <li key={`${d.caseId}:${d.questionId}`} className="border-b border-govuk-border py-3" data-testid="disagreement">
              <Link href={`${base}/second-marking/${d.secondMarkingId}#kq-${d.questionId.replace(/\./g, '-')}`}>
                Case {d.reference}, {d.questionId}
              </Link>
              : first marking {ANSWER_LABELS[d.first]}, second marking {ANSWER_LABELS[d.second]}{' '}
              <Tag colour={d.isReconciled ? 'green' : 'orange'}>{d.isReconciled ? 'Reconciled' : 'Not yet reconciled'}</Tag>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The whole inspection in one figure, with its cross-table and the applies/judgement split in full. */
function InspectionWide({ agreement }: { agreement: Awaited<ReturnType<typeof loadAgreement>> }) {
  const { all, applicability, judgement } = agreement.overall;
  return (
    <section className="mb-10" data-testid="agreement-overall">
      <h2 className="mb-2 text-2xl font-bold">The whole inspection</h2>
      <table className="mb-4 w-full border-collapse text-left">
        <caption className="sr-only">Agreement over every key question of every double-marked case</caption>
        <thead>
          <tr className="border-b-2 border-govuk-border">
            <th scope="col" className="py-2 pr-4">
              Compared on
            </th>
            <AgreementHeadings />
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-govuk-border">
            <th scope="row" className="py-2 pr-4">
              All key questions
            </th>
            <AgreementCells group={agreement.overall} />
          </tr>
        </tbody>
      </table>
      <div className="flex flex-wrap gap-8">
        <CrossTableView table={all.crossTable} caption="Every answer: first marking by second marking" />
        <CrossTableView table={applicability.crossTable} caption="Whether it applies (Yes = applies)" />
        <CrossTableView table={judgement.crossTable} caption="The judgement, where both say it applies" />
      </div>
    </section>
  );
}
