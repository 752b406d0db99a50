/**
 * The summary's data: every inspection the actor may see in the summary (admins: all; others:
 * those they lead or manage — the `export.download` scope), narrowed by the filters, each
 * computed exactly as the ratings panel computes it; beside them the national figures, which
 * are the same whoever looks and whatever the filters but the standards (lib/summary/national.ts).
 * Inspections are read in pages with one grouped aggregate of answer counts per page
 * (lib/export/all-inspections.ts) and kept as compact rows, so 400 inspections are a few
 * hundred kilobytes.
 *
 * No `server-only` imports: the benchmark script runs this outside Next.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { allInspectionRows, exportableInspectionsWhere } from '@/lib/export/all-inspections';
import { matchesSummaryFilters, summaryFilterWhere, type SummaryFilters } from './filters';
import { nationalOn, sortSummaryRows, toSummaryRow, type NationalFigures, type SummaryRow } from './summary';
import { loadNationalFigures } from './national';

interface SummaryData {
  rows: SummaryRow[];
  /** Over every published inspection, whoever looks (lib/summary/national.ts), on the standards the filters choose. */
  national: NationalFigures;
}

export async function loadSummary(
  db: PrismaClient,
  actor: Actor,
  filters: SummaryFilters,
  options: { pageSize?: number } = {},
): Promise<SummaryData> {
  const readRows = async () => {
    const rows: SummaryRow[] = [];
    for await (const row of allInspectionRows(db, actor, { pageSize: options.pageSize, filter: summaryFilterWhere(filters) })) {
      const summaryRow = toSummaryRow(row);
      if (matchesSummaryFilters(summaryRow, filters)) rows.push(summaryRow);
    }
    return sortSummaryRows(rows, filters);
  };
  const [rows, national] = await Promise.all([readRows(), loadNationalFigures(db)]);
  return { rows, national: nationalOn(national, filters.framework) };
}

interface SummaryFilterOptions {
  regions: string[];
  localAuthorities: string[];
  services: string[];
}

/** The services, local authorities and regions whose inspections the actor may see in the summary, for the filters. */
export async function listSummaryFilterOptions(db: PrismaClient, actor: Actor): Promise<SummaryFilterOptions> {
  const services = await db.service.findMany({
    where: { inspections: { some: exportableInspectionsWhere(actor) } },
    select: { name: true, localAuthority: true, region: true },
    orderBy: { name: 'asc' },
  });
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return {
    regions: sorted(services.map((s) => s.region)),
    localAuthorities: sorted(services.map((s) => s.localAuthority)),
    services: services.map((s) => s.name),
  };
}
