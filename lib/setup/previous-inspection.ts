/**
 * The earlier inspections of the same service that set-up may link as an inspection's previous
 * one (issue 23: a service over time): PUBLISHED inspections of the same service whose fieldwork
 * started before this one's, newest first, each with its figures computed exactly as the ratings
 * panel computes them. Their published ratings are the public record (the reports), so the lead
 * of the new inspection may choose among them without being on the earlier team: callers
 * authorise the actor on THIS inspection first.
 *
 * No `server-only` imports: the integration tests call it directly.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { systemActor } from '@/lib/auth/permissions';
import { allInspectionRows, fieldworkOfRow } from '@/lib/export/all-inspections';
import { toSummaryRow, type SummaryRow } from '@/lib/summary/summary';

export async function listEarlierInspections(
  db: PrismaClient,
  inspectionId: string,
  fieldworkStart: string,
  options: { id?: string } = {},
): Promise<(SummaryRow & { fieldwork: string })[]> {
  const rows: (SummaryRow & { fieldwork: string })[] = [];
  const filter = {
    ...(options.id ? { id: options.id } : {}),
    NOT: { id: inspectionId },
    status: 'published' as const,
    fieldworkStart: { lt: new Date(`${fieldworkStart}T00:00:00Z`) },
    service: { inspections: { some: { id: inspectionId } } },
  };
  for await (const row of allInspectionRows(db, systemActor('the previous inspection of the same service'), { filter })) {
    // The fieldwork as its report gives it: the month alone where it gives only a month (issue 22).
    rows.push({ ...toSummaryRow(row), fieldwork: fieldworkOfRow(row) });
  }
  return rows.sort((a, b) => (a.fieldworkStart < b.fieldworkStart ? 1 : a.fieldworkStart > b.fieldworkStart ? -1 : 0));
}
