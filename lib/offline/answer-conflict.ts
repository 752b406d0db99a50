/**
 * The conflict unit is the whole answer (issue 20): when a save meets someone else's newer
 * answer, every field that differs — the value, the not-applicable reason, the note — is shown
 * side by side, and "Keep mine" sends exactly what was shown as mine. Showing only the field the
 * last change touched hid the lead's "Not applicable" while "Keep mine" overwrote it unseen.
 * Pure: no React, IndexedDB or Next.
 */
import type { OutboxChange } from './replay-plan';

type AnswerValue = 'yes' | 'no' | 'na';

export interface AnswerFields {
  value: AnswerValue | null;
  naReason: string | null;
  note: string | null;
}

export type AnswerField = 'value' | 'naReason' | 'note';

/** A change to one answer (not the case details), as the outbox holds it. */
type AnswerChange = Exclude<OutboxChange, { field: 'details' }>;

const norm = (s: string | null | undefined) => (s ?? '').trim();

/** The fields in which `mine` and `theirs` differ, in the order the box lists them. */
export function differingFields(mine: AnswerFields, theirs: AnswerFields): AnswerField[] {
  const fields: AnswerField[] = [];
  if (mine.value !== theirs.value) fields.push('value');
  // A reason only means something beside "Not applicable".
  const reason = (a: AnswerFields) => (a.value === 'na' ? norm(a.naReason) : '');
  if ((mine.value === 'na' || theirs.value === 'na') && reason(mine) !== reason(theirs)) fields.push('naReason');
  if ((mine.note ?? '') !== (theirs.note ?? '')) fields.push('note');
  return fields;
}

/**
 * What "Keep mine" sends to make the server hold `mine`: one value change when the value or its
 * reason differs, one note change when the note differs (the server saves them separately, each
 * on the version the one before returned). Nothing when they already agree.
 */
export function keepMineChanges(mine: AnswerFields, theirs: AnswerFields): AnswerChange[] {
  const fields = differingFields(mine, theirs);
  const changes: AnswerChange[] = [];
  if ((fields.includes('value') || fields.includes('naReason')) && mine.value !== null) {
    changes.push(
      mine.value === 'na' ? { field: 'value', value: 'na', naReason: norm(mine.naReason) } : { field: 'value', value: mine.value },
    );
  }
  if (fields.includes('note')) changes.push({ field: 'note', note: mine.note ?? '' });
  return changes;
}

/**
 * The status line's words for the conflicts on a page, naming every one, not only the first:
 * "someone else changed 3.1.1.a, 3.1.2 and 3.2.1 (see below)".
 */
export function describeConflicts(questionIds: readonly string[]): string {
  const ids = [...questionIds];
  if (ids.length === 0) return '';
  const last = ids.pop();
  const list = ids.length ? `${ids.join(', ')} and ${last}` : last;
  return `someone else changed ${list} (see below)`;
}
