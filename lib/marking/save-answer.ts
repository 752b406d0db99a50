import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { auditInsertSql } from '@/lib/audit/write';
import { nextVersion, sqlAtVersion, sqlIsNew, sqlNextVersion } from '@/lib/db/concurrency';
import { can, explainMarkRefusal, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canAnswerQuestion, findQuestion, getFramework } from '@/lib/framework';
import { ZSaveAnswer, type TSaveAnswer } from '@/lib/validation/marking';
import { parseOrThrow } from '@/lib/validation/parse';
import { countAnswers, type QuestionCounts } from '@/lib/marking/count-answers';
import { INSPECTION_CHANNEL } from '@/lib/realtime/channel';
import { loadCaseAccess, type CaseAccess } from '@/lib/access/context';
import { caseMarkGuardSql, caseScopeUnchangedSql } from '@/lib/access/scope';
import { must } from '@/lib/must';
import { forgetAccess, recallAccess, rememberAccess } from './recent-access';
import { auditSourceOf, type SaveRoute } from './save-route';

interface SavedAnswer {
  questionId: string;
  value: 'yes' | 'no' | 'na' | null;
  naReason: string | null;
  note: string | null;
  version: number;
  updatedAt: string;
  updatedByName: string;
}

export type SaveAnswerResult =
  | {
      status: 'saved';
      answer: SavedAnswer;
      /**
       * This very change had been saved already (the same `changeId`, and nothing since): its
       * reply was lost and it was sent again. Nothing was written this time.
       */
      isRepeat: boolean;
      standardId: string | null;
      /**
       * The page's questions counted across the inspection, or null when the actor may not see
       * the ratings panel (an inspector whose lead has not let the team see it): live figures
       * are the panel's, so they are not even sent.
       */
      counts: QuestionCounts | null;
      caseStatus: string;
    }
  | { status: 'conflict'; theirs: SavedAnswer };

/** Every check that needs no lock: who may mark the case, and what may be answered on it. */
function checkChange(actor: Actor, kase: CaseAccess | null, change: TSaveAnswer, inspectionId: string | undefined) {
  if (!kase || (inspectionId !== undefined && kase.inspectionId !== inspectionId))
    throw new AppError('not_found', 'This case does not exist or you do not have access to it.');
  const refusal = explainMarkRefusal(actor, kase.scope);
  if (refusal) throw new AppError('forbidden', refusal);
  if (kase.status === 'complete') {
    throw new AppError('forbidden', 'This case is marked as complete. Ask the lead inspector to reopen it before changing it.');
  }
  const framework = getFramework(kase.framework);
  const ref = findQuestion(framework, change.questionId);
  if (!ref) throw new AppError('invalid', `There is no question ${change.questionId} in the ${framework.version} standards.`);
  if (!canAnswerQuestion(framework, kase, change.questionId)) {
    throw new AppError('invalid', `Question ${change.questionId} does not apply to this case.`);
  }
  let naReason: string | null = null;
  if (change.field === 'value') {
    naReason = change.value === 'na' ? change.naReason?.trim() || null : null;
    if (ref.kind === 'key_question' && change.value === 'na' && !naReason) {
      throw new AppError('invalid', 'Give a reason why this key question is not applicable', {
        naReason: 'Give a reason why this key question is not applicable',
      });
    }
  }
  const questionIds =
    ref.kind === 'resettlement_aspect'
      ? framework.resettlementAspects.map((a) => a.id)
      : ref.standard.keyQuestions.flatMap((kq) => [kq.id, ...kq.prompts.map((p) => p.id)]);
  return { kase, naReason, standardId: ref.kind === 'resettlement_aspect' ? null : ref.standard.id, questionIds };
}

interface WriteRow {
  guarded: number;
  is_panel_visible_to_team: boolean | null;
  is_blind_second_marker: boolean | null;
  new_case_status: string | null;
  /** The case's status as the write's lock read it. */
  case_status: string | null;
  value: SavedAnswer['value'];
  na_reason: string | null;
  note: string | null;
  version: number | null;
  updated_at: Date | null;
}

/**
 * Records one answer (judgement, prompt or resettlement aspect value, or its note) with
 * optimistic concurrency (the rule of lib/db/concurrency.ts, in its SQL form): the change is applied only if the answer is still at `baseVersion`;
 * otherwise nothing is written and the other person's answer is returned so the inspector can
 * choose. The write is ONE statement, so atomic: it locks the case, re-checks that it may still
 * be marked (the same rule as `can(actor, 'case.mark')`, as SQL: inspection in fieldwork, still
 * in the role, case still allocated; and the case not complete), applies the version
 * check, writes the answer, its audit entry (old → new) and the case's status, and NOTIFYs the
 * ratings panel (delivered on commit). Then the standard's fresh counts come from one aggregate.
 * Three round trips at most: the scope read (skipped when a save of this case by this actor read it
 * less than a minute ago: lib/marking/recent-access.ts; the write re-checks the whole rule and that
 * every input of that access is unchanged), the write, and the
 * aggregate (only for someone who may see the panel).
 *
 * A reply lost on the way back (docs/reliability.md): the change is sent again on the version it
 * was made on and would meet itself as a conflict. Each change carries the device's `changeId`,
 * kept on the answer with the version it made; a change whose id the answer holds, with nothing
 * since, is answered as saved without writing (`isRepeat`). A change that `replaces` earlier
 * waiting changes of the same field (the outbox sends only the last) is applied on top of one of
 * them the answer holds with nothing since: the answer is then the base plus the sender's own
 * changes, so there is nobody else's work to show.
 */
export async function saveAnswer(
  db: PrismaClient,
  actor: Actor & { name?: string },
  input: unknown,
  /**
   * The inspection the address names (the save route): a case of another is not found; and the
   * route the change came by — the outbox replaying it is recorded as such in the audit entry.
   */
  where: { inspectionId?: string; route?: SaveRoute } = {},
): Promise<SaveAnswerResult> {
  const change = parseOrThrow(ZSaveAnswer, input);
  const recalled = recallAccess(actor, change.caseId);
  const checked = checkChange(actor, recalled ?? (await loadCaseAccess(db, actor, change.caseId)), change, where.inspectionId);
  const { kase } = checked;
  // Remembered when read fresh only: an entry expires a minute after its read, however often used.
  if (!recalled) rememberAccess(actor, kase);

  const isValue = change.field === 'value';
  const value = isValue ? change.value : null;
  const note = isValue ? null : change.note.trim() === '' ? null : change.note;
  const naReason = checked.naReason;
  // `can(actor, 'case.mark')` again at write time, from the same rule (lib/access/scope.ts): the
  // inspection still in fieldwork, the actor still in the role checked, the case still theirs, and
  // not their blind second marking; and every input of the access as it was read (issue 21).
  const mayMark = caseMarkGuardSql(actor, kase.scope);
  const unchanged = caseScopeUnchangedSql(actor.id, kase.scope);
  const newValue = { ...(isValue ? { value, naReason } : { note }), ...auditSourceOf(where.route) };
  const changeId = change.changeId ?? null;
  const replaces = change.replaces ?? [];

  const rows = await db.$queryRaw<WriteRow[]>`
    WITH guard AS (
      SELECT c.id, c.inspection_id, c.status, i.is_panel_visible_to_team,
             EXISTS (SELECT 1 FROM second_markings sm WHERE sm.inspection_id = c.inspection_id
                     AND sm.marker_id = ${actor.id}::uuid AND sm.submitted_at IS NULL) AS is_blind_second_marker
      FROM cases c JOIN inspections i ON i.id = c.inspection_id
      WHERE c.id = ${kase.id}::uuid AND c.status <> 'complete' AND ${mayMark} AND ${unchanged}
        -- Unchanged since the checks: what may be answered depends on type and disposal.
        AND c.type = ${kase.type}::case_type AND c.disposal = ${kase.disposal}::disposal
      FOR UPDATE OF c FOR SHARE OF i
    ),
    prev AS (
      SELECT a.value, a.na_reason, a.note FROM answers a
      WHERE a.case_id = ${kase.id}::uuid AND a.question_id = ${change.questionId}
    ),
    upd AS (
      UPDATE answers a
      SET value = CASE WHEN ${isValue} THEN ${value}::answer_value ELSE a.value END,
          na_reason = CASE WHEN ${isValue} THEN ${naReason}::text ELSE a.na_reason END,
          note = CASE WHEN ${isValue} THEN a.note ELSE ${note}::text END,
          version = ${sqlNextVersion(Prisma.sql`a.version`)}, updated_by_id = ${actor.id}::uuid, updated_at = now(),
          last_change_id = ${changeId}::uuid, last_change_version = ${sqlNextVersion(Prisma.sql`a.version`)}
      -- Re-evaluated on the latest row if another save committed meanwhile: no lost update.
      WHERE a.case_id = ${kase.id}::uuid AND a.question_id = ${change.questionId}
        AND (${sqlAtVersion(Prisma.sql`a.version`, change.baseVersion)}
             -- Or on top of the sender's own earlier change of this field, with nothing since.
             OR (a.last_change_version = a.version AND a.last_change_id = ANY(${replaces}::uuid[])
                 AND a.updated_by_id = ${actor.id}::uuid))
        AND EXISTS (SELECT 1 FROM guard)
      RETURNING a.value, a.na_reason, a.note, a.version, a.updated_at
    ),
    ins AS (
      INSERT INTO answers (id, case_id, inspection_id, question_id, value, na_reason, note, updated_by_id, updated_at,
                           last_change_id, last_change_version)
      SELECT gen_random_uuid(), g.id, g.inspection_id, ${change.questionId}, ${value}::answer_value, ${naReason}::text,
             ${note}::text, ${actor.id}::uuid, now(), ${changeId}::uuid, ${nextVersion(0)}
      FROM guard g
      WHERE ${sqlIsNew(change.baseVersion)} AND NOT EXISTS (SELECT 1 FROM prev)
      ON CONFLICT (case_id, question_id) DO NOTHING
      RETURNING value, na_reason, note, version, updated_at
    ),
    saved AS (SELECT * FROM upd UNION ALL SELECT * FROM ins),
    audit AS (
      ${auditInsertSql({
        actorId: actor.id,
        inspectionId: Prisma.sql`g.inspection_id`,
        action: isValue ? 'answer.value' : 'answer.note',
        entityId: `${kase.id}:${change.questionId}`,
        oldValue: Prisma.sql`SELECT CASE WHEN ${isValue} THEN jsonb_build_object('value', p.value, 'naReason', p.na_reason)
                                         ELSE jsonb_build_object('note', p.note) END FROM prev p`,
        newValue: Prisma.sql`${JSON.stringify(newValue)}::jsonb`,
        from: Prisma.sql`FROM guard g WHERE EXISTS (SELECT 1 FROM saved)`,
      })}
      RETURNING id
    ),
    case_status AS (
      -- The case's version guards its details form only: marking does not bump it.
      UPDATE cases c SET status = 'in_progress', updated_at = now()
      FROM guard g
      WHERE c.id = g.id AND g.status = 'not_started' AND ${isValue} AND EXISTS (SELECT 1 FROM saved)
      RETURNING c.status
    ),
    notified AS (
      SELECT pg_notify(${INSPECTION_CHANNEL}, g.inspection_id::text) AS sent
      FROM guard g WHERE ${isValue} AND EXISTS (SELECT 1 FROM saved)
    )
    SELECT (SELECT count(*)::int FROM guard) AS guarded,
           (SELECT is_panel_visible_to_team FROM guard) AS is_panel_visible_to_team,
           (SELECT is_blind_second_marker FROM guard) AS is_blind_second_marker,
           (SELECT count(*) FROM audit) + (SELECT count(*) FROM notified) AS side_effects,
           (SELECT status::text FROM case_status) AS new_case_status,
           (SELECT status::text FROM guard) AS case_status,
           s.value, s.na_reason, s.note, s.version, s.updated_at
    FROM (SELECT 1) AS one LEFT JOIN saved s ON true`;
  const row = must(rows[0], 'the one row of the save statement'); // SELECT … FROM (SELECT 1) always returns one

  if (row.guarded === 0) {
    forgetAccess(actor, kase.id);
    // Access remembered from an earlier save may be out of date (a role changed, say): this save
    // is decided again on access read now, and nothing was written.
    if (recalled) return saveAnswer(db, actor, input, where);
    // Something changed since the checks (the case was completed or reallocated, the
    // inspection left fieldwork): check again to say exactly what.
    checkChange(actor, await loadCaseAccess(db, actor, change.caseId), change, where.inspectionId);
    throw new AppError('conflict', 'This case changed while you were saving. Reload the page and try again.');
  }
  let answer: SavedAnswer;
  let isRepeat = false;
  if (row.version === null) {
    const current = await db.answer.findUnique({
      where: { caseId_questionId: { caseId: kase.id, questionId: change.questionId } },
      select: {
        value: true,
        naReason: true,
        note: true,
        version: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
        updatedById: true,
        lastChangeId: true,
        lastChangeVersion: true,
      },
    });
    answer = {
      questionId: change.questionId,
      value: current?.value ?? null,
      naReason: current?.naReason ?? null,
      note: current?.note ?? null,
      version: current?.version ?? 0,
      updatedAt: (current?.updatedAt ?? new Date(0)).toISOString(),
      updatedByName: current?.updatedBy.name ?? '',
    };
    // This change again (its reply was lost), by the same person, with nothing since: saved already.
    isRepeat =
      changeId !== null &&
      current?.lastChangeId === changeId &&
      current.lastChangeVersion === current.version &&
      current.updatedById === actor.id;
    if (!isRepeat) return { status: 'conflict', theirs: answer };
  } else {
    answer = {
      questionId: change.questionId,
      value: row.value,
      naReason: row.na_reason,
      note: row.note,
      version: row.version,
      updatedAt: (row.updated_at ?? new Date()).toISOString(),
      updatedByName: actor.name ?? '',
    };
  }

  // Inspection-wide figures belong to the ratings panel: an inspector watching a key question sit
  // on a band boundary while marking would be nudged, so they follow the lead's choice to let
  // the team see the panel (read with the lock, as it stood when the answer was written). Blind
  // second marking too is read by the write, never taken from a remembered access (issue 21).
  const scope = {
    ...kase.scope,
    isPanelVisibleToTeam: row.is_panel_visible_to_team === true,
    isBlindSecondMarker: row.is_blind_second_marker !== false,
  };
  const counts = can(actor, 'panel.view', { inspection: scope }) ? await countAnswers(db, { ...kase, scope }, checked.questionIds) : null;
  return {
    status: 'saved',
    standardId: checked.standardId,
    counts,
    caseStatus: row.new_case_status ?? row.case_status ?? kase.status,
    answer,
    isRepeat,
  };
}
