import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { findQuestion, getFramework, isKeyQuestionApplicable } from '@/lib/framework';
import { ANSWER_LABELS, DISPOSAL_LABELS } from '@/lib/format/labels';
import { questionFigures } from '@/lib/rating/key-question';
import { countUnresolvedQueriesOnQuestions } from '@/lib/data/quality';

export const metadata: Metadata = { title: 'Key question cases' };

/** Drill-down: the cases behind one key question, so the panel can read those on a boundary. */
export default async function KeyQuestionCasesPage({ params }: { params: Promise<{ inspectionId: string; keyQuestionId: string }> }) {
  const { inspectionId, keyQuestionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/panel/key-questions/${keyQuestionId}`);
  // Every case with its inspector and notes: not for inspectors, even when they may see the panel.
  const inspection = await requireInspection(user, inspectionId, 'cases.viewAll');
  const framework = getFramework(inspection.framework);
  const ref = findQuestion(framework, keyQuestionId);
  if (!ref || ref.kind !== 'key_question') notFound();
  const { keyQuestion, standard } = ref;
  const promptIds = keyQuestion.prompts.map((p) => p.id);

  const cases = await prisma.case.findMany({
    where: { inspectionId, type: standard.caseType },
    orderBy: { reference: 'asc' },
    select: {
      id: true,
      reference: true,
      disposal: true,
      inspector: { select: { name: true } },
      answers: {
        where: { questionId: { in: [keyQuestion.id, ...promptIds] } },
        select: { questionId: true, value: true, note: true, naReason: true },
      },
    },
  });
  const rows = cases
    .filter((c) => isKeyQuestionApplicable(keyQuestion, { type: standard.caseType!, disposal: c.disposal }))
    .map((c) => {
      const byId = Object.fromEntries(c.answers.map((a) => [a.questionId, a]));
      return { ...c, judgement: byId[keyQuestion.id], prompts: promptIds.map((id) => byId[id]) };
    });
  // Issue 13: where a reviewer's query is still open on the answers behind this key question.
  const openQueries = await countUnresolvedQueriesOnQuestions(inspection, [keyQuestion.id, ...promptIds]);
  const openQueriesTotal = rows.reduce((n, r) => n + (openQueries.get(r.id) ?? 0), 0);
  const counts = { yes: 0, no: 0, na: 0 };
  for (const r of rows) if (r.judgement?.value) counts[r.judgement.value] += 1;
  const figures = questionFigures(counts);

  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspectionId}/panel#standard-${standard.id}`}>Back to the ratings panel</Link>
      </p>
      <span className="text-xl text-govuk-secondary">
        {standard.id} {standard.title}
      </span>
      <h1 className="mb-2 text-3xl font-bold">
        {keyQuestion.id} {keyQuestion.text}
      </h1>
      <p className="mb-6 text-lg" data-testid="drilldown-figures">
        {figures.yes} of {figures.relevant} relevant cases yes ({figures.pct === null ? 'no relevant cases' : `${figures.pct}%`});{' '}
        {figures.na} not applicable.
      </p>
      <p className="mb-6" data-testid="drilldown-queries">
        {openQueriesTotal === 0
          ? 'No queries open on these answers.'
          : `${openQueriesTotal} ${openQueriesTotal === 1 ? 'query' : 'queries'} open on these answers: the figures may still change.`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-base" data-testid="drilldown-table">
          <caption className="sr-only">Cases for key question {keyQuestion.id}, with the judgement, prompt answers and evidence</caption>
          <thead>
            <tr className="border-b-2 border-govuk-border">
              <th scope="col" className="py-2 pr-3">
                Case
              </th>
              <th scope="col" className="py-2 pr-3">
                Disposal
              </th>
              <th scope="col" className="py-2 pr-3">
                Inspector
              </th>
              <th scope="col" className="py-2 pr-3">
                Judgement
              </th>
              {keyQuestion.prompts.map((p, i) => (
                <th key={p.id} scope="col" className="py-2 pr-2" title={p.text}>
                  <abbr title={p.text}>{String.fromCharCode(97 + i)}</abbr>
                </th>
              ))}
              <th scope="col" className="py-2 pr-3">
                Evidence
              </th>
              <th scope="col" className="py-2">
                Queries open
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-govuk-border align-top">
                <th scope="row" className="py-2 pr-3">
                  <Link href={`/inspections/${inspectionId}/cases/${r.id}/standards/${standard.id}`}>{r.reference}</Link>
                </th>
                <td className="py-2 pr-3">{DISPOSAL_LABELS[r.disposal]}</td>
                <td className="py-2 pr-3">{r.inspector?.name ?? 'Not allocated'}</td>
                <td className="py-2 pr-3">
                  {r.judgement?.value ? ANSWER_LABELS[r.judgement.value] : 'Not answered'}
                  {r.judgement?.naReason ? <span className="block text-govuk-secondary">{r.judgement.naReason}</span> : null}
                </td>
                {r.prompts.map((a, i) => (
                  <td key={promptIds[i]} className="py-2 pr-2">
                    {a?.value ? (a.value === 'na' ? 'N/A' : ANSWER_LABELS[a.value]) : '–'}
                  </td>
                ))}
                <td className="py-2 pr-3">{r.judgement?.note ?? ''}</td>
                <td className="py-2">
                  {openQueries.get(r.id) ? (
                    <Link href={`/inspections/${inspectionId}/cases/${r.id}#queries`}>
                      {openQueries.get(r.id)}
                      <span className="sr-only"> open on case {r.reference}</span>
                    </Link>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
