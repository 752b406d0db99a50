import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/permissions';
import type { InspectionAccess } from '@/lib/access/context';
import { listCasesForUser } from '@/lib/data/cases';
import { getFramework, listStandardsForCase } from '@/lib/framework';
import { casePaths, chooseOfflineCases, type OfflineCase } from './offline-cases';

/**
 * The cases the inspection page makes available offline for the actor (issue 11): the ones
 * allocated to them — the case list's own scoping (`listCasesForUser`, "mine only") — while the
 * inspection is in fieldwork, when marking happens. A lead or an admin sees the whole sample but
 * downloads only what they mark themselves; quality assurers and managers, never allocated,
 * download nothing; at most MAX_OFFLINE_CASES, those not yet complete first. Each case carries a fingerprint of what its pages show, read in one query.
 */
export async function loadOfflineCases(
  actor: Actor,
  inspection: InspectionAccess,
): Promise<{ cases: OfflineCase[]; allocatedCount: number }> {
  if (inspection.status !== 'fieldwork') return { cases: [], allocatedCount: 0 };
  const allocated = await listCasesForUser(actor, inspection, { isMineOnly: true });
  const mine = chooseOfflineCases(allocated);
  if (mine.length === 0) return { cases: [], allocatedCount: 0 };
  const ids = mine.map((c) => c.id);
  const rows = await prisma.$queryRaw<{ id: string; fingerprint: string }[]>`
    SELECT c.id::text AS id,
           concat_ws(':', c.version, c.status, c.updated_at, i.status, i.updated_at,
             (SELECT concat_ws('.', count(*), sum(a.version), max(a.updated_at)) FROM answers a WHERE a.case_id = c.id),
             (SELECT concat_ws('.', count(*), max(q.updated_at), (SELECT count(*) FROM answer_query_messages m
                JOIN answer_queries mq ON mq.id = m.query_id WHERE mq.case_id = c.id))
                FROM answer_queries q WHERE q.case_id = c.id)) AS fingerprint
      FROM cases c JOIN inspections i ON i.id = c.inspection_id
     WHERE c.id = ANY(${ids}::uuid[]) AND c.inspection_id = ${inspection.id}::uuid AND c.inspector_id = ${actor.id}::uuid`;
  const fingerprints = new Map(rows.map((r) => [r.id, r.fingerprint]));
  const framework = getFramework(inspection.framework);
  const cases = mine.flatMap((c): OfflineCase[] => {
    const fingerprint = fingerprints.get(c.id);
    if (fingerprint === undefined) return [];
    const standardIds = c.type === 'resettlement' ? ['4.1'] : listStandardsForCase(framework, c).map((s) => s.id);
    return [
      {
        id: c.id,
        reference: c.reference,
        fingerprint: `${inspection.scope.role ?? 'admin'}:${fingerprint}`,
        paths: casePaths(inspection.id, c.id, standardIds),
      },
    ];
  });
  return { cases, allocatedCount: allocated.length };
}
