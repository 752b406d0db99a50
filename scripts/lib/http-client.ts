/**
 * Helpers for commands that drive the production build over HTTP as a browser would (npm run
 * bench, npm run soak): sign in through next-auth, post a save, start `next start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { at } from '@/lib/must';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

/** p50, p95 and the maximum of some samples (NaN when there are none). */
export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie, Origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`Sign-in failed for ${email} (${response.status})`);
  return at(session.split(';'), 0);
}

/**
 * Posts one answer's change to the save route, as the marking page does
 * (lib/marking/save-client.ts): JSON, the session cookie, and the page's own Origin.
 */
export function postAnswerOverHttp(
  baseUrl: string,
  options: { inspectionId: string; caseId: string; cookie: string; change: Record<string, unknown>; signal?: AbortSignal },
): Promise<Response> {
  return fetch(`${baseUrl}/inspections/${options.inspectionId}/cases/${options.caseId}/answers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Cookie: options.cookie, Origin: baseUrl },
    body: JSON.stringify({ caseId: options.caseId, ...options.change }),
    signal: options.signal,
  });
}

/**
 * The existing standalone production build on `port`, started as the Dockerfile starts it
 * (scripts/serve.mjs), connected to `databaseUrl` (the app's role). Resolves once it is ready;
 * the database must already be migrated. `env` adds to (or overrides) the environment.
 */
export async function startNextServer(options: {
  port: number;
  databaseUrl: string;
  secret: string;
  root?: string;
  env?: Record<string, string>;
  /** Each line the server writes to stdout (its request log). */
  onStdout?: (line: string) => void;
}): Promise<ChildProcess> {
  const root = options.root ?? process.cwd();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      DATABASE_MIGRATION_URL: '',
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: `http://localhost:${options.port}`,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.onStdout) {
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach((line) => options.onStdout?.(line));
    });
  }
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (/Ready/i.test(chunk.toString())) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The server exited (${code}) before it was ready: ${output}`)));
  });
  child.stdout.resume();
  return child;
}

/** Stops a server started by startNextServer (SIGKILL with `hard`, as a crash would). */
export async function stopServer(child: ChildProcess, hard = false): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(hard ? 'SIGKILL' : 'SIGTERM');
  await exited;
}

/**
 * Reads the live panel's server-sent events (app/inspections/[inspectionId]/panel/events) from a
 * response body until it ends, calling `onPanel` with each `panel` event's data as it arrives.
 * Other events (the keep-alive comments) are passed over.
 */
export async function readPanelEvents(body: ReadableStream<Uint8Array>, onPanel: (data: unknown) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!message.startsWith('event: panel')) continue;
      onPanel(JSON.parse(message.slice(message.indexOf('data: ') + 6)));
    }
  }
}
