import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getServerEnv } from '@/lib/env';
import { createPrismaClient } from './create-prisma-client';
import { registerRootClient } from './snapshot';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function getPrismaClient(): PrismaClient {
  // One client per process, kept on globalThis so dev reloads reuse it.
  globalForPrisma.prisma ??= createPrismaClient(getServerEnv().DATABASE_URL);
  return globalForPrisma.prisma;
}

/**
 * The Prisma client, created on first use (not at import, so `next build` needs no database).
 * It is registered as a root client, so `withSnapshot(prisma, …)` opens a transaction on it
 * (lib/db/snapshot.ts); the `has` trap makes `'$transaction' in prisma` tell the truth too.
 */
export const prisma: PrismaClient = registerRootClient(
  new Proxy({} as PrismaClient, {
    get(_target, property) {
      const client = getPrismaClient();
      const value = Reflect.get(client, property, client);
      return typeof value === 'function' ? value.bind(client) : value;
    },
    has(_target, property) {
      return Reflect.has(getPrismaClient(), property);
    },
  }),
);

export type { PrismaClient };
