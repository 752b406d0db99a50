import Link from 'next/link';
import { findQuestion } from '@/lib/framework';
import type { Framework } from '@/lib/framework/types';

/**
 * The ratings panel's word on quality assurance (issue 13): which key questions have queries
 * still open on the cases behind them, each linking to its drill-down, so the panel knows which
 * figures may still move.
 */
export function PanelOpenQueries({
  inspectionId,
  framework,
  rows,
}: {
  inspectionId: string;
  framework: Framework;
  /** Read with the panel's figures, in its snapshot (lib/panel/load-panel.ts, loadPanelPage). */
  rows: { questionId: string; count: number }[];
}) {
  const byKeyQuestion = new Map<string, { text: string; count: number }>();
  let other = 0;
  for (const { questionId, count } of rows) {
    const ref = findQuestion(framework, questionId);
    if (ref && ref.kind !== 'resettlement_aspect') {
      const entry = byKeyQuestion.get(ref.keyQuestion.id) ?? { text: ref.keyQuestion.shortLabel, count: 0 };
      entry.count += count;
      byKeyQuestion.set(ref.keyQuestion.id, entry);
    } else other += count;
  }
  const ids = [...byKeyQuestion.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return (
    <section aria-labelledby="panel-queries-heading" className="mb-6" data-testid="panel-open-queries">
      <h2 id="panel-queries-heading" className="mb-2 text-xl font-bold">
        Queries open
      </h2>
      {ids.length === 0 && other === 0 ? (
        <p>No quality assurance queries are open.</p>
      ) : (
        <ul className="list-disc pl-6">
          {ids.map((id) => (
            <li key={id}>
              <Link href={`/inspections/${inspectionId}/panel/key-questions/${id}`}>
                {id} {byKeyQuestion.get(id)!.text}
              </Link>
              : {byKeyQuestion.get(id)!.count} open on the cases behind it
            </li>
          ))}
          {other ? <li>{other} open on case-level items or resettlement aspects</li> : null}
        </ul>
      )}
    </section>
  );
}
