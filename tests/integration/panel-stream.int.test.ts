import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/net/free-port';
import { INSPECTION_CHANNEL } from '../../lib/realtime/channel';
import { buildIfNeeded } from '../../scripts/lib/build';
import { readPanelEvents, signIn, startNextServer, stopServer } from '../../scripts/lib/http-client';
import { SOAK_PASSWORD, seedSoakWorld, type SoakWorld } from '../../scripts/lib/soak';
import { waitForAppServersTurn } from './app-servers';
import { createMigratedDatabase } from './test-database';

// The ratings panel's event stream (app/inspections/[inspectionId]/panel/events/route.ts) on a
// production server against a real PostgreSQL: what it promises about bursts — "one recompute per
// burst", one at a time, and the last figures include the last change — and that a change to
// another inspection sends nothing. Issue 10.
let ownerUrl: string;
let world: SoakWorld;
let server: ChildProcess | undefined;
let baseUrl = '';
let leadCookie = '';
let releaseTurn: (() => Promise<void>) | undefined;

beforeAll(async () => {
  releaseTurn = await waitForAppServersTurn();
  const db = await createMigratedDatabase('panel_stream', { asAppRole: true });
  ownerUrl = db.ownerUrl;
  await db.prisma.$disconnect();
  world = await seedSoakWorld(ownerUrl, 1, 0);
  await buildIfNeeded();
  const port = await freePort();
  server = await startNextServer({ port, databaseUrl: db.url, secret: randomBytes(32).toString('base64url') });
  baseUrl = `http://localhost:${port}`;
  leadCookie = await signIn(baseUrl, world.leadEmail, SOAK_PASSWORD);
}, 15 * 60_000);

afterAll(async () => {
  if (server) await stopServer(server);
  await releaseTurn?.();
});

/** The panel stream: each `panel` event's figures, in order. */
function openPanel() {
  const controller = new AbortController();
  const results: unknown[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const response = await fetch(`${baseUrl}/inspections/${world.inspectionId}/panel/events`, {
      headers: { Cookie: leadCookie },
      signal: controller.signal,
    });
    await readPanelEvents(response.body!, (data) => {
      results.push((data as { result: unknown }).result);
      waiters.splice(0).forEach((w) => w());
    });
  })().catch(() => undefined);
  const next = (count: number, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${results.length} of ${count} panel events within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        if (results.length >= count) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });
  return { results, next, close: () => controller.abort() };
}

/** Runs SQL as the owner (straight into the database, as another app server's saves would arrive). */
async function asOwner(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

describe('the ratings panel stream', () => {
  it('sends nothing for a change to another inspection', async () => {
    const panel = openPanel();
    try {
      await panel.next(1);
      await asOwner(`SELECT pg_notify(${literal(INSPECTION_CHANNEL)}, ${literal(randomUUID())})`);
      await quiet(1000);
      expect(panel.results).toHaveLength(1);
    } finally {
      panel.close();
    }
  });

  it('a burst of 21 saves gives one or two recomputes, and the last figures include the last save', async () => {
    const [caseId, questionId] = world.accounts[0]!.keys[0]!.split('|') as [string, string];
    const panel = openPanel();
    try {
      await panel.next(1);
      const before = panel.results[0];
      // 21 transactions sent in one round trip, each changing the answer (yes → no → yes … → no) and
      // notifying, as 21 saves committed within a few milliseconds of each other would.
      const saves = Array.from({ length: 21 }, (_, i) => {
        const value = i % 2 === 0 ? 'no' : 'yes';
        return `BEGIN;
          UPDATE answers SET value = ${literal(value)}, version = version + 1
            WHERE case_id = ${literal(caseId)} AND question_id = ${literal(questionId)};
          SELECT pg_notify(${literal(INSPECTION_CHANNEL)}, ${literal(world.inspectionId)});
          COMMIT;`;
      }).join('\n');
      await asOwner(saves);
      await panel.next(2);
      await quiet(1500); // anything still coming from the burst arrives well within this
      const sent = panel.results.length - 1;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(sent).toBeLessThanOrEqual(2);

      // The figures a fresh stream computes now are the ones the burst ended with.
      const fresh = openPanel();
      try {
        await fresh.next(1);
        expect(panel.results.at(-1)).toEqual(fresh.results[0]);
        expect(fresh.results[0]).not.toEqual(before); // and the burst did move them (yes → no)
      } finally {
        fresh.close();
      }
    } finally {
      panel.close();
    }
  });
});
