/**
 * The earlier inspections of the same service that set-up may link as an inspection's previous
 * one (issue 23: a service over time): PUBLISHED inspections of the same service whose fieldwork
 * started before this one's, newest first, each with its figures computed exactly as the ratings
 * panel computes them. Their published ratings are the public record (the reports), so the lead
 * of the new inspection may choose among them without being on the earlier team: callers
 * authorise the actor on THIS inspection first. When an inspection is created (admins), the list
 * is read as the admin sees inspections (lib/access/scope.ts: never one they second mark blind).
 *
 * No `server-only` imports: the integration tests call it directly.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { systemActor, type Principal } from '@/lib/auth/permissions';
import { allInspectionRows, fieldworkOfRow } from '@/lib/export/all-inspections';
import { toSummaryRow, type SummaryRow } from '@/lib/summary/summary';
import { RATING_LABELS } from '@/lib/format/labels';
import { FRAMEWORK_LABELS } from '@/lib/summary/summary-tables';

const newestFirst = (a: SummaryRow, b: SummaryRow) =>
  a.fieldworkStart < b.fieldworkStart ? 1 : a.fieldworkStart > b.fieldworkStart ? -1 : 0;

/** A published inspection with its fieldwork as its report gives it: the month alone where it gives only a month (issue 22). */
type EarlierInspection = SummaryRow & { fieldwork: string };

async function listPublished(db: PrismaClient, actor: Principal, filter: Prisma.InspectionWhereInput): Promise<EarlierInspection[]> {
  const rows: EarlierInspection[] = [];
  for await (const row of allInspectionRows(db, actor, { filter: { AND: [{ status: 'published' }, filter] } })) {
    rows.push({ ...toSummaryRow(row), fieldwork: fieldworkOfRow(row) });
  }
  return rows.sort(newestFirst);
}

const startsBefore = (fieldworkStart: string): Prisma.InspectionWhereInput => ({
  fieldworkStart: { lt: new Date(`${fieldworkStart}T00:00:00Z`) },
});

export async function listEarlierInspections(
  db: PrismaClient,
  inspectionId: string,
  fieldworkStart: string,
  options: { id?: string } = {},
): Promise<EarlierInspection[]> {
  return listPublished(db, systemActor('the previous inspection of the same service'), {
    ...(options.id ? { id: options.id } : {}),
    NOT: { id: inspectionId },
    ...startsBefore(fieldworkStart),
    service: { inspections: { some: { id: inspectionId } } },
  });
}

/**
 * For an inspection being created: the published inspections of `serviceId` the actor may see
 * whose fieldwork started before `fieldworkStart` (with `id`, that one alone, or nothing).
 */
export async function listEarlierInspectionsOfService(
  db: PrismaClient,
  actor: Principal,
  serviceId: string,
  fieldworkStart: string,
  options: { id?: string } = {},
): Promise<EarlierInspection[]> {
  return listPublished(db, actor, { ...(options.id ? { id: options.id } : {}), serviceId, ...startsBefore(fieldworkStart) });
}

/** An earlier inspection as the set-up forms offer it: "1 May 2024 to 12 May 2024 · July 2021 standards · Good" ("April 2019 · …" where the report gives a month). */
export function earlierInspectionLabel(row: Pick<EarlierInspection, 'fieldwork' | 'framework' | 'overall'>): string {
  return `${row.fieldwork} · ${FRAMEWORK_LABELS[row.framework]} · ${row.overall ? RATING_LABELS[row.overall] : 'not rated'}`;
}

/**
 * Every published inspection the actor may see, by service, newest first: the create form offers
 * those of the service chosen (the action checks the choice again, with the fieldwork start).
 */
export async function listPublishedInspectionsByService(
  db: PrismaClient,
  actor: Principal,
): Promise<Record<string, { id: string; label: string; fieldworkStart: string }[]>> {
  const rows = await listPublished(db, actor, {});
  const services = await db.inspection.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, serviceId: true } });
  const serviceOf = new Map(services.map((s) => [s.id, s.serviceId]));
  const byService: Record<string, { id: string; label: string; fieldworkStart: string }[]> = {};
  for (const row of rows) {
    const serviceId = serviceOf.get(row.id);
    if (!serviceId) continue;
    (byService[serviceId] ??= []).push({ id: row.id, label: earlierInspectionLabel(row), fieldworkStart: row.fieldworkStart });
  }
  return byService;
}
