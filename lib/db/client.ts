import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getServerEnv } from '@/lib/env';
import { createPrismaClient } from './create-prisma-client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The one Prisma client of the process (kept on globalThis so dev reloads reuse it). */
export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrismaClient(getServerEnv().DATABASE_URL);
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export type { PrismaClient };
