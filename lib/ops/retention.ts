/**
 * Retention (issue 24, docs/deployment.md "Retention"): a published inspection's children's case
 * data is kept until CASEMARK_RETENTION_MONTHS after publication, then erased by
 * `npm run retention -- --apply` — everything that identifies a child's case — while the figures
 * the report printed stay: answers' judgements (so the key-question and prompt percentages and the
 * ratings recompute as published), panel decisions, qualitative judgements, the case types and
 * classifications the tables break down by, and the report draft. Sign-in records are pruned on
 * their own, shorter schedule. Runs as the tables' owner (it redacts the append-only audit trail).
 */
import type pg from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AUDIT_ACTIONS, writeAuditWithClient } from '@/lib/audit/write';

/**
 * 12 months after publication: long enough for a complaint about the report, a factual-accuracy
 * challenge or a re-inspection's comparison to go back to the cases; the figures the next
 * inspection compares with are kept anyway. The data protection officer sets it for their own
 * inspectorate (docs/deployment.md).
 */
export const DEFAULT_RETENTION_MONTHS = 12;
/** Sign-in records: a quarter, enough to look into a suspected break-in; throttling needs only minutes. */
export const DEFAULT_SIGN_IN_RECORD_DAYS = 90;

/** The day `months` after `publishedOn` (the last day of a shorter month: 31 Jan + 1 → 28/29 Feb). */
export function retentionDate(publishedOn: Date, months: number): Date {
  const y = publishedOn.getUTCFullYear();
  const m = publishedOn.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(publishedOn.getUTCDate(), lastDay)));
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * What identifies a child's case, table by table — each step counts what it would erase ($1 is
 * the inspection's id) and erases it. Kept, on purpose: answers.value, cases' type, disposal,
 * classifications and status, panel decisions, qualitative judgements, reviews, the report draft.
 * A new table holding case data adds its step here (and to docs/deployment.md "Retention").
 */
const ERASURE: readonly { what: string; count: string; erase: string[] }[] = [
  {
    what: 'case references',
    count: `SELECT count(*)::int AS n FROM cases WHERE inspection_id = $1 AND reference NOT LIKE 'erased-%'`,
    // Two steps, so a renumbered reference never meets one not yet renumbered.
    erase: [
      `UPDATE cases SET reference = 'erasing-' || replace(id::text, '-', '') WHERE inspection_id = $1`,
      `UPDATE cases c SET reference = 'erased-' || n.n FROM (
         SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM cases WHERE inspection_id = $1) n
       WHERE c.id = n.id`,
    ],
  },
  {
    what: 'case details (sentence date, gender, case manager, practice example)',
    count: `SELECT count(*)::int AS n FROM cases WHERE inspection_id = $1
              AND (sentence_date IS NOT NULL OR gender IS NOT NULL OR case_manager IS NOT NULL OR practice_example IS NOT NULL)`,
    erase: [
      `UPDATE cases SET sentence_date = NULL, gender = NULL, case_manager = NULL, practice_example = NULL, updated_at = now()
        WHERE inspection_id = $1`,
    ],
  },
  {
    what: 'evidence notes and not-applicable reasons',
    count: `SELECT count(*)::int AS n FROM answers WHERE inspection_id = $1 AND (note IS NOT NULL OR na_reason IS NOT NULL)`,
    erase: [`UPDATE answers SET note = NULL, na_reason = NULL WHERE inspection_id = $1 AND (note IS NOT NULL OR na_reason IS NOT NULL)`],
  },
  {
    what: 'query threads',
    count: `SELECT count(*)::int AS n FROM answer_queries WHERE inspection_id = $1`,
    erase: [`DELETE FROM answer_queries WHERE inspection_id = $1`], // their messages go with them (ON DELETE CASCADE)
  },
  {
    what: 'second-marking notes and reasons',
    count: `SELECT (SELECT count(*) FROM second_marking_answers a JOIN second_markings s ON s.id = a.second_marking_id
                      WHERE s.inspection_id = $1 AND (a.note IS NOT NULL OR a.na_reason IS NOT NULL OR a.first_na_reason IS NOT NULL))::int
                 + (SELECT count(*) FROM second_marking_reconciliations r JOIN second_markings s ON s.id = r.second_marking_id
                      WHERE s.inspection_id = $1 AND r.reason <> '(erased)')::int AS n`,
    erase: [
      `UPDATE second_marking_answers a SET note = NULL, na_reason = NULL, first_na_reason = NULL
         FROM second_markings s WHERE s.id = a.second_marking_id AND s.inspection_id = $1`,
      `UPDATE second_marking_reconciliations r SET reason = '(erased)', na_reason = NULL
         FROM second_markings s WHERE s.id = r.second_marking_id AND s.inspection_id = $1`,
    ],
  },
  {
    what: "the service's list of cases (sampling) and replacement reasons",
    count: `SELECT count(*)::int AS n FROM population_cases p JOIN sample_populations s ON s.id = p.population_id WHERE s.inspection_id = $1`,
    erase: [`DELETE FROM population_cases p USING sample_populations s WHERE s.id = p.population_id AND s.inspection_id = $1`],
  },
  {
    what: 'values in the audit trail of answers, cases, queries, second markings and the sample',
    count: `SELECT count(*)::int AS n FROM audit_entries WHERE inspection_id = $1 AND ${auditCaseActions()}
              AND (old_value IS NOT NULL OR new_value IS NOT NULL)`,
    // The trail stays (who did what, when, to which record id); only the values, which held notes
    // and references, go. The append-only trigger is lifted for this statement alone, in this transaction.
    erase: [
      `ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`,
      `UPDATE audit_entries SET old_value = NULL, new_value = NULL WHERE inspection_id = $1 AND ${auditCaseActions()}
         AND (old_value IS NOT NULL OR new_value IS NOT NULL)`,
      `ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only`,
    ],
  },
];

function auditCaseActions(): string {
  const actions = Object.keys(AUDIT_ACTIONS).filter((a) => /^(answer|case|query|second_marking|sample)\./.test(a));
  return `action IN (${actions.map((a) => `'${a}'`).join(', ')})`;
}

interface InspectionRetention {
  id: string;
  service: string;
  status: string;
  publishedOn: string | null;
  retainUntil: string | null;
  erasedAt: string | null;
  /** 'due' (erased by --apply), 'kept' (date not reached), 'erased' (done), 'unpublished', 'no-date' (published, date unknown). */
  state: 'due' | 'kept' | 'erased' | 'unpublished' | 'no-date';
  /** For a due inspection: what --apply erases, by step. */
  toErase: { what: string; count: number }[];
}

interface RetentionPlan {
  months: number;
  today: string;
  inspections: InspectionRetention[];
  signIn: { days: number; sessions: number; attempts: number };
}

export class RetentionRefused extends Error {}

/** What retention would do today (a dry run changes nothing). `inspectionId` limits it to one, refusing one that is not due. */
export async function planRetention(
  client: pg.Client,
  options: { months: number; signInDays: number; today: Date; inspectionId?: string },
): Promise<RetentionPlan> {
  const { rows } = await client.query<{
    id: string;
    service: string;
    status: string;
    published_on: string | null;
    case_data_erased_at: Date | null;
  }>(
    `SELECT i.id, s.name AS service, i.status::text AS status, i.published_on::text AS published_on, i.case_data_erased_at
       FROM inspections i JOIN services s ON s.id = i.service_id
      WHERE $1::uuid IS NULL OR i.id = $1::uuid
      ORDER BY i.published_on NULLS LAST, s.name`,
    [options.inspectionId ?? null],
  );
  if (options.inspectionId && rows.length === 0) throw new RetentionRefused(`No inspection ${options.inspectionId}.`);
  const today = isoDay(options.today);
  const inspections: InspectionRetention[] = [];
  for (const row of rows) {
    const publishedOn = row.published_on;
    const retainUntil = publishedOn ? isoDay(retentionDate(new Date(`${publishedOn}T00:00:00Z`), options.months)) : null;
    const state: InspectionRetention['state'] = row.case_data_erased_at
      ? 'erased'
      : row.status !== 'published'
        ? 'unpublished'
        : !retainUntil
          ? 'no-date'
          : retainUntil <= today
            ? 'due'
            : 'kept';
    const toErase: InspectionRetention['toErase'] = [];
    if (state === 'due') {
      for (const step of ERASURE)
        toErase.push({ what: step.what, count: (await client.query<{ n: number }>(step.count, [row.id])).rows[0]?.n ?? 0 });
    }
    inspections.push({
      id: row.id,
      service: row.service,
      status: row.status,
      publishedOn,
      retainUntil,
      erasedAt: row.case_data_erased_at?.toISOString() ?? null,
      state,
      toErase,
    });
  }
  const only = inspections[0];
  if (options.inspectionId && only && only.state !== 'due' && only.state !== 'erased') {
    const why = {
      unpublished: `it is not published (status ${only.status}): only a published inspection's case data is erased`,
      'no-date': 'it has no publication date: record the day the report was published first',
      kept: `its retention date is ${only.retainUntil}`,
    }[only.state];
    throw new RetentionRefused(`Refused for ${only.service} (${only.id}): ${why}.`);
  }
  const cutoff = new Date(options.today.getTime() - options.signInDays * 86_400_000);
  const sessions = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM user_sessions WHERE COALESCE(ended_at, expires_at) < $1`,
    [cutoff],
  );
  const attempts = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_attempts WHERE attempted_at < $1`, [cutoff]);
  return {
    months: options.months,
    today,
    inspections,
    signIn: { days: options.signInDays, sessions: sessions.rows[0]?.n ?? 0, attempts: attempts.rows[0]?.n ?? 0 },
  };
}

/**
 * Erases what the plan found due, one transaction per inspection, each with its audit entry and
 * its erasure time (so a second run finds nothing to do), then prunes the sign-in records.
 */
export async function applyRetention(client: pg.Client, plan: RetentionPlan, options: { today: Date }): Promise<{ erased: number }> {
  let erased = 0;
  for (const inspection of plan.inspections.filter((i) => i.state === 'due')) {
    await client.query('BEGIN');
    try {
      // Re-checked under a row lock: another run may have erased it meanwhile.
      const { rows } = await client.query(`SELECT 1 FROM inspections WHERE id = $1 AND case_data_erased_at IS NULL FOR UPDATE`, [
        inspection.id,
      ]);
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        continue;
      }
      for (const step of ERASURE) {
        for (const sql of step.erase) await client.query(sql, sql.includes('$1') ? [inspection.id] : []);
      }
      await client.query(`UPDATE inspections SET case_data_erased_at = now() WHERE id = $1`, [inspection.id]);
      await writeRetentionAudit(client, 'retention.erase', inspection.id, inspection.id, {
        publishedOn: inspection.publishedOn,
        retainUntil: inspection.retainUntil,
        months: plan.months,
        erased: Object.fromEntries(inspection.toErase.map((s) => [s.what, s.count])),
      });
      await client.query('COMMIT');
      erased += 1;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  const cutoff = new Date(options.today.getTime() - plan.signIn.days * 86_400_000);
  await client.query('BEGIN');
  try {
    const sessions = await client.query(`DELETE FROM user_sessions WHERE COALESCE(ended_at, expires_at) < $1`, [cutoff]);
    const attempts = await client.query(`DELETE FROM login_attempts WHERE attempted_at < $1`, [cutoff]);
    if ((sessions.rowCount ?? 0) + (attempts.rowCount ?? 0) > 0) {
      await writeRetentionAudit(client, 'retention.prune', null, 'sign-in-records', {
        days: plan.signIn.days,
        sessions: sessions.rowCount ?? 0,
        attempts: attempts.rowCount ?? 0,
      });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return { erased };
}

async function writeRetentionAudit(
  client: pg.Client,
  action: 'retention.erase' | 'retention.prune',
  inspectionId: string | null,
  entityId: string,
  value: Prisma.InputJsonObject,
): Promise<void> {
  await writeAuditWithClient(client, { actorId: null, inspectionId, action, entityId, newValue: value });
}

/**
 * Records the day an inspection's report was published (`npm run retention -- --published <id>
 * <YYYY-MM-DD>`), from which its retention date counts. Only for a published inspection; audited.
 */
export async function recordPublication(client: pg.Client, inspectionId: string, day: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new RetentionRefused(`The publication date must be a day as YYYY-MM-DD (got "${day}").`);
  }
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ status: string; published_on: string | null }>(
      `SELECT status::text AS status, published_on::text AS published_on FROM inspections WHERE id = $1 FOR UPDATE`,
      [inspectionId],
    );
    const row = rows[0];
    if (!row) throw new RetentionRefused(`No inspection ${inspectionId}.`);
    if (row.status !== 'published') throw new RetentionRefused(`Refused: the inspection is not published (status ${row.status}).`);
    await client.query(`UPDATE inspections SET published_on = $2, updated_at = now() WHERE id = $1`, [inspectionId, day]);
    await writeAuditWithClient(client, {
      actorId: null,
      inspectionId,
      action: 'inspection.update',
      entityId: inspectionId,
      oldValue: { publishedOn: row.published_on },
      newValue: { publishedOn: day },
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The plan as the command prints it. */
export function formatRetentionPlan(plan: RetentionPlan, isApplied: boolean): string {
  const lines = [`Retention: ${plan.months} months after publication (today ${plan.today}).`];
  for (const i of plan.inspections) {
    const head = `- ${i.service} (${i.id}): `;
    if (i.state === 'due') {
      lines.push(`${head}published ${i.publishedOn}, retained until ${i.retainUntil}: ${isApplied ? 'ERASED' : 'DUE — --apply erases'}:`);
      for (const step of i.toErase) lines.push(`    ${step.count} × ${step.what}`);
    } else if (i.state === 'erased') lines.push(`${head}case data erased ${i.erasedAt?.slice(0, 10)}`);
    else if (i.state === 'kept') lines.push(`${head}published ${i.publishedOn}, kept until ${i.retainUntil}`);
    else if (i.state === 'no-date') lines.push(`${head}published, but with no publication date: kept`);
    else lines.push(`${head}not published (${i.status}): kept`);
  }
  lines.push(
    `Sign-in records older than ${plan.signIn.days} days: ${plan.signIn.sessions} session(s), ${plan.signIn.attempts} attempt(s)${isApplied ? ' pruned' : ' — --apply prunes them'}.`,
  );
  return lines.join('\n');
}
