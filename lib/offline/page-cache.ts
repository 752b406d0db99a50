/**
 * The page side of the service worker's caches (public/sw.js keeps the same names): which pages
 * are kept for offline use, and under whose name. Pages are kept per user and wiped on sign-out.
 */
export const STATIC_CACHE = 'casemark-static-v1';
export const META_CACHE = 'casemark-meta';
export const CURRENT_USER_URL = '/__casemark/current-user';
export const pagesCache = (userId: string) => `casemark-pages-${userId}`;

/** The home page (the app shell: your inspections), the inspection, case task list, standard and check-your-answers pages: what opens offline. */
const OFFLINE_PAGE_PATH = /^\/(inspections\/[^/]+(\/cases\/[^/]+(\/standards\/[^/]+|\/check)?)?)?$/;

/** The user a rendered page belongs to (the layout writes it on <body>); null for signed-out pages. */
export function pageOwner(html: string): string | null {
  const match = /data-casemark-user="([0-9a-f-]{36})"/.exec(html);
  return match?.[1] ?? null;
}

/** The framework files a page loads (content-hashed, so safe to keep). */
export function staticAssetsOf(html: string): string[] {
  return [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? [])];
}

export function isOfflinePage(pathname: string): boolean {
  return pathname === '/' || (pathname.startsWith('/inspections/') && OFFLINE_PAGE_PATH.test(pathname));
}
