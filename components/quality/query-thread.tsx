import Link from 'next/link';
import { Tag } from '@/components/ui/tag';
import type { AnswerSnapshot, QueryView } from '@/lib/data/quality';
import { ANSWER_LABELS } from '@/lib/format/labels';
import { QualityForm } from './quality-form';

const STATUS = {
  open: { label: 'Waiting for the inspector', colour: 'orange' },
  answered: { label: 'Waiting for the reviewer', colour: 'blue' },
  resolved: { label: 'Resolved', colour: 'green' },
} as const;

const answerWords = (a: AnswerSnapshot) =>
  a.value === null ? 'not answered' : `${ANSWER_LABELS[a.value]}${a.value === 'na' && a.naReason ? ` (${a.naReason})` : ''}`;

/** "Answer when raised: Yes"; at a reply, what changed since the query was raised. */
function answerLine(kind: string, answer: AnswerSnapshot, raised: AnswerSnapshot | null): string {
  if (kind === 'raise') return `Answer when raised: ${answerWords(answer)}.`;
  if (!raised) return `Answer at this reply: ${answerWords(answer)}.`;
  const changes: string[] = [];
  if (answer.value !== raised.value || answer.naReason !== raised.naReason) {
    changes.push(`answer changed from ${answerWords(raised)} to ${answerWords(answer)}`);
  }
  if (answer.note !== raised.note) changes.push('evidence note changed');
  return changes.length ? `In reply: ${changes.join('; ')}.` : `In reply: answer unchanged (${answerWords(answer)}).`;
}

const KIND_WORDS = { raise: 'asked', reply: 'answered', resolve: 'resolved the query', reopen: 're-opened the query' } as const;

const time = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(new Date(iso));

/**
 * One query with its whole thread, and the next step the viewer may take: the case's inspector
 * answers an open query; the reviewer resolves or re-opens.
 */
export function QueryThread({
  query,
  label,
  changeHref,
  canReply,
  canReview,
}: {
  query: QueryView;
  label: string;
  changeHref?: string;
  canReply: boolean;
  canReview: boolean;
}) {
  const status = STATUS[query.status];
  const key = query.id.slice(0, 8);
  return (
    <article
      className="mb-4 border-l-4 border-govuk-border pl-4"
      aria-label={`Query on ${label}`}
      data-testid="query-thread"
      data-status={query.status}
    >
      <p className="mb-2 flex flex-wrap items-center gap-3">
        <strong>{label}</strong>
        <Tag colour={status.colour}>{status.label}</Tag>
      </p>
      <ol className="mb-3 list-none">
        {query.messages.map((m) => (
          <li key={m.id} className="mb-2">
            <span className="text-base text-govuk-secondary">
              {m.authorName} {KIND_WORDS[m.kind]}, {time(m.at)}
            </span>
            {m.body ? <span className="block whitespace-pre-wrap">{m.body}</span> : null}
            {m.answer ? (
              <span className="block text-base" data-testid={`query-answer-${m.kind}`}>
                {answerLine(m.kind, m.answer, query.messages.find((x) => x.kind === 'raise')?.answer ?? null)}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {canReply && query.status === 'open' ? (
        <>
          {changeHref ? (
            <p className="mb-2">
              <Link href={changeHref}>
                Change the answer<span className="sr-only"> to {label}</span>
              </Link>{' '}
              (it saves as usual), then answer the query here.
            </p>
          ) : null}
          <QualityForm
            kind="reply"
            id={`reply-${key}`}
            hidden={{ queryId: query.id }}
            field={{ name: 'body', label: 'Your answer', hint: 'Say what you changed, or why the answer stands.', type: 'textarea' }}
            buttonLabel={
              <>
                Send answer<span className="sr-only"> on {label}</span>
              </>
            }
          />
        </>
      ) : null}
      {canReview && query.status !== 'resolved' ? (
        <QualityForm
          kind="resolve"
          id={`resolve-${key}`}
          hidden={{ queryId: query.id }}
          buttonVariant="secondary"
          buttonLabel={
            <>
              Resolve<span className="sr-only"> the query on {label}</span>
            </>
          }
        />
      ) : null}
      {canReview && query.status !== 'open' ? (
        <details className="mb-2">
          <summary className="cursor-pointer text-govuk-link underline">
            Re-open<span className="sr-only"> the query on {label}</span>
          </summary>
          <div className="mt-2">
            <QualityForm
              kind="reopen"
              id={`reopen-${key}`}
              hidden={{ queryId: query.id }}
              field={{ name: 'body', label: 'Why are you re-opening it?', type: 'textarea' }}
              buttonLabel={
                <>
                  Re-open query<span className="sr-only"> on {label}</span>
                </>
              }
            />
          </div>
        </details>
      ) : null}
    </article>
  );
}
