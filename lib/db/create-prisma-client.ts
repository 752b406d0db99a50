import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { trackPool } from '@/lib/ops/metrics';
import { registerRootClient } from './snapshot';

/** A Prisma client on the pg driver adapter. The app uses the singleton in ./client. */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  // The pool the adapter creates is counted in casemark_db_pool_connections (lib/ops/metrics.ts).
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const connected = await connect();
    trackPool(connected.underlyingDriver());
    return connected;
  };
  return registerRootClient(new PrismaClient({ adapter }));
}
