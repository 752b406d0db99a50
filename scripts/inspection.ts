// npm run -s inspection -- export <inspection id> > inspection.json
// npm run -s inspection -- import <inspection.json> --as <admin email>
// Exports one inspection as an interchange file (casemark/inspection@1, docs/interchange.md) on
// stdout, or imports a file as a NEW inspection. Import acts for the admin named by --as (the
// audit trail records them). Errors go to stderr with exit code 1; a refused import writes
// nothing.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { exportInspection } from '@/lib/interchange/export-inspection';
// Whoever may run commands on the server may read any inspection: the export runs on the
// system's account (an explicit SystemActor, which can only read), not as a made-up user.
import { systemActor } from '@/lib/auth/permissions';
import { importInspection } from '@/lib/interchange/import-inspection';
import { parseCasemarkDocument } from '@/lib/interchange/document';
import { readInterchangeText } from '@/lib/interchange/read-file';
import { log, runCommand } from './lib/runtime';

const USAGE = [
  'Usage:',
  '  npm run -s inspection -- export <inspection id> > inspection.json',
  '  npm run -s inspection -- import <inspection.json> --as <admin email>',
].join('\n');

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

/** Writes to stdout and waits until it is handed to the pipe (process.exit would cut it short). */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

let positionals: string[] = [];
let asOption: string | undefined;
try {
  const parsed = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { as: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  positionals = parsed.positionals;
  asOption = parsed.values.as;
} catch (error) {
  fail([(error as Error).message, USAGE]);
}
const [command, target, ...rest] = positionals;
if (!command || !target || rest.length || (command !== 'export' && command !== 'import')) fail([USAGE]);

if (command === 'export') {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(target))
    fail([`"${target}" is not an inspection id (a UUID, as in the inspection's web address).`]);
  void runCommand(
    async (db) => {
      const prisma = createPrismaClient(db.url, 2);
      try {
        if (!(await prisma.inspection.findUnique({ where: { id: target }, select: { id: true } })))
          throw new Error(`There is no inspection ${target}.`);
        const document = await exportInspection(prisma, systemActor('cli: inspection export'), target);
        await writeStdout(`${JSON.stringify(document, null, 2)}\n`);
        log(`Exported inspection ${target}: ${document.cases.length} case(s).`);
      } finally {
        await prisma.$disconnect();
      }
    },
    { quiet: true },
  );
} else {
  const asEmail = asOption?.trim().toLowerCase();
  if (!asEmail) fail(['Say which admin is importing: --as <admin email> (the audit trail records them).', USAGE]);

  // The file is checked before the database is touched.
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (error) {
    fail([`Cannot read ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`]);
  }
  const read = readInterchangeText(text, target);
  if (!read.ok) fail([read.error]);
  const json = read.json;
  const checked = parseCasemarkDocument(json);
  if (!checked.ok) {
    fail([
      `${target} is not a valid inspection file (${checked.errors.length} error${checked.errors.length === 1 ? '' : 's'}); nothing was imported:`,
      ...checked.errors.map((e) => `  ${e}`),
    ]);
  }

  void runCommand(
    async (db) => {
      const prisma = createPrismaClient(db.url, 2);
      try {
        const admin = await prisma.user.findUnique({ where: { email: asEmail }, select: { id: true, isAdmin: true, isActive: true } });
        if (!admin || !admin.isActive || !admin.isAdmin) {
          throw new Error(
            `--as ${asEmail}: imports are made by an active admin user, and ${asEmail} is ${admin ? 'not one' : 'not a user'}.`,
          );
        }
        const result = await importInspection(prisma, { id: admin.id, isAdmin: true }, json, { fileName: target });
        if (!result.ok) {
          throw new Error(
            [
              `${target} cannot be imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}); nothing was imported:`,
              ...result.errors.map((e) => `  ${e}`),
            ].join('\n'),
          );
        }
        await writeStdout(
          `${JSON.stringify({ inspectionId: result.inspectionId, service: result.serviceName, isNewService: result.isNewService, cases: result.cases, answers: result.answers })}\n`,
        );
        log(
          `Imported ${target} as inspection ${result.inspectionId} (${result.serviceName}, ${result.cases} case(s), ${result.answers} answer(s)).`,
        );
      } finally {
        await prisma.$disconnect();
      }
    },
    { quiet: true },
  );
}
