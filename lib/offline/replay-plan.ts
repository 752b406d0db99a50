/**
 * Pure rules of the on-device outbox: which changes are waiting, in what order they are sent,
 * and what the status line says. No IndexedDB, React or Next here, so they are unit-tested alone.
 *
 * Issue 11: an answer made off the network is never lost and never silently overwritten; each
 * change is sent with the version it was made on, so a stale one becomes the usual conflict.
 */

/** One change to one answer (value or note) or to the case details, as the marking pages make it. */
export type OutboxChange =
  | { field: 'value'; value: 'yes' | 'no' | 'na'; naReason?: string }
  | { field: 'note'; note: string }
  | { field: 'details'; patch: Record<string, boolean | string | null> };

export interface OutboxEntry {
  /** Assigned by the store, increasing: the order the changes were made in. */
  seq: number;
  /** The signed-in user who made it: only ever read back for the same user. */
  userId: string;
  inspectionId: string;
  caseId: string;
  /** The question id, or "case" for the case details: changes of one key share a version. */
  key: string;
  change: OutboxChange;
  /** The server version of `key` this change was made on. */
  baseVersion: number;
  createdAt: number;
  /**
   * The device's id for this change (lib/offline/change-id.ts), sent with every try: the server
   * knows a retry whose first reply was lost. Absent on entries kept before ids were given.
   */
  changeId?: string;
}

/** A change ready to send: the last of each field of a key, carrying every entry it replaces. */
export interface PlannedSend {
  key: string;
  change: OutboxChange;
  /** The outbox entries this send settles (removed together once the server confirms). */
  seqs: number[];
  /** When the latest of them was made (ms, this device's clock): the audit trail records it. */
  madeAt: number;
  /** The id of the change sent (the latest entry's), if it has one. */
  changeId?: string;
  /**
   * The ids of the earlier entries it replaces: a page closed while one of them was on its way
   * may have saved it, and the server then applies this change on top of it (lib/marking/save-answer.ts).
   */
  replaces: string[];
}

export interface KeyPlan {
  key: string;
  /** The version the first waiting change of the key was made on: the key's sends chain from it. */
  baseVersion: number;
  sends: PlannedSend[];
}

/**
 * Orders waiting changes for sending: keys in the order their first change was made, and for each
 * key the latest change of each field (a note typed in five bursts is one send of the last text;
 * a value changed twice is its last value). Fields of one answer are saved independently by the
 * server, so collapsing them loses nothing; the key's first base version is kept so a change
 * made on a stale answer still meets the conflict check.
 */
export function planReplay(entries: readonly OutboxEntry[]): KeyPlan[] {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const plans = new Map<string, KeyPlan & { byField: Map<string, PlannedSend> }>();
  for (const entry of sorted) {
    let plan = plans.get(entry.key);
    if (!plan) {
      plan = { key: entry.key, baseVersion: entry.baseVersion, sends: [], byField: new Map() };
      plans.set(entry.key, plan);
    }
    const existing = plan.byField.get(entry.change.field);
    if (!existing) {
      const send: PlannedSend = {
        key: entry.key,
        change: entry.change,
        seqs: [entry.seq],
        madeAt: entry.createdAt,
        ...(entry.changeId ? { changeId: entry.changeId } : {}),
        replaces: [],
      };
      plan.byField.set(entry.change.field, send);
      plan.sends.push(send);
      continue;
    }
    existing.change =
      // Case details are sent as a patch: later answers override earlier ones, field by field.
      entry.change.field === 'details' && existing.change.field === 'details'
        ? { field: 'details', patch: { ...existing.change.patch, ...entry.change.patch } }
        : entry.change;
    existing.seqs.push(entry.seq);
    existing.madeAt = entry.createdAt;
    if (existing.changeId) existing.replaces.push(existing.changeId);
    if (entry.changeId) existing.changeId = entry.changeId;
    else delete existing.changeId;
  }
  return [...plans.values()].map(({ key, baseVersion, sends }) => ({
    key,
    baseVersion,
    sends: sends.map((send) => ({ ...send, replaces: keptReplaces(send.replaces) })),
  }));
}

/** At most this many earlier ids go with a send (the server takes up to 100). */
const REPLACES_SENT = 20;

/**
 * Which earlier ids a send names. A note typed offline in many bursts leaves an entry per pause,
 * and all of them would be refused by the server's limit. The page sends one change of a key at
 * a time, in order, and removes each once confirmed, so the one that may have reached the server
 * unheard is among the first still waiting (the one on its way when the page closed) or, after an
 * earlier replay of these same entries, the last: the first and last ten are kept.
 */
function keptReplaces(ids: readonly string[]): string[] {
  if (ids.length <= REPLACES_SENT) return [...ids];
  return [...ids.slice(0, REPLACES_SENT / 2), ...ids.slice(-REPLACES_SENT / 2)];
}

/**
 * How many changes are waiting, as the inspector counts them (issue 20: one number on the case
 * list, the case's pages and check your answers): what will be sent, one per answer's value, one
 * per note however many times it was typed, and one per case-level item — the lines check your
 * answers lists (lib/offline/offline-cases.ts `describePendingChanges`).
 */
export function countPendingChanges(entries: readonly OutboxEntry[]): number {
  let count = 0;
  for (const plan of planReplay(entries))
    for (const { change } of plan.sends) count += change.field === 'details' ? Object.keys(change.patch).length : 1;
  return count;
}

/** Cases with unsent changes and how many (`countPendingChanges` of each): the case list badge. */
export function countByCase(entries: readonly OutboxEntry[]): Map<string, number> {
  const byCase = new Map<string, OutboxEntry[]>();
  for (const e of entries) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return new Map([...byCase].map(([caseId, caseEntries]) => [caseId, countPendingChanges(caseEntries)]));
}

type SyncState = { kind: 'idle' } | { kind: 'offline'; kept: number } | { kind: 'sending'; kept: number } | { kind: 'saved'; at: Date };

/**
 * What the status line says about the outbox: offline with changes kept, sending, or all saved.
 * `kept` counts the signed-in user's changes on this device not yet confirmed by the server.
 */
export function syncState({ kept, isOnline, lastSavedAt }: { kept: number; isOnline: boolean; lastSavedAt: Date | null }): SyncState {
  if (kept > 0) return isOnline ? { kind: 'sending', kept } : { kind: 'offline', kept };
  return lastSavedAt ? { kind: 'saved', at: lastSavedAt } : { kind: 'idle' };
}

const plural = (n: number) => `${n} change${n === 1 ? '' : 's'}`;
const clock = (at: Date) => at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function describeSyncState(state: SyncState): string {
  switch (state.kind) {
    case 'offline':
      return `Offline — ${plural(state.kept)} kept on this device`;
    case 'sending':
      return `Sending ${plural(state.kept)}…`;
    case 'saved':
      return `All changes saved at ${clock(state.at)}`;
    default:
      return 'Changes are saved as you go';
  }
}
