import 'server-only';
import pg from 'pg';
import { getServerEnv } from '@/lib/env';
import { INSPECTION_CHANNEL, SESSION_CHANNEL } from './channel';

type Listener = (inspectionId: string) => void;
type SessionListener = () => void;

/**
 * One LISTEN connection per app server, shared by every open panel page on it. Notifications
 * come from whichever server saved the answer, so live updates work behind a load balancer.
 * Reconnects by itself; after a reconnect every subscriber is told to refresh, since
 * notifications sent while disconnected are lost.
 */
export class InspectionChangeHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Per user: open streams to re-check when a session of that user ends. */
  private readonly sessionListeners = new Map<string, Set<SessionListener>>();
  /** How many changes this server has heard of, per inspection (to share one recompute per change). */
  private readonly generations = new Map<string, number>();
  private retryMs = 500;

  constructor(private readonly connectionString: () => string = () => getServerEnv().DATABASE_URL) {}

  /** Stops listening (for tests; app servers keep one hub for their lifetime). */
  async close(): Promise<void> {
    this.listeners.clear();
    this.sessionListeners.clear();
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
    }
  }

  subscribe(inspectionId: string, listener: Listener): () => void {
    const set = this.listeners.get(inspectionId) ?? new Set<Listener>();
    this.listeners.set(inspectionId, set);
    set.add(listener);
    void this.ensureConnected(); // fire and forget: connect() logs a failure and retries itself, so this never rejects
    // Safe to call more than once (the panel stream unsubscribes on abort and again on cancel):
    // only this subscription's own set is ever removed, never a later subscriber's.
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(inspectionId) === set) this.listeners.delete(inspectionId);
    };
  }

  /**
   * Calls `listener` whenever a session of this user ends on any app server (sign-out, password
   * reset, deactivation), and after a reconnect (notifications may have been lost meanwhile).
   */
  subscribeSessionEnded(userId: string, listener: SessionListener): () => void {
    const set = this.sessionListeners.get(userId) ?? new Set<SessionListener>();
    this.sessionListeners.set(userId, set);
    set.add(listener);
    void this.ensureConnected(); // fire and forget: connect() logs a failure and retries itself, so this never rejects
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.sessionListeners.get(userId) === set) this.sessionListeners.delete(userId);
    };
  }

  /** Whether the LISTEN connection is up now (GET /readyz). */
  get isListening(): boolean {
    return this.client !== null;
  }

  /** Resolves once this server is listening (so no change made after it can be missed). */
  async whenListening(): Promise<void> {
    await this.ensureConnected();
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString() });
    const onLost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners();
      client.end().catch(() => undefined);
      setTimeout(() => void this.reconnect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (!message.payload) return;
      if (message.channel === INSPECTION_CHANNEL) this.emit(message.payload);
      else if (message.channel === SESSION_CHANNEL) this.emitSessionEnded(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${INSPECTION_CHANNEL}`);
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      console.error('Live updates: could not listen for changes', error);
      client.end().catch(() => undefined);
      setTimeout(() => void this.reconnect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    }
  }

  private async reconnect(): Promise<void> {
    if (this.listeners.size === 0 && this.sessionListeners.size === 0) return;
    await this.ensureConnected();
    if (!this.client) return;
    for (const id of this.listeners.keys()) this.emit(id);
    for (const userId of [...this.sessionListeners.keys()]) this.emitSessionEnded(userId);
  }

  /** The number of changes heard of for this inspection so far. */
  generationOf(inspectionId: string): number {
    return this.generations.get(inspectionId) ?? 0;
  }

  private emitSessionEnded(userId: string): void {
    for (const listener of [...(this.sessionListeners.get(userId) ?? [])]) {
      try {
        listener();
      } catch (error) {
        console.error(error);
      }
    }
  }

  private emit(inspectionId: string): void {
    this.generations.set(inspectionId, this.generationOf(inspectionId) + 1);
    for (const listener of this.listeners.get(inspectionId) ?? []) {
      try {
        listener(inspectionId);
      } catch (error) {
        console.error(error);
      }
    }
  }
}

const globalForHub = globalThis as unknown as { inspectionChangeHub?: InspectionChangeHub };
export const inspectionChanges = (globalForHub.inspectionChangeHub ??= new InspectionChangeHub());
