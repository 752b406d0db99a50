/**
 * One computation per key shared by every caller, at most one running per key at a time: a
 * caller wanting fresher figures than the one running waits for it to end, then shares the single
 * next one (started then, so it includes every change heard meanwhile). Under a burst of saves a
 * busy inspection's panel is recomputed back to back instead of once per stream per change
 * (issue 11, capacity), and with `minIntervalMs` no more often than that. `generationOf` counts the changes heard per key; a computation started at
 * generation g includes every change heard up to g (notifications arrive after their commit).
 */
export function createSharedLoader<T>(
  load: (key: string) => Promise<T>,
  generationOf: (key: string) => number,
  /**
   * The least time between the starts of two computations of one key (0: none). Under a steady
   * stream of changes the figures then follow at most this often, each with every change heard
   * meanwhile, instead of as often as the database can recompute them.
   */
  options: { minIntervalMs?: number } = {},
) {
  const minIntervalMs = options.minIntervalMs ?? 0;
  interface Entry {
    generation: number;
    promise: Promise<T>;
    isDone: boolean;
    startedAt: number;
  }
  const latest = new Map<string, Entry>();
  const queued = new Map<string, Promise<T>>();
  const untilDue = (entry: Entry) => entry.startedAt + minIntervalMs - Date.now();

  const start = (key: string): Promise<T> => {
    const entry: Entry = { generation: generationOf(key), promise: load(key), isDone: false, startedAt: Date.now() };
    latest.set(key, entry);
    entry.promise.then(
      () => {
        entry.isDone = true;
      },
      () => {
        entry.isDone = true;
        // Dropped on failure so the next push tries again.
        if (latest.get(key) === entry) latest.delete(key);
      },
    );
    return entry.promise;
  };

  return (key: string, options: { isFresh?: boolean } = {}): Promise<T> => {
    const current = latest.get(key);
    // A stream's first message is always read afresh (set-up changes, say, send no notification).
    if (options.isFresh) return start(key);
    if (current && current.generation >= generationOf(key)) return current.promise;
    if (!current || (current.isDone && untilDue(current) <= 0)) return start(key);
    let next = queued.get(key);
    if (!next) {
      next = current.promise
        .catch(() => undefined)
        .then(() => (untilDue(current) > 0 ? new Promise((resolve) => setTimeout(resolve, untilDue(current))) : undefined))
        .then(() => {
          queued.delete(key);
          return start(key);
        });
      queued.set(key, next);
    }
    return next;
  };
}
