/**
 * The summary's data: every inspection the actor may see in the summary (admins: all; others:
 * those they lead or manage — the `export.download` scope), narrowed by the filters, each
 * computed exactly as the ratings panel computes it. Inspections are read in pages with one
 * grouped aggregate of answer counts per page (lib/export/all-inspections.ts) and kept as
 * compact rows, so 400 inspections are a few hundred kilobytes.
 *
 * No `server-only` imports: the benchmark script runs this outside Next.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { systemActor, type Actor } from '@/lib/auth/permissions';
import type { FrameworkVersion } from '@/lib/framework/types';
import { allInspectionRows, exportableInspectionsWhere } from '@/lib/export/all-inspections';
import { matchesSummaryFilters, summaryFilterWhere, type SummaryFilters } from './filters';
import { sortSummaryRows, summaryFigures, toSummaryRow, type KeyQuestionSpread, type SummaryFigures, type SummaryRow } from './summary';

interface SummaryData {
  rows: SummaryRow[];
  figures: SummaryFigures;
}

export async function loadSummary(
  db: PrismaClient,
  actor: Actor,
  filters: SummaryFilters,
  options: { pageSize?: number } = {},
): Promise<SummaryData> {
  const rows: SummaryRow[] = [];
  for await (const row of allInspectionRows(db, actor, { pageSize: options.pageSize, filter: summaryFilterWhere(filters) })) {
    const summaryRow = toSummaryRow(row);
    if (matchesSummaryFilters(summaryRow, filters)) rows.push(summaryRow);
  }
  const sorted = sortSummaryRows(rows, filters);
  return { rows: sorted, figures: summaryFigures(sorted) };
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

/**
 * The national median and range of each key question over EVERY published inspection in Casemark
 * on these standards, for the ratings panel. Published figures are the public record (the
 * reports), so they are read on the system's account whoever is looking; the summary's own
 * national figures count the published inspections the actor can see. Computed exactly as the
 * summary computes them (summaryFigures).
 */
export async function loadNationalKeyQuestions(db: PrismaClient, framework: FrameworkVersion): Promise<KeyQuestionSpread[]> {
  const rows: SummaryRow[] = [];
  const filter = { status: 'published' as const, framework: framework === '2018' ? ('v2018' as const) : ('v2021' as const) };
  for await (const row of allInspectionRows(db, systemActor('national figures on the ratings panel'), { filter }))
    rows.push(toSummaryRow(row));
  return summaryFigures(rows).keyQuestions;
}
