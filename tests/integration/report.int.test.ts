import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { readReportSections, saveReportSection, setReportEditor } from '../../lib/report/sections';
import { exportInspection } from '../../lib/interchange/export-inspection';
import { importInspection } from '../../lib/interchange/import-inspection';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('report'));
  world = await seedWorld(prisma, { status: 'panel' });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function snapshot() {
  const [sections, editors, audit] = await Promise.all([
    prisma.reportSection.findMany({ orderBy: { id: 'asc' } }),
    prisma.reportEditor.findMany({ orderBy: { userId: 'asc' } }),
    prisma.auditEntry.count(),
  ]);
  return { sections, editors, audit };
}
const expectRefused = (run: () => Promise<unknown>, code: AppError['code'], message?: RegExp) =>
  expectRefusedUnchanged(snapshot, run, code, message);

const summary = (text: string) => ({ paragraphs: [{ kind: 'text', text }] });

describe('saving the draft report', () => {
  it('saves a section for the lead, audited, and the next save builds on its version', async () => {
    const first = await saveReportSection(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      sectionKey: 'summary:2',
      content: summary('Work to keep the child safe was strong.'),
      baseVersion: 0,
    });
    expect(first).toEqual({ status: 'saved', version: 1 });
    const second = await saveReportSection(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      sectionKey: 'summary:2',
      content: summary('Work to keep the child safe was strong in most cases.'),
      baseVersion: 1,
    });
    expect(second).toEqual({ status: 'saved', version: 2 });
    const audit = await prisma.auditEntry.findMany({ where: { action: 'report.section' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.entity, a.entityId, a.actorId])).toEqual([
      ['report_section', `${world.inspection.id}:summary:2`, world.lead.id],
      ['report_section', `${world.inspection.id}:summary:2`, world.lead.id],
    ]);
    expect(audit.at(-1)?.oldValue).toMatchObject(summary('Work to keep the child safe was strong.'));
  });

  it('writes nothing on a stale version and returns the section as it stands, with who changed it', async () => {
    await saveReportSection(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      sectionKey: 'recommendations',
      content: { groups: [{ addressee: 'The management board should:', items: ['Improve planning for safety.'] }] },
      baseVersion: 0,
    });
    const before = await snapshot();
    const stale = await saveReportSection(prisma, actor(world.admin), {
      inspectionId: world.inspection.id,
      sectionKey: 'recommendations',
      content: { groups: [] },
      baseVersion: 0,
    });
    expect(stale).toMatchObject({
      status: 'conflict',
      theirs: {
        version: 1,
        updatedByName: world.lead.name,
        content: { groups: [{ addressee: 'The management board should:', items: ['Improve planning for safety.'] }] },
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an inspector (forbidden) and an outsider (not found), changing nothing', async () => {
    const input = { inspectionId: world.inspection.id, sectionKey: 'standard:2.1', content: summary('x'), baseVersion: 0 };
    await expectRefused(() => saveReportSection(prisma, actor(world.inspector), input), 'forbidden', /lead inspector/);
    await expectRefused(() => saveReportSection(prisma, actor(world.manager), input), 'forbidden', /lead inspector/);
    await expectRefused(() => saveReportSection(prisma, actor(world.outsider), input), 'not_found');
  });

  it('refuses a section the framework does not have, and content it cannot hold', async () => {
    await expectRefused(
      () =>
        saveReportSection(prisma, actor(world.lead), {
          inspectionId: world.inspection.id,
          sectionKey: 'standard:4.1',
          content: {},
          baseVersion: 0,
        }),
      'invalid',
      /not a section of a 2018 report/,
    );
    await expectRefused(
      () =>
        saveReportSection(prisma, actor(world.lead), {
          inspectionId: world.inspection.id,
          sectionKey: 'standard:2.1',
          content: { paragraphs: [{ kind: 'quote', answerId: 'C-1', text: 'x' }] },
          baseVersion: 0,
        }),
      'invalid',
    );
  });

  it('lets a team member the lead allows write, and only the lead choose them', async () => {
    const allow = { inspectionId: world.inspection.id, userId: world.manager.id, isAllowed: true };
    await expectRefused(() => setReportEditor(prisma, actor(world.manager), allow), 'forbidden', /Only the lead inspector/);
    await expectRefused(
      () => setReportEditor(prisma, actor(world.lead), { ...allow, userId: world.outsider.id }),
      'invalid',
      /member of the inspection team/,
    );
    await setReportEditor(prisma, actor(world.lead), allow);
    const saved = await saveReportSection(prisma, actor(world.manager), {
      inspectionId: world.inspection.id,
      sectionKey: 'findings:3',
      content: { strengths: ['Joint working with the police was effective.'], areas: ['Planning for victims.'] },
      baseVersion: 0,
    });
    expect(saved).toEqual({ status: 'saved', version: 1 });
    const read = await readReportSections(prisma, actor(world.manager), world.inspection.id);
    expect(read.canEdit).toBe(true);
    expect(read.sections['findings:3']?.content).toMatchObject({ strengths: ['Joint working with the police was effective.'] });

    await setReportEditor(prisma, actor(world.lead), { ...allow, isAllowed: false });
    expect((await readReportSections(prisma, actor(world.manager), world.inspection.id)).canEdit).toBe(false);
    await expectRefused(
      () =>
        saveReportSection(prisma, actor(world.manager), {
          inspectionId: world.inspection.id,
          sectionKey: 'findings:3',
          content: { strengths: [] },
          baseVersion: 1,
        }),
      'forbidden',
    );
    expect(await prisma.auditEntry.count({ where: { action: 'report.editor' } })).toBe(2);
  });

  it('keeps the draft from those who cannot see the ratings panel', async () => {
    await expect(readReportSections(prisma, actor(world.inspector), world.inspection.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(readReportSections(prisma, actor(world.outsider), world.inspection.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('travels in the interchange file: exported by section, imported as written, and a section the framework lacks refused', async () => {
    const doc = await exportInspection(prisma, actor(world.lead), world.inspection.id);
    const saved = await prisma.reportSection.findMany({ where: { inspectionId: world.inspection.id } });
    expect(Object.keys(doc.report ?? {}).sort()).toEqual(saved.map((r) => r.sectionKey).sort());
    expect(doc.report?.recommendations).toEqual(saved.find((r) => r.sectionKey === 'recommendations')?.content);

    const imported = await importInspection(prisma, actor(world.admin), { ...doc, inspection: { ...doc.inspection, team: [] } });
    if (!imported.ok) throw new Error(imported.errors.join('; '));
    const copied = await prisma.reportSection.findMany({ where: { inspectionId: imported.inspectionId } });
    expect(Object.fromEntries(copied.map((r) => [r.sectionKey, r.content]))).toEqual(doc.report);
    expect(await prisma.auditEntry.count({ where: { inspectionId: imported.inspectionId, action: 'report.section' } })).toBe(copied.length);

    const refused = await importInspection(prisma, actor(world.admin), {
      ...doc,
      inspection: { ...doc.inspection, team: [] },
      report: { 'standard:4.1': { strengths: ['x'] }, 'summary:2': { paragraphs: [{ kind: 'html', text: 'x' }] } },
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors).toEqual(
      expect.arrayContaining([
        'report["standard:4.1"]: Not a section of a 2018 report',
        expect.stringMatching(/^report\["summary:2"\]\.paragraphs\[0\]\.kind: /),
      ]),
    );
  });
});
