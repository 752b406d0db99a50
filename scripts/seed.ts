// npm run db:seed — seeds the demo data into an empty database (idempotent).
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { seedDemo } from '@/prisma/seed';
import { log, runCommand } from './lib/runtime';

void runCommand(async (db) => {
  const prisma = createPrismaClient(db.url, 2);
  try {
    const { seeded } = await seedDemo(prisma);
    log(seeded ? 'Seeded the demo data.' : 'The database already has users: demo data not seeded.');
  } finally {
    await prisma.$disconnect();
  }
});
