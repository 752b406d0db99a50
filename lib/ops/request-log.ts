/**
 * What one request's log line may say. The route is the path with every segment that could carry
 * data replaced — ids, anything with a digit or a capital, anything long — and the query string
 * dropped, so a case reference or a search can never reach the log through a URL.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLAIN_SEGMENT = /^[a-z][a-z-]{0,39}$/;

export function routeOf(url: string): string {
  const pathname = url.split('?')[0]?.split('#')[0] ?? '/';
  if (pathname.startsWith('/_next/static/')) return '/_next/static/*';
  const segments = pathname.split('/').filter(Boolean);
  return (
    '/' +
    segments
      .map((segment) => {
        if (UUID.test(segment)) return ':id';
        return PLAIN_SEGMENT.test(segment) ? segment : ':param';
      })
      .join('/')
  );
}

/** A caller's X-Request-Id when it is a plain token (a proxy's), else a new one. */
export function requestIdFrom(header: string | string[] | undefined, fresh: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,100}$/.test(value) ? value : fresh();
}
