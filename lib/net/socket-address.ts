import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

/**
 * The client's socket address for route handlers, which Next.js does not give them.
 *
 * `next start` copies the socket address into X-Forwarded-For only when the request carries no
 * such header (`??=` in next/dist/server/base-server.js), so without a proxy that header may be
 * the client's own invention. Instead, once per server process (instrumentation.ts), every
 * incoming request is stamped with this header — overwriting anything the client sent — holding a
 * random per-process token and the socket's address. Only a stamp carrying this process's token
 * is believed, so a forged header is worthless even where the stamp is not installed.
 */
export const SOCKET_ADDRESS_HEADER = 'x-casemark-socket-address';

const TOKEN_KEY = Symbol.for('casemark.socketAddressToken');
type WithToken = typeof globalThis & { [TOKEN_KEY]?: string };

/** Stamps every request this process's HTTP servers receive (idempotent). */
export function installSocketAddressStamp(): void {
  const scope = globalThis as WithToken;
  if (scope[TOKEN_KEY]) return;
  const token = randomBytes(16).toString('hex');
  scope[TOKEN_KEY] = token;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      const address = request.socket?.remoteAddress;
      if (address) request.headers[SOCKET_ADDRESS_HEADER] = `${token} ${address}`;
      else delete request.headers[SOCKET_ADDRESS_HEADER];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** The socket address stamped on this request by this process, or null. */
export function socketAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string | null {
  const token = (globalThis as WithToken)[TOKEN_KEY];
  if (!token || !headers) return null;
  const raw = headers instanceof Headers ? headers.get(SOCKET_ADDRESS_HEADER) : headers[SOCKET_ADDRESS_HEADER];
  if (typeof raw !== 'string') return null;
  const [given = '', address] = raw.split(' ');
  const expected = Buffer.from(token);
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual) || !address) return null;
  return address.slice(0, 64);
}
