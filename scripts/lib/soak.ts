/**
 * The soak (issue 11): simulated inspectors mark over HTTP against the production build while the
 * database stops and starts, the app server is killed and restarted and some requests are cut,
 * and three live panel streams listen. Then it checks that nothing acknowledged was lost or
 * silently overwritten and that the panel agrees with a recount from the database.
 *
 * Issue 20: the inspectors reach the app through a TCP proxy (scripts/lib/tcp-proxy.ts) that
 * cuts every connection and, later, black-holes them (accepts, never answers) for a while, as
 * guest Wi-Fi does; every save gives up after SAVE_TIMEOUT_MS, as the page's do. Each save names
 * its owner, some devices find another user's session under them for a while (the other person
 * signed in on that browser), and no answer may end up saved under anyone but its owner. Used by
 * `npm run soak` (scripts/soak.ts) and, briefly, by tests/integration/soak.int.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { DEFAULT_MIGRATIONS_DIR, migrate } from '@/lib/db/migrate';
import { getFramework, listStandardsForCase } from '@/lib/framework';
import { freePort } from '@/lib/net/free-port';
import { computeInspection } from '@/lib/rating/compute-inspection';
import type { QuestionCounts } from '@/lib/rating/key-question';
import { buildIfNeeded } from './build';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { postAnswerOverHttp, readPanelEvents, signIn, startNextServer, stopServer, summarise } from './http-client';
import { at, must } from '@/lib/must';
import { SAVE_TIMEOUT_MS } from '@/lib/offline/connectivity';

/** Every seeded account's password. */
export const SOAK_PASSWORD = 'soak-password-1';
const PASSWORD = SOAK_PASSWORD;
const CASES_PER_INSPECTOR = 2;

interface SoakOptions {
  inspectors: number;
  minutes: number;
  /** Pairs of devices of one inspector editing the same few answers (conflicts expected). */
  pairs?: number;
  panelStreams?: number;
  /** Stop the database for this long midway (0: no outage). */
  databaseOutageSeconds?: number;
  /** Kill (SIGKILL) and restart the app server once midway. */
  appRestart?: boolean;
  /**
   * Two app servers on the one database behind a balancer, each stopped in turn with SIGTERM (a
   * graceful stop, as a rolling deployment does) and started again midway, instead of the kill
   * (issue 24). No save may be answered with a server error while they roll.
   */
  rollingRestart?: boolean;
  /** Requests cut mid-flight (fetch aborted) midway. */
  aborts?: number;
  /** Every connection through the proxy cut, then refused, for this long midway (0: none). */
  cutSeconds?: number;
  /** Every connection through the proxy black-holed for this long midway (0: none). */
  blackHoleSeconds?: number;
  /** Devices that find the lead signed in on their browser for a while midway (0: none). */
  sessionSwaps?: number;
  /** Pause between one inspector's saves, ms: [min, max], uniformly jittered. */
  paceMs?: [number, number];
  log?: (line: string) => void;
}

interface SoakCheck {
  name: string;
  ok: boolean;
  detail: string;
}

interface SoakFigures {
  inspectors: number;
  seconds: number;
  acknowledged: number;
  savesPerSecond: number;
  save: ReturnType<typeof summarise>;
  panelLag: ReturnType<typeof summarise>;
  conflictsShown: number;
  /** Saves sent again after their reply was lost and known by their change id: nothing written, no conflict (ADR 0015). */
  repeats: number;
  retries: number;
  aborted: number;
  /** Saves that gave up on a silent connection. */
  timedOut: number;
  /** Saves refused because another user was signed in on the device. */
  refusedNotOwner: number;
  /** Saves answered with a server error (5xx), over the whole run and while the servers rolled. */
  serverErrors: number;
  serverErrorsWhileRolling: number;
  /** Saves sent to a server before its SIGTERM and answered by it after (drained, not cut). */
  answeredAfterSigterm: number;
  panelEvents: number;
}

export interface SoakResult {
  ok: boolean;
  checks: SoakCheck[];
  figures: SoakFigures;
}

interface Ack {
  key: string;
  client: number;
  version: number;
  base: number;
  /** Where the client learnt its base version: its own acknowledged save, a shown conflict, or the page load. */
  baseFrom: 'ack' | 'conflict' | 'load';
  value: 'yes' | 'no';
  at: number;
  /** The round trip of the request that was acknowledged. */
  ms: number;
}

interface Client {
  index: number;
  cookie: string;
  /** The user whose changes this device makes, and their email (to sign in again). */
  ownerId: string;
  email: string;
  /** Answers this client marks: `${caseId}|${questionId}`. */
  keys: string[];
  /** What the page knows per answer: the version it was loaded or saved at, and where from. */
  known: Map<string, { version: number; from: Ack['baseFrom']; value: 'yes' | 'no' }>;
  /** What the page shows as "Saved" per answer (value and version). */
  shownSaved: Map<string, { value: 'yes' | 'no'; version: number }>;
  pending: number;
}

type Outcome =
  { kind: 'saved'; version: number; isRepeat: boolean } | { kind: 'conflict'; theirsVersion: number } | { kind: 'failed'; reason: string };

/** Parses the save route's answer: the ActionResponse of saveAnswer, as JSON (lib/http/json-action-route.ts). */
export function parseSaveResponse(status: number, text: string): Outcome {
  let json: {
    ok?: unknown;
    code?: unknown;
    reason?: unknown;
    data?: { status?: unknown; isRepeat?: unknown; answer?: { version?: unknown }; theirs?: { version?: unknown } };
  };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return { kind: 'failed', reason: `HTTP ${status}` };
  }
  if (status === 200 && json.ok === true) {
    const { status: saveStatus, isRepeat, answer, theirs } = json.data ?? {};
    if (saveStatus === 'saved' && typeof answer?.version === 'number')
      return { kind: 'saved', version: answer.version, isRepeat: isRepeat === true };
    if (saveStatus === 'conflict' && typeof theirs?.version === 'number') return { kind: 'conflict', theirsVersion: theirs.version };
  }
  if (json.reason === 'not_owner') return { kind: 'failed', reason: 'not_owner' };
  return { kind: 'failed', reason: typeof json.code === 'string' ? json.code : `HTTP ${status}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a stopping server may take (CASEMARK_SHUTDOWN_SECONDS), in the soak. */
const SHUTDOWN_SECONDS = 10;

/** A load balancer's probe: GET /readyz answered 200 within 2 s. */
async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
    await response.text();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Signs in as a person would on a struggling server: tries again a few times before giving up. */
async function signInPatiently(baseUrl: string | (() => string), email: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A sign-in on a silent connection is given up too, as a person would.
      return await Promise.race([
        signIn(typeof baseUrl === 'string' ? baseUrl : baseUrl(), email, PASSWORD),
        sleep(SAVE_TIMEOUT_MS).then(() => Promise.reject(new Error(`No answer to signing in as ${email}`))),
      ]);
    } catch (error) {
      if (attempt >= 6) throw error;
      await sleep(1000 * attempt);
    }
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[soak] ${line}\n`));
  const pairs = Math.min(options.pairs ?? Math.max(1, Math.floor(options.inspectors / 5)), Math.floor(options.inspectors / 2));
  const streams = options.panelStreams ?? 3;
  const [paceMin, paceMax] = options.paceMs ?? [1000, 3000];
  const durationMs = options.minutes * 60_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-soak-'));
  const dbPort = await freePort();
  const dbOptions = { databaseDir: path.join(dir, 'postgres'), port: dbPort, database: 'soak' };
  let db: EmbeddedDatabase = await startEmbeddedPostgres(dbOptions);
  let app: ChildProcess | undefined;
  let second: ChildProcess | undefined;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>> | undefined;
  let secondProxy: Awaited<ReturnType<typeof startTcpProxy>> | undefined;
  const secret = randomBytes(32).toString('base64url');
  const abortAll = new AbortController();
  try {
    await migrate(db.url, DEFAULT_MIGRATIONS_DIR, { appRole: db.appRole });
    const world = await seedSoakWorld(db.url, options.inspectors, pairs);
    await buildIfNeeded();
    const port = await freePort();
    const shutdownEnv = { CASEMARK_SHUTDOWN_SECONDS: String(SHUTDOWN_SECONDS) };
    app = await startNextServer({ port, databaseUrl: db.appUrl, secret, env: shutdownEnv });
    // The inspectors' network: everything they send goes through the proxy (the panel streams too).
    proxy = await startTcpProxy({ target: { host: 'localhost', port } });
    const baseUrl = `http://localhost:${proxy.port}`;
    const appUrl = `http://localhost:${port}`;
    // A rolling restart needs a second server behind the balancer, reached through its own proxy
    // (the network's faults are set on both).
    const secondPort = options.rollingRestart ? await freePort() : 0;
    if (options.rollingRestart) {
      second = await startNextServer({ port: secondPort, databaseUrl: db.appUrl, secret, env: shutdownEnv });
      secondProxy = await startTcpProxy({ target: { host: 'localhost', port: secondPort } });
    }
    const proxies = [proxy, ...(secondProxy ? [secondProxy] : [])];
    const setNetwork = async (mode: Parameters<TcpProxy['setMode']>[0]) => {
      for (const p of proxies) await p.setMode(mode);
    };
    /**
     * The balancer: each request to the next server in turn that is in rotation. A connection
     * that fails takes its server out until its /readyz answers again (polled below), as a load
     * balancer does; with one server there is nothing to balance.
     */
    const upstreams = proxies.map((p) => `http://localhost:${p.port}`);
    const inRotation = new Set(upstreams);
    let turn = 0;
    const pickUrl = () => {
      const live = upstreams.filter((u) => inRotation.has(u));
      return live.length === 0 ? at(upstreams, turn++ % upstreams.length) : at(live, turn++ % live.length);
    };
    const takeOut = (url: string) => {
      if (upstreams.length > 1) inRotation.delete(url);
    };
    const appUrls = [appUrl, ...(options.rollingRestart ? [`http://localhost:${secondPort}`] : [])];
    log(
      `app on ${upstreams.join(' and ')}, database on port ${dbPort}; ${options.inspectors} inspectors (${pairs} pairs on shared answers), ${streams} panel streams, ${options.minutes} min`,
    );

    // Each simulated inspector (device) signs in once and keeps its cookie.
    const clients: Client[] = [];
    for (let i = 0; i < options.inspectors; i++) {
      const account = at(world.accounts, i);
      clients.push({
        index: i,
        ownerId: account.userId,
        email: account.email,
        cookie: await signInPatiently(baseUrl, account.email),
        keys: account.keys,
        known: new Map(account.keys.map((k) => [k, { version: 1, from: 'load' as const, value: 'yes' as const }])),
        shownSaved: new Map(),
        pending: 0,
      });
    }
    const leadCookie = await signInPatiently(baseUrl, world.leadEmail);

    // The live panel streams: the lead's browser tabs, reconnecting as EventSource does.
    const panelEvents: number[][] = Array.from({ length: streams }, () => []);
    let streamTurn = 0;
    const lastPanel: (unknown | null)[] = Array.from({ length: streams }, () => null);
    const streamLoops = panelEvents.map((events, s) =>
      (async () => {
        while (!abortAll.signal.aborted) {
          try {
            // The lead watches from the office: the panel streams reach the app directly (a stream
            // a stopping server ends is opened again on the next server).
            const response = await fetch(
              `${at(appUrls, (s + streamTurn++) % appUrls.length)}/inspections/${world.inspectionId}/panel/events`,
              {
                headers: { Cookie: leadCookie, Accept: 'text/event-stream' },
                signal: abortAll.signal,
              },
            );
            if (!response.ok || !response.body) throw new Error(`panel stream: HTTP ${response.status}`);
            await readPanelEvents(response.body, (data) => {
              events.push(performance.now());
              lastPanel[s] = data;
            });
          } catch {
            /* the server or the database went away: reconnect */
          }
          if (!abortAll.signal.aborted) await sleep(2000);
        }
      })(),
    );

    const acks: Ack[] = [];
    let conflictsShown = 0;
    let retries = 0;
    let repeats = 0;
    let aborted = 0;
    let timedOut = 0;
    let refusedNotOwner = 0;
    let serverErrors = 0;
    let serverErrorsWhileRolling = 0;
    let answeredAfterSigterm = 0;
    /** The server being stopped with SIGTERM (its proxy's URL) and when, while the servers roll. */
    let stopping: { url: string; at: number } | null = null;
    let isRolling = false;
    let abortsLeft = 0;
    const faultWindows: [number, number][] = [];
    const rollingFailures: string[] = [];
    const started = performance.now();
    const stopAt = started + durationMs;
    // Out-of-band: a change not yet confirmed is kept and retried until confirmed, as the page does.
    const drainDeadline = () => stopAt + 60_000;

    const send = async (
      client: Client,
      key: string,
      value: 'yes' | 'no',
      base: number,
      changeId: string,
    ): Promise<Outcome & { ms: number }> => {
      const [caseId, questionId] = key.split('|');
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let isCut = false;
      if (abortsLeft > 0) {
        abortsLeft -= 1;
        isCut = true;
        timer = setTimeout(() => controller.abort(), 2 + Math.random() * 8);
      }
      // As the page: a save not answered in SAVE_TIMEOUT_MS is given up and tried again.
      const timeout = setTimeout(() => controller.abort(), SAVE_TIMEOUT_MS);
      const t0 = performance.now();
      const url = pickUrl();
      try {
        const response = await postAnswerOverHttp(url, {
          inspectionId: world.inspectionId,
          caseId: must(caseId, 'the case of a key'),
          cookie: client.cookie,
          change: { field: 'value', questionId, value, baseVersion: base, changeId, ownerId: client.ownerId },
          signal: controller.signal,
        });
        const text = await response.text();
        if (stopping && stopping.url === url && t0 < stopping.at) answeredAfterSigterm += 1;
        if (response.status >= 500) {
          serverErrors += 1;
          if (isRolling) serverErrorsWhileRolling += 1;
        }
        return { ...parseSaveResponse(response.status, text), ms: performance.now() - t0 };
      } catch (error) {
        if (controller.signal.aborted) {
          if (isCut) aborted += 1;
          else timedOut += 1;
        } else takeOut(url); // refused or closed: not acknowledged, so sent again (elsewhere)
        return { kind: 'failed', reason: String(error), ms: performance.now() - t0 };
      } finally {
        clearTimeout(timer);
        clearTimeout(timeout);
      }
    };

    /** One change, as the page handles it: retried with back-off, a conflict resolved by "Keep mine". */
    const change = async (client: Client, key: string, value: 'yes' | 'no') => {
      client.pending += 1;
      client.shownSaved.delete(key); // "Saving…"
      let backoff = 250;
      // One id for every try of this change, as the page gives it (ADR 0015).
      const changeId = randomUUID();
      while (performance.now() < drainDeadline()) {
        const known = client.known.get(key)!;
        const outcome = await send(client, key, value, known.version, changeId);
        if (outcome.kind === 'saved') {
          if (outcome.isRepeat) repeats += 1;
          acks.push({
            ms: outcome.ms,
            key,
            client: client.index,
            version: outcome.version,
            base: known.version,
            baseFrom: known.from,
            value,
            at: performance.now(),
          });
          client.known.set(key, { version: outcome.version, from: 'ack', value });
          client.shownSaved.set(key, { value, version: outcome.version });
          client.pending -= 1;
          return;
        }
        if (outcome.kind === 'conflict') {
          // Shown to the writer (both values); the inspector chooses "Keep mine": resend on theirs.
          conflictsShown += 1;
          client.known.set(key, { version: outcome.theirsVersion, from: 'conflict', value });
          continue;
        }
        if (outcome.kind === 'failed' && outcome.reason === 'not_owner') {
          // Refused, nothing written: the change stays with its owner, who signs in again.
          refusedNotOwner += 1;
          client.cookie = await signInPatiently(pickUrl, client.email).catch(() => client.cookie);
        }
        retries += 1;
        await sleep(backoff * (0.5 + Math.random()));
        backoff = Math.min(backoff * 2, 4000);
      }
    };

    const inspectorLoops = clients.map(async (client) => {
      await sleep(Math.random() * paceMax);
      while (performance.now() < stopAt) {
        const key = at(client.keys, Math.floor(Math.random() * client.keys.length));
        const next = client.known.get(key)!.value === 'yes' ? 'no' : 'yes';
        await change(client, key, next);
        await sleep(paceMin + Math.random() * (paceMax - paceMin));
      }
    });

    // The faults, midway.
    const faults = (async () => {
      const at = (fraction: number) => sleep(Math.max(0, started + durationMs * fraction - performance.now()));
      if (options.databaseOutageSeconds) {
        await at(0.3);
        const t = performance.now();
        log(`stopping the database for ${options.databaseOutageSeconds} s`);
        await db.stop();
        await sleep(options.databaseOutageSeconds * 1000);
        db = await startEmbeddedPostgres(dbOptions);
        log('database started again');
        faultWindows.push([t, performance.now() + 5000]);
      }
      if (options.aborts) {
        await at(0.5);
        log(`cutting ${options.aborts} requests mid-flight`);
        abortsLeft = options.aborts;
      }
      if (options.sessionSwaps) {
        await at(0.55);
        log(`the lead signs in on ${options.sessionSwaps} inspectors' devices`);
        for (const client of clients.slice(0, options.sessionSwaps)) client.cookie = leadCookie;
      }
      if (options.rollingRestart) {
        await at(0.65);
        const t = performance.now();
        isRolling = true;
        // Each server in turn, as a rolling deployment: SIGTERM (it drains its saves and ends its
        // streams with a retry hint), then the new one on the same port, back in rotation once ready.
        const ports = [port, secondPort];
        for (const index of [0, 1]) {
          const child = index === 0 ? app : second;
          const url = must(upstreams[index], 'a server behind the balancer');
          if (!child) continue;
          const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
          const signalledAt = performance.now();
          stopping = { url, at: signalledAt };
          log(`SIGTERM to app server ${index + 1} of 2`);
          child.kill('SIGTERM');
          const code = await exited;
          const stoppedIn = (performance.now() - signalledAt) / 1000;
          log(`app server ${index + 1} stopped (exit ${code}) in ${stoppedIn.toFixed(1)} s; starting it again`);
          if (code !== 0) rollingFailures.push(`server ${index + 1} exited ${code}`);
          if (stoppedIn > SHUTDOWN_SECONDS + 1) rollingFailures.push(`server ${index + 1} took ${stoppedIn.toFixed(1)} s to stop`);
          stopping = null;
          const restarted = await startNextServer({
            port: must(ports[index], 'its port'),
            databaseUrl: db.appUrl,
            secret,
            env: shutdownEnv,
          });
          if (index === 0) app = restarted;
          else second = restarted;
          while (!(await isReady(url))) await sleep(500);
          inRotation.add(url);
          log(`app server ${index + 1} ready and back in rotation`);
        }
        isRolling = false;
        faultWindows.push([t, performance.now() + 5000]);
      } else if (options.appRestart) {
        await at(0.65);
        const t = performance.now();
        log('killing the app server');
        await stopServer(app, true);
        app = await startNextServer({ port, databaseUrl: db.appUrl, secret });
        log('app server started again');
        faultWindows.push([t, performance.now() + 5000]);
      }
    })();

    // The balancer's health checks: a server taken out of rotation comes back once it is ready.
    const healthChecks = (async () => {
      while (!abortAll.signal.aborted && performance.now() < drainDeadline()) {
        for (const url of upstreams) if (!inRotation.has(url) && !isRolling && (await isReady(url))) inRotation.add(url);
        await sleep(1000);
      }
    })();
    void healthChecks.catch(() => undefined);

    // The network's faults, beside the server's (a cut may come during a database outage, as in the field).
    const networkFaults = (async () => {
      const at = (fraction: number) => sleep(Math.max(0, started + durationMs * fraction - performance.now()));
      if (options.cutSeconds && proxy) {
        // Over before the requests cut mid-flight at 50 %, so those still meet a live connection.
        await at(0.38);
        const t = performance.now();
        log(`cutting every connection, then refusing them, for ${options.cutSeconds} s`);
        await setNetwork('cut');
        await sleep((options.cutSeconds * 1000) / 2);
        await setNetwork('refuse');
        await sleep((options.cutSeconds * 1000) / 2);
        await setNetwork('forward');
        faultWindows.push([t, performance.now() + 5000]);
      }
      if (options.blackHoleSeconds && proxy) {
        await at(0.8);
        const t = performance.now();
        log(`black-holing every connection for ${options.blackHoleSeconds} s`);
        await setNetwork('black-hole');
        await sleep(options.blackHoleSeconds * 1000);
        await setNetwork('forward');
        faultWindows.push([t, performance.now() + SAVE_TIMEOUT_MS + 5000]);
      }
    })();

    await Promise.all([...inspectorLoops, faults, networkFaults]);
    const seconds = (performance.now() - started) / 1000;
    // Settle: let the last saves' panel pushes arrive.
    await sleep(3000);
    abortAll.abort();
    await Promise.allSettled(streamLoops);

    // The database's word.
    const owner = new pg.Client({ connectionString: db.url });
    await owner.connect();
    const rows = (
      await owner.query<{ case_id: string; question_id: string; value: 'yes' | 'no'; version: number; updated_by_id: string }>(
        `SELECT case_id, question_id, value, version, updated_by_id FROM answers WHERE inspection_id = $1`,
        [world.inspectionId],
      )
    ).rows;
    const countRows = (
      await owner.query<{ question_id: string; yes: number; no: number; na: number }>(
        `SELECT question_id, count(*) FILTER (WHERE value = 'yes')::int AS yes, count(*) FILTER (WHERE value = 'no')::int AS no,
                count(*) FILTER (WHERE value = 'na')::int AS na
         FROM answers WHERE inspection_id = $1 AND value IS NOT NULL GROUP BY question_id`,
        [world.inspectionId],
      )
    ).rows;
    await owner.end();
    const inDb = new Map(rows.map((r) => [`${r.case_id}|${r.question_id}`, r]));

    const checks = checkSaves({
      acks,
      inDb,
      conflictsShown,
      clients: clients.map((c) => ({ pending: c.pending, shownSaved: c.shownSaved })),
      ownerOf: new Map(world.accounts.flatMap((a) => a.keys.map((k) => [k, a.userId] as const))),
    });

    // The panel against a recount: one GROUP BY and the pure rating engine.
    const counts: QuestionCounts = {};
    for (const r of countRows) counts[r.question_id] = { yes: r.yes, no: r.no, na: r.na };
    const recount = JSON.parse(JSON.stringify(computeInspection('2021', { counts, judgements: {}, panel: [], resettlementCases: 0 })));
    let panelMismatch = 0;
    for (const data of lastPanel) {
      const result = (data as { result?: unknown } | null)?.result;
      if (JSON.stringify(result) !== JSON.stringify(recount)) panelMismatch += 1;
    }
    if (options.rollingRestart)
      checks.push({
        name: 'rolling restart: no save answered with a server error',
        ok: serverErrorsWhileRolling === 0 && rollingFailures.length === 0,
        detail: `${serverErrorsWhileRolling} server errors while the servers rolled; ${answeredAfterSigterm} saves in flight at a SIGTERM answered by the stopping server${rollingFailures.length ? `; ${rollingFailures.join(', ')}` : ''}`,
      });
    checks.push({
      name: 'panel equals a recount',
      ok: panelMismatch === 0,
      detail: `${streams - panelMismatch} of ${streams} streams' last figures equal the recount`,
    });

    // Panel lag: a save acknowledged → the next event on each stream (outside the fault windows).
    const inFault = (t: number) => faultWindows.some(([from, to]) => t >= from && t <= to);
    const lags: number[] = [];
    const cursors = panelEvents.map(() => 0);
    for (const ack of [...acks].sort((a, b) => a.at - b.at)) {
      if (inFault(ack.at)) continue;
      panelEvents.forEach((events, s) => {
        let cursor = at(cursors, s);
        while (cursor < events.length && at(events, cursor) < ack.at) cursor += 1;
        cursors[s] = cursor;
        if (cursor < events.length) lags.push(at(events, cursor) - ack.at);
      });
    }
    const figures: SoakFigures = {
      inspectors: options.inspectors,
      seconds,
      acknowledged: acks.length,
      savesPerSecond: acks.length / seconds,
      save: summarise(acks.filter((a) => !inFault(a.at)).map((a) => a.ms)),
      panelLag: summarise(lags),
      conflictsShown,
      repeats,
      retries,
      aborted,
      timedOut,
      refusedNotOwner,
      serverErrors,
      serverErrorsWhileRolling,
      answeredAfterSigterm,
      panelEvents: panelEvents.reduce((n, e) => n + e.length, 0),
    };
    return { ok: checks.every((c) => c.ok), checks, figures };
  } finally {
    abortAll.abort();
    await proxy?.close().catch(() => undefined);
    await secondProxy?.close().catch(() => undefined);
    if (app) await stopServer(app).catch(() => undefined);
    if (second) await stopServer(second).catch(() => undefined);
    await db.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The soak's checks on saves, from what the clients were told and what the database holds:
 * lost, silent overwrites, and "Saved" shown for a change the database lacks.
 */
export type AckedSave = Pick<Ack, 'key' | 'client' | 'version' | 'base' | 'baseFrom' | 'value'>;

export function checkSaves(input: {
  acks: AckedSave[];
  inDb: Map<string, { value: string | null; version: number; updated_by_id?: string }>;
  clients: { pending: number; shownSaved: Map<string, { value: string; version: number }> }[];
  conflictsShown: number;
  /** Whose each answer is (the inspector it is allocated to): nobody else may have saved it. */
  ownerOf?: Map<string, string>;
}): SoakCheck[] {
  const { acks, inDb, clients, conflictsShown, ownerOf } = input;
  const checks: SoakCheck[] = [];
  // Lost: an acknowledged version absent, or present with another value.
  const byKey = new Map<string, AckedSave[]>();
  for (const ack of acks) byKey.set(ack.key, [...(byKey.get(ack.key) ?? []), ack]);
  let lost = 0;
  let duplicateVersions = 0;
  for (const [key, list] of byKey) {
    const row = inDb.get(key);
    const versions = new Set<number>();
    for (const ack of list) {
      if (versions.has(ack.version)) duplicateVersions += 1;
      versions.add(ack.version);
      if (!row || row.version < ack.version || (row.version === ack.version && row.value !== ack.value)) lost += 1;
    }
  }
  checks.push({
    name: 'lost',
    ok: lost === 0 && duplicateVersions === 0,
    detail: `${lost} acknowledged saves missing, ${duplicateVersions} versions acknowledged twice, of ${acks.length}`,
  });

  // Silent overwrites: an acknowledged save replaced by a write that was not made on it.
  const ackAt = new Map(acks.map((a) => [`${a.key}#${a.version}`, a]));
  let silent = 0;
  for (const ack of acks) {
    if (ack.version !== ack.base + 1) silent += 1; // the server ignored the version check
    const replaced = ackAt.get(`${ack.key}#${ack.base}`);
    if (replaced && replaced.client !== ack.client && ack.baseFrom !== 'conflict') silent += 1;
  }
  checks.push({ name: 'silent overwrites', ok: silent === 0, detail: `${silent} (conflicts shown to writers: ${conflictsShown})` });

  // "Saved" on screen: every change confirmed, and what a page shows as saved is in the database.
  let unsent = 0;
  let shownWrong = 0;
  for (const client of clients) {
    unsent += client.pending;
    for (const [key, shown] of client.shownSaved) {
      const row = inDb.get(key);
      if (!row || row.version < shown.version || (row.version === shown.version && row.value !== shown.value)) shownWrong += 1;
    }
  }
  // Saved under another user: a device's change recorded as someone else's (issue 20).
  if (ownerOf) {
    let underAnother = 0;
    for (const [key, row] of inDb) {
      const ownerId = ownerOf.get(key);
      if (ownerId && row.updated_by_id !== undefined && row.updated_by_id !== ownerId) underAnother += 1;
    }
    checks.push({ name: 'saved under another user', ok: underAnother === 0, detail: `${underAnother}` });
  }

  checks.push({
    name: 'shown "Saved" but not in the database',
    ok: shownWrong === 0 && unsent === 0,
    detail: `${shownWrong} shown wrongly, ${unsent} changes never confirmed`,
  });

  return checks;
}

export function formatSoak(result: SoakResult): string {
  const f = result.figures;
  const ms = (n: number) => `${Number.isNaN(n) ? '–' : n.toFixed(0)} ms`;
  return [
    ...result.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
    `saves acknowledged: ${f.acknowledged} in ${f.seconds.toFixed(0)} s (${f.savesPerSecond.toFixed(1)}/s) by ${f.inspectors} inspectors`,
    `save p50 ${ms(f.save.p50)}, p95 ${ms(f.save.p95)}; panel lag p50 ${ms(f.panelLag.p50)}, p95 ${ms(f.panelLag.p95)} (${f.panelEvents} panel events)`,
    `conflicts shown: ${f.conflictsShown}; known as repeats after a lost reply: ${f.repeats}; retried requests: ${f.retries}; requests cut: ${f.aborted}; timed out on a silent connection: ${f.timedOut}; refused as another user's: ${f.refusedNotOwner}`,
    `saves answered with a server error: ${f.serverErrors} (${f.serverErrorsWhileRolling} while the servers rolled); answered by a server after its SIGTERM: ${f.answeredAfterSigterm}`,
    result.ok ? 'SOAK PASSED' : 'SOAK FAILED',
  ].join('\n');
}

export interface SoakWorld {
  inspectionId: string;
  standardId: string;
  leadEmail: string;
  accounts: { email: string; userId: string; keys: string[] }[];
}

/**
 * An inspection in fieldwork: a lead, one account per inspector (the second device of each pair
 * shares its partner's account), two court cases each with every key question of the first
 * standard answered "yes" (version 1). A pair's devices both mark the same three answers.
 */
export async function seedSoakWorld(ownerUrl: string, inspectors: number, pairs: number): Promise<SoakWorld> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const framework = getFramework('2021');
    const hash = await hashPassword(PASSWORD);
    const insertUser = async (email: string, name: string) =>
      (
        await client.query(
          `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
          [email, name, hash],
        )
      ).rows[0].id as string;
    const leadEmail = 'lead@soak.example';
    const lead = await insertUser(leadEmail, 'Soak Lead');
    const serviceId = (
      await client.query(
        `INSERT INTO services (id, name, local_authority, region, updated_at) VALUES (gen_random_uuid(), 'Soak YJS', 'Soak Council', 'Soak', now()) RETURNING id`,
      )
    ).rows[0].id as string;
    const inspectionId = (
      await client.query(
        `INSERT INTO inspections (id, service_id, framework, fieldwork_start, fieldwork_end, status, updated_at) VALUES (gen_random_uuid(), $1, '2021', '2026-11-16', '2026-11-27', 'fieldwork', now()) RETURNING id`,
        [serviceId],
      )
    ).rows[0].id as string;
    await client.query(`INSERT INTO inspection_members (inspection_id, user_id, role) VALUES ($1, $2, 'lead_inspector')`, [
      inspectionId,
      lead,
    ]);
    const kase = { type: 'court', disposal: 'referral_order' } as const;
    const standard = at(listStandardsForCase(framework, kase), 0);
    const keyQuestionIds = standard.keyQuestions.map((kq) => kq.id);
    const accounts: SoakWorld['accounts'] = [];
    for (let i = 0; i < inspectors; i++) {
      const isSecondDevice = i % 2 === 1 && i < pairs * 2;
      if (isSecondDevice) {
        accounts.push({ ...at(accounts, i - 1) });
        continue;
      }
      const email = `inspector${i}@soak.example`;
      const id = await insertUser(email, `Soak Inspector ${i}`);
      await client.query(`INSERT INTO inspection_members (inspection_id, user_id, role) VALUES ($1, $2, 'inspector')`, [inspectionId, id]);
      const keys: string[] = [];
      for (let c = 0; c < CASES_PER_INSPECTOR; c++) {
        const caseId = (
          await client.query(
            `INSERT INTO cases (id, inspection_id, reference, type, disposal, inspector_id, status, updated_at) VALUES (gen_random_uuid(), $1, $2, 'court', 'referral_order', $3, 'in_progress', now()) RETURNING id`,
            [inspectionId, `S-${i}-${c}`, id],
          )
        ).rows[0].id as string;
        await client.query(
          `INSERT INTO answers (id, case_id, inspection_id, question_id, value, updated_by_id)
           SELECT gen_random_uuid(), $1, $2, q, 'yes', $3 FROM unnest($4::text[]) AS q`,
          [caseId, inspectionId, id, keyQuestionIds],
        );
        keys.push(...keyQuestionIds.map((q) => `${caseId}|${q}`));
      }
      // A pair's devices contend for three answers; others spread over all of theirs.
      accounts.push({ email, userId: id, keys: i < pairs * 2 ? keys.slice(0, 3) : keys });
    }
    await client.query('COMMIT');
    return { inspectionId, standardId: standard.id, leadEmail, accounts };
  } finally {
    await client.end();
  }
}
