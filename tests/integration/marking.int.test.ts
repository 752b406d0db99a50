import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAnswer } from '../../lib/marking/save-answer';
import { completeCase, reopenCase, saveCaseDetails } from '../../lib/marking/case-status';
import { AppError } from '../../lib/errors';
import { INSPECTION_CHANNEL } from '../../lib/realtime/channel';
import { getFramework, listKeyQuestionsForCase } from '../../lib/framework';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';
import { at } from '@/lib/must';

let prisma: PrismaClient;
let url: string;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma, url } = await createMigratedDatabase('marking'));
  world = await seedWorld(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

/** Everything a refused save could have touched, to prove nothing changed. */
async function snapshot() {
  const [answers, audit, cases] = await Promise.all([
    prisma.answer.findMany({ orderBy: [{ caseId: 'asc' }, { questionId: 'asc' }] }),
    prisma.auditEntry.count(),
    prisma.case.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, version: true } }),
  ]);
  return { answers, audit, cases };
}

const expectRefused = (run: () => Promise<unknown>, code: AppError['code'], message: RegExp) =>
  expectRefusedUnchanged(snapshot, run, code, message);

const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });
/** A device's change id (ADR 0015), numbered: an id only has to be unique on the answer or case it is saved on. */
const id = (n: number) => `6f1d2c1e-8a7b-4c3d-9e0f-${String(n).padStart(12, '0')}`;

describe('saveAnswer', () => {
  it('saves a judgement with an audit entry and moves the case to in progress; inspection-wide counts stay hidden from an inspector', async () => {
    const result = await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId: '2.1.1',
      value: 'yes',
      baseVersion: 0,
    });
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.answer).toMatchObject({ value: 'yes', version: 1 });
    expect(result.standardId).toBe('2.1');
    // The lead has not let the team see the panel: the figures are not even returned.
    expect(result.counts).toBeNull();
    expect(result.caseStatus).toBe('in_progress');
    const audit = await prisma.auditEntry.findFirst({ where: { entityId: `${world.cases.court.id}:2.1.1` } });
    expect(audit).toMatchObject({
      action: 'answer.value',
      actorId: world.inspector.id,
      oldValue: null,
      newValue: { value: 'yes', naReason: null },
    });
  });

  it('refuses a stale version and returns the other answer, changing nothing', async () => {
    const first = await saveAnswer(prisma, actor(world.lead), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId: '2.1.2',
      value: 'no',
      baseVersion: 0,
    });
    expect(first.status).toBe('saved');
    const before = await snapshot();
    const second = await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId: '2.1.2',
      value: 'yes',
      baseVersion: 0,
    });
    expect(second).toMatchObject({ status: 'conflict', theirs: { value: 'no', version: 1, updatedByName: world.lead.name } });
    expect(await snapshot()).toEqual(before);
    // Keeping mine: save again on their version.
    const kept = await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId: '2.1.2',
      value: 'yes',
      baseVersion: 1,
    });
    expect(kept).toMatchObject({ status: 'saved', answer: { value: 'yes', version: 2 } });
  });

  it('lets exactly one of many simultaneous saves on the same version win', async () => {
    const w = await seedWorld(prisma);
    const attempt = (who: { id: string; isAdmin: boolean }, value: 'yes' | 'no') =>
      saveAnswer(prisma, actor(who), { field: 'value', caseId: w.cases.court.id, questionId: '2.3.1', value, baseVersion: 0 });
    const results = await Promise.all([
      attempt(w.inspector, 'yes'),
      attempt(w.lead, 'no'),
      attempt(w.lead, 'yes'),
      attempt(w.inspector, 'no'),
    ]);
    expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'conflict')).toHaveLength(3);
    const rows = await prisma.answer.findMany({ where: { caseId: w.cases.court.id, questionId: '2.3.1' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.version).toBe(1);
    expect(await prisma.auditEntry.count({ where: { entityId: `${w.cases.court.id}:2.3.1` } })).toBe(1);
  });

  it('publishes the inspection id on the NOTIFY channel when an answer is saved', async () => {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    await listener.query(`LISTEN ${INSPECTION_CHANNEL}`);
    const heard = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.payload ?? '')));
    await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.court.id,
      questionId: '2.1.3',
      value: 'no',
      baseVersion: 0,
    });
    expect(await heard).toBe(world.inspection.id);
    await listener.end();
  });

  it('saves notes without changing the value', async () => {
    const saved = await saveAnswer(prisma, actor(world.inspector), {
      field: 'note',
      caseId: world.cases.court.id,
      questionId: '2.1.1',
      note: 'Good analysis of offending behaviour.',
      baseVersion: 1,
    });
    expect(saved).toMatchObject({ status: 'saved', answer: { value: 'yes', note: 'Good analysis of offending behaviour.', version: 2 } });
  });

  describe('refuses, with a clear message and the database unchanged', () => {
    const base = () => ({
      field: 'value' as const,
      caseId: world.cases.court.id,
      questionId: '2.2.1',
      value: 'yes' as const,
      baseVersion: 0,
    });

    it('an unknown case', () =>
      expectRefused(
        () => saveAnswer(prisma, actor(world.inspector), { ...base(), caseId: '00000000-0000-4000-8000-000000000000' }),
        'not_found',
        /does not exist/,
      ));
    it('a malformed case id', () =>
      expectRefused(() => saveAnswer(prisma, actor(world.inspector), { ...base(), caseId: 'nope' }), 'invalid', /Unknown case/));
    it('an unknown question id', () =>
      expectRefused(
        () => saveAnswer(prisma, actor(world.inspector), { ...base(), questionId: '2.9.9' }),
        'invalid',
        /no question 2\.9\.9/,
      ));
    it('a malformed question id', () =>
      expectRefused(
        () => saveAnswer(prisma, actor(world.inspector), { ...base(), questionId: 'DROP TABLE' }),
        'invalid',
        /Unknown question/,
      ));
    it('a value outside yes/no/na', () =>
      expectRefused(
        () => saveAnswer(prisma, actor(world.inspector), { ...base(), value: 'maybe' }),
        'invalid',
        /Choose Yes, No or Not applicable/,
      ));
    it('not applicable on a key question without a reason', () =>
      expectRefused(() => saveAnswer(prisma, actor(world.inspector), { ...base(), value: 'na' }), 'invalid', /Give a reason/));
    it('a question that cannot apply to this case type', () =>
      expectRefused(
        () => saveAnswer(prisma, actor(world.inspector), { ...base(), questionId: '3.1.1' }),
        'invalid',
        /does not apply to this case/,
      ));
    it('3.4.2 on a youth caution (youth conditional cautions only)', () =>
      expectRefused(
        () => saveAnswer(prisma, actor(world.inspector), { ...base(), caseId: world.cases.youthCaution.id, questionId: '3.4.2' }),
        'invalid',
        /does not apply to this case/,
      ));
    it('a case allocated to another inspector', () =>
      expectRefused(
        () => saveAnswer(prisma, actor(world.inspector), { ...base(), caseId: world.cases.othersCase.id }),
        'not_found',
        /does not exist or you do not have access/,
      ));
    it('a manager (read-only)', () =>
      expectRefused(() => saveAnswer(prisma, actor(world.manager), base()), 'forbidden', /Only the case’s inspector or the lead/));
    it('someone outside the team', () =>
      expectRefused(() => saveAnswer(prisma, actor(world.outsider), base()), 'not_found', /does not exist/));
    it('a negative version', () =>
      expectRefused(() => saveAnswer(prisma, actor(world.inspector), { ...base(), baseVersion: -1 }), 'invalid', /./));
  });

  it('accepts 3.4.2 on a youth conditional caution, and lets the lead edit any case', async () => {
    const ycc = await saveAnswer(prisma, actor(world.inspector), {
      field: 'value',
      caseId: world.cases.ycc.id,
      questionId: '3.4.2',
      value: 'na',
      naReason: 'No police involvement needed',
      baseVersion: 0,
    });
    expect(ycc).toMatchObject({ status: 'saved', answer: { value: 'na', naReason: 'No police involvement needed' } });
    const lead = await saveAnswer(prisma, actor(world.lead), {
      field: 'value',
      caseId: world.cases.othersCase.id,
      questionId: '2.1.1',
      value: 'yes',
      baseVersion: 0,
    });
    expect(lead.status).toBe('saved');
  });

  it('refuses changes when the inspection is not in fieldwork', async () => {
    const other = await seedWorld(prisma, { status: 'panel' });
    await expectRefused(
      () =>
        saveAnswer(prisma, actor(other.inspector), {
          field: 'value',
          caseId: other.cases.court.id,
          questionId: '2.1.1',
          value: 'yes',
          baseVersion: 0,
        }),
      'forbidden',
      /not in fieldwork/,
    );
  });
});

describe('access remembered between saves (lib/marking/recent-access.ts)', () => {
  // Each save below first succeeds (so the actor's access to the case is remembered), then the
  // database changes behind the app's back, then the next save must be decided on the new state.
  const save = (w: Awaited<ReturnType<typeof seedWorld>>, who: { id: string; isAdmin: boolean }, baseVersion: number, value = 'no') =>
    saveAnswer(prisma, actor(who), { field: 'value', caseId: w.cases.court.id, questionId: '2.1.1', value, baseVersion });

  it('never lets a save through that the database would now refuse, and says why', async () => {
    const changes: { name: string; change: (w: Awaited<ReturnType<typeof seedWorld>>) => Promise<unknown>; message: RegExp }[] = [
      {
        name: 'reallocated',
        change: (w) => prisma.case.update({ where: { id: w.cases.court.id }, data: { inspectorId: w.otherInspector.id } }),
        message: /does not exist or you do not have access/, // an inspector does not see others' cases
      },
      {
        name: 'completed',
        change: (w) => prisma.case.update({ where: { id: w.cases.court.id }, data: { status: 'complete' } }),
        message: /marked as complete/,
      },
      {
        name: 'left fieldwork',
        change: (w) => prisma.inspection.update({ where: { id: w.inspection.id }, data: { status: 'panel' } }),
        message: /not in fieldwork/,
      },
      {
        name: 'taken off the team',
        change: (w) => prisma.inspectionMember.deleteMany({ where: { inspectionId: w.inspection.id, userId: w.inspector.id } }),
        message: /does not exist or you do not have access/,
      },
    ];
    for (const { name, change, message } of changes) {
      const w = await seedWorld(prisma);
      expect((await save(w, w.inspector, 0, 'yes')).status, name).toBe('saved');
      await change(w);
      await expect(save(w, w.inspector, 1), name).rejects.toThrow(message);
      const answer = await prisma.answer.findUniqueOrThrow({
        where: { caseId_questionId: { caseId: w.cases.court.id, questionId: '2.1.1' } },
      });
      expect(answer, name).toMatchObject({ value: 'yes', version: 1 });
    }
  });

  it('decides afresh when the role it remembered changed but the new one still may mark', async () => {
    const w = await seedWorld(prisma);
    expect((await save(w, w.inspector, 0, 'yes')).status).toBe('saved');
    // Promoted to lead: the guard no longer matches the remembered role, the save is checked again and goes through.
    await prisma.inspectionMember.updateMany({
      where: { inspectionId: w.inspection.id, role: 'lead_inspector' },
      data: { role: 'manager' },
    });
    await prisma.inspectionMember.updateMany({
      where: { inspectionId: w.inspection.id, userId: w.inspector.id },
      data: { role: 'lead_inspector' },
    });
    const result = await save(w, w.inspector, 1);
    expect(result).toMatchObject({ status: 'saved', answer: { value: 'no', version: 2 } });
  });
});

describe('completing and reopening a case', () => {
  it('lists what is missing, completes when nothing is, locks the case, and lets only the lead reopen it', async () => {
    const w = await seedWorld(prisma);
    const caseId = w.cases.youthCaution.id;
    const missing = await completeCase(prisma, actor(w.inspector), { caseId });
    expect(missing.status).toBe('missing');

    const framework = getFramework('2018');
    const kqs = listKeyQuestionsForCase(framework, { type: 'out_of_court', disposal: 'youth_caution' });
    for (const kq of kqs) {
      await saveAnswer(prisma, actor(w.inspector), { field: 'value', caseId, questionId: kq.id, value: 'yes', baseVersion: 0 });
      for (const p of kq.prompts)
        await saveAnswer(prisma, actor(w.inspector), { field: 'value', caseId, questionId: p.id, value: 'no', baseVersion: 0 });
    }
    const stillMissing = await completeCase(prisma, actor(w.inspector), { caseId });
    expect(stillMissing).toEqual({
      status: 'missing',
      missing: [
        expect.objectContaining({ id: 'agreesWithRosh' }),
        expect.objectContaining({ id: 'agreesWithSafety' }),
        expect.objectContaining({ id: 'isCaseManagerInterviewed' }),
      ],
    });
    const version = (await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version;
    await saveCaseDetails(prisma, actor(w.inspector), {
      caseId,
      baseVersion: version,
      agreesWithRosh: true,
      agreesWithSafety: false,
      isCaseManagerInterviewed: true,
    });
    expect(await completeCase(prisma, actor(w.inspector), { caseId })).toEqual({ status: 'complete' });

    await expectRefused(
      () => saveAnswer(prisma, actor(w.inspector), { field: 'value', caseId, questionId: at(kqs, 0).id, value: 'no', baseVersion: 1 }),
      'forbidden',
      /marked as complete/,
    );
    await expectRefused(() => reopenCase(prisma, actor(w.inspector), { caseId }), 'forbidden', /Only the lead inspector/);
    await reopenCase(prisma, actor(w.lead), { caseId });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('in_progress');
    expect(await prisma.auditEntry.count({ where: { entityId: caseId, action: 'case.reopen', actorId: w.lead.id } })).toBe(1);
  });

  it('refuses a stale case-details version and returns theirs', async () => {
    const w = await seedWorld(prisma);
    const caseId = w.cases.court.id;
    const saved = await saveCaseDetails(prisma, actor(w.lead), { caseId, baseVersion: 1, agreesWithRosh: false });
    expect(saved.status).toBe('saved');
    const stale = await saveCaseDetails(prisma, actor(w.inspector), { caseId, baseVersion: 1, agreesWithRosh: true });
    expect(stale).toMatchObject({ status: 'conflict', theirs: { agreesWithRosh: false } });
    // Their details never carry the ids of the change that made them.
    expect(stale.status === 'conflict' && Object.keys(stale.theirs)).not.toContain('lastChangeId');
  });

  it('knows a case-details change sent again after its reply was lost, and one that replaces it, but not anyone else’s', async () => {
    const w = await seedWorld(prisma);
    const caseId = w.cases.court.id;
    const first = { caseId, baseVersion: 1, agreesWithRosh: true, changeId: id(1) };
    expect(await saveCaseDetails(prisma, actor(w.inspector), first)).toMatchObject({
      status: 'saved',
      isRepeat: false,
      details: { version: 2 },
    });
    const before = await snapshot();
    expect(await saveCaseDetails(prisma, actor(w.inspector), first)).toMatchObject({
      status: 'saved',
      isRepeat: true,
      details: { agreesWithRosh: true, version: 2 },
    });
    expect(await snapshot()).toEqual(before);
    // The outbox's merged patch, made on version 1, replacing the change that reached the server.
    expect(
      await saveCaseDetails(prisma, actor(w.inspector), {
        caseId,
        baseVersion: 1,
        agreesWithRosh: false,
        agreesWithSafety: true,
        changeId: id(2),
        replaces: [id(1)],
      }),
    ).toMatchObject({ status: 'saved', isRepeat: false, details: { agreesWithRosh: false, agreesWithSafety: true, version: 3 } });
    // The lead changes the details: neither an old id nor one it replaced describes the case now.
    await saveCaseDetails(prisma, actor(w.lead), { caseId, baseVersion: 3, isCaseManagerInterviewed: true });
    const after = await snapshot();
    expect(
      await saveCaseDetails(prisma, actor(w.inspector), {
        caseId,
        baseVersion: 1,
        agreesWithRosh: false,
        agreesWithSafety: true,
        changeId: id(2),
      }),
    ).toMatchObject({
      status: 'conflict',
      theirs: { isCaseManagerInterviewed: true, version: 4 },
    });
    expect(
      await saveCaseDetails(prisma, actor(w.inspector), {
        caseId,
        baseVersion: 3,
        agreesWithRosh: true,
        changeId: id(3),
        replaces: [id(2)],
      }),
    ).toMatchObject({
      status: 'conflict',
    });
    expect(await snapshot()).toEqual(after);
  });

  it('applies a merged details patch sent under the id the case holds when an item of it never arrived', async () => {
    const w = await seedWorld(prisma);
    const caseId = w.cases.court.id;
    // Y1 (interviewed) was refused and stayed on the device; Y2 (agreement) reached the server unheard.
    await saveCaseDetails(prisma, actor(w.inspector), { caseId, baseVersion: 1, agreesWithRosh: true, changeId: id(12) });
    // The outbox sends Y1 + Y2 as one patch under Y2's id: Y1 is written, not dropped as a repeat.
    expect(
      await saveCaseDetails(prisma, actor(w.inspector), {
        caseId,
        baseVersion: 1,
        isCaseManagerInterviewed: true,
        agreesWithRosh: true,
        changeId: id(12),
        replaces: [id(11)],
      }),
    ).toMatchObject({ status: 'saved', isRepeat: false, details: { isCaseManagerInterviewed: true, agreesWithRosh: true, version: 3 } });
    // Someone else sending the inspector's id meets a conflict, with nothing written.
    const before = await snapshot();
    expect(
      await saveCaseDetails(prisma, actor(w.lead), {
        caseId,
        baseVersion: 1,
        agreesWithSafety: false,
        changeId: id(13),
        replaces: [id(12)],
      }),
    ).toMatchObject({
      status: 'conflict',
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the audit log', () => {
  it('is append-only in the database', async () => {
    await expect(prisma.$executeRawUnsafe('UPDATE audit_entries SET action = $1', 'tampered')).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
  });
});

describe('prompt figures', () => {
  // A prompt has its own sub-sample: Blackpool 2021 (000_c1174f08f6b47fac.txt), Annexe 2, prints
  // 2.3.3 a) at 73% (8 of 11) where 2.3.3 is seven of 10 (docs/rating-method.md, "Prompts").
  it('count a prompt answered on a case whose key question was judged not applicable', async () => {
    const w = await seedWorld(prisma);
    const save = (caseId: string, questionId: string, value: 'yes' | 'no' | 'na', naReason?: string) =>
      saveAnswer(prisma, actor(w.lead), { field: 'value', caseId, questionId, value, naReason, baseVersion: 0 });
    await save(w.cases.court.id, '2.1.3.a', 'yes');
    await save(w.cases.othersCase.id, '2.1.3.a', 'no');
    const before = await save(w.cases.othersCase.id, '2.1.3', 'yes');
    expect(before.status === 'saved' && before.counts?.['2.1.3.a']).toEqual({ yes: 1, no: 1, na: 0 });
    const after = await save(w.cases.court.id, '2.1.3', 'na', 'No factors related to the risk of harm to others');
    expect(after.status === 'saved' && after.counts?.['2.1.3.a']).toEqual({ yes: 1, no: 1, na: 0 });
    expect(after.status === 'saved' && after.counts?.['2.1.3']).toEqual({ yes: 1, no: 0, na: 1 });
  });
});

// A reply lost on the way back (docs/reliability.md): the device sends the same change again, on
// the version it was made on, with the same id.
describe('a change sent again after its reply was lost', () => {
  it('is answered as saved, writing nothing, while the answer is still as that change left it', async () => {
    const w = await seedWorld(prisma);
    const change = {
      field: 'value' as const,
      caseId: w.cases.court.id,
      questionId: '2.2.1',
      value: 'yes' as const,
      baseVersion: 0,
      changeId: id(1),
    };
    const first = await saveAnswer(prisma, actor(w.inspector), change);
    expect(first).toMatchObject({ status: 'saved', isRepeat: false, answer: { version: 1 } });
    const before = await snapshot();
    const again = await saveAnswer(prisma, actor(w.inspector), change);
    expect(again).toMatchObject({ status: 'saved', isRepeat: true, answer: { value: 'yes', version: 1 }, caseStatus: 'in_progress' });
    expect(await snapshot()).toEqual(before);
    // The note the page held back until the value was saved goes on the version the repeat gave.
    const note = await saveAnswer(prisma, actor(w.inspector), {
      field: 'note',
      caseId: w.cases.court.id,
      questionId: '2.2.1',
      note: 'Planning drew on the assessment.',
      baseVersion: 1,
      changeId: id(2),
    });
    expect(note).toMatchObject({ status: 'saved', answer: { value: 'yes', note: 'Planning drew on the assessment.', version: 2 } });
    // Once anything came after it, the same change is a conflict again: the answer moved on.
    expect(await saveAnswer(prisma, actor(w.inspector), change)).toMatchObject({ status: 'conflict', theirs: { version: 2 } });
  });

  it('is a conflict once anyone else has written the answer since, even to the same value', async () => {
    const w = await seedWorld(prisma);
    const change = {
      field: 'value' as const,
      caseId: w.cases.court.id,
      questionId: '2.2.2',
      value: 'no' as const,
      baseVersion: 0,
      changeId: id(3),
    };
    await saveAnswer(prisma, actor(w.inspector), change);
    await saveAnswer(prisma, actor(w.lead), {
      field: 'note',
      caseId: w.cases.court.id,
      questionId: '2.2.2',
      note: 'Lead: see the plan.',
      baseVersion: 1,
    });
    const before = await snapshot();
    expect(await saveAnswer(prisma, actor(w.inspector), change)).toMatchObject({
      status: 'conflict',
      theirs: { value: 'no', note: 'Lead: see the plan.', version: 2, updatedByName: w.lead.name },
    });
    expect(await snapshot()).toEqual(before);
    // Another id (another change, another device) on the stale version is a conflict as ever.
    expect(await saveAnswer(prisma, actor(w.inspector), { ...change, changeId: id(4), baseVersion: 1 })).toMatchObject({
      status: 'conflict',
    });
  });

  it('is applied on top of an earlier change of the same field it replaces, and never on top of anyone else’s', async () => {
    const w = await seedWorld(prisma);
    const base = { field: 'value' as const, caseId: w.cases.court.id, questionId: '2.2.3', baseVersion: 0 };
    // The page sent "No" and closed; the outbox later sends only the last value, "Yes", on version 0.
    await saveAnswer(prisma, actor(w.inspector), { ...base, value: 'no', changeId: id(5) });
    const replayed = await saveAnswer(prisma, actor(w.inspector), { ...base, value: 'yes', changeId: id(6), replaces: [id(5)] });
    expect(replayed).toMatchObject({ status: 'saved', isRepeat: false, answer: { value: 'yes', version: 2 } });
    const audit = await prisma.auditEntry.findMany({ where: { entityId: `${w.cases.court.id}:2.2.3` }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.newValue)).toEqual([
      { value: 'no', naReason: null },
      { value: 'yes', naReason: null },
    ]);
    // The lead writes after it: an id it replaces no longer describes the answer.
    await saveAnswer(prisma, actor(w.lead), { ...base, value: 'na', naReason: 'Planning was not needed', baseVersion: 2 });
    const before = await snapshot();
    expect(await saveAnswer(prisma, actor(w.inspector), { ...base, value: 'no', changeId: id(7), replaces: [id(6)] })).toMatchObject({
      status: 'conflict',
      theirs: { value: 'na', version: 3 },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('is never another person’s: an id counts only for whoever made the change', async () => {
    const w = await seedWorld(prisma);
    const base = { field: 'value' as const, caseId: w.cases.court.id, questionId: '2.3.2', baseVersion: 0 };
    await saveAnswer(prisma, actor(w.inspector), { ...base, value: 'yes', changeId: id(8) });
    const before = await snapshot();
    // The lead sending the inspector's id, as a repeat or as a change it replaces, meets a conflict.
    expect(await saveAnswer(prisma, actor(w.lead), { ...base, value: 'yes', changeId: id(8) })).toMatchObject({ status: 'conflict' });
    expect(await saveAnswer(prisma, actor(w.lead), { ...base, value: 'no', changeId: id(9), replaces: [id(8)] })).toMatchObject({
      status: 'conflict',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a change id that is not a UUID, changing nothing', () =>
    expectRefused(
      () =>
        saveAnswer(prisma, actor(world.inspector), {
          field: 'value',
          caseId: world.cases.court.id,
          questionId: '2.2.1',
          value: 'yes',
          baseVersion: 0,
          changeId: 'x',
        }),
      'invalid',
      /change id must be a UUID/,
    ));
});

// Live figures are the ratings panel's: an inspector sees inspection-wide figures on the marking
// pages only when the lead lets the team see the panel (lib/auth/permissions 'panel.view').
describe('inspection-wide figures returned by a save', () => {
  it('go to the lead always, and to an inspector only while the lead lets the team see the panel', async () => {
    const w = await seedWorld(prisma);
    const save = (who: { id: string; isAdmin: boolean }, questionId: string, value: 'yes' | 'no', baseVersion = 0) =>
      saveAnswer(prisma, actor(who), { field: 'value', caseId: w.cases.court.id, questionId, value, baseVersion });

    const byInspector = await save(w.inspector, '2.2.1', 'yes');
    expect(byInspector).toMatchObject({ status: 'saved', counts: null });
    const byLead = await save(w.lead, '2.2.2', 'no');
    expect(byLead).toMatchObject({ status: 'saved', counts: { '2.2.1': { yes: 1, no: 0, na: 0 }, '2.2.2': { yes: 0, no: 1, na: 0 } } });

    await prisma.inspection.update({ where: { id: w.inspection.id }, data: { isPanelVisibleToTeam: true } });
    const visible = await save(w.inspector, '2.2.3', 'yes');
    expect(visible).toMatchObject({ status: 'saved', counts: { '2.2.1': { yes: 1, no: 0, na: 0 }, '2.2.3': { yes: 1, no: 0, na: 0 } } });

    await prisma.inspection.update({ where: { id: w.inspection.id }, data: { isPanelVisibleToTeam: false } });
    const hiddenAgain = await save(w.inspector, '2.2.3', 'no', 1);
    expect(hiddenAgain).toMatchObject({ status: 'saved', counts: null });
  });
});
