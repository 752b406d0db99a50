/**
 * Whether this app server may be sent requests (GET /readyz): the database answers as the app's
 * own role, every migration this build was made with is applied, and the live panel's LISTEN
 * connection is up. Each check is bounded in time, so a database that does not answer (rather
 * than refusing) still gives a prompt "not ready" instead of a hanging probe.
 */

export interface ReadinessProbe {
  /** `SELECT current_user` through the app's pool. */
  currentRole(): Promise<string>;
  /** The names of the finished, not rolled-back migrations in `_prisma_migrations`. */
  appliedMigrations(): Promise<string[]>;
  /** Resolves once the LISTEN connection is up (or has just failed); then `isListening` tells. */
  whenListening(): Promise<void>;
  isListening(): boolean;
  /** True once SIGTERM has been received: a stopping server is never ready. */
  isDraining(): boolean;
}

type Readiness = { isReady: true } | { isReady: false; reason: string };

/** How long any one check may take before the server counts as not ready. */
const READINESS_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The migrations a build expects that the database lacks. A database *ahead* of the build (the
 * next version's migration step ran, this server is still the old version) stays ready: Casemark's
 * migrations only add (docs/deployment.md, "Rolling out a new version"), so taking every old server
 * out of the load balancer between the migration and the new servers would be an outage for nothing.
 */
export function missingMigrations(expected: readonly string[], applied: readonly string[]): string[] {
  const have = new Set(applied);
  return expected.filter((name) => !have.has(name));
}

/** The migration names this build was made with (inlined at build time by next.config.js). */
export function expectedMigrations(raw = process.env.CASEMARK_EXPECTED_MIGRATIONS ?? ''): string[] {
  return raw.split(',').filter(Boolean);
}

export async function checkReadiness(
  probe: ReadinessProbe,
  options: { expected: readonly string[]; appRole: string | null; timeoutMs?: number },
): Promise<Readiness> {
  const ms = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  if (probe.isDraining()) return { isReady: false, reason: 'stopping (SIGTERM received)' };
  try {
    const role = await within(probe.currentRole(), ms, 'the database');
    if (options.appRole && role !== options.appRole) {
      return { isReady: false, reason: `connected as role ${role}, expected the app's role ${options.appRole}` };
    }
  } catch (error) {
    return { isReady: false, reason: `database unreachable: ${(error as Error).message}` };
  }
  try {
    const missing = missingMigrations(options.expected, await within(probe.appliedMigrations(), ms, 'the migrations table'));
    if (missing.length) {
      return { isReady: false, reason: `database lacks ${missing.length} migration(s) this build expects: ${missing.join(', ')}` };
    }
  } catch (error) {
    return { isReady: false, reason: `cannot read the migrations: ${(error as Error).message}` };
  }
  try {
    await within(probe.whenListening(), ms, 'the LISTEN connection');
  } catch (error) {
    return { isReady: false, reason: (error as Error).message };
  }
  if (!probe.isListening()) return { isReady: false, reason: 'the live panel LISTEN connection is down' };
  return { isReady: true };
}
