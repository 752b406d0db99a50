import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/db/embedded-postgres';
import { migrate } from '../../lib/db/migrate';
import { freePort } from '../../lib/net/free-port';
import { buildIfNeeded } from '../../scripts/lib/build';
import { postAnswerOverHttp, readPanelEvents, signIn, startNextServer } from '../../scripts/lib/http-client';
import { parseSaveResponse, SOAK_PASSWORD, seedSoakWorld, type SoakWorld } from '../../scripts/lib/soak';
import { waitForAppServersTurn } from './app-servers';
import { MIGRATIONS_DIR } from './test-database';
import { at, must } from '@/lib/must';

// The standalone artefact as the Dockerfile runs it (scripts/serve.mjs), twice on one database of
// its own (so the database can be stopped): health and readiness, the metrics port and its names,
// the JSON request log, and a rolling restart (SIGTERM) of each server in turn while inspectors save.
const SHUTDOWN_SECONDS = 10;
let dir = '';
let db: EmbeddedDatabase;
let dbOptions: { databaseDir: string; port: number; database: string };
let world: SoakWorld;
const secret = randomBytes(32).toString('base64url');
let releaseTurn: (() => Promise<void>) | undefined;

interface Server {
  port: number;
  url: string;
  metricsPort: number;
  process: ChildProcess;
}
const servers: Server[] = [];
/** Every line both servers wrote to stdout (the JSON log, after Next.js's own start-up lines). */
const logLines: string[] = [];
const jsonLog = () => logLines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

async function startServer(port: number, metricsPort: number): Promise<Server> {
  const child = await startNextServer({
    port,
    databaseUrl: db.appUrl,
    secret,
    env: { CASEMARK_LOG_FORMAT: 'json', CASEMARK_METRICS_PORT: String(metricsPort), CASEMARK_SHUTDOWN_SECONDS: String(SHUTDOWN_SECONDS) },
    onStdout: (line) => logLines.push(line),
  });
  return { port, url: `http://localhost:${port}`, metricsPort, process: child };
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; at: number }>((resolve) => {
    if (child.exitCode !== null) resolve({ code: child.exitCode, at: performance.now() });
    else child.once('exit', (code) => resolve({ code, at: performance.now() }));
  });

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

/** Asks until `check` holds (a probe is polled the way a load balancer polls it). */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function asOwner<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  releaseTurn = await waitForAppServersTurn();
  dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-ops-'));
  dbOptions = { databaseDir: path.join(dir, 'postgres'), port: await freePort(), database: 'ops' };
  db = await startEmbeddedPostgres(dbOptions);
  await migrate(db.url, MIGRATIONS_DIR, { appRole: db.appRole });
  world = await seedSoakWorld(db.url, 6, 0);
  await buildIfNeeded();
  const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
  servers.push(...(await Promise.all([startServer(at(ports, 0), at(ports, 1)), startServer(at(ports, 2), at(ports, 3))])));
}, 15 * 60_000);

afterAll(async () => {
  for (const server of servers) {
    if (server.process.exitCode === null && server.process.signalCode === null) {
      const done = exited(server.process);
      server.process.kill('SIGKILL');
      await done;
    }
  }
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await releaseTurn?.();
});

describe('the standalone server, twice on one database', () => {
  it('answers /healthz and /readyz on both servers, unauthenticated, revealing nothing else', async () => {
    for (const server of servers) {
      expect(await get(`${server.url}/healthz`)).toEqual({ status: 200, text: 'ok\n' });
      expect(await get(`${server.url}/readyz`)).toEqual({ status: 200, text: 'ready\n' });
    }
  });

  it('serves pages with the static files and public files copied into the artefact', async () => {
    const server = at(servers, 1);
    const page = await get(`${server.url}/sign-in`);
    expect(page.status).toBe(200);
    const assets = [...new Set(page.text.match(/\/_next\/static\/[^"'\s]+\.(?:css|js)/g) ?? [])];
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets.slice(0, 5)) expect((await get(`${server.url}${asset}`)).status, asset).toBe(200);
    expect((await get(`${server.url}/favicon.svg`)).status).toBe(200);
  });

  it('is not ready while the database lacks a migration this build expects, and says why in the log', async () => {
    const server = at(servers, 0);
    const latest = await asOwner(
      async (c) =>
        (await c.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`))
          .rows,
    );
    const name = at(latest, 0).migration_name;
    await asOwner((c) => c.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [name]));
    try {
      expect(await get(`${server.url}/readyz`)).toEqual({ status: 503, text: 'not ready\n' });
      expect((await get(`${server.url}/healthz`)).status).toBe(200);
      const reason = jsonLog().find((l) => l.msg === 'not ready')?.reason;
      expect(reason).toContain(name);
    } finally {
      await asOwner((c) => c.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`, [name]));
    }
    expect((await get(`${server.url}/readyz`)).status).toBe(200);
  });

  it('serves its metrics on the separate port only, under the documented names', async () => {
    const server = at(servers, 0);
    // A save and a refused sign-in, so their series have values.
    const account = at(world.accounts, 0);
    const cookie = await signIn(server.url, account.email, SOAK_PASSWORD);
    const [caseId, questionId] = at(account.keys, 0).split('|');
    const saved = await postAnswerOverHttp(server.url, {
      inspectionId: world.inspectionId,
      caseId: must(caseId, 'the case'),
      cookie,
      change: { field: 'note', questionId, note: 'Secret evidence note: the plan was late', baseVersion: 1 },
    });
    expect(parseSaveResponse(saved.status, await saved.text())).toEqual({ kind: 'saved', version: 2, isRepeat: false });
    await expect(signIn(server.url, 'nobody@ops.example', 'not-the-password-xyz')).rejects.toThrow(/Sign-in failed/);

    const text = (await get(`http://localhost:${server.metricsPort}/metrics`)).text;
    for (const name of [
      'casemark_saves_total',
      'casemark_save_duration_seconds_bucket',
      'casemark_panel_recompute_seconds_bucket',
      'casemark_panel_lag_seconds_bucket',
      'casemark_event_streams_open',
      'casemark_db_pool_connections',
      'casemark_sign_in_failures_total',
      'casemark_sign_in_delay_seconds_bucket',
      'casemark_http_request_duration_seconds_bucket',
      'casemark_process_resident_memory_bytes',
    ]) {
      expect(text, name).toContain(`${name}`);
    }
    expect(text).toMatch(/^casemark_saves_total\{outcome="saved"\} [1-9]/m);
    expect(text).toMatch(/^casemark_sign_in_failures_total [1-9]/m);
    expect(text).toMatch(/^casemark_db_pool_connections\{state="total"\} [1-9]/m);
    // Not on the public port.
    expect((await get(`${server.url}/metrics`)).status).toBe(404);
  });

  it('logs every request as JSON with its id, route, status and duration, and never a case reference, note or password', async () => {
    const requests = jsonLog().filter((l) => l.msg === 'request');
    const save = requests.find((l) => typeof l.route === 'string' && l.route.endsWith('/answers'));
    expect(save).toMatchObject({ method: 'POST', route: '/inspections/:id/cases/:id/answers', status: 200, level: 'info' });
    expect(typeof save?.requestId).toBe('string');
    expect(typeof save?.durationMs).toBe('number');
    expect(requests.some((l) => l.route === '/readyz' && l.status === 503)).toBe(true);
    const all = logLines.join('\n');
    for (const secretText of ['S-0-0', 'S-0-1', 'Secret evidence note', SOAK_PASSWORD, 'not-the-password-xyz']) {
      expect(all).not.toContain(secretText);
    }
    // A proxy's request id is kept and returned.
    const response = await fetch(`${at(servers, 1).url}/healthz`, { headers: { 'X-Request-Id': 'lb-abcdef123456' } });
    expect(response.headers.get('x-request-id')).toBe('lb-abcdef123456');
  });

  it('restarts each server in turn with SIGTERM while inspectors save: nothing lost, no server error, streams told to reconnect', async () => {
    // Inspectors save through a "load balancer": the next live server in turn; a connection the
    // stopping server refuses is tried on the other, as a balancer (or the page's outbox) would.
    const cookies = await Promise.all(world.accounts.map((a) => signIn(at(servers, 0).url, a.email, SOAK_PASSWORD)));
    const known = new Map<string, number>();
    for (const account of world.accounts) for (const key of account.keys) known.set(key, 1);
    known.set(at(at(world.accounts, 0).keys, 0), 2); // noted in the metrics test
    const acks: { key: string; version: number; value: string }[] = [];
    const serverErrors: string[] = [];
    let conflicts = 0;
    let refusedConnections = 0;
    /** Saves sent to the stopping server before its SIGTERM and answered after it (in flight). */
    let answeredAfterSignal = 0;
    let stopping: { url: string; at: number } | null = null;
    let isRunning = true;
    let turn = 0;
    const live = new Set(servers.map((s) => s.url));

    const inspector = async (index: number) => {
      const account = at(world.accounts, index);
      let n = 0;
      while (isRunning) {
        const key = at(account.keys, n % account.keys.length);
        const [caseId, questionId] = key.split('|');
        const value = n % 2 === 0 ? 'no' : 'yes';
        n += 1;
        for (;;) {
          const urls = [...live];
          const url = at(urls, turn++ % urls.length);
          const base = must(known.get(key), 'a known version');
          let response: Response;
          const sentAt = performance.now();
          try {
            response = await postAnswerOverHttp(url, {
              inspectionId: world.inspectionId,
              caseId: must(caseId, 'the case'),
              cookie: at(cookies, index),
              change: { field: 'value', questionId, value, baseVersion: base },
            });
          } catch {
            // Refused or closed before an answer: not acknowledged, so sent again; the balancer
            // takes the server out until its /readyz answers again.
            refusedConnections += 1;
            live.delete(url);
            continue;
          }
          if (stopping && stopping.url === url && sentAt < stopping.at) answeredAfterSignal += 1;
          const text = await response.text();
          if (response.status >= 500) serverErrors.push(`${response.status} from ${url}`);
          const outcome = parseSaveResponse(response.status, text);
          if (outcome.kind === 'saved') {
            known.set(key, outcome.version);
            acks.push({ key, version: outcome.version, value });
            break;
          }
          if (outcome.kind === 'conflict') {
            conflicts += 1; // a save whose answer never arrived: its version is known now (Keep mine)
            known.set(key, outcome.theirsVersion);
            continue;
          }
          if (response.status >= 500) continue;
          throw new Error(`save refused: ${outcome.reason}`);
        }
      }
    };

    // A lead's panel stream open on each server, to see it ended with a retry hint.
    const leadCookie = await signIn(at(servers, 0).url, world.leadEmail, SOAK_PASSWORD);
    const openStream = async (server: Server) => {
      const response = await fetch(`${server.url}/inspections/${world.inspectionId}/panel/events`, {
        headers: { Cookie: leadCookie, Accept: 'text/event-stream' },
      });
      let raw = '';
      const body = must(response.body, 'a stream');
      const [forText, forEvents] = body.tee();
      const ended = (async () => {
        const decoder = new TextDecoder();
        for await (const chunk of forText as unknown as AsyncIterable<Uint8Array>) raw += decoder.decode(chunk, { stream: true });
        return raw;
      })();
      let panels = 0;
      void readPanelEvents(forEvents, () => (panels += 1)).catch(() => undefined); // the reader ends with the stream
      await eventually(async () => panels > 0, 10_000, 'no first panel event');
      return { ended };
    };

    const load = Promise.all(world.accounts.map((_, i) => inspector(i)));
    void load.catch(() => undefined); // awaited (and its failure reported) below
    try {
      for (const index of [0, 1]) {
        const server = at(servers, index);
        const stream = await openStream(server);
        await new Promise((resolve) => setTimeout(resolve, 1500)); // saves flowing through both
        const acksBefore = acks.length;
        const done = exited(server.process);
        const signalledAt = performance.now();
        stopping = { url: server.url, at: signalledAt };
        server.process.kill('SIGTERM');
        const { code, at: exitedAt } = await done;
        expect(code).toBe(0);
        expect(exitedAt - signalledAt).toBeLessThan(SHUTDOWN_SECONDS * 1000);
        expect(await stream.ended).toMatch(/retry: 500\nevent: server-stopping/);
        // The other server carried on meanwhile; then this one comes back on its port.
        await eventually(async () => acks.length > acksBefore + 5, 15_000, 'saves did not go on through the other server');
        stopping = null;
        const restarted = await startServer(server.port, server.metricsPort);
        servers[index] = restarted;
        await eventually(async () => (await get(`${restarted.url}/readyz`)).status === 200, 20_000, 'the restarted server was not ready');
        live.add(restarted.url);
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      isRunning = false;
      await load;
    }

    expect(serverErrors).toEqual([]);
    expect(acks.length).toBeGreaterThan(20);
    // Saves were in flight on each stopping server, and were answered (not cut).
    expect(answeredAfterSignal).toBeGreaterThan(0);
    // Lost: every acknowledged save is in the database (its version, or a later one of the same inspector).
    const rows = await asOwner(
      async (c) =>
        (
          await c.query<{ key: string; value: string; version: number }>(
            `SELECT case_id || '|' || question_id AS key, value, version FROM answers`,
          )
        ).rows,
    );
    const inDb = new Map(rows.map((r) => [r.key, r]));
    const lost = acks.filter((a) => {
      const row = inDb.get(a.key);
      return !row || row.version < a.version || (row.version === a.version && row.value !== a.value);
    });
    expect(lost).toEqual([]);
    // Silent overwrites: each inspector owns its answers, so no save met another's change.
    expect(conflicts).toBe(0);
    process.stderr.write(
      `[ops-server] rolling restart: ${acks.length} saves acknowledged, ${answeredAfterSignal} answered after SIGTERM, ${refusedConnections} refused and sent again, 0 lost, 0 server errors\n`,
    );
  }, 120_000);

  it('is not ready while the database is down (and live all along), and ready again when it is back', async () => {
    const server = at(servers, 1);
    await db.stop();
    try {
      await eventually(async () => (await get(`${server.url}/readyz`)).status === 503, 10_000, 'still ready with the database stopped');
      expect(await get(`${server.url}/healthz`)).toEqual({ status: 200, text: 'ok\n' });
      const reasons = jsonLog()
        .filter((l) => l.msg === 'not ready')
        .map((l) => l.reason);
      expect(reasons.some((r) => typeof r === 'string' && /database unreachable|LISTEN/.test(r))).toBe(true);
    } finally {
      db = await startEmbeddedPostgres(dbOptions);
    }
    await eventually(
      async () => (await get(`${server.url}/readyz`)).status === 200,
      30_000,
      'not ready again after the database came back',
    );
  }, 90_000);
});
