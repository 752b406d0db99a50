/**
 * How a report prints its fieldwork and its lists (issue 22): the inspection's details form sets
 * "month only" and the serial comma, audited, and the draft follows; and wherever Casemark prints
 * a month-only inspection's fieldwork — set-up, the sample page, the admin's user page, the
 * agreement and service pages, your inspections, the inspections CSV — it prints the month
 * (Dudley 2019, 002_b3ff77846e023e08.txt: "Fieldwork started: April 2019"), never invented days.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { prisma as appPrisma } from '../../lib/db/client';
import { importInspection } from '../../lib/interchange/import-inspection';
import { authoriseInspection, isRefusal } from '../../lib/access/context';
import { updateInspectionDetails } from '../../lib/setup/inspections';
import { listEarlierInspections } from '../../lib/setup/previous-inspection';
import { loadSetupView } from '../../lib/data/setup';
import { fieldworkLabel, listInspectionsForUser } from '../../lib/data/inspections';
import { findUserForAdmin } from '../../lib/data/admin';
import { loadAgreementAcrossInspections } from '../../lib/quality/second-marking-views';
import { allInspectionRows, allInspectionsCsv, fieldworkOfRow } from '../../lib/export/all-inspections';
import { loadReportDraft } from '../../lib/report/load-draft';
import { generateSentence } from '../../lib/report/draft';
import { formatDateRange } from '../../lib/format/labels';
import { parseCsv } from '../../lib/csv/parse-csv';
import { createMigratedDatabase } from './test-database';

let prisma: PrismaClient;
let admin: { id: string; isAdmin: boolean };
let dudleyId: string;
let leicestershireId: string;

async function importFixture(slug: string): Promise<string> {
  const doc = JSON.parse(readFileSync(path.resolve(__dirname, '../../docs/fixtures', `${slug}.json`), 'utf8')) as {
    inspection: Record<string, unknown>;
  };
  doc.inspection = { ...doc.inspection, status: 'published', team: [] };
  const result = await importInspection(prisma, admin, doc, { fileName: `${slug}.json` });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.inspectionId;
}

beforeAll(async () => {
  const created = await createMigratedDatabase('report_style');
  ({ prisma } = created);
  // The pages' loaders read through the app's client (lib/db/client), which reads its configuration on first use.
  process.env.DATABASE_URL = created.url;
  process.env.NEXTAUTH_SECRET ??= 'report-style-test-secret-of-at-least-32-characters';
  process.env.NEXTAUTH_URL ??= 'http://localhost:3201';
  admin = await prisma.user.create({
    data: { email: 'admin@style.int.example', name: 'Admin', passwordHash: 'x', isAdmin: true },
    select: { id: true, isAdmin: true },
  });
  dudleyId = await importFixture('dudley-2019');
  leicestershireId = await importFixture('leicestershire-2021');
  // The report gives no fieldwork dates: the demo's illustrative ones (lib/rating/fixtures/report-data.ts).
  await prisma.inspection.update({
    where: { id: leicestershireId },
    data: { fieldworkStart: new Date('2021-05-17'), fieldworkEnd: new Date('2021-06-11') },
  });
});
afterAll(async () => {
  await appPrisma.$disconnect().catch(() => {});
  await prisma?.$disconnect();
});

const dateParts = (date: Date) => {
  const [year, month, day] = date.toISOString().slice(0, 10).split('-');
  return { day, month, year };
};

/** The details form as sent: an unticked box sends nothing. */
async function saveDetails(inspectionId: string, boxes: { fieldworkMonthOnly?: 'true'; reportSerialComma?: 'true' }) {
  const stored = await prisma.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
  await updateInspectionDetails(prisma, admin, {
    inspectionId,
    fieldworkStart: dateParts(stored.fieldworkStart),
    fieldworkEnd: dateParts(stored.fieldworkEnd),
    publishedOn: stored.publishedOn ? dateParts(stored.publishedOn) : { day: '', month: '', year: '' },
    previousInspectionId: stored.previousInspectionId ?? '',
    ...boxes,
  });
}

describe('the details form sets how the report prints', () => {
  it('ticking both boxes changes the draft’s fieldwork wording and its sample list, audited; unticking restores them', async () => {
    const before = await loadReportDraft(prisma, admin, leicestershireId);
    expect(formatDateRange(new Date(before.fieldworkStart), new Date(before.fieldworkEnd), before.fieldworkMonthOnly)).toBe(
      '17 May 2021 to 11 June 2021',
    );
    expect(generateSentence({ kind: 'sample', caseType: 'out_of_court' }, before.figures)?.text).toContain(
      'three youth conditional cautions, seven youth cautions and seven community resolutions.',
    );

    // A published inspection: how its report prints may still be corrected.
    await saveDetails(leicestershireId, { fieldworkMonthOnly: 'true', reportSerialComma: 'true' });
    const after = await loadReportDraft(prisma, admin, leicestershireId);
    expect(formatDateRange(new Date(after.fieldworkStart), new Date(after.fieldworkEnd), after.fieldworkMonthOnly)).toBe(
      'May 2021 to June 2021',
    );
    expect(generateSentence({ kind: 'sample', caseType: 'out_of_court' }, after.figures)?.text).toContain(
      'three youth conditional cautions, seven youth cautions, and seven community resolutions.',
    );
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { action: 'inspection.update', entityId: leicestershireId },
      orderBy: { id: 'desc' },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      oldValue: { fieldworkMonthOnly: false, reportSerialComma: false },
      newValue: { fieldworkMonthOnly: true, reportSerialComma: true },
    });

    await saveDetails(leicestershireId, {});
    const restored = await prisma.inspection.findUniqueOrThrow({ where: { id: leicestershireId } });
    expect([restored.fieldworkMonthOnly, restored.reportSerialComma]).toEqual([false, false]);
  });

  it('refuses a box that is neither ticked nor unticked', async () => {
    await expect(saveDetails(leicestershireId, { fieldworkMonthOnly: 'maybe' as 'true' })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('a month-only fieldwork is printed as its month everywhere (Dudley: "April 2019")', () => {
  const noDay = /\b\d{1,2} April 2019|2019-04-\d\d/;

  it('on the inspection, set-up and sample pages', async () => {
    const access = await authoriseInspection(appPrisma, admin, dudleyId, ['inspection.manage']);
    if (isRefusal(access)) throw new Error('refused');
    expect(await fieldworkLabel(access)).toBe('April 2019');
    expect(await fieldworkLabel(access, { isStartOnly: true })).toBe('April 2019');
    expect((await loadSetupView(access)).fieldwork).toBe('April 2019');
  });

  it('on your inspections and on the admin’s page for a user on its team', async () => {
    const member = await prisma.user.create({
      data: { email: 'member@style.int.example', name: 'Member', passwordHash: 'x' },
      select: { id: true, isAdmin: true },
    });
    await prisma.inspectionMember.create({ data: { inspectionId: dudleyId, userId: member.id, role: 'inspector' } });
    const mine = (await listInspectionsForUser(member)).find((i) => i.id === dudleyId);
    expect(mine && formatDateRange(mine.fieldworkStart, mine.fieldworkEnd, mine.fieldworkMonthOnly)).toBe('April 2019');
    const shown = (await findUserForAdmin(admin, member.id))?.memberships.map((m) =>
      formatDateRange(m.inspection.fieldworkStart, m.inspection.fieldworkEnd, m.inspection.fieldworkMonthOnly),
    );
    expect(shown).toEqual(['April 2019']);
  });

  it('on agreement across inspections', async () => {
    const kase = await prisma.case.findFirstOrThrow({ where: { inspectionId: dudleyId, type: 'court' } });
    const first = await prisma.user.create({ data: { email: 'first@style.int.example', name: 'First', passwordHash: 'x' } });
    await prisma.case.update({ where: { id: kase.id }, data: { inspectorId: first.id } });
    await prisma.secondMarking.create({
      data: {
        inspectionId: dudleyId,
        caseId: kase.id,
        markerId: admin.id,
        assignedById: admin.id,
        submittedAt: new Date(),
        answers: { create: [{ questionId: '2.1.1', value: 'yes', firstValue: 'yes' }] },
      },
    });
    const { inspections } = await loadAgreementAcrossInspections(admin);
    expect(inspections.find((i) => i.inspectionId === dudleyId)?.fieldwork).toBe('April 2019');
  });

  it('on the service page and in the list of earlier inspections to link', async () => {
    const labels = new Map<string, string>();
    for await (const row of allInspectionRows(prisma, admin)) labels.set(row.id, fieldworkOfRow(row));
    expect(labels.get(dudleyId)).toBe('April 2019');
    expect(labels.get(leicestershireId)).toBe('17 May 2021 to 11 June 2021');

    const later = await prisma.inspection.create({
      data: {
        serviceId: (await prisma.inspection.findUniqueOrThrow({ where: { id: dudleyId } })).serviceId,
        framework: 'v2021',
        fieldworkStart: new Date('2023-04-17'),
        fieldworkEnd: new Date('2023-04-21'),
      },
    });
    const earlier = await listEarlierInspections(prisma, later.id, '2023-04-17');
    expect(earlier.map((e) => e.fieldwork)).toEqual(['April 2019']);
  });

  it('in the inspections CSV, as the month (2019-04) and never a day', async () => {
    let csv = '';
    for await (const chunk of allInspectionsCsv(prisma, admin)) csv += chunk;
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const dudley = rows.find((r) => r.at(column('Inspection id')) === dudleyId);
    expect([dudley?.at(column('Fieldwork start')), dudley?.at(column('Fieldwork end'))]).toEqual(['2019-04', '2019-04']);
    expect(dudley?.join(',')).not.toMatch(noDay);
    const leicestershire = rows.find((r) => r.at(column('Inspection id')) === leicestershireId);
    expect(leicestershire?.at(column('Fieldwork start'))).toBe('2021-05-17');
  });
});
