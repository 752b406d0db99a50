/**
 * The live-panel listener (lib/realtime/listener.ts) against a real PostgreSQL: one LISTEN
 * connection per app server, NOTIFY routed to the subscribers of that inspection only,
 * reconnection after the connection is dropped (with a refresh for every subscriber, since
 * notifications sent meanwhile are lost), unsubscribing, and what happens to a burst. Issue 10:
 * the snapshot bug reached the panel because nothing tested the listener itself.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { notifyInspectionChanged, SESSION_CHANNEL } from '../../lib/realtime/channel';
import { InspectionChangeHub } from '../../lib/realtime/listener';
import { createMigratedDatabase } from './test-database';

let prisma: PrismaClient;
let url: string;
const hubs: InspectionChangeHub[] = [];

beforeAll(async () => {
  ({ prisma, url } = await createMigratedDatabase('realtime'));
});
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function listeningHub(): Promise<InspectionChangeHub> {
  const hub = new InspectionChangeHub(() => url);
  hubs.push(hub);
  await hub.whenListening();
  return hub;
}

/** Waits for `isDone`, re-checked each time something is heard; fails after `ms`. */
function waitUntil(subscribeToChanges: (check: () => void) => void, isDone: () => boolean, what: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    const check = () => {
      if (!isDone()) return;
      clearTimeout(timer);
      resolve();
    };
    subscribeToChanges(check);
    check();
  });
}

/** A subscriber that records what it hears. */
function record(hub: InspectionChangeHub, inspectionId: string) {
  const heard: string[] = [];
  const checks = new Set<() => void>();
  const unsubscribe = hub.subscribe(inspectionId, (id) => {
    heard.push(id);
    for (const check of checks) check();
  });
  const until = (count: number, ms?: number) =>
    waitUntil(
      (check) => checks.add(check),
      () => heard.length >= count,
      `${count} notification(s) for ${inspectionId}`,
      ms,
    );
  return { heard, until, unsubscribe };
}

/** What a save does: NOTIFY inside its transaction, delivered on commit. */
function notify(...inspectionIds: string[]) {
  return prisma.$transaction(async (tx) => {
    for (const id of inspectionIds) await notifyInspectionChanged(tx, id);
  });
}

/** The backends LISTENing on this test database (the hub's connection; its last statement is a LISTEN). */
async function listeningBackends(): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'`;
  return rows.map((row) => row.pid);
}

async function waitForBackends(isDone: (pids: number[]) => boolean, what: string, ms = 10_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const pids = await listeningBackends();
    if (isDone(pids)) return pids;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; listening backends: ${pids.join(', ') || 'none'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the live-panel listener', () => {
  it('delivers a committed change to the subscribers of that inspection, and not to another inspection’s', async () => {
    const hub = await listeningHub();
    const [a, b] = [randomUUID(), randomUUID()];
    const onA = record(hub, a);
    const alsoOnA = record(hub, a);
    const onB = record(hub, b);

    // NOTIFYs on one connection arrive in order: by the time B's subscriber hears the change to
    // B (sent second), A's subscribers have been given everything meant for them.
    await notify(a);
    await notify(b);
    await onB.until(1);
    await onA.until(1);
    await alsoOnA.until(1);
    expect(onA.heard).toEqual([a]);
    expect(alsoOnA.heard).toEqual([a]);
    expect(onB.heard).toEqual([b]);
    expect(hub.generationOf(a)).toBe(1);
    expect(hub.generationOf(b)).toBe(1);
    expect(hub.generationOf(randomUUID())).toBe(0);
  });

  it('hears nothing from a transaction that rolled back', async () => {
    const hub = await listeningHub();
    const [a, marker] = [randomUUID(), randomUUID()];
    const onA = record(hub, a);
    const onMarker = record(hub, marker);
    await expect(
      prisma.$transaction(async (tx) => {
        await notifyInspectionChanged(tx, a);
        throw new Error('the save failed');
      }),
    ).rejects.toThrow('the save failed');
    await notify(marker);
    await onMarker.until(1);
    expect(onA.heard).toEqual([]);
    expect(hub.generationOf(a)).toBe(0);
  });

  it('ignores payloads that are not an inspection id on its channel and other channels', async () => {
    const hub = await listeningHub();
    const a = randomUUID();
    const onA = record(hub, a);
    await prisma.$executeRaw`SELECT pg_notify('casemark_inspection_changed', '')`;
    await prisma.$executeRaw`SELECT pg_notify('some_other_channel', ${a})`;
    await prisma.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, ${a})`; // a user id, not an inspection
    await notify(a);
    await onA.until(1);
    expect(onA.heard).toEqual([a]);
    expect(hub.generationOf(a)).toBe(1);
  });

  it('uses one LISTEN connection however many subscribers there are', async () => {
    const hub = await listeningHub();
    const subscribers = Array.from({ length: 20 }, () => record(hub, randomUUID()));
    await hub.whenListening();
    expect(await listeningBackends()).toHaveLength(1);
    for (const subscriber of subscribers) subscriber.unsubscribe();
  });

  describe('a burst of changes', () => {
    it('delivers every committed change, in order, and counts each in the generation (the panel stream coalesces, not the hub)', async () => {
      const hub = await listeningHub();
      const [a, b] = [randomUUID(), randomUUID()];
      const onA = record(hub, a);
      const onB = record(hub, b);
      // 30 saves back to back, interleaved between two inspections, none awaited before the next is sent.
      await Promise.all(Array.from({ length: 30 }, (_, i) => notify(i % 3 === 0 ? b : a)));
      await onA.until(20);
      await onB.until(10);
      expect(onA.heard).toHaveLength(20);
      expect(onB.heard).toHaveLength(10);
      expect(hub.generationOf(a)).toBe(20);
      expect(hub.generationOf(b)).toBe(10);
    });

    it('hears one change for a transaction that notified the same inspection several times (PostgreSQL folds them)', async () => {
      const hub = await listeningHub();
      const [a, b, marker] = [randomUUID(), randomUUID(), randomUUID()];
      const onA = record(hub, a);
      const onB = record(hub, b);
      const onMarker = record(hub, marker);
      await notify(a, a, b, a, b); // e.g. a prompt, its judgement and a second case's answer in one transaction
      await notify(marker);
      await onMarker.until(1);
      expect(onA.heard).toEqual([a]);
      expect(onB.heard).toEqual([b]);
      expect(hub.generationOf(a)).toBe(1);
    });
  });

  describe('unsubscribing', () => {
    it('stops delivery to that subscriber only', async () => {
      const hub = await listeningHub();
      const a = randomUUID();
      const leaving = record(hub, a);
      const staying = record(hub, a);
      await notify(a);
      await staying.until(1);
      await leaving.until(1);
      leaving.unsubscribe();
      await notify(a);
      await staying.until(2);
      expect(leaving.heard).toEqual([a]);
      expect(staying.heard).toEqual([a, a]);
    });

    it('is safe to call twice: a second call never takes away a later subscriber of the same inspection', async () => {
      // The panel stream unsubscribes on abort and again on cancel
      // (app/inspections/[inspectionId]/panel/events/route.ts); a reload subscribes a new stream in between.
      const hub = await listeningHub();
      const a = randomUUID();
      const closedStream = record(hub, a);
      closedStream.unsubscribe();
      const reloaded = record(hub, a);
      closedStream.unsubscribe(); // the old stream's cancel(), after the new stream subscribed
      await notify(a);
      await reloaded.until(1);
      expect(reloaded.heard).toEqual([a]);
      expect(closedStream.heard).toEqual([]);
    });

    it('the same for session listeners', async () => {
      const hub = await listeningHub();
      const userId = randomUUID();
      const unsubscribeOld = hub.subscribeSessionEnded(userId, () => undefined);
      unsubscribeOld();
      let heard = 0;
      const checks = new Set<() => void>();
      const unsubscribeNew = hub.subscribeSessionEnded(userId, () => {
        heard += 1;
        for (const check of checks) check();
      });
      unsubscribeOld();
      await prisma.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, ${userId})`;
      await waitUntil(
        (check) => checks.add(check),
        () => heard === 1,
        'the session-ended notification',
      );
      unsubscribeNew();
    });
  });

  describe('when the LISTEN connection is dropped', () => {
    it('reconnects, tells every subscriber to refresh (changes sent meanwhile are lost), and keeps delivering', async () => {
      const hub = await listeningHub();
      const [a, b] = [randomUUID(), randomUUID()];
      const onA = record(hub, a);
      const onB = record(hub, b);
      const userId = randomUUID();
      let sessionChecks = 0;
      const unsubscribeSession = hub.subscribeSessionEnded(userId, () => {
        sessionChecks += 1;
      });
      const [before] = await waitForBackends((pids) => pids.length === 1, 'the LISTEN connection');

      await prisma.$queryRaw`SELECT pg_terminate_backend(${before}::int)`;
      // A change committed while nobody listens is lost; the refresh after the reconnect covers it.
      await notify(a);
      const [after] = await waitForBackends((pids) => pids.length === 1 && pids[0] !== before, 'a new LISTEN connection');
      expect(after).not.toBe(before);
      await onA.until(1);
      await onB.until(1);
      expect(onB.heard).toEqual([b]); // refreshed although B never changed
      expect(sessionChecks).toBeGreaterThanOrEqual(1); // open streams re-check their session
      const generationAfterReconnect = hub.generationOf(a);
      expect(generationAfterReconnect).toBeGreaterThanOrEqual(1);

      // And it listens again.
      const heardBefore = onA.heard.length;
      await notify(a);
      await onA.until(heardBefore + 1);
      expect(hub.generationOf(a)).toBe(generationAfterReconnect + 1);
      unsubscribeSession();
    });

    it('survives being dropped again and again', async () => {
      const hub = await listeningHub();
      const a = randomUUID();
      const onA = record(hub, a);
      let pid = (await waitForBackends((pids) => pids.length === 1, 'the LISTEN connection'))[0];
      for (let round = 0; round < 3; round++) {
        await prisma.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
        const previous = pid;
        pid = (await waitForBackends((pids) => pids.length === 1 && pids[0] !== previous, `reconnect ${round + 1}`))[0];
      }
      const heard = onA.heard.length;
      await notify(a);
      await onA.until(heard + 1);
    });

    it('with nobody subscribed it stays closed, and the next subscriber opens it again', async () => {
      const hub = await listeningHub();
      const a = randomUUID();
      const first = record(hub, a);
      first.unsubscribe();
      const [pid] = await waitForBackends((pids) => pids.length === 1, 'the LISTEN connection');
      await prisma.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
      await waitForBackends((pids) => pids.length === 0, 'the dropped connection to go');
      // The hub retries after 500 ms; give it three times that to (wrongly) come back.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await listeningBackends()).toEqual([]);

      const second = record(hub, a);
      await hub.whenListening();
      expect(await listeningBackends()).toHaveLength(1);
      await notify(a);
      await second.until(1);
      expect(second.heard).toEqual([a]);
    });
  });

  it('when the database cannot be reached at first, keeps trying, then tells its subscribers to refresh', async () => {
    // A closed port first (the database still starting, say), then the real one.
    let attempts = 0;
    const hub = new InspectionChangeHub(() => (++attempts === 1 ? 'postgresql://nobody:nothing@127.0.0.1:1/none' : url));
    hubs.push(hub);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const a = randomUUID();
      const onA = record(hub, a);
      // whenListening() resolves after the failed attempt although nothing listens yet; a change
      // committed now is lost, and the refresh once the retry connects covers it.
      await hub.whenListening();
      await notify(a);
      await onA.until(1);
      expect(attempts).toBeGreaterThanOrEqual(2);
      expect(logged).toHaveBeenCalledWith('Live updates: could not listen for changes', expect.anything());
      const heard = onA.heard.length;
      await notify(a);
      await onA.until(heard + 1);
    } finally {
      logged.mockRestore();
    }
  });

  it('close() ends the LISTEN connection', async () => {
    const hub = await listeningHub();
    record(hub, randomUUID());
    await waitForBackends((pids) => pids.length === 1, 'the LISTEN connection');
    await hub.close();
    await waitForBackends((pids) => pids.length === 0, 'the connection to close');
  });
});
