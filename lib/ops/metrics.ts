/**
 * Prometheus metrics (prom-client), one registry per process kept on globalThis. Served only when
 * CASEMARK_METRICS_PORT is set, on that separate port (lib/ops/lifecycle.ts), so they are never
 * reachable through the public address. Names are part of the operations contract
 * (docs/deployment.md, "Metrics"); tests/integration/ops-server.int.test.ts checks them.
 */
import client from 'prom-client';

type Pool = { totalCount: number; idleCount: number; waitingCount: number };

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'casemark_' });
  const pools = new Set<WeakRef<Pool>>();
  const seconds = { registers: [registry] };
  return {
    registry,
    pools,
    saves: new client.Counter({
      ...seconds,
      name: 'casemark_saves_total',
      help: 'Answer saves by outcome: saved, repeat (sent again after its reply was lost; nothing written), conflict (someone else changed it), refused (invalid, signed out, forbidden) or error.',
      labelNames: ['outcome'] as const,
    }),
    saveSeconds: new client.Histogram({
      ...seconds,
      name: 'casemark_save_duration_seconds',
      help: 'Time to save one answer, by outcome.',
      labelNames: ['outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
    panelRecomputeSeconds: new client.Histogram({
      ...seconds,
      name: 'casemark_panel_recompute_seconds',
      help: 'Time to recompute one inspection’s ratings panel.',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
    panelLagSeconds: new client.Histogram({
      ...seconds,
      name: 'casemark_panel_lag_seconds',
      help: 'Time from hearing of a change to sending the panel’s new figures on a stream.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    }),
    eventStreams: new client.Gauge({
      ...seconds,
      name: 'casemark_event_streams_open',
      help: 'Ratings panel event streams open on this server.',
    }),
    signInFailures: new client.Counter({
      ...seconds,
      name: 'casemark_sign_in_failures_total',
      help: 'Password sign-ins refused (wrong email or password, inactive, throttled).',
    }),
    signInDelaySeconds: new client.Histogram({
      ...seconds,
      name: 'casemark_sign_in_delay_seconds',
      help: 'Delay imposed on a sign-in by throttling.',
      buckets: [0, 0.5, 1, 2, 4, 8, 16, 30],
    }),
    httpSeconds: new client.Histogram({
      ...seconds,
      name: 'casemark_http_request_duration_seconds',
      help: 'HTTP requests by method and status class (event streams count when they close).',
      labelNames: ['method', 'status'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    dbPool: new client.Gauge({
      ...seconds,
      name: 'casemark_db_pool_connections',
      help: 'Database pool connections: total, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      collect() {
        let total = 0;
        let idle = 0;
        let waiting = 0;
        for (const ref of pools) {
          const pool = ref.deref();
          if (!pool) {
            pools.delete(ref);
            continue;
          }
          total += pool.totalCount;
          idle += pool.idleCount;
          waiting += pool.waitingCount;
        }
        this.set({ state: 'total' }, total);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'waiting' }, waiting);
      },
    }),
  };
}

const KEY = Symbol.for('casemark.metrics');
const store = globalThis as unknown as Record<symbol, ReturnType<typeof create> | undefined>;

export function metrics() {
  return (store[KEY] ??= create());
}

/** Runs `load`, observing its duration in `histogram`. */
export async function timed<T>(histogram: { observe(value: number): void }, load: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  try {
    return await load();
  } finally {
    histogram.observe((performance.now() - startedAt) / 1000);
  }
}

/** Counts a database pool in casemark_db_pool_connections (lib/db/create-prisma-client.ts). */
export function trackPool(pool: Pool): void {
  metrics().pools.add(new WeakRef(pool));
}

/** Records one save: its outcome (from the route's HTTP status and the save's own) and how long it took. */
export function recordSave(status: number, startedAt: number, saveStatus: string | undefined): void {
  const outcome =
    status >= 500
      ? 'error'
      : status !== 200
        ? 'refused'
        : saveStatus === 'conflict'
          ? 'conflict'
          : saveStatus === 'repeat'
            ? 'repeat'
            : 'saved';
  const m = metrics();
  m.saves.inc({ outcome });
  m.saveSeconds.observe({ outcome }, (performance.now() - startedAt) / 1000);
}

/** Records a password sign-in that was refused, and the delay a throttled one was given. */
export function recordSignIn(result: { ok: true } | { ok: false; retryAfterMs?: number }): void {
  if (result.ok) return;
  const m = metrics();
  m.signInFailures.inc();
  if (result.retryAfterMs !== undefined) m.signInDelaySeconds.observe(result.retryAfterMs / 1000);
}
