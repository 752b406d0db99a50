import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllRows } from '../../lib/ops/backup';
import { applyRetention, planRetention, recordPublication, RetentionRefused } from '../../lib/ops/retention';
import { seedSoakWorld, type SoakWorld } from '../../scripts/lib/soak';
import { createMigratedDatabase } from './test-database';
import { at, must } from '@/lib/must';

// Retention (issue 24): a published inspection past its retention date loses what identifies its
// children's cases and keeps its figures; everything else is untouched; a second run does nothing.
let client: pg.Client;
let world: SoakWorld;
let otherInspectionId = '';
const TODAY = new Date('2026-12-07T09:00:00Z');
const options = { months: 12, signInDays: 90, today: TODAY };

/** The figures the report printed: every answer's judgement, panel decisions, judgements. */
async function figures() {
  const answers = await client.query(`SELECT case_id, question_id, value, version FROM answers ORDER BY case_id, question_id`);
  const decisions = await client.query(`SELECT * FROM panel_decisions ORDER BY id`);
  const judgements = await client.query(`SELECT * FROM qualitative_judgements ORDER BY id`);
  const cases = await client.query(`SELECT id, type, disposal, rosh, safety_wellbeing, status FROM cases ORDER BY id`);
  return { answers: answers.rows, decisions: decisions.rows, judgements: judgements.rows, cases: cases.rows };
}

async function rowsOf(inspectionId: string) {
  const all = await readAllRows(client);
  return [...all].map(([table, rows]) => [table, rows.filter((r) => r.includes(inspectionId))] as const);
}

beforeAll(async () => {
  const { ownerUrl } = await createMigratedDatabase('retention');
  world = await seedSoakWorld(ownerUrl, 2, 0);
  client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const [caseId, questionId] = at(at(world.accounts, 0).keys, 0).split('|');
  const lead = (await client.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [world.leadEmail])).rows[0]?.id;
  // The published inspection: notes, case details, a query thread, the service's list, audit values.
  await client.query(`UPDATE inspections SET status = 'published' WHERE id = $1`, [world.inspectionId]);
  await recordPublication(client, world.inspectionId, '2025-11-20');
  await client.query(`UPDATE answers SET note = 'Plan for J. was late (school exclusion)' WHERE case_id = $1`, [caseId]);
  await client.query(
    `UPDATE cases SET gender = 'female', sentence_date = '2025-03-01', case_manager = 'A. Worker', practice_example = 'Good work with J.' WHERE id = $1`,
    [caseId],
  );
  const query = await client.query<{ id: string }>(
    `INSERT INTO answer_queries (id, inspection_id, case_id, question_id, raised_by_id) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id`,
    [world.inspectionId, caseId, questionId, lead],
  );
  await client.query(
    `INSERT INTO answer_query_messages (id, query_id, author_id, kind, body) VALUES (gen_random_uuid(), $1, $2, 'raise', 'Is J. really Yes?')`,
    [query.rows[0]?.id, lead],
  );
  const population = await client.query<{ id: string }>(
    `INSERT INTO sample_populations (id, inspection_id, file_name, windows, uploaded_by_id) VALUES (gen_random_uuid(), $1, 'list.csv', '{}', $2) RETURNING id`,
    [world.inspectionId, lead],
  );
  await client.query(
    `INSERT INTO population_cases (id, population_id, line, reference, type, disposal, disposal_date) VALUES (gen_random_uuid(), $1, 2, 'YJ-77-ABC', 'court', 'referral_order', '2025-03-01')`,
    [population.rows[0]?.id],
  );
  await client.query(
    `INSERT INTO audit_entries (actor_id, inspection_id, action, entity, entity_id, new_value) VALUES ($1, $2, 'answer.note', 'answer', $3, '{"note":"Plan for J. was late"}'),
            ($1, $2, 'panel.decide', 'panel_decision', 'x', '{"rating":"good"}')`,
    [lead, world.inspectionId, caseId],
  );
  await client.query(
    `INSERT INTO panel_decisions (id, inspection_id, standard_id, rating, rationale, decided_by_id) VALUES (gen_random_uuid(), $1, '2.1', 'good', 'Strong planning', $2)`,
    [world.inspectionId, lead],
  );
  // An inspection still in fieldwork, with a note of its own.
  const service = await client.query<{ id: string }>(`SELECT service_id AS id FROM inspections WHERE id = $1`, [world.inspectionId]);
  otherInspectionId = must(
    (
      await client.query<{ id: string }>(
        `INSERT INTO inspections (id, service_id, framework, fieldwork_start, fieldwork_end, status, updated_at)
       VALUES (gen_random_uuid(), $1, '2021', '2026-11-16', '2026-11-27', 'fieldwork', now()) RETURNING id`,
        [service.rows[0]?.id],
      )
    ).rows[0]?.id,
    'the new inspection',
  );
  await client.query(
    `INSERT INTO cases (id, inspection_id, reference, type, disposal, gender, status, updated_at) VALUES (gen_random_uuid(), $1, 'KEEP-1', 'court', 'referral_order', 'male', 'in_progress', now())`,
    [otherInspectionId],
  );
  // Sign-in records: one old and one recent of each.
  await client.query(
    `INSERT INTO user_sessions (id, user_id, method, created_at, expires_at) VALUES
       (gen_random_uuid(), $1, 'password', '2026-05-01', '2026-05-01 10:00'), (gen_random_uuid(), $1, 'password', '2026-12-06', '2026-12-07 18:00')`,
    [lead],
  );
  await client.query(
    `INSERT INTO login_attempts (email, ip, is_success, attempted_at) VALUES ('a@b.c', '1.2.3.4', false, '2026-06-01'), ('a@b.c', '1.2.3.4', true, '2026-12-06')`,
  );
});

afterAll(async () => {
  await client?.end();
});

describe('retention', () => {
  it('lists what is due without changing anything (a dry run)', async () => {
    const before = await readAllRows(client);
    const plan = await planRetention(client, options);
    const published = plan.inspections.find((i) => i.id === world.inspectionId);
    expect(published).toMatchObject({ state: 'due', publishedOn: '2025-11-20', retainUntil: '2026-11-20' });
    expect(Object.fromEntries(must(published, 'the published inspection').toErase.map((s) => [s.what, s.count]))).toMatchObject({
      'case references': 4,
      'case details (sentence date, gender, case manager, practice example)': 1,
      'query threads': 1,
      "the service's list of cases (sampling) and replacement reasons": 1,
    });
    expect(plan.inspections.find((i) => i.id === otherInspectionId)?.state).toBe('unpublished');
    expect(plan.signIn).toEqual({ days: 90, sessions: 1, attempts: 1 });
    expect(await readAllRows(client)).toEqual(before);
  });

  it('records a publication date only for a published inspection', async () => {
    await expect(recordPublication(client, otherInspectionId, '2026-01-01')).rejects.toThrow(/not published/);
    await expect(recordPublication(client, world.inspectionId, '20 Nov 2025')).rejects.toThrow(/YYYY-MM-DD/);
    const audit = await client.query(`SELECT new_value FROM audit_entries WHERE action = 'inspection.update' AND inspection_id = $1`, [
      world.inspectionId,
    ]);
    expect(audit.rows.map((r: { new_value: unknown }) => r.new_value)).toEqual([{ publishedOn: '2025-11-20' }]);
  });

  it('refuses an unpublished inspection, and one not yet due', async () => {
    await expect(planRetention(client, { ...options, inspectionId: otherInspectionId })).rejects.toThrow(RetentionRefused);
    await expect(planRetention(client, { ...options, inspectionId: otherInspectionId })).rejects.toThrow(/not published/);
    await expect(planRetention(client, { ...options, months: 24, inspectionId: world.inspectionId })).rejects.toThrow(
      /retention date is 2027-11-20/,
    );
  });

  it('erases what identifies the children’s cases, keeps the figures, audits it, and prunes old sign-in records', async () => {
    const figuresBefore = await figures();
    const otherBefore = await rowsOf(otherInspectionId);
    const plan = await planRetention(client, { ...options, inspectionId: world.inspectionId });
    expect(await applyRetention(client, plan, { today: TODAY })).toEqual({ erased: 1 });

    const cases = await client.query(
      `SELECT reference, gender, sentence_date, case_manager, practice_example FROM cases WHERE inspection_id = $1`,
      [world.inspectionId],
    );
    expect(cases.rows.map((r: { reference: string }) => r.reference).sort()).toEqual(['erased-1', 'erased-2', 'erased-3', 'erased-4']);
    expect(
      cases.rows.every((r) => r.gender === null && r.sentence_date === null && r.case_manager === null && r.practice_example === null),
    ).toBe(true);
    const left = await client.query(
      `SELECT (SELECT count(*) FROM answers WHERE inspection_id = $1 AND note IS NOT NULL)::int AS notes,
              (SELECT count(*) FROM answer_queries WHERE inspection_id = $1)::int AS queries,
              (SELECT count(*) FROM answer_query_messages)::int AS messages,
              (SELECT count(*) FROM population_cases)::int AS listed`,
      [world.inspectionId],
    );
    expect(left.rows[0]).toEqual({ notes: 0, queries: 0, messages: 0, listed: 0 });
    const all = JSON.stringify([...(await readAllRows(client)).values()]);
    for (const identifying of ['Plan for J.', 'Good work with J.', 'Is J. really', 'YJ-77-ABC', 'S-0-0', 'A. Worker'])
      expect(all).not.toContain(identifying);

    // Kept: every judgement and version, panel decisions, judgements, case types and classifications.
    expect(await figures()).toEqual(figuresBefore);
    const audit = await client.query(`SELECT action, new_value FROM audit_entries WHERE inspection_id = $1 ORDER BY id`, [
      world.inspectionId,
    ]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'inspection.update',
      'answer.note',
      'panel.decide',
      'retention.erase',
    ]);
    expect(at(audit.rows, 1).new_value).toBeNull();
    expect(at(audit.rows, 2).new_value).toEqual({ rating: 'good' });
    expect(at(audit.rows, 3).new_value).toMatchObject({ publishedOn: '2025-11-20', retainUntil: '2026-11-20', months: 12 });
    // The inspection still in fieldwork is untouched.
    expect(await rowsOf(otherInspectionId)).toEqual(otherBefore);
    // Sign-in records: the old ones gone, the recent kept, and the pruning audited.
    const signIn = await client.query(
      `SELECT (SELECT count(*) FROM user_sessions)::int AS sessions, (SELECT count(*) FROM login_attempts WHERE email = 'a@b.c')::int AS attempts,
              (SELECT count(*) FROM audit_entries WHERE action = 'retention.prune')::int AS audited`,
    );
    expect(signIn.rows[0]).toEqual({ sessions: 1, attempts: 1, audited: 1 });
  });

  it('does nothing the second time', async () => {
    const before = await readAllRows(client);
    const plan = await planRetention(client, options);
    expect(plan.inspections.find((i) => i.id === world.inspectionId)?.state).toBe('erased');
    expect(await applyRetention(client, plan, { today: TODAY })).toEqual({ erased: 0 });
    expect(await readAllRows(client)).toEqual(before);
  });
});
