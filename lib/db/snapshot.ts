import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/** A Prisma transaction client: what `$transaction(fn)` hands to `fn`. */
export type Tx = Prisma.TransactionClient;
/** Either a root client (the app's singleton, or one made by createPrismaClient) or a transaction. */
export type Db = PrismaClient | Tx;

/**
 * The root clients: registered where they are made (createPrismaClient, and the app's lazy
 * singleton in ./client). Anything else handed to withSnapshot is taken for a transaction client
 * only if it is not a client at all; an unregistered PrismaClient is refused rather than read
 * without the snapshot it was promised (issue 10: the app's Proxy client once failed a
 * `'$transaction' in db` test, so every loader silently read outside its snapshot).
 */
const rootClients = new WeakSet<object>();

export function registerRootClient<T extends object>(client: T): T {
  rootClients.add(client);
  return client;
}

export function isRootClient(db: Db): db is PrismaClient {
  return rootClients.has(db);
}

/**
 * Runs `fn` on one consistent snapshot of the database. Given a root client, it opens a
 * RepeatableRead, read-only transaction (every read inside sees the database as of its first
 * read, and nothing can be written by mistake). Given a transaction client, `fn` runs in that
 * transaction: the caller has already chosen its isolation.
 */
export async function withSnapshot<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  if (isRootClient(db)) {
    return db.$transaction(
      async (tx) => {
        // Both modes in one statement, before any read (one round trip fewer than Prisma's
        // isolationLevel option plus a second SET: the live panel opens a snapshot per recompute).
        await tx.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return fn(tx);
      },
      { timeout: options.timeout ?? 15_000 },
    );
  }
  if ('$transaction' in db) throw new Error('withSnapshot: a Prisma client not made by createPrismaClient; make it there.');
  return fn(db);
}
