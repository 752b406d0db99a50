import Link from 'next/link';
import { can, type Actor } from '@/lib/auth/permissions';
import type { CaseAccess } from '@/lib/access/context';
import { listQueriesForCase } from '@/lib/data/quality';
import { getFramework } from '@/lib/framework';
import { labelQueriedQuestion } from '@/lib/quality/question-label';
import { questionAnchor } from '@/lib/marking/view-types';
import { QueryThread } from './query-thread';

/**
 * The case page's queries (issue 13): every query a reviewer raised on this case, unresolved
 * first, with a reply form for the case's inspector. Reviewers get a link to the review page.
 */
export async function CaseQueries({
  user,
  inspectionId,
  kase,
}: {
  user: Actor;
  inspectionId: string;
  kase: Pick<CaseAccess, 'actor' | 'id' | 'framework' | 'scope'>;
}) {
  const base = `/inspections/${inspectionId}/cases/${kase.id}`;
  const canReview = can(user, 'case.review', { case: kase.scope });
  const canReply = can(user, 'case.answerQuery', { case: kase.scope });
  const queries = await listQueriesForCase(kase);
  const framework = getFramework(kase.framework);
  const unresolved = queries.filter((q) => q.status !== 'resolved');
  const ordered = [...unresolved, ...queries.filter((q) => q.status === 'resolved')];
  if (queries.length === 0 && !canReview) return null;
  return (
    <section id="queries" aria-labelledby="queries-heading" className="mb-8" data-testid="case-queries">
      <h2 id="queries-heading" className="mb-3 text-2xl font-bold">
        Queries on this case
      </h2>
      {canReview ? (
        <p className="mb-3">
          <Link href={`${base}/review`}>Review this case</Link>: every answer with its evidence note, and a query beside each.
        </p>
      ) : null}
      {queries.length === 0 ? (
        <p>No queries.</p>
      ) : (
        <>
          <p className="mb-3" data-testid="queries-summary">
            {unresolved.length === 0
              ? 'Every query is resolved.'
              : `${unresolved.length} ${unresolved.length === 1 ? 'query is' : 'queries are'} not yet resolved: the case cannot be marked as complete until ${unresolved.length === 1 ? 'it is' : 'they are'}.`}
          </p>
          {ordered.map((q) => {
            const { label, standardId } = labelQueriedQuestion(framework, q.questionId);
            const changeHref = standardId
              ? `${base}/standards/${standardId}#${questionAnchor(q.questionId)}`
              : `${base}#case-level-heading`;
            return <QueryThread key={q.id} query={q} label={label} changeHref={changeHref} canReply={canReply} canReview={false} />;
          })}
        </>
      )}
    </section>
  );
}
