/**
 * The largest body a server action may be sent, in bytes: next.config.js gives Next.js the same
 * number as `experimental.serverActions.bodySizeLimit` (body-limit.test.ts keeps them equal and
 * checks it fits the largest legitimate upload). proxy.ts refuses a larger post by its
 * Content-Length with 413 before Next.js reads a byte of it.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1_200_000;

export const TOO_LARGE_MESSAGE = 'Request too large: a file sent to Casemark must be smaller than 1 MB.\n';

/**
 * True when a post to a page (a server action: pages take no other posts) declares a body larger
 * than the limit. Route handlers under /api/ check their own bodies. A body sent without a
 * Content-Length is {@link isUnmeasuredActionPost}'s.
 */
export function isOversizeActionPost(options: { method: string; pathname: string; headers: Pick<Headers, 'get'> }): boolean {
  if (options.method.toUpperCase() !== 'POST') return false;
  if (options.pathname.startsWith('/api/')) return false;
  const declared = options.headers.get('content-length');
  if (declared === null) return false;
  const length = /^\s*\d+\s*$/.test(declared) ? Number(declared) : Number.NaN;
  // A Content-Length that is not a number is malformed: refused like an over-size one.
  return !Number.isFinite(length) || length > SERVER_ACTION_BODY_LIMIT_BYTES;
}

/**
 * True when a post to a page sends a body without saying how long it is (Transfer-Encoding, no
 * Content-Length). Browsers never send a form or a server action that way, and Next.js answers
 * one over the limit with a 500 (issue 21), so proxy.ts refuses it with 411 before a byte is read.
 */
export function isUnmeasuredActionPost(options: { method: string; pathname: string; headers: Pick<Headers, 'get'> }): boolean {
  if (options.method.toUpperCase() !== 'POST') return false;
  if (options.pathname.startsWith('/api/')) return false;
  return options.headers.get('content-length') === null && options.headers.get('transfer-encoding') !== null;
}

export const LENGTH_REQUIRED_MESSAGE = 'Length required: send the request with a Content-Length, as a browser does.\n';
