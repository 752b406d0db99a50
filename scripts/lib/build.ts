/**
 * The production build in .next, built when there is none or the sources are newer (npm start,
 * npm run soak, the tests that start servers). A lock keeps two commands on one checkout from
 * building at once. The build is the standalone artefact (.next/standalone, started by
 * scripts/serve.mjs) with its static files and public/ copied in, as the Dockerfile copies them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { log } from './runtime';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'generated' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isBuildCurrent(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId) || !existsSync(path.join(root, '.next', 'standalone', 'server.js'))) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = Math.max(
    ...['app', 'components', 'lib', 'public', 'prisma'].map((d) => newestMtime(path.join(root, d))),
    ...['package-lock.json', 'next.config.js', 'postcss.config.mjs'].map((f) =>
      existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0,
    ),
  );
  return built >= sources;
}

/** Copies what `next build` leaves out of .next/standalone: the static files and public/ (as the Dockerfile does). */
function completeStandalone(): void {
  const standalone = path.join(root, '.next', 'standalone');
  cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
  if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
  // Touched last, so a build interrupted while copying is redone.
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const now = new Date();
  utimesSync(buildId, now, now);
}

/** Builds when needed; a lock keeps two starts on one checkout from building at once. */
export async function buildIfNeeded(): Promise<void> {
  const lock = path.join(root, '.next-build.lock');
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another start is building; a lock older than 10 minutes was left by a killed run.
      if (waited === 0) log('Waiting for another build of this checkout to finish…');
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (isBuildCurrent()) return;
    log('Building the app (first run or sources changed)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error('The build failed.');
    completeStandalone();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
