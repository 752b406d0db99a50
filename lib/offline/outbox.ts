import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxChange, OutboxEntry } from './replay-plan';

/**
 * The on-device outbox (IndexedDB): every change on the marking pages is written here before it
 * is sent, and removed only when the server has confirmed it. Every read and delete takes the
 * signed-in user's id, so another person signing in on the same browser never sees or sends it.
 */
const OUTBOX_DB = 'casemark-offline';

interface OutboxSchema extends DBSchema {
  outbox: {
    key: number;
    value: OutboxEntry;
    indexes: { byUser: string; byUserCase: [string, string] };
  };
}

let opening: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function db(): Promise<IDBPDatabase<OutboxSchema>> {
  opening ??= openDB<OutboxSchema>(OUTBOX_DB, 1, {
    upgrade(database) {
      const store = database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      store.createIndex('byUser', 'userId');
      store.createIndex('byUserCase', ['userId', 'caseId']);
    },
    // Another tab wiping the outbox (signing out) must not be blocked by this one.
    blocking() {
      void opening?.then((d) => d.close());
      opening = null;
    },
  });
  return opening;
}

export function isOutboxAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

export async function addToOutbox(entry: {
  userId: string;
  inspectionId: string;
  caseId: string;
  key: string;
  change: OutboxChange;
  baseVersion: number;
  changeId?: string;
}): Promise<number> {
  const record = { ...entry, createdAt: Date.now() } as Omit<OutboxEntry, 'seq'>;
  return (await db()).add('outbox', record as OutboxEntry);
}

export async function listOutbox(userId: string, caseId?: string): Promise<OutboxEntry[]> {
  const d = await db();
  const entries = caseId
    ? await d.getAllFromIndex('outbox', 'byUserCase', [userId, caseId])
    : await d.getAllFromIndex('outbox', 'byUser', userId);
  return entries.filter((e) => e.userId === userId).sort((a, b) => a.seq - b.seq);
}

export async function countOutbox(userId: string): Promise<number> {
  return (await db()).countFromIndex('outbox', 'byUser', userId);
}

/**
 * Removes the confirmed entries and moves the user's remaining entries of the same key onto the
 * version the server returned: they were made after the confirmed one, on top of it.
 */
export async function confirmSent(userId: string, caseId: string, key: string, seqs: readonly number[], newVersion: number): Promise<void> {
  const tx = (await db()).transaction('outbox', 'readwrite');
  for (const seq of seqs) {
    const entry = await tx.store.get(seq);
    if (entry && entry.userId === userId) await tx.store.delete(seq);
  }
  let cursor = await tx.store.index('byUserCase').openCursor([userId, caseId]);
  while (cursor) {
    if (cursor.value.key === key && !seqs.includes(cursor.value.seq)) await cursor.update({ ...cursor.value, baseVersion: newVersion });
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Drops the user's waiting changes of one key (the inspector took the other person's answer). */
export async function dropKey(userId: string, caseId: string, key: string): Promise<void> {
  const tx = (await db()).transaction('outbox', 'readwrite');
  let cursor = await tx.store.index('byUserCase').openCursor([userId, caseId]);
  while (cursor) {
    if (cursor.value.key === key) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/**
 * Signing out: removes this user's changes, then the whole database if nobody else's are left
 * (another user's outbox on a shared browser is theirs to send, not this user's to wipe).
 */
export async function wipeOutbox(userId: string): Promise<void> {
  const d = await db();
  const tx = d.transaction('outbox', 'readwrite');
  let cursor = await tx.store.index('byUser').openCursor(userId);
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
  if ((await d.count('outbox')) === 0) {
    d.close();
    opening = null;
    await deleteDB(OUTBOX_DB);
  }
}
