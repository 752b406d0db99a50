/**
 * The audit trail in words (issue 23): for each entry, what changed, from what, to what, and
 * through which route — marking, offline replay, import, reconciliation, second marking, quality
 * assurance, set-up. Pure: the case history page and the audit export read the same sentences.
 *
 * An answer or case-level item kept on the device and sent later by the offline outbox is
 * recorded with `source: 'outbox'` (lib/marking/save-route.ts) and reads "Offline replay": its
 * time is when it reached the server; when it was made on the device, by the device's clock, is
 * `madeOnDeviceAt` (the entry's `madeAt`), shown beside it, never instead of it.
 */
import { ANSWER_LABELS } from '@/lib/format/labels';
import { OUTBOX_SOURCE } from '@/lib/marking/save-route';

/** One audit entry as read back, with the case it concerns when it concerns one. */
export interface AuditRow {
  at: Date;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  oldValue: unknown;
  newValue: unknown;
  caseReference: string | null;
}

export interface DescribedAuditRow {
  at: Date;
  who: string;
  action: string;
  what: string;
  /** The key question or prompt, for an answer. */
  questionId: string | null;
  from: string;
  to: string;
  route: string;
  /** An offline replay's time on the device that made it (its own clock); null for everything else. */
  madeOnDeviceAt: Date | null;
  caseReference: string | null;
}

const ROUTES: Record<string, string> = {
  'answer.value': 'Marking',
  'answer.note': 'Marking',
  'answer.reconcile': 'Reconciliation',
  'case.create': 'Set-up',
  'case.update': 'Set-up',
  'case.delete': 'Set-up',
  'case.details': 'Marking',
  'case.complete': 'Marking',
  'case.reopen': 'Marking',
  'case.allocate': 'Allocation',
  'case.import': 'Import',
  'case.reviewed': 'Quality assurance',
  'query.raise': 'Quality assurance query',
  'query.reply': 'Quality assurance query',
  'query.resolve': 'Quality assurance query',
  'query.reopen': 'Quality assurance query',
  'second_marking.assign': 'Second marking',
  'second_marking.save': 'Second marking',
  'second_marking.submit': 'Second marking',
  'second_marking.reconcile': 'Reconciliation',
  'second_marking.withdraw': 'Second marking',
  'sample.confirm': 'Sampling',
};

const WHAT: Record<string, string> = {
  'answer.value': 'Answer',
  'answer.note': 'Evidence note',
  'answer.reconcile': 'Answer (agreed after second marking)',
  'case.create': 'Case created',
  'case.update': 'Case details',
  'case.delete': 'Case deleted',
  'case.details': 'Case-level items',
  'case.complete': 'Case marked complete',
  'case.reopen': 'Case reopened',
  'case.allocate': 'Inspector allocated',
  'case.reviewed': 'Case reviewed',
  'query.raise': 'Query raised',
  'query.reply': 'Query answered',
  'query.resolve': 'Query resolved',
  'query.reopen': 'Query reopened',
  'second_marking.assign': 'Second marking assigned',
  'second_marking.save': 'Second marking saved',
  'second_marking.submit': 'Second marking submitted',
  'second_marking.reconcile': 'Disagreement reconciled',
  'second_marking.withdraw': 'Second marking withdrawn',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An answer as words: "No", "Not applicable (no risk to others)"; anything else as "key: value; …". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (!isRecord(value)) return typeof value === 'string' ? value : JSON.stringify(value);
  const { value: answer, naReason, note, source: _source, madeAt: _madeAt, ...rest } = value;
  const parts: string[] = [];
  if (typeof answer === 'string' && answer in ANSWER_LABELS) {
    parts.push(`${ANSWER_LABELS[answer as keyof typeof ANSWER_LABELS]}${typeof naReason === 'string' && naReason ? ` (${naReason})` : ''}`);
  } else if (answer === null && 'naReason' in value) {
    parts.push('No answer');
  } else if (answer !== undefined) {
    parts.push(`value: ${scalar(answer)}`);
  }
  if (note !== undefined) parts.push(note === null || note === '' ? 'No note' : `Note: ${scalar(note)}`);
  for (const [key, item] of Object.entries(rest)) parts.push(`${key}: ${scalar(item)}`);
  return parts.join('; ');
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The question an answer's entry concerns: its entity id is "<case id>:<question id>". */
function questionOf(row: AuditRow): string | null {
  if (row.entity !== 'answer') return null;
  const at = row.entityId.indexOf(':');
  return at < 0 ? null : row.entityId.slice(at + 1);
}

/** The route an entry's own `source` names, when it names one. */
const SOURCE_ROUTES: Record<string, string> = { import: 'Import (interchange file)', [OUTBOX_SOURCE]: 'Offline replay' };

/** The entry's `madeAt`, when it is a time. */
function madeAtOf(value: unknown): Date | null {
  if (!isRecord(value) || typeof value.madeAt !== 'string') return null;
  const at = new Date(value.madeAt);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function describeAuditRow(row: AuditRow): DescribedAuditRow {
  const source = isRecord(row.newValue) && typeof row.newValue.source === 'string' ? row.newValue.source : null;
  return {
    at: row.at,
    who: row.actorName ?? 'Casemark (command line)',
    action: row.action,
    what: WHAT[row.action] ?? row.action,
    questionId: questionOf(row),
    from: valueText(row.oldValue),
    to: valueText(row.newValue),
    route: (source !== null && Object.hasOwn(SOURCE_ROUTES, source) ? SOURCE_ROUTES[source] : undefined) ?? ROUTES[row.action] ?? 'Set-up',
    madeOnDeviceAt: source === OUTBOX_SOURCE ? madeAtOf(row.newValue) : null,
    caseReference: row.caseReference,
  };
}
