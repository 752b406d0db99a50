import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getServerEnv } from '@/lib/env';
import { createPrismaClient } from './create-prisma-client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function getPrismaClient(): PrismaClient {
  // One client per process, kept on globalThis so dev reloads reuse it.
  globalForPrisma.prisma ??= createPrismaClient(getServerEnv().DATABASE_URL);
  return globalForPrisma.prisma;
}

/**
 * The Prisma client, created on first use (not at import, so `next build` needs no database).
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrismaClient();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export type { PrismaClient };
