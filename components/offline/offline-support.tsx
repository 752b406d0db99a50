'use client';

import { useEffect } from 'react';
import { CURRENT_USER_URL, isOfflinePage, META_CACHE, pageOwner, pagesCache, STATIC_CACHE, staticAssetsOf } from '@/lib/offline/page-cache';

const MAX_PAGES = 80;

/** Keeps one page (and the framework files it loads) in the user's own cache, if it is theirs. */
async function keepPage(userId: string, path: string, skipIfKept: boolean) {
  const pages = await caches.open(pagesCache(userId));
  const key = new URL(path, location.origin).href;
  if (skipIfKept && (await pages.match(key))) return;
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
  if (!response.ok || response.redirected) return;
  const html = await response.text();
  if (pageOwner(html) !== userId) return;
  await pages.put(key, new Response(html, { status: 200, headers: response.headers }));
  const assets = await caches.open(STATIC_CACHE);
  for (const asset of staticAssetsOf(html)) if (!(await assets.match(asset))) await assets.add(asset).catch(() => undefined);
}

/**
 * Open cases with no connection (issue 11): registers the service worker, records who uses
 * Casemark on this device now (the worker serves offline pages from that user's cache only), and
 * keeps this page and the case pages it links to — opening the inspection keeps each case's task
 * list; opening a case keeps its standards and check-your-answers.
 */
export function OfflineSupport({ userId }: { userId: string }) {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return;
    let isCurrent = true;
    void (async () => {
      try {
        await navigator.serviceWorker.register('/sw.js');
        await (await caches.open(META_CACHE)).put(CURRENT_USER_URL, new Response(userId));
        if (!navigator.onLine || !isOfflinePage(location.pathname)) return;
        const assets = await caches.open(STATIC_CACHE);
        const own = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')]
          .map((e) => ('src' in e && e.src ? e.src : (e as HTMLLinkElement).href))
          .filter((href) => href && new URL(href).pathname.startsWith('/_next/static/'));
        for (const href of own) if (!(await assets.match(href))) await assets.add(href).catch(() => undefined);
        const linked = [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')]
          .map((a) => new URL(a.href))
          .filter((u) => u.origin === location.origin && isOfflinePage(u.pathname))
          .map((u) => u.pathname);
        const paths = [location.pathname, ...new Set(linked)].slice(0, MAX_PAGES);
        for (const [i, path] of paths.entries()) {
          if (!isCurrent || !navigator.onLine) return;
          // This page fresh every time it is opened; the linked ones once (the worker refreshes them on each visit).
          await keepPage(userId, path, i > 0).catch(() => undefined);
        }
      } catch {
        // Offline use is a help, never a reason for a page to fail.
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [userId]);
  return null;
}

/** Signing out: everything Casemark kept for this user on the device goes. */
export async function wipeOfflinePages(userId: string) {
  if (!('caches' in window)) return;
  await caches.delete(pagesCache(userId));
  const meta = await caches.open(META_CACHE);
  const current = await meta.match(CURRENT_USER_URL);
  if (current && (await current.text()) === userId) await meta.delete(CURRENT_USER_URL);
}
