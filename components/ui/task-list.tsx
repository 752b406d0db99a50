import Link from 'next/link';
import { Tag, type TagColour } from './tag';

export interface TaskListItem {
  id: string;
  title: string;
  href?: string;
  hint?: string;
  status: string;
  statusColour: TagColour | 'none';
}

/** GOV.UK "complete multiple tasks" task list. */
export function TaskList({ items }: { items: TaskListItem[] }) {
  return (
    <ul className="mb-8 border-t border-govuk-border" data-testid="task-list">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-govuk-border py-3">
          <div>
            {item.href ? (
              <Link href={item.href} aria-describedby={`${item.id}-status`} className="font-normal">
                {item.title}
              </Link>
            ) : (
              <span>{item.title}</span>
            )}
            {item.hint ? <p className="text-base text-govuk-secondary">{item.hint}</p> : null}
          </div>
          <div id={`${item.id}-status`}>
            {item.statusColour === 'none' ? <span>{item.status}</span> : <Tag colour={item.statusColour}>{item.status}</Tag>}
          </div>
        </li>
      ))}
    </ul>
  );
}
