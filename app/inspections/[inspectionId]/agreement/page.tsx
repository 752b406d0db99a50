import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { ANSWER_LABELS } from '@/lib/format/labels';
import { getFramework, listCaseMarkedStandards } from '@/lib/framework';
import { can } from '@/lib/auth/permissions';
import { loadAgreement } from '@/lib/quality/second-marking-views';
import { AgreementCells } from '@/components/quality/agreement-figures';
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
  const agreement = await loadAgreement(inspectionId, inspection.framework);
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
        not remove it from these figures. Kappa discounts the agreement two inspectors would reach by chance; its words are Landis and
        Koch’s (slight, fair, moderate, substantial, almost perfect).
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
        <div className="mb-10 overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="agreement-table">
            <caption className="mb-2 text-left text-xl font-bold">Agreement per standard and key question</caption>
            <thead>
              <tr className="border-b-2 border-govuk-border">
                <th scope="col" className="py-2 pr-4">
                  Standard or key question
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Pairs compared
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Agreement
                </th>
                <th scope="col" className="py-2 pr-4">
                  Cohen’s kappa
                </th>
                <th scope="col" className="py-2">
                  Note
                </th>
              </tr>
            </thead>
            {standards.map((s) => (
              <tbody key={s.id}>
                <tr className="border-b border-govuk-border bg-govuk-light-grey" data-testid="agreement-standard" data-standard={s.id}>
                  <th scope="row" className="py-2 pr-4">
                    {s.id} {s.title} (all its key questions)
                  </th>
                  <AgreementCells stats={agreement.byStandard.get(s.id)!} />
                </tr>
                {s.keyQuestions
                  .filter((kq) => agreement.byQuestion.has(kq.id))
                  .map((kq) => (
                    <tr key={kq.id} className="border-b border-govuk-border" data-testid="agreement-question" data-question={kq.id}>
                      <th scope="row" className="py-2 pr-4 pl-4 font-normal">
                        {kq.id} {kq.shortLabel}
                      </th>
                      <AgreementCells stats={agreement.byQuestion.get(kq.id)!} />
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
