/**
 * The one national rule (issue 23): the national figures — each standard's rating counts, each
 * key question's median and range, the change since the previous inspection — are over EVERY
 * published inspection in Casemark on the same standards, whoever looks. Published reports are
 * the public record, so they are read on the system's account; a manager who sees only some
 * inspections gets the same national figures as an admin. The ratings panel, the summary page,
 * its CSV and XLSX files and the service page all read them here.
 *
 * Computed as the summary computes every figure (allInspectionRows → the rating engine →
 * nationalFigures), with all published inspections in one page: ONE grouped aggregate of their
 * answer counts (STYLE habit 7), not one per page of fifty.
 *
 * Remembered per database client, keyed by a fingerprint of the published inspections: their ids
 * and each row's `xmin` (the transaction that last wrote the row, whoever wrote it — Prisma,
 * raw SQL, an import). Publishing, taking back to the panel, importing, deleting or any other
 * write to a published inspection's row changes it, so the next read computes afresh. What the
 * figures also depend on — answers, judgements, panel decisions, cases, previous ratings — can
 * no longer be written once the inspection is published: each of those writes re-checks the
 * status under the inspection's lock (saveAnswer's guard, loadInspectionForDecision,
 * manage-access, updateInspectionDetails) — STYLE habit 14. Remembered figures also expire after
 * MAX_AGE_MS however often they are read.
 *
 * No `server-only` imports: the benchmark script runs this outside Next.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { systemActor } from '@/lib/auth/permissions';
import { allInspectionRows } from '@/lib/export/all-inspections';
import { must } from '@/lib/must';
import { nationalFigures, toSummaryRow, type NationalFigures, type SummaryRow } from './summary';

/** Remembered figures are computed afresh after this long, even if no fingerprint changed. */
const MAX_AGE_MS = 5 * 60_000;

/** Published inspections read per page: all of them at once in any Casemark of this size. */
const PAGE_SIZE = 1000;

interface Remembered {
  fingerprint: string;
  computedAt: number;
  figures: Promise<NationalFigures>;
}

const remembered = new WeakMap<PrismaClient, Remembered>();

/** Changes whenever a published inspection is added, removed or its row written (its xmin). */
async function publishedFingerprint(db: PrismaClient): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT count(*)::text || ':' || md5(coalesce(string_agg(id::text || '@' || xmin::text, ',' ORDER BY id), '')) AS fingerprint
    FROM inspections WHERE status = 'published'`;
  return must(row, 'the fingerprint row').fingerprint;
}

/** Every published inspection's figures, computed now (not remembered); `pageSize` only for the benchmark's comparison. */
export async function computeNationalFigures(db: PrismaClient, options: { pageSize?: number } = {}): Promise<NationalFigures> {
  const rows: SummaryRow[] = [];
  const reader = systemActor('national figures: every published inspection is the public record');
  const pageSize = options.pageSize ?? PAGE_SIZE;
  for await (const row of allInspectionRows(db, reader, { filter: { status: 'published' }, pageSize })) rows.push(toSummaryRow(row));
  return nationalFigures(rows);
}

/**
 * The national figures over every published inspection, whoever asks. The fingerprint is read
 * BEFORE the figures, so figures remembered under a fingerprint are never older than it: a
 * publish between the two reads leaves newer figures under the older fingerprint, which the
 * next read no longer matches.
 */
export async function loadNationalFigures(db: PrismaClient, options: { now?: number } = {}): Promise<NationalFigures> {
  const fingerprint = await publishedFingerprint(db);
  const now = options.now ?? Date.now();
  const known = remembered.get(db);
  if (known && known.fingerprint === fingerprint && now - known.computedAt < MAX_AGE_MS) return known.figures;
  const figures = computeNationalFigures(db);
  const entry: Remembered = { fingerprint, computedAt: now, figures };
  remembered.set(db, entry);
  // A failed computation is not remembered: the next read tries again.
  void figures.catch(() => {
    if (remembered.get(db) === entry) remembered.delete(db);
  });
  return figures;
}
