// npm run user:create -- --email ada@example.gov.uk --name "Ada Lovelace" [--admin] [--password …]
// Without --password the password is read from CASEMARK_NEW_PASSWORD or standard input.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { createUser } from '@/lib/users/create-user';
import { log, runCommand } from './lib/runtime';

const USAGE = 'Usage: npm run user:create -- --email <email> --name <name> [--admin] [--password <password>]';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

let args: { email?: string; name?: string; admin?: boolean; password?: string };
try {
  args = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
      password: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(1);
}
if (!args.email || !args.name) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(1);
}

void runCommand(
  async (db) => {
    const password = args.password ?? process.env.CASEMARK_NEW_PASSWORD ?? (await readStdin());
    const prisma = createPrismaClient(db.url, 2);
    try {
      const user = await createUser(prisma, { email: args.email, name: args.name, password, isAdmin: args.admin }, null);
      log(`Created ${user.isAdmin ? 'admin ' : ''}user ${user.email}.`);
    } finally {
      await prisma.$disconnect();
    }
  },
  { quiet: true },
);
