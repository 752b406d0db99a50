import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Optimistic concurrency, one way for every form that edits something two people may edit at
 * once (answers, case details, judgements, panel decisions, case edits in set-up).
 *
 * A change is made on the version the page showed (`baseVersion`; 0 when the page had nothing
 * yet). It applies only if the record is still at that version, and then the version goes up by
 * one; otherwise nothing is written and the caller gets the record as it stands now (`theirs`),
 * so the page can show both and let the person choose ("Keep mine" sends theirs' version back
 * with their own values; "Take theirs" shows the other person's).
 */
type VersionedResult<Saved, Theirs> = { status: 'saved'; version: number; saved: Saved } | { status: 'conflict'; theirs: Theirs };

/** The version a change made on `baseVersion` gives the record. */
export const nextVersion = (baseVersion: number): number => baseVersion + 1;

/**
 * Applies `write` only if the record is still at `baseVersion`.
 *
 * `read` must return the record as it stands under a lock held until the transaction ends (a row
 * read `FOR UPDATE`, or the inspection's lock), or null when there is none yet (version 0): the
 * check and the write are then one atomic step. `write` receives the version to store.
 */
export async function writeAtVersion<Current extends { version: number }, Saved, Theirs>(args: {
  baseVersion: number;
  read: () => Promise<Current | null>;
  write: (version: number, current: Current | null) => Promise<Saved>;
  /** What the refused person is shown: the record as it stands (null when it is gone or not yet made). */
  theirs: (current: Current | null) => Theirs;
}): Promise<VersionedResult<Saved, Theirs>> {
  const current = await args.read();
  if ((current?.version ?? 0) !== args.baseVersion) {
    return { status: 'conflict', theirs: args.theirs(current) };
  }
  const version = nextVersion(args.baseVersion);
  return { status: 'saved', version, saved: await args.write(version, current) };
}

/**
 * The same rule for the one write that stays a single SQL statement (saving an answer,
 * lib/marking/save-answer.ts): the condition an UPDATE's WHERE adds, and the new version its SET
 * stores. Re-evaluated by PostgreSQL on the latest row if another save committed meanwhile, so
 * there is no lost update even without a prior read.
 */
export const sqlAtVersion = (column: Prisma.Sql, baseVersion: number): Prisma.Sql => Prisma.sql`${column} = ${baseVersion}::int`;
export const sqlNextVersion = (column: Prisma.Sql): Prisma.Sql => Prisma.sql`${column} + 1`;
/** An INSERT of a new record applies only to a change made on nothing (version 0). */
export const sqlIsNew = (baseVersion: number): Prisma.Sql => Prisma.sql`${baseVersion}::int = 0`;
