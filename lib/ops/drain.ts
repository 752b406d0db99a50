/**
 * The stopping state of one app server, shared on globalThis by the code Next.js bundles (routes,
 * instrumentation) and the start script (scripts/serve.mjs), which receives SIGTERM. While
 * draining, /readyz answers 503 and every open event stream is closed with a retry hint, so a
 * panel reconnects through the load balancer to a server that is staying.
 */

type DrainListener = () => void;

interface DrainState {
  isDraining: boolean;
  listeners: Set<DrainListener>;
}

const KEY = Symbol.for('casemark.drain');
const store = globalThis as unknown as Record<symbol, DrainState | undefined>;

function state(): DrainState {
  return (store[KEY] ??= { isDraining: false, listeners: new Set() });
}

export function isDraining(): boolean {
  return state().isDraining;
}

/** Calls `listener` once when draining begins (at once if it already has); returns an unsubscribe. */
export function onDrain(listener: DrainListener): () => void {
  const s = state();
  if (s.isDraining) {
    listener();
    return () => undefined;
  }
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

/** Marks the server as stopping and tells every subscriber (each open event stream). */
export function beginDrain(): void {
  const s = state();
  if (s.isDraining) return;
  s.isDraining = true;
  for (const listener of [...s.listeners]) {
    s.listeners.delete(listener);
    try {
      listener();
    } catch (error) {
      console.error('Stopping: a drain listener failed', error);
    }
  }
}
