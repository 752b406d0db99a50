/*
 * Casemark's service worker (issue 11: open cases with no connection). Hand-written, see
 * docs/decisions/0011-hand-written-service-worker.md.
 *
 * - /_next/static/* (content-hashed, never changes): cache first, kept in one shared cache.
 * - Pages (navigations): network first; the home page (your inspections: the app shell), inspections,
 *   case task lists, standard pages and check your answers are kept. A page the server rendered for a signed-in user says whose
 *   it is (<body data-casemark-user>); it is stored in that user's own cache only. With no
 *   connection, the page comes from the cache of the user who last used Casemark on this device
 *   (recorded by the pages themselves, cleared on sign-out), never from anyone else's.
 * - The inspection page also fetches every page of the user's allocated cases into the same per-user
 *   cache (components/offline/offline-cases-sync.ts), one at a time, so they open offline unvisited.
 * - Nothing else is cached: server actions (POST), the live panel stream, exports.
 */
const STATIC_CACHE = 'casemark-static-v1';
const META_CACHE = 'casemark-meta';
const CURRENT_USER_URL = '/__casemark/current-user';
const pagesCache = (userId) => `casemark-pages-${userId}`;
const CACHED_PATHS = /^\/(inspections\/[^/]+(\/cases\/[^/]+(\/standards\/[^/]+|\/check)?)?)?$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function currentUser() {
  const meta = await caches.open(META_CACHE);
  const response = await meta.match(CURRENT_USER_URL);
  return response ? (await response.text()).trim() : null;
}

function ownerOf(html) {
  const match = /data-casemark-user="([0-9a-f-]{36})"/.exec(html);
  return match ? match[1] : null;
}

// Styled like Casemark's pages (GOV.UK colours and type), inline: nothing else may load offline.
const OFFLINE_STYLE =
  'body{margin:0;font-family:Arial,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}' +
  'header{background:#0b0c0c;border-bottom:8px solid #1d70b8;color:#fff;padding:12px 16px;font-size:24px;font-weight:700}' +
  'main{max-width:960px;margin:0 auto;padding:32px 16px}h1{font-size:36px;margin:0 0 20px}p{margin:0 0 20px;max-width:40em}' +
  'a{color:#1d70b8;text-decoration:underline}a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c}';

/** The way back from a page not kept: its inspection's case list (kept when opened online), or your inspections. */
function wayBack(url) {
  const inspection = /^\/inspections\/([^/]+)/.exec(url.pathname);
  return inspection
    ? { href: `/inspections/${inspection[1]}`, text: 'Go back to the case list' }
    : { href: '/', text: 'Go back to your inspections and cases' };
}

function offlinePage(url) {
  const back = wayBack(url);
  return new Response(
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>You are offline – Casemark</title><style>' +
      OFFLINE_STYLE +
      '</style></head><body><header>Casemark</header><main><h1>You are offline</h1><p>This page has not been kept on this device for you. The cases ' +
      'allocated to you are kept when you open their inspection while online, and any page once you have opened ' +
      'it online. Changes you made are kept on this device and sent when the connection is back.</p>' +
      `<p><a href="${back.href}">${back.text}</a></p></main></body></html>`,
    { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
}

/** A page the network has not answered in this long is served from the device (guest Wi-Fi goes silent). */
const PAGE_TIMEOUT_MS = 8000;

async function networkFirstPage(request) {
  const url = new URL(request.url);
  const key = url.origin + url.pathname; // one copy per page, whatever the query
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
    const isKept = url.pathname === '/' || (url.pathname.startsWith('/inspections/') && CACHED_PATHS.test(url.pathname));
    if (response.ok && !response.redirected && isKept) {
      const copy = response.clone();
      // Stored under the user the page itself names: a page is never kept for anyone else.
      copy
        .text()
        .then(async (html) => {
          const owner = ownerOf(html);
          if (!owner) return;
          const cache = await caches.open(pagesCache(owner));
          await cache.put(key, new Response(html, { status: 200, headers: copy.headers }));
        })
        .catch(() => undefined);
    }
    return response;
  } catch {
    const userId = await currentUser();
    if (userId) {
      const cached = await (await caches.open(pagesCache(userId))).match(key);
      if (cached) return cached;
    }
    return offlinePage(url);
  }
}

async function cacheFirstStatic(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(cacheFirstStatic(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
  }
});
