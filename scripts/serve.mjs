/**
 * The one way Casemark's production server is started: by the Dockerfile (`node scripts/serve.mjs`),
 * by npm start and by the tests (scripts/lib/http-client.ts), so the artefact the deployment guide
 * describes is the one the tests run. It starts the standalone build (`output: 'standalone'`,
 * .next/standalone/server.js — or, in the image, server.js beside this folder) configured only by
 * the environment, and gives it a graceful stop:
 *
 * On SIGTERM (or SIGINT): the server is marked as stopping (GET /readyz answers 503), every open
 * event stream is closed with a retry hint (lib/ops/drain.ts) so panels reconnect to another
 * server, the listening socket is closed (no new connections; a request still arriving on an open
 * connection is served and answered with `Connection: close`), the requests in flight — saves —
 * finish, then the database pool and the LISTEN connection close and the process exits 0. After
 * CASEMARK_SHUTDOWN_SECONDS (default 20) whatever is left is cut and the process exits 1: a save
 * cut so is not acknowledged, and the page's outbox sends it again.
 *
 * Plain JavaScript with no imports beyond Node's own, so the runtime image needs neither tsx nor
 * the sources.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const candidates = [process.env.CASEMARK_STANDALONE_DIR, path.join(here, '..'), path.join(here, '..', '.next', 'standalone')].filter(
  Boolean,
);
const standaloneDir = candidates.find((dir) => existsSync(path.join(dir, 'server.js')));
if (!standaloneDir) {
  process.stderr.write(`[casemark] No standalone build found (looked in ${candidates.join(', ')}). Run npm run build first.\n`);
  process.exit(1);
}

const shutdownSeconds = Number(process.env.CASEMARK_SHUTDOWN_SECONDS ?? 20);
if (!Number.isFinite(shutdownSeconds) || shutdownSeconds < 1 || shutdownSeconds > 600) {
  process.stderr.write(
    `[casemark] CASEMARK_SHUTDOWN_SECONDS must be a number of seconds from 1 to 600 (got "${process.env.CASEMARK_SHUTDOWN_SECONDS}").\n`,
  );
  process.exit(1);
}

/**
 * Shared with the app (lib/ops/lifecycle.ts): the HTTP servers this process listens with, the
 * requests in flight, and the app's own drain and close steps, which it registers at start-up.
 */
const registry = {
  servers: new Set(),
  inFlight: 0,
  isStopping: false,
  /** Set by the app: called for each server, to attach its request log and metrics. */
  onServer: undefined,
  /** Set by the app: mark stopping and close event streams; close the pool and LISTEN connection. */
  app: undefined,
};
globalThis[Symbol.for('casemark.serve')] = registry;
const INTERNAL = Symbol.for('casemark.internal');

// Next.js creates and listens with its server inside server.js; catch it as it does.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function patchedListen(...args) {
  if (!this[INTERNAL] && !registry.servers.has(this)) {
    registry.servers.add(this);
    this.prependListener('request', (_request, response) => {
      registry.inFlight += 1;
      if (registry.isStopping) response.setHeader('Connection', 'close');
      response.once('close', () => {
        registry.inFlight -= 1;
      });
    });
    registry.onServer?.(this);
  }
  return listen.apply(this, args);
};

// Next.js's own handler would wait for every open event stream before exiting: this one drains.
process.env.NEXT_MANUAL_SIG_HANDLE = 'true';
// Not HOSTNAME itself: shells and containers set that to the machine's name.
process.env.HOSTNAME = process.env.CASEMARK_LISTEN_HOST || '0.0.0.0';

const say = (message) => process.stderr.write(`[casemark] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function stop(signal) {
  if (registry.isStopping) return;
  registry.isStopping = true;
  const deadline = Date.now() + shutdownSeconds * 1000;
  say(`${signal}: stopping (draining ${registry.inFlight} request(s), at most ${shutdownSeconds} s)`);
  try {
    registry.app?.beginDrain();
  } catch (error) {
    say(`could not close the event streams: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const server of registry.servers) {
    server.close();
    server.closeIdleConnections();
  }
  while (registry.inFlight > 0 && Date.now() < deadline) {
    await sleep(25);
    for (const server of registry.servers) server.closeIdleConnections();
  }
  const cut = registry.inFlight;
  if (cut > 0) {
    say(`${cut} request(s) still running after ${shutdownSeconds} s: cut`);
    for (const server of registry.servers) server.closeAllConnections();
  }
  try {
    await Promise.race([registry.app?.closeResources(), sleep(Math.max(1000, deadline - Date.now()))]);
  } catch (error) {
    say(`could not close the database connections cleanly: ${error instanceof Error ? error.message : String(error)}`);
  }
  say('stopped');
  process.exit(cut > 0 ? 1 : 0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

createRequire(import.meta.url)(path.join(standaloneDir, 'server.js'));
