import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { freePort } from '../../lib/net/free-port';
import { buildIfNeeded } from '../../scripts/lib/build';
import { postAnswerOverHttp, readPanelEvents, signIn, startNextServer, stopServer } from '../../scripts/lib/http-client';
import { parseSaveResponse, SOAK_PASSWORD, seedSoakWorld, type SoakWorld } from '../../scripts/lib/soak';
import { waitForAppServersTurn } from './app-servers';
import { createMigratedDatabase } from './test-database';
import { at, must } from '@/lib/must';

// Two app servers on one database, as behind a load balancer: the live panel travels through
// PostgreSQL (LISTEN/NOTIFY), so a save through server A reaches a panel open on server B.
let prisma: PrismaClient;
let world: SoakWorld;
const servers: ChildProcess[] = [];
let urlA = '';
let urlB = '';
let releaseTurn: (() => Promise<void>) | undefined;

beforeAll(async () => {
  releaseTurn = await waitForAppServersTurn();
  const db = await createMigratedDatabase('two_servers', { asAppRole: true });
  prisma = db.prisma;
  world = await seedSoakWorld(db.ownerUrl, 1, 0);
  await buildIfNeeded();
  const secret = randomBytes(32).toString('base64url');
  const [portA, portB] = [await freePort(), await freePort()];
  servers.push(...(await Promise.all([portA, portB].map((port) => startNextServer({ port, databaseUrl: db.url, secret })))));
  urlA = `http://localhost:${portA}`;
  urlB = `http://localhost:${portB}`;
}, 15 * 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => stopServer(s)));
  await prisma?.$disconnect();
  await releaseTurn?.();
});

/** The panel's SSE stream on one server: each `panel` event's figures and arrival time. */
function openPanel(baseUrl: string, cookie: string) {
  const controller = new AbortController();
  const events: { at: number; result: unknown }[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const response = await fetch(`${baseUrl}/inspections/${world.inspectionId}/panel/events`, {
      headers: { Cookie: cookie },
      signal: controller.signal,
    });
    await readPanelEvents(response.body!, (data) => {
      events.push({ at: performance.now(), result: (data as { result: unknown }).result });
      waiters.splice(0).forEach((w) => w());
    });
  })().catch(() => undefined);
  const next = (count: number, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no panel event within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (events.length >= count) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });
  return { events, next, close: () => controller.abort() };
}

describe('two app servers on one database', () => {
  it('a save through server A reaches the panel open on server B within one second', async () => {
    const inspectorCookie = await signIn(urlA, at(world.accounts, 0).email, SOAK_PASSWORD);
    const leadCookie = await signIn(urlB, world.leadEmail, SOAK_PASSWORD);
    const panel = openPanel(urlB, leadCookie);
    try {
      await panel.next(1, 30_000); // the stream's first figures
      const [caseId, questionId] = at(at(world.accounts, 0).keys, 0).split('|');
      let version = 1;
      // The first save warms server A up (its first request of the action); each then counts
      // from the moment A acknowledged it to the figures arriving on B.
      for (const value of ['no', 'yes', 'no', 'yes'] as const) {
        const seen = panel.events.length;
        const response = await postAnswerOverHttp(urlA, {
          inspectionId: world.inspectionId,
          caseId: must(caseId, 'the case'),
          cookie: inspectorCookie,
          change: { field: 'value', questionId, value, baseVersion: version },
        });
        const outcome = parseSaveResponse(response.status, await response.text());
        expect(outcome).toEqual({ kind: 'saved', version: version + 1, isRepeat: false });
        const acknowledgedAt = performance.now();
        version += 1;
        await panel.next(seen + 1, 5000);
        expect(at(panel.events, seen).at - acknowledgedAt).toBeLessThan(1000);
        // The figures moved with the save (yes ↔ no on a key question).
        expect(at(panel.events, seen).result).not.toEqual(at(panel.events, seen - 1).result);
      }
    } finally {
      panel.close();
    }
  });
});
