import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { RATING_LABELS, STATUS_LABELS } from '@/lib/format/labels';
import { allInspectionRows, fieldworkOfRow } from '@/lib/export/all-inspections';
import { serviceHistory } from '@/lib/summary/service-history';
import { loadNationalFigures } from '@/lib/summary/national';
import { nationalBasis, toSummaryRow, type SummaryRow } from '@/lib/summary/summary';

export const metadata: Metadata = { title: 'The service over time' };
export const dynamic = 'force-dynamic';

const CHANGE_WORDS = { up: '▲ up', same: 'same', down: '▼ down' } as const;
const cell = 'border-b border-govuk-border py-2 pr-3 align-top';
const head = 'border-b-2 border-govuk-text py-2 pr-3 text-left align-bottom';

/**
 * A service over time (issue 23): every inspection of this inspection's service that the user
 * may see in the summary, side by side — each standard's rating and each key question's
 * percentage with the change from the inspection before — and each key question beside the
 * national median and range of every published inspection on the same standards, whoever looks
 * (lib/summary/national.ts).
 */
export default async function ServicePage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/service`);
  const inspection = await requireInspection(user, inspectionId, 'export.download');
  const { serviceId } = await prisma.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select: { serviceId: true } });
  const ofService: SummaryRow[] = [];
  // Each inspection's fieldwork as its report gives it: the month alone where it gives only a month (issue 22).
  const fieldwork = new Map<string, string>();
  for await (const row of allInspectionRows(prisma, user, { filter: { serviceId } })) {
    ofService.push(toSummaryRow(row));
    fieldwork.set(row.id, fieldworkOfRow(row));
  }
  const national = await loadNationalFigures(prisma);
  const { inspections, standards, keyQuestions } = serviceHistory(ofService, national.keyQuestions);
  const latest = inspections.at(-1)?.framework ?? null;
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspectionId}`}>Back to the inspection</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-4 text-4xl font-bold">The service over time</h1>
      <p className="mb-6 max-w-3xl">
        Every inspection of this service you can see, oldest first, with the change from the one before. The national median and range are
        over {latest ? nationalBasis(national, latest) : 'the published inspections on the latest inspection’s standards'} in Casemark,
        whoever looks.
      </p>
      <div className="relative mb-8 overflow-x-auto" tabIndex={0} role="region" aria-label="Ratings over time, scrolls sideways">
        <table className="w-full border-collapse text-base" data-testid="service-standards">
          <caption className="mb-2 text-left text-xl font-bold">Ratings</caption>
          <thead>
            <tr>
              <th scope="col" className={head}>
                Standard
              </th>
              {inspections.map((i) => (
                <th key={i.id} scope="col" className={head}>
                  <Link href={`/inspections/${i.id}`}>{fieldwork.get(i.id) ?? i.fieldworkStart}</Link>
                  <span className="block font-normal text-govuk-secondary">
                    {i.framework} standards, {STATUS_LABELS[i.status]}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {standards.map((s) => (
              <tr key={s.id} data-testid={`service-standard-${s.id}`}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {s.id} {s.title}
                </th>
                {s.cells.map((c, index) => (
                  <td key={index} className={cell}>
                    {c === null ? (
                      <span className="text-govuk-secondary">n/a</span>
                    ) : c.rating ? (
                      <>
                        {RATING_LABELS[c.rating]}
                        {c.isProfessionalJudgement ? '*' : ''}
                        {c.change ? <span className="block text-govuk-secondary">{CHANGE_WORDS[c.change]}</span> : null}
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="relative mb-8 overflow-x-auto" tabIndex={0} role="region" aria-label="Key questions over time, scrolls sideways">
        <table className="w-full border-collapse text-base" data-testid="service-key-questions">
          <caption className="mb-2 text-left text-xl font-bold">Key questions (% yes)</caption>
          <thead>
            <tr>
              <th scope="col" className={head}>
                Key question
              </th>
              {inspections.map((i) => (
                <th key={i.id} scope="col" className={`${head} text-right`}>
                  {fieldwork.get(i.id) ?? i.fieldworkStart}
                </th>
              ))}
              <th scope="col" className={`${head} text-right`}>
                National median (range)
              </th>
            </tr>
          </thead>
          <tbody>
            {keyQuestions.map((k) => (
              <tr key={k.id} data-testid={`service-kq-${k.id}`}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {k.id} {k.text}
                </th>
                {k.cells.map((c, index) => (
                  <td key={index} className={`${cell} text-right tabular-nums`}>
                    {c === null ? (
                      <span className="text-govuk-secondary">n/a</span>
                    ) : c.pct === null ? (
                      '–'
                    ) : (
                      <>
                        {c.pct}%
                        {c.changePoints !== null ? (
                          <span className="block text-govuk-secondary">
                            {c.changePoints > 0 ? '+' : ''}
                            {c.changePoints} points
                          </span>
                        ) : null}
                      </>
                    )}
                  </td>
                ))}
                <td className={`${cell} text-right tabular-nums`}>
                  {k.national?.median != null ? `${k.national.median}% (${k.national.min}–${k.national.max}%, ${k.national.n})` : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-base">
        * Professional judgement applied by the ratings panel. “n/a”: not in that inspection’s standards. “–”: not rated.
      </p>
    </>
  );
}
