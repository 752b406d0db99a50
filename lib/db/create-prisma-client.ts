import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { registerRootClient } from './snapshot';

/** A Prisma client on the pg driver adapter. The app uses the singleton in ./client. */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return registerRootClient(new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) }));
}
