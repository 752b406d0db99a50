/**
 * Through which route a marking save came (issue 23: the history says "through which route —
 * marking, import, reconciliation, offline replay"): the page it was made on, or the on-device
 * outbox replaying it after the connection or the page was lost. The audit entry's JSON carries
 * it as `source`, as an import's entries carry `source: 'import'` (lib/audit/describe.ts reads
 * both). Pure.
 */
export type SaveRoute =
  | { kind: 'marking' }
  /**
   * `madeAt`: when the change was made on the device, by the device's clock (the
   * X-Casemark-Made-At header; null when not sent). Recorded beside the server's own time, never
   * instead of it: a device's clock may be wrong.
   */
  | { kind: 'offline_replay'; madeAt: string | null };

/** The value the audit entry's `source` takes for a replayed change. */
export const OUTBOX_SOURCE = 'outbox';

/** What the save adds to its audit entry's new value: nothing for an ordinary save. */
export function auditSourceOf(route: SaveRoute | undefined): { source?: typeof OUTBOX_SOURCE; madeAt?: string } {
  if (route?.kind !== 'offline_replay') return {};
  return route.madeAt ? { source: OUTBOX_SOURCE, madeAt: route.madeAt } : { source: OUTBOX_SOURCE };
}
