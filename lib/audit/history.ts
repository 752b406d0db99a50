/**
 * Reading the audit trail back (issue 23): a case's history and an inspection's whole trail,
 * each entry with the case it concerns. For those who may see agreement (agreement.view: the
 * lead, quality assurers, managers and admins, and never a second inspector still blind to the
 * first marking — lib/auth/permissions.ts): the read takes the loaded access and scopes its query
 * by that rule, so anyone else gets nothing.
 */
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';
import type { AccessOnInspection } from '@/lib/access/context';
import { inspectionIdFor } from '@/lib/access/scope';
import { describeAuditRow, type DescribedAuditRow } from './describe';

interface RawRow {
  at: Date;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  old_value: unknown;
  new_value: unknown;
  case_reference: string | null;
}

/**
 * The entries of an inspection, oldest first; with `caseId`, only those about that case: the
 * case itself, its answers ("<case id>:<question id>"), its queries and its second marking.
 */
export async function loadAuditTrail(access: AccessOnInspection, options: { caseId?: string } = {}): Promise<DescribedAuditRow[]> {
  const inspectionId = inspectionIdFor(access, 'agreement.view');
  const caseFilter = options.caseId ? Prisma.sql`AND case_id = ${options.caseId}::uuid` : Prisma.empty;
  const rows = await prisma.$queryRaw<RawRow[]>`
    WITH entries AS (
      SELECT e.id, e.at, e.actor_id, e.action, e.entity, e.entity_id, e.old_value, e.new_value,
             CASE
               WHEN e.entity = 'case' THEN e.entity_id
               WHEN e.entity = 'answer' THEN split_part(e.entity_id, ':', 1)
               WHEN e.entity = 'answer_query' THEN (SELECT q.case_id::text FROM answer_queries q WHERE q.id::text = e.entity_id)
               WHEN e.entity = 'second_marking' THEN (SELECT s.case_id::text FROM second_markings s WHERE s.id::text = e.entity_id)
             END AS case_text
      FROM audit_entries e
      WHERE e.inspection_id = ${inspectionId}::uuid
    ),
    scoped AS (
      SELECT entries.*, c.id AS case_id, c.reference AS case_reference
      FROM entries
      LEFT JOIN cases c ON c.id::text = entries.case_text AND c.inspection_id = ${inspectionId}::uuid
    )
    SELECT s.at, u.name AS actor_name, s.action, s.entity, s.entity_id, s.old_value, s.new_value,
           COALESCE(s.case_reference, s.new_value->>'reference', s.old_value->>'reference') AS case_reference
    FROM scoped s
    LEFT JOIN users u ON u.id = s.actor_id
    WHERE true ${caseFilter}
    ORDER BY s.at, s.id`;
  return rows.map((r) =>
    describeAuditRow({
      at: r.at,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      oldValue: r.old_value,
      newValue: r.new_value,
      caseReference: r.case_reference,
    }),
  );
}
