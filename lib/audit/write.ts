import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Every action the audit trail records, and the kind of record it is about. An action fixes its
 * entity, so two writes of the same action can never disagree on what they describe, and a new
 * action is a one-line addition here rather than a new hand-written insert.
 */
export const AUDIT_ACTIONS = {
  'answer.value': 'answer',
  'answer.note': 'answer',
  'case.create': 'case',
  'case.update': 'case',
  'case.delete': 'case',
  'case.details': 'case',
  'case.complete': 'case',
  'case.reopen': 'case',
  'case.allocate': 'case',
  'case.import': 'inspection',
  'case.reviewed': 'case',
  'query.raise': 'answer_query',
  'query.reply': 'answer_query',
  'query.resolve': 'answer_query',
  'query.reopen': 'answer_query',
  'quality.target': 'inspection',
  'second_marking.assign': 'second_marking',
  'second_marking.save': 'second_marking',
  'second_marking.submit': 'second_marking',
  'second_marking.reconcile': 'second_marking',
  'second_marking.withdraw': 'second_marking',
  'answer.reconcile': 'answer',
  'judgement.record': 'qualitative_judgement',
  'panel.decide': 'panel_decision',
  'panel.withdraw': 'panel_decision',
  'panel.visibility': 'inspection',
  'report.section': 'report_section',
  'report.editor': 'report_editor',
  'inspection.create': 'inspection',
  'inspection.update': 'inspection',
  'inspection.status': 'inspection',
  'inspection.import': 'inspection',
  'inspection.export': 'inspection',
  'member.add': 'inspection_member',
  'member.role': 'inspection_member',
  'member.remove': 'inspection_member',
  'sample.population.upload': 'sample',
  'sample.window.set': 'sample',
  'sample.size.set': 'sample',
  'sample.sixty_forty.set': 'sample',
  'sample.draw': 'sample',
  'sample.replace': 'sample',
  'sample.confirm': 'sample',
  'service.create': 'service',
  'service.update': 'service',
  'user.create': 'user',
  'user.admin': 'user',
  'user.password_reset': 'user',
  'user.deactivate': 'user',
  'user.reactivate': 'user',
  'retention.erase': 'inspection',
  'retention.prune': 'sign_in_records',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** A JSON value as the audit trail stores it (old → new). */
type AuditValue = Prisma.InputJsonValue;

/** One entry of the audit trail: who did what to which record, and its value before and after. */
export interface AuditEntry {
  /** Who made the change; null for the command line (`npm run user:create` before any user exists). */
  actorId: string | null;
  /** The inspection the change belongs to; null for users and services. */
  inspectionId: string | null;
  action: AuditAction;
  entityId: string;
  /** The value before the change; omitted when the record is new. */
  oldValue?: AuditValue | null;
  /** The value after the change; omitted when the record is gone. */
  newValue?: AuditValue | null;
}

/** Anything that can insert audit entries: a transaction, or the client for a one-row write. */
type AuditWriter = Pick<Prisma.TransactionClient, 'auditEntry'>;

const toRow = (entry: AuditEntry) => ({
  actorId: entry.actorId,
  inspectionId: entry.inspectionId,
  action: entry.action,
  entity: AUDIT_ACTIONS[entry.action],
  entityId: entry.entityId,
  oldValue: entry.oldValue ?? Prisma.DbNull,
  newValue: entry.newValue ?? Prisma.DbNull,
});

/**
 * Writes one audit entry. Call it inside the transaction of the change it records, so the entry
 * and the change commit together or not at all. The table is append-only: a trigger refuses
 * UPDATE and DELETE, and the app's database role may only insert and read it (lib/db/app-role.ts).
 */
export async function writeAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  await db.auditEntry.create({ data: toRow(entry), select: { id: true } });
}

/** A plain PostgreSQL client (`pg`), as the maintenance commands hold one. */
interface SqlClient {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/**
 * The same entry through a plain `pg` client, for the maintenance commands that work as the table
 * owner outside Prisma (npm run retention, lib/ops/retention.ts). Call it inside their transaction.
 */
export async function writeAuditWithClient(client: SqlClient, entry: AuditEntry): Promise<void> {
  const json = (value: AuditValue | null | undefined) => (value == null ? null : JSON.stringify(value));
  await client.query(
    `INSERT INTO audit_entries (actor_id, inspection_id, action, entity, entity_id, old_value, new_value)
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      entry.actorId,
      entry.inspectionId,
      entry.action,
      AUDIT_ACTIONS[entry.action],
      entry.entityId,
      json(entry.oldValue),
      json(entry.newValue),
    ],
  );
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at 7 columns a row. */
const AUDIT_BATCH = 5000;

/** Writes many audit entries (an import, an allocation of many cases) in as few statements as it can. */
export async function writeAudits(db: AuditWriter, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    await db.auditEntry.createMany({ data: entries.slice(i, i + AUDIT_BATCH).map(toRow) });
  }
}

/**
 * The same entry as a SQL fragment (`INSERT … SELECT … <from>`), for the one write that must stay
 * a single statement: saving an answer (lib/marking/save-answer.ts) writes the answer, its audit
 * entry and the case's status in one round trip. The columns, the entity of each action and the
 * JSON typing come from here, as for `writeAudit`; only the values are SQL expressions, read from
 * the statement's own CTEs (`from` is its `FROM … WHERE …` tail).
 */
export function auditInsertSql(entry: {
  actorId: string;
  inspectionId: Prisma.Sql;
  action: AuditAction;
  entityId: string;
  oldValue: Prisma.Sql;
  newValue: Prisma.Sql;
  from: Prisma.Sql;
}): Prisma.Sql {
  return Prisma.sql`INSERT INTO audit_entries (actor_id, inspection_id, action, entity, entity_id, old_value, new_value)
      SELECT ${entry.actorId}::uuid, ${entry.inspectionId}, ${entry.action}, ${AUDIT_ACTIONS[entry.action]}, ${entry.entityId},
             (${entry.oldValue})::jsonb, (${entry.newValue})::jsonb
      ${entry.from}`;
}
