// Runs `prisma generate` without Prisma's native schema engine, which cannot be
// downloaded everywhere (it is not used for generating; any existing file satisfies the check).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const cli = path.join(process.cwd(), 'node_modules', 'prisma', 'build', 'index.js');
const result = spawnSync(process.execPath, [cli, 'generate', ...process.argv.slice(2)], { stdio: ['ignore', 2, 2], env });
process.exit(result.status ?? 1);
