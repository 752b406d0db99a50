import { describe, expect, it } from 'vitest';
import { checkReadiness, expectedMigrations, missingMigrations, type ReadinessProbe } from './readiness';

const healthy: ReadinessProbe = {
  currentRole: async () => 'casemark_app',
  appliedMigrations: async () => ['001_a', '002_b'],
  whenListening: async () => undefined,
  isListening: () => true,
  isDraining: () => false,
};
const options = { expected: ['001_a', '002_b'], appRole: 'casemark_app', timeoutMs: 50 };

describe('checkReadiness', () => {
  it('is ready when the app role answers, every expected migration is applied and LISTEN is up', async () => {
    expect(await checkReadiness(healthy, options)).toEqual({ isReady: true });
  });

  it('stays ready when the database is ahead of the build (the next version migrated first)', async () => {
    expect(await checkReadiness({ ...healthy, appliedMigrations: async () => ['001_a', '002_b', '003_c'] }, options)).toEqual({
      isReady: true,
    });
  });

  it('names the migrations the database lacks', async () => {
    expect(await checkReadiness({ ...healthy, appliedMigrations: async () => ['001_a'] }, options)).toEqual({
      isReady: false,
      reason: 'database lacks 1 migration(s) this build expects: 002_b',
    });
  });

  it('is not ready connected as another role (the owner or a superuser)', async () => {
    const result = await checkReadiness({ ...healthy, currentRole: async () => 'postgres' }, options);
    expect(result).toEqual({ isReady: false, reason: "connected as role postgres, expected the app's role casemark_app" });
  });

  it('is not ready when the database refuses, or does not answer in time', async () => {
    const refused = await checkReadiness({ ...healthy, currentRole: () => Promise.reject(new Error('ECONNREFUSED')) }, options);
    expect(refused).toEqual({ isReady: false, reason: 'database unreachable: ECONNREFUSED' });
    const silent = await checkReadiness({ ...healthy, currentRole: () => new Promise<string>(() => undefined) }, options);
    expect(silent).toEqual({ isReady: false, reason: 'database unreachable: the database did not answer within 50 ms' });
  });

  it('is not ready without the LISTEN connection, or while stopping', async () => {
    expect(await checkReadiness({ ...healthy, isListening: () => false }, options)).toEqual({
      isReady: false,
      reason: 'the live panel LISTEN connection is down',
    });
    expect(await checkReadiness({ ...healthy, isDraining: () => true }, options)).toEqual({
      isReady: false,
      reason: 'stopping (SIGTERM received)',
    });
  });
});

describe('migrations', () => {
  it('reads the build list and finds the missing ones', () => {
    expect(expectedMigrations('001_a,002_b')).toEqual(['001_a', '002_b']);
    expect(expectedMigrations('')).toEqual([]);
    expect(missingMigrations(['001_a', '002_b'], ['002_b'])).toEqual(['001_a']);
  });
});
