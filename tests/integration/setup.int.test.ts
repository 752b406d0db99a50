import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createInspection, setInspectionStatus, updateInspectionDetails } from '../../lib/setup/inspections';
import { listEarlierInspections } from '../../lib/setup/previous-inspection';
import { getFramework, listQuestionIdsForCase } from '../../lib/framework';
import { addMember, changeMemberRole, removeMember } from '../../lib/setup/team';
import { addCase, deleteCase, editCase } from '../../lib/setup/cases';
import { allocateCase, allocateCases, spreadUnallocatedCases } from '../../lib/setup/allocation';
import { importCases, previewCaseImport } from '../../lib/setup/import-cases';
import { saveAnswer } from '../../lib/marking/save-answer';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('setup'));
  world = await seedWorld(prisma, { status: 'set_up' });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

/** Everything a set-up action could touch, to prove a refused one changed nothing. */
async function snapshot() {
  const [inspections, members, cases, services, audit] = await Promise.all([
    prisma.inspection.findMany({ orderBy: { id: 'asc' } }),
    prisma.inspectionMember.findMany({ orderBy: [{ inspectionId: 'asc' }, { userId: 'asc' }] }),
    prisma.case.findMany({ orderBy: { id: 'asc' } }),
    prisma.service.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEntry.count(),
  ]);
  return { inspections, members, cases, services, audit };
}

const expectRefused = (run: () => Promise<unknown>, code: AppError['code'], message?: RegExp, fieldErrors?: Record<string, unknown>) =>
  expectRefusedUnchanged(snapshot, run, code, message, fieldErrors);

async function lastAudit(action: string) {
  return prisma.auditEntry.findFirst({ where: { action }, orderBy: { id: 'desc' } });
}

/** A fresh inspection in set-up, with its own team, for tests that change the sample. */
async function freshWorld(status: 'set_up' | 'fieldwork' | 'panel' | 'published' = 'set_up') {
  return seedWorld(prisma, { status, framework: 'v2021' });
}

const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day, month, year };
};

function newInspectionInput(overrides: Record<string, unknown> = {}) {
  return {
    serviceId: 'new',
    newServiceName: `Eastmoor YJS ${Math.random().toString(36).slice(2, 8)}`,
    newServiceLocalAuthority: 'Eastmoor Council',
    newServiceRegion: 'North East',
    framework: '2021',
    fieldworkStart: dateParts('2027-01-11'),
    fieldworkEnd: dateParts('2027-01-22'),
    leadEmail: world.lead.email,
    previousRatings: { '1.1': 'good', '2.1': 'requires_improvement', '2.2': '' },
    previousKeyQuestionPct: '2.1.1=77\n2.1.2=54',
    ...overrides,
  };
}

describe('createInspection', () => {
  it('lets an admin create a service and an inspection in set-up with its lead, audited', async () => {
    const input = newInspectionInput();
    const { id } = await createInspection(prisma, actor(world.admin), input);
    const inspection = await prisma.inspection.findUniqueOrThrow({ where: { id }, include: { service: true, members: true } });
    expect(inspection).toMatchObject({
      status: 'set_up',
      framework: 'v2021',
      previousRatings: { '1.1': 'good', '2.1': 'requires_improvement' },
      previousKeyQuestionPct: { '2.1.1': 77, '2.1.2': 54 },
      service: { name: input.newServiceName, localAuthority: 'Eastmoor Council', region: 'North East' },
    });
    expect(inspection.fieldworkStart.toISOString().slice(0, 10)).toBe('2027-01-11');
    expect(inspection.members).toEqual([expect.objectContaining({ userId: world.lead.id, role: 'lead_inspector' })]);
    const audits = await prisma.auditEntry.findMany({
      where: { OR: [{ inspectionId: id }, { entityId: inspection.serviceId }] },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['service.create', 'inspection.create', 'member.add']);
    expect(audits.every((a) => a.actorId === world.admin.id)).toBe(true);
  });

  it('uses an existing service, with no previous results stored as null', async () => {
    const service = await prisma.service.findFirstOrThrow();
    const { id } = await createInspection(
      prisma,
      actor(world.admin),
      newInspectionInput({ serviceId: service.id, previousRatings: {}, previousKeyQuestionPct: '' }),
    );
    const inspection = await prisma.inspection.findUniqueOrThrow({ where: { id } });
    expect(inspection.serviceId).toBe(service.id);
    expect(inspection.previousRatings).toBeNull();
  });

  it('refuses everyone who is not an admin, the lead included, changing nothing', async () => {
    for (const who of [world.lead, world.inspector, world.manager, world.outsider]) {
      await expectRefused(() => createInspection(prisma, actor(who), newInspectionInput()), 'forbidden', /Only admins/);
    }
  });

  it('refuses a stale admin flag: the account as stored decides', async () => {
    await expectRefused(() => createInspection(prisma, { id: world.lead.id, isAdmin: true }, newInspectionInput()), 'forbidden');
  });

  it('refuses bad input with field errors, changing nothing', async () => {
    await expectRefused(
      () =>
        createInspection(
          prisma,
          actor(world.admin),
          newInspectionInput({
            newServiceName: ' ',
            framework: '2019',
            fieldworkStart: { day: '31', month: '2', year: '2027' },
            fieldworkEnd: { day: '', month: '', year: '' },
            leadEmail: 'not an email',
          }),
        ),
      'invalid',
      undefined,
      {
        newServiceName: 'Enter the service’s name',
        framework: 'Choose the standards this inspection uses',
        fieldworkStart: 'Fieldwork start date must be a real date',
        fieldworkEnd: 'Enter the fieldwork end date',
        leadEmail: 'Enter an email address in the correct format, like name@example.com',
      },
    );
    await expectRefused(
      () =>
        createInspection(
          prisma,
          actor(world.admin),
          newInspectionInput({ fieldworkStart: dateParts('2027-02-01'), fieldworkEnd: dateParts('2027-01-01') }),
        ),
      'invalid',
      undefined,
      { fieldworkEnd: 'Fieldwork end date must be the same as or after the start date' },
    );
    await expectRefused(
      () => createInspection(prisma, actor(world.admin), newInspectionInput({ fieldworkStart: { day: '1', month: '', year: '2027' } })),
      'invalid',
      undefined,
      { fieldworkStart: 'Fieldwork start date must include a month' },
    );
  });

  it('refuses an unknown lead, a taken service name, a missing service and bad previous results', async () => {
    await expectRefused(
      () => createInspection(prisma, actor(world.admin), newInspectionInput({ leadEmail: 'nobody@int.example' })),
      'invalid',
      undefined,
      {
        leadEmail: expect.stringContaining('No active user has the email address nobody@int.example'),
      },
    );
    const taken = (await prisma.service.findFirstOrThrow()).name;
    await expectRefused(
      () => createInspection(prisma, actor(world.admin), newInspectionInput({ newServiceName: taken.toUpperCase() })),
      'invalid',
      undefined,
      {
        newServiceName: expect.stringContaining('already exists'),
      },
    );
    await expectRefused(
      () => createInspection(prisma, actor(world.admin), newInspectionInput({ serviceId: '00000000-0000-4000-8000-000000000000' })),
      'invalid',
      undefined,
      { serviceId: 'Choose a service' },
    );
    await expectRefused(
      () => createInspection(prisma, actor(world.admin), newInspectionInput({ previousKeyQuestionPct: '2.1.9=50' })),
      'invalid',
      undefined,
      {
        previousKeyQuestionPct: expect.stringContaining('2.1.9 is not a key question'),
      },
    );
    await expectRefused(
      () => createInspection(prisma, actor(world.admin), newInspectionInput({ framework: '2018', previousRatings: { '4.1': 'good' } })),
      'invalid',
      undefined,
      {
        previousRatings: 'There is no standard 4.1 in the 2018 standards',
      },
    );
  });
});

describe('updateInspectionDetails and setInspectionStatus', () => {
  it('lets the lead change dates and previous results, audited old → new', async () => {
    await updateInspectionDetails(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      fieldworkStart: dateParts('2026-11-17'),
      fieldworkEnd: dateParts('2026-11-21'),
      previousRatings: { '2.1': 'good' },
      previousKeyQuestionPct: '2.1.1=80',
    });
    const inspection = await prisma.inspection.findUniqueOrThrow({ where: { id: world.inspection.id } });
    expect(inspection.previousRatings).toEqual({ '2.1': 'good' });
    const audit = await lastAudit('inspection.update');
    expect(audit).toMatchObject({
      actorId: world.lead.id,
      oldValue: { fieldworkStart: '2026-11-16', fieldworkEnd: '2026-11-20', previousRatings: null },
      newValue: { fieldworkStart: '2026-11-17', previousRatings: { '2.1': 'good' }, previousKeyQuestionPct: { '2.1.1': 80 } },
    });
  });

  it('refuses inspectors and managers (forbidden) and outsiders (not found)', async () => {
    const input = { inspectionId: world.inspection.id, fieldworkStart: dateParts('2026-11-17'), fieldworkEnd: dateParts('2026-11-21') };
    await expectRefused(() => updateInspectionDetails(prisma, actor(world.inspector), input), 'forbidden');
    await expectRefused(() => updateInspectionDetails(prisma, actor(world.manager), input), 'forbidden');
    await expectRefused(() => updateInspectionDetails(prisma, actor(world.outsider), input), 'not_found');
    await expectRefused(
      () => setInspectionStatus(prisma, actor(world.inspector), { inspectionId: world.inspection.id, status: 'fieldwork' }),
      'forbidden',
    );
    await expectRefused(
      () => setInspectionStatus(prisma, actor(world.outsider), { inspectionId: world.inspection.id, status: 'fieldwork' }),
      'not_found',
    );
  });

  it('moves through the statuses one step at a time, audited, refusing jumps', async () => {
    const w = await freshWorld('set_up');
    const id = w.inspection.id;
    await expectRefused(
      () => setInspectionStatus(prisma, actor(w.lead), { inspectionId: id, status: 'published' }),
      'invalid',
      /cannot move from Set-up to Published/,
    );
    await setInspectionStatus(prisma, actor(w.lead), { inspectionId: id, status: 'fieldwork' });
    expect(await lastAudit('inspection.status')).toMatchObject({
      inspectionId: id,
      oldValue: { status: 'set_up' },
      newValue: { status: 'fieldwork' },
    });
    await setInspectionStatus(prisma, actor(w.lead), { inspectionId: id, status: 'set_up' });
    await setInspectionStatus(prisma, actor(w.lead), { inspectionId: id, status: 'fieldwork' });
    await setInspectionStatus(prisma, actor(w.lead), { inspectionId: id, status: 'panel' });
    await setInspectionStatus(prisma, actor(w.lead), { inspectionId: id, status: 'published' });
    await expectRefused(
      () => setInspectionStatus(prisma, actor(w.lead), { inspectionId: id, status: 'panel' }),
      'invalid',
      /Only an admin/,
    );
    await setInspectionStatus(prisma, actor(w.admin), { inspectionId: id, status: 'panel' });
    expect((await prisma.inspection.findUniqueOrThrow({ where: { id } })).status).toBe('panel');
  });

  it('sets the publication date on a published inspection, audited, while its other details stay as published', async () => {
    const w = await freshWorld('published');
    const id = w.inspection.id;
    const stored = await prisma.inspection.findUniqueOrThrow({ where: { id } });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const details = {
      inspectionId: id,
      fieldworkStart: dateParts(iso(stored.fieldworkStart)),
      fieldworkEnd: dateParts(iso(stored.fieldworkEnd)),
    };
    await updateInspectionDetails(prisma, actor(w.lead), { ...details, publishedOn: dateParts('2027-02-01') });
    expect((await prisma.inspection.findUniqueOrThrow({ where: { id } })).publishedOn).toEqual(new Date('2027-02-01T00:00:00Z'));
    expect(await lastAudit('inspection.update')).toMatchObject({
      actorId: w.lead.id,
      inspectionId: id,
      oldValue: { publishedOn: null },
      newValue: { publishedOn: '2027-02-01' },
    });
    await expectRefused(
      () =>
        updateInspectionDetails(prisma, actor(w.lead), {
          ...details,
          publishedOn: dateParts('2027-02-01'),
          previousRatings: { '2.1': 'good' },
        }),
      'forbidden',
      /only its publication date/,
    );
    await expectRefused(
      () => updateInspectionDetails(prisma, actor(w.lead), { ...details, publishedOn: dateParts('2020-01-01') }),
      'invalid',
      undefined,
      { publishedOn: 'Publication date must be the same as or after the fieldwork end date' },
    );
    await expectRefused(
      () => updateInspectionDetails(prisma, actor(w.manager), { ...details, publishedOn: dateParts('2027-03-01') }),
      'forbidden',
    );
    // Blank clears it.
    await updateInspectionDetails(prisma, actor(w.admin), details);
    expect((await prisma.inspection.findUniqueOrThrow({ where: { id } })).publishedOn).toBeNull();
  });

  it('links the previous inspection of the same service from Casemark’s own list, copying its figures, audited', async () => {
    const w = await freshWorld('set_up');
    const { serviceId } = w.inspection;
    /** A published (or not) inspection of a service, its 1.1 judged Good and one court case answered yes throughout. */
    const other = async (options: { serviceId: string; start: string; status: 'panel' | 'published' }) => {
      const created = await prisma.inspection.create({
        data: {
          serviceId: options.serviceId,
          framework: 'v2021',
          fieldworkStart: new Date(`${options.start}T00:00:00Z`),
          fieldworkEnd: new Date(`${options.start}T00:00:00Z`),
          status: options.status,
        },
      });
      await prisma.qualitativeJudgement.create({
        data: { inspectionId: created.id, standardId: '1.1', rating: 'good', updatedById: w.lead.id },
      });
      const kase = await prisma.case.create({
        data: { inspectionId: created.id, reference: 'P-1', type: 'court', disposal: 'referral_order' },
      });
      await prisma.answer.createMany({
        data: listQuestionIdsForCase(getFramework('2021'), { type: 'court', disposal: 'referral_order' }).map((questionId) => ({
          caseId: kase.id,
          inspectionId: created.id,
          questionId,
          value: 'yes' as const,
          updatedById: w.lead.id,
        })),
      });
      return created;
    };
    const elsewhere = await prisma.service.create({
      data: { name: `Elsewhere ${w.inspection.id}`, localAuthority: 'LA', region: 'North' },
    });
    const earlier = await other({ serviceId, start: '2024-05-01', status: 'published' });
    await other({ serviceId, start: '2025-05-01', status: 'panel' }); // not published: its ratings are provisional
    await other({ serviceId, start: '2027-05-01', status: 'published' }); // after this one
    const otherService = await other({ serviceId: elsewhere.id, start: '2024-05-01', status: 'published' });

    expect((await listEarlierInspections(prisma, w.inspection.id, '2026-11-16')).map((e) => e.id)).toEqual([earlier.id]);

    const details = {
      inspectionId: w.inspection.id,
      fieldworkStart: dateParts('2026-11-16'),
      fieldworkEnd: dateParts('2026-11-20'),
      // Typed results are for inspections before Casemark: a linked inspection's own figures replace them.
      previousRatings: { '2.1': 'inadequate' },
      previousKeyQuestionPct: '2.1.1=5',
    };
    await updateInspectionDetails(prisma, actor(w.lead), { ...details, previousInspectionId: earlier.id });
    const stored = await prisma.inspection.findUniqueOrThrow({ where: { id: w.inspection.id } });
    expect(stored.previousInspectionId).toBe(earlier.id);
    expect(stored.previousRatings).toMatchObject({ '1.1': 'good' });
    expect(stored.previousRatings).not.toHaveProperty('2.1', 'inadequate');
    expect(stored.previousKeyQuestionPct).toMatchObject({ '2.1.1': 100 });
    expect(await lastAudit('inspection.update')).toMatchObject({
      oldValue: { previousInspectionId: null },
      newValue: { previousInspectionId: earlier.id, previousRatings: { '1.1': 'good' } },
    });

    const refusal = 'Choose a published inspection of this service whose fieldwork started before this one’s';
    await expectRefused(
      () => updateInspectionDetails(prisma, actor(w.lead), { ...details, previousInspectionId: otherService.id }),
      'invalid',
      undefined,
      { previousInspectionId: refusal },
    );
    await expectRefused(
      () => updateInspectionDetails(prisma, actor(w.outsider), { ...details, previousInspectionId: earlier.id }),
      'not_found',
    );
    // Choosing "not in Casemark" drops the link and keeps what was typed.
    await updateInspectionDetails(prisma, actor(w.lead), { ...details, previousInspectionId: '' });
    const typed = await prisma.inspection.findUniqueOrThrow({ where: { id: w.inspection.id } });
    expect(typed).toMatchObject({
      previousInspectionId: null,
      previousRatings: { '2.1': 'inadequate' },
      previousKeyQuestionPct: { '2.1.1': 5 },
    });
  });

  it('refuses starting fieldwork with no cases', async () => {
    const { id } = await createInspection(prisma, actor(world.admin), newInspectionInput());
    await expectRefused(
      () => setInspectionStatus(prisma, actor(world.lead), { inspectionId: id, status: 'fieldwork' }),
      'invalid',
      /Add the case sample/,
    );
  });
});

describe('team', () => {
  it('adds a member by email, changes their role and removes them, each audited', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await addMember(prisma, actor(w.lead), { inspectionId: id, email: ` ${w.outsider.email.toUpperCase()} `, role: 'inspector' });
    expect(
      await prisma.inspectionMember.findUnique({ where: { inspectionId_userId: { inspectionId: id, userId: w.outsider.id } } }),
    ).toMatchObject({ role: 'inspector' });
    expect(await lastAudit('member.add')).toMatchObject({
      actorId: w.lead.id,
      inspectionId: id,
      newValue: { email: w.outsider.email, role: 'inspector' },
    });
    await changeMemberRole(prisma, actor(w.lead), { inspectionId: id, userId: w.outsider.id, role: 'manager' });
    expect(await lastAudit('member.role')).toMatchObject({ oldValue: { role: 'inspector' }, newValue: { role: 'manager' } });
    await removeMember(prisma, actor(w.admin), { inspectionId: id, userId: w.outsider.id });
    expect(await lastAudit('member.remove')).toMatchObject({ actorId: w.admin.id, oldValue: { role: 'manager' } });
    expect(await prisma.inspectionMember.count({ where: { inspectionId: id, userId: w.outsider.id } })).toBe(0);
  });

  it('refuses an unknown or inactive email, and someone already on the team', async () => {
    const w = await freshWorld();
    await expectRefused(
      () => addMember(prisma, actor(w.lead), { inspectionId: w.inspection.id, email: 'nobody@int.example', role: 'inspector' }),
      'invalid',
      undefined,
      {
        email: expect.stringContaining('No active user'),
      },
    );
    await prisma.user.update({ where: { id: w.outsider.id }, data: { isActive: false } });
    await expectRefused(
      () => addMember(prisma, actor(w.lead), { inspectionId: w.inspection.id, email: w.outsider.email, role: 'inspector' }),
      'invalid',
    );
    await expectRefused(
      () => addMember(prisma, actor(w.lead), { inspectionId: w.inspection.id, email: w.inspector.email, role: 'manager' }),
      'invalid',
      /already on the team as inspector/,
    );
    await expectRefused(
      () => addMember(prisma, actor(w.lead), { inspectionId: w.inspection.id, email: 'x', role: 'boss' }),
      'invalid',
      undefined,
      {
        email: expect.any(String),
        role: 'Choose a role',
      },
    );
  });

  it('keeps at least one lead inspector', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await expectRefused(
      () => changeMemberRole(prisma, actor(w.lead), { inspectionId: id, userId: w.lead.id, role: 'inspector' }),
      'invalid',
      /only lead inspector/,
    );
    await expectRefused(
      () => removeMember(prisma, actor(w.admin), { inspectionId: id, userId: w.lead.id }),
      'invalid',
      /only lead inspector/,
    );
    // With a second lead, the first may step down.
    await changeMemberRole(prisma, actor(w.lead), { inspectionId: id, userId: w.manager.id, role: 'lead_inspector' });
    await changeMemberRole(prisma, actor(w.lead), { inspectionId: id, userId: w.lead.id, role: 'manager' });
    expect(await prisma.inspectionMember.count({ where: { inspectionId: id, role: 'lead_inspector' } })).toBe(1);
  });

  it('refuses removing, or making a manager, someone with cases allocated', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await expectRefused(
      () => removeMember(prisma, actor(w.lead), { inspectionId: id, userId: w.inspector.id }),
      'invalid',
      /has 3 cases allocated/,
    );
    await expectRefused(
      () => changeMemberRole(prisma, actor(w.lead), { inspectionId: id, userId: w.inspector.id, role: 'manager' }),
      'invalid',
      /Reallocate their cases first/,
    );
  });

  it('refuses inspectors, managers and outsiders', async () => {
    const w = await freshWorld();
    const input = { inspectionId: w.inspection.id, email: w.outsider.email, role: 'inspector' };
    await expectRefused(() => addMember(prisma, actor(w.inspector), input), 'forbidden', /Only the lead inspector or an admin/);
    await expectRefused(() => addMember(prisma, actor(w.manager), input), 'forbidden');
    await expectRefused(() => addMember(prisma, actor(w.outsider), input), 'not_found');
    await expectRefused(
      () => removeMember(prisma, actor(w.manager), { inspectionId: w.inspection.id, userId: w.otherInspector.id }),
      'forbidden',
    );
    await expectRefused(
      () => changeMemberRole(prisma, actor(w.inspector), { inspectionId: w.inspection.id, userId: w.inspector.id, role: 'lead_inspector' }),
      'forbidden',
    );
  });
});

function caseInput(inspectionId: string, overrides: Record<string, unknown> = {}) {
  return {
    inspectionId,
    reference: 'YJ-100',
    type: 'court',
    disposal: 'referral_order',
    sentenceDate: dateParts('2026-08-03'),
    gender: 'Female',
    rosh: 'medium',
    safetyWellbeing: '',
    caseManager: 'CM-2',
    inspectorId: '',
    ...overrides,
  };
}

describe('cases', () => {
  it('adds, edits and deletes a case, each audited', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    const created = await addCase(prisma, actor(w.lead), caseInput(id, { inspectorId: w.inspector.id }));
    const stored = await prisma.case.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({
      reference: 'YJ-100',
      rosh: 'medium',
      safetyWellbeing: null,
      gender: 'Female',
      inspectorId: w.inspector.id,
      version: 1,
    });
    expect(stored.sentenceDate?.toISOString().slice(0, 10)).toBe('2026-08-03');
    expect(await lastAudit('case.create')).toMatchObject({
      entityId: created.id,
      newValue: { reference: 'YJ-100', sentenceDate: '2026-08-03' },
    });

    await editCase(prisma, actor(w.lead), {
      ...caseInput(id, { reference: 'YJ-101', disposal: 'youth_rehabilitation_order', sentenceDate: {} }),
      caseId: created.id,
      baseVersion: 1,
    });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      reference: 'YJ-101',
      sentenceDate: null,
      version: 2,
    });
    expect(await lastAudit('case.update')).toMatchObject({
      oldValue: { reference: 'YJ-100', disposal: 'referral_order' },
      newValue: { reference: 'YJ-101', disposal: 'youth_rehabilitation_order' },
    });

    await deleteCase(prisma, actor(w.admin), { inspectionId: id, caseId: created.id });
    expect(await prisma.case.findUnique({ where: { id: created.id } })).toBeNull();
    expect(await lastAudit('case.delete')).toMatchObject({ entityId: created.id, actorId: w.admin.id, oldValue: { reference: 'YJ-101' } });
  });

  it('refuses a reference that looks like a child’s name, a duplicate and a mismatched disposal', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await expectRefused(
      () => addCase(prisma, actor(w.lead), caseInput(id, { reference: 'Jayden Smith' })),
      'invalid',
      /looks like a name/,
      {
        reference: expect.stringContaining('never a child’s name'),
      },
    );
    await expectRefused(() => addCase(prisma, actor(w.lead), caseInput(id, { reference: 'c-1' })), 'invalid', undefined, {
      reference: 'A case with reference C-1 is already in this inspection',
    });
    await expectRefused(() => addCase(prisma, actor(w.lead), caseInput(id, { reference: 'x'.repeat(41) })), 'invalid', undefined, {
      reference: 'Case reference must be 40 characters or fewer',
    });
    await expectRefused(() => addCase(prisma, actor(w.lead), caseInput(id, { disposal: 'youth_caution' })), 'invalid', undefined, {
      disposal: 'Youth caution is an out-of-court disposal, but the case type is court',
    });
    await expectRefused(() => addCase(prisma, actor(w.lead), caseInput(id, { inspectorId: w.manager.id })), 'invalid', undefined, {
      inspectorId: expect.stringContaining('Choose an inspector on the team'),
    });
    await expectRefused(
      () => addCase(prisma, actor(w.lead), caseInput(id, { rosh: 'extreme', sentenceDate: { day: '1', month: '13', year: '2026' } })),
      'invalid',
      undefined,
      {
        rosh: 'Choose a RoSH level',
        sentenceDate: 'Sentence date must be a real date',
      },
    );
  });

  it('refuses a resettlement case under the 2018 standards', async () => {
    const w = await seedWorld(prisma, { status: 'set_up', framework: 'v2018' });
    await expectRefused(
      () => addCase(prisma, actor(w.lead), caseInput(w.inspection.id, { type: 'resettlement', disposal: 'custodial_sentence' })),
      'invalid',
      undefined,
      {
        type: expect.stringContaining('July 2021'),
      },
    );
  });

  it('refuses to delete a case with answers, or to change it so that its answers no longer apply', async () => {
    const w = await freshWorld('fieldwork');
    const id = w.inspection.id;
    await saveAnswer(prisma, actor(w.inspector), {
      field: 'value',
      caseId: w.cases.ycc.id,
      questionId: '3.1.1',
      value: 'yes',
      baseVersion: 0,
    });
    await expectRefused(
      () => deleteCase(prisma, actor(w.lead), { inspectionId: id, caseId: w.cases.ycc.id }),
      'conflict',
      /O-2 cannot be deleted: 1 answer has been recorded/,
    );
    // Case-level marking alone (no answers yet) counts as marking too.
    await prisma.case.update({ where: { id: w.cases.youthCaution.id }, data: { agreesWithRosh: true } });
    await expectRefused(
      () => deleteCase(prisma, actor(w.lead), { inspectionId: id, caseId: w.cases.youthCaution.id }),
      'conflict',
      /O-1 cannot be deleted: its inspector has started marking it/,
    );
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: w.cases.ycc.id } });
    await expectRefused(
      () =>
        editCase(prisma, actor(w.lead), {
          ...caseInput(id, { reference: 'O-2', type: 'court', disposal: 'referral_order' }),
          caseId: kase.id,
          baseVersion: kase.version,
        }),
      'invalid',
      undefined,
      { type: expect.stringContaining('1 answer already recorded on this case would not apply') },
    );
    // Another out-of-court disposal keeps 3.1.1 applicable.
    await editCase(prisma, actor(w.lead), {
      ...caseInput(id, { reference: 'O-2', type: 'out_of_court', disposal: 'youth_caution' }),
      caseId: kase.id,
      baseVersion: kase.version,
    });
  });

  it('refuses an edit made on an old version when the form does not say what it opened with, writing nothing', async () => {
    const w = await freshWorld();
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: w.cases.court.id } });
    await prisma.case.update({ where: { id: kase.id }, data: { version: { increment: 1 } } });
    const before = await prisma.case.findUniqueOrThrow({ where: { id: kase.id } });
    const result = await editCase(prisma, actor(w.lead), {
      ...caseInput(w.inspection.id, { reference: 'C-1-NEW' }),
      caseId: kase.id,
      baseVersion: kase.version,
    });
    expect(result).toMatchObject({ status: 'conflict', theirs: { reference: before.reference, version: before.version } });
    expect(result.status === 'conflict' && result.fields).toContain('reference');
    expect(await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).toEqual(before);
  });

  describe('someone else changed the case since the form opened (three-way)', () => {
    /** A case opened in the set-up form: its fields as the form posts them, and its version. */
    async function openForm() {
      const w = await freshWorld();
      await editCase(prisma, actor(w.lead), {
        ...caseInput(w.inspection.id, { reference: 'TW-1' }),
        caseId: w.cases.court.id,
        baseVersion: 1,
      });
      const opened = caseInput(w.inspection.id, { reference: 'TW-1' });
      const { version } = await prisma.case.findUniqueOrThrow({ where: { id: w.cases.court.id } });
      const { inspectionId: _i, ...fields } = opened;
      return { w, opened, version, baseValues: JSON.stringify(fields) };
    }
    const edit = (f: Awaited<ReturnType<typeof openForm>>, overrides: Record<string, unknown>, by = f.w.lead) =>
      editCase(prisma, actor(by), {
        ...f.opened,
        ...overrides,
        caseId: f.w.cases.court.id,
        baseVersion: f.version,
        baseValues: f.baseValues,
      });

    it('makes the change on top of one that touched no field of the form (an inspector’s case-level marking)', async () => {
      const f = await openForm();
      await prisma.case.update({ where: { id: f.w.cases.court.id }, data: { version: { increment: 1 }, agreesWithRosh: true } });
      expect(await edit(f, { caseManager: 'CM-9' })).toMatchObject({ status: 'saved' });
      const after = await prisma.case.findUniqueOrThrow({ where: { id: f.w.cases.court.id } });
      expect(after).toMatchObject({ caseManager: 'CM-9', agreesWithRosh: true, version: f.version + 2 });
    });

    it('shows the clash, writing nothing, when both changed a field differently or they changed one the form left as it was', async () => {
      const f = await openForm();
      await editCase(prisma, actor(f.w.admin), {
        ...f.opened,
        gender: 'Male',
        caseManager: 'CM-THEIRS',
        caseId: f.w.cases.court.id,
        baseVersion: f.version,
        baseValues: f.baseValues,
      });
      const theirs = await prisma.case.findUniqueOrThrow({ where: { id: f.w.cases.court.id } });
      const result = await edit(f, { caseManager: 'CM-MINE' });
      expect(result).toMatchObject({
        status: 'conflict',
        theirs: { caseManager: 'CM-THEIRS', gender: 'Male', version: theirs.version },
        changedBy: f.w.admin.name,
      });
      // Both changed the case manager; they changed the gender, which mine would have put back.
      expect(result.status === 'conflict' && [...result.fields].sort()).toEqual(['caseManager', 'gender']);
      expect(await prisma.case.findUniqueOrThrow({ where: { id: f.w.cases.court.id } })).toEqual(theirs);

      // "Keep mine": the same form sent again on their version, knowing theirs.
      const { inspectionId: _i, ...theirFields } = caseInput(f.w.inspection.id, {
        reference: 'TW-1',
        gender: 'Male',
        caseManager: 'CM-THEIRS',
      });
      const kept = await editCase(prisma, actor(f.w.lead), {
        ...f.opened,
        caseManager: 'CM-MINE',
        caseId: f.w.cases.court.id,
        baseVersion: theirs.version,
        baseValues: JSON.stringify(theirFields),
      });
      expect(kept).toMatchObject({ status: 'saved' });
      expect(await prisma.case.findUniqueOrThrow({ where: { id: f.w.cases.court.id } })).toMatchObject({
        caseManager: 'CM-MINE',
        gender: 'Female',
      });
    });

    it('takes the same change made twice as no clash', async () => {
      const f = await openForm();
      await edit(f, { caseManager: 'CM-SAME' }, f.w.admin);
      expect(await edit(f, { caseManager: 'CM-SAME' })).toMatchObject({ status: 'saved' });
    });

    it('treats what it cannot read as what the form opened with as unknown: every differing field is shown', async () => {
      const f = await openForm();
      await prisma.case.update({ where: { id: f.w.cases.court.id }, data: { version: { increment: 1 } } });
      const result = await editCase(prisma, actor(f.w.lead), {
        ...f.opened,
        caseManager: 'CM-X',
        caseId: f.w.cases.court.id,
        baseVersion: f.version,
        baseValues: '{"reference": 42}',
      });
      expect(result.status === 'conflict' && result.fields).toEqual(['caseManager']);
    });
  });

  it('refuses inspectors, managers and outsiders, a case of another inspection, and a published inspection', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await expectRefused(() => addCase(prisma, actor(w.inspector), caseInput(id)), 'forbidden');
    await expectRefused(() => addCase(prisma, actor(w.manager), caseInput(id)), 'forbidden');
    await expectRefused(() => addCase(prisma, actor(w.outsider), caseInput(id)), 'not_found');
    await expectRefused(() => deleteCase(prisma, actor(w.inspector), { inspectionId: id, caseId: w.cases.court.id }), 'forbidden');
    await expectRefused(() => deleteCase(prisma, actor(w.lead), { inspectionId: id, caseId: world.cases.court.id }), 'not_found');
    const published = await freshWorld('published');
    await expectRefused(() => addCase(prisma, actor(published.lead), caseInput(published.inspection.id)), 'forbidden', /published/);
  });
});

describe('allocation', () => {
  it('allocates one case and takes it off again, audited old → new', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    const result = await allocateCase(prisma, actor(w.lead), {
      inspectionId: id,
      caseId: w.cases.court.id,
      inspectorId: w.otherInspector.id,
    });
    expect(result).toMatchObject({ count: 1, inspectorName: w.otherInspector.name, reference: 'C-1' });
    expect(await lastAudit('case.allocate')).toMatchObject({
      entityId: w.cases.court.id,
      oldValue: { inspectorId: w.inspector.id },
      newValue: { inspectorId: w.otherInspector.id },
    });
    await allocateCase(prisma, actor(w.lead), { inspectionId: id, caseId: w.cases.court.id, inspectorId: '' });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: w.cases.court.id } })).inspectorId).toBeNull();
    // The lead may be allocated cases too.
    await allocateCase(prisma, actor(w.lead), { inspectionId: id, caseId: w.cases.court.id, inspectorId: w.lead.id });
  });

  it('allocates the selected cases to one inspector', async () => {
    const w = await freshWorld();
    const ids = [w.cases.court.id, w.cases.youthCaution.id];
    const result = await allocateCases(prisma, actor(w.lead), {
      inspectionId: w.inspection.id,
      caseIds: ids,
      inspectorId: w.otherInspector.id,
    });
    expect(result.count).toBe(2);
    const cases = await prisma.case.findMany({ where: { id: { in: ids } } });
    expect(cases.every((c) => c.inspectorId === w.otherInspector.id)).toBe(true);
    expect(await prisma.auditEntry.count({ where: { action: 'case.allocate', entityId: { in: ids } } })).toBe(2);
  });

  it('spreads the unallocated cases evenly across the inspectors', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await prisma.case.updateMany({ where: { inspectionId: id }, data: { inspectorId: null } });
    for (const n of [3, 4, 5, 6]) await addCase(prisma, actor(w.lead), caseInput(id, { reference: `N-${n}` }));
    const result = await spreadUnallocatedCases(prisma, actor(w.lead), { inspectionId: id });
    expect(result.count).toBe(8);
    const counts = await prisma.case.groupBy({ by: ['inspectorId'], where: { inspectionId: id }, _count: { _all: true } });
    expect(counts.map((c) => c._count._all)).toEqual([4, 4]);
    expect(new Set(counts.map((c) => c.inspectorId))).toEqual(new Set([w.inspector.id, w.otherInspector.id]));
    // Nothing left to spread: nothing changes.
    const before = await snapshot();
    expect((await spreadUnallocatedCases(prisma, actor(w.lead), { inspectionId: id })).count).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a manager or someone off the team as inspector, an empty selection, and other roles', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await expectRefused(
      () => allocateCase(prisma, actor(w.lead), { inspectionId: id, caseId: w.cases.court.id, inspectorId: w.manager.id }),
      'invalid',
      undefined,
      {
        inspectorId: expect.any(String),
      },
    );
    await expectRefused(
      () => allocateCases(prisma, actor(w.lead), { inspectionId: id, caseIds: [w.cases.court.id], inspectorId: w.outsider.id }),
      'invalid',
    );
    await expectRefused(
      () => allocateCases(prisma, actor(w.lead), { inspectionId: id, caseIds: [], inspectorId: w.inspector.id }),
      'invalid',
      undefined,
      {
        caseIds: 'Select at least one case',
      },
    );
    await expectRefused(
      () => allocateCases(prisma, actor(w.lead), { inspectionId: id, caseIds: [world.cases.court.id], inspectorId: w.inspector.id }),
      'not_found',
    );
    await expectRefused(
      () => allocateCase(prisma, actor(w.inspector), { inspectionId: id, caseId: w.cases.court.id, inspectorId: w.inspector.id }),
      'forbidden',
    );
    await expectRefused(() => spreadUnallocatedCases(prisma, actor(w.manager), { inspectionId: id }), 'forbidden');
    await expectRefused(() => spreadUnallocatedCases(prisma, actor(w.outsider), { inspectionId: id }), 'not_found');
  });

  it('refuses to allocate to a deactivated inspector, and leaves them out of the spread', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    await prisma.case.updateMany({ where: { inspectionId: id }, data: { inspectorId: null } });
    await prisma.user.update({ where: { id: w.otherInspector.id }, data: { isActive: false } });
    await expectRefused(
      () => allocateCase(prisma, actor(w.lead), { inspectionId: id, caseId: w.cases.court.id, inspectorId: w.otherInspector.id }),
      'invalid',
    );
    expect((await spreadUnallocatedCases(prisma, actor(w.lead), { inspectionId: id })).count).toBe(4);
    expect(await prisma.case.count({ where: { inspectionId: id, inspectorId: w.inspector.id } })).toBe(4);
  });

  it('refuses to spread when the team has no inspectors', async () => {
    const { id } = await createInspection(prisma, actor(world.admin), newInspectionInput());
    await addCase(prisma, actor(world.lead), caseInput(id));
    await expectRefused(
      () => spreadUnallocatedCases(prisma, actor(world.lead), { inspectionId: id }),
      'invalid',
      /no inspectors on the team/,
    );
  });
});

const HEADER = 'reference,type,disposal,sentence_date,gender,rosh,safety_wellbeing,case_manager,inspector_email';

describe('case import', () => {
  it('previews without writing, then imports a good file in one transaction, audited per case', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    const csv = [
      HEADER,
      `IMP-1,Court,Referral order,14/09/2026,Male,medium,high,CM-1,${w.inspector.email}`,
      `IMP-2,out_of_court,youth_caution,2026-10-01,,,,,${w.otherInspector.email.toUpperCase()}`,
      'IMP-3,resettlement,custodial_sentence,,,,,,',
    ].join('\r\n');
    const before = await snapshot();
    const preview = await previewCaseImport(prisma, actor(w.lead), { inspectionId: id, csv });
    expect(preview.isImportable).toBe(true);
    expect(preview.rows).toHaveLength(3);
    expect(await snapshot()).toEqual(before);

    const audits = await prisma.auditEntry.count();
    expect(await importCases(prisma, actor(w.lead), { inspectionId: id, csv })).toEqual({ count: 3 });
    const imported = await prisma.case.findMany({
      where: { inspectionId: id, reference: { startsWith: 'IMP-' } },
      orderBy: { reference: 'asc' },
    });
    expect(imported.map((c) => [c.reference, c.type, c.disposal, c.inspectorId])).toEqual([
      ['IMP-1', 'court', 'referral_order', w.inspector.id],
      ['IMP-2', 'out_of_court', 'youth_caution', w.otherInspector.id],
      ['IMP-3', 'resettlement', 'custodial_sentence', null],
    ]);
    expect(imported[0]?.sentenceDate?.toISOString().slice(0, 10)).toBe('2026-09-14');
    // One entry for the import, one per case (so each case's history starts with its creation).
    expect(await prisma.auditEntry.count()).toBe(audits + 4);
    expect(await lastAudit('case.import')).toMatchObject({
      actorId: w.lead.id,
      inspectionId: id,
      newValue: { count: 3, caseIds: expect.arrayContaining(imported.map((c) => c.id)) },
    });
    for (const c of imported) {
      expect(await prisma.auditEntry.count({ where: { action: 'case.create', entity: 'case', entityId: c.id } })).toBe(1);
    }
  });

  it('imports nothing when any row is bad, listing the problems', async () => {
    const w = await freshWorld();
    const id = w.inspection.id;
    const csv = [
      HEADER,
      'BAD-1,court,referral_order,,,,,,',
      'BAD-2,court,youth_caution,,,,,,',
      'C-1,court,referral_order,,,,,,',
      'BAD-4,court,referral_order,2026-02-30,,,,,',
    ].join('\n');
    const preview = await previewCaseImport(prisma, actor(w.lead), { inspectionId: id, csv });
    expect(preview.isImportable).toBe(false);
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'disposal'],
      [4, 'reference'],
      [5, 'sentence_date'],
    ]);
    await expectRefused(
      () => importCases(prisma, actor(w.lead), { inspectionId: id, csv }),
      'invalid',
      /^Nothing was imported: the file has 3 problems\. Line 3, disposal/,
    );
  });

  it('refuses a file with a column of children’s names, importing nothing', async () => {
    const w = await freshWorld();
    const csv = 'reference,type,disposal,child name\nK-1,court,referral_order,Jayden Smith\n';
    const preview = await previewCaseImport(prisma, actor(w.lead), { inspectionId: w.inspection.id, csv });
    expect(preview.fileErrors[0]).toMatch(/children’s names/);
    expect(preview.rows).toEqual([]);
    await expectRefused(() => importCases(prisma, actor(w.lead), { inspectionId: w.inspection.id, csv }), 'invalid', /children’s names/);
  });

  it('checks the inspector emails against the team as it is at import time', async () => {
    const w = await freshWorld();
    const csv = `${HEADER}\nT-1,court,referral_order,,,,,,${w.manager.email}\nT-2,court,referral_order,,,,,,${w.outsider.email}\n`;
    const preview = await previewCaseImport(prisma, actor(w.lead), { inspectionId: w.inspection.id, csv });
    expect(preview.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('as a manager'),
      expect.stringContaining('No one with the email address'),
    ]);
  });

  it('refuses inspectors, managers and outsiders, for the preview too', async () => {
    const w = await freshWorld();
    const csv = `${HEADER}\nR-1,court,referral_order,,,,,,\n`;
    for (const [who, code] of [
      [w.inspector, 'forbidden'],
      [w.manager, 'forbidden'],
      [w.outsider, 'not_found'],
    ] as const) {
      await expectRefused(() => previewCaseImport(prisma, actor(who), { inspectionId: w.inspection.id, csv }), code);
      await expectRefused(() => importCases(prisma, actor(who), { inspectionId: w.inspection.id, csv }), code);
    }
  });
});
