'use client';

import { useEffect } from 'react';
import { OUTBOX_CHANGED } from '@/components/cases/use-outbox';
import { CURRENT_USER_URL, isOfflinePage, META_CACHE, pagesCache, STATIC_CACHE } from '@/lib/offline/page-cache';
import { keepPage } from './keep-page';
import { allowOfflineCases, stopOfflineCases } from './offline-cases-sync';

const REKEEP_AFTER_MS = 10_000;

/**
 * Open cases with no connection (issue 11): registers the service worker, records who uses
 * Casemark on this device now (the worker serves offline pages from that user's cache only), and
 * makes sure this page and the framework files it loads are kept. Every inspection, task list,
 * standard and check page opened online is kept; opening the inspection page also fetches every
 * page of the user's allocated cases (components/offline/offline-cases.tsx), but no other page
 * fetches ahead (it doubled the server's work during marking — see docs/decisions/0011).
 */
export function OfflineSupport({ userId }: { userId: string }) {
  useEffect(() => {
    allowOfflineCases(userId);
    if (!('serviceWorker' in navigator) || !('caches' in window)) return;
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
        // The worker keeps every page it serves (network first); this page only when it loaded before
        // the worker was in control (the first visit).
        if (navigator.serviceWorker.controller === null) await keepPage(userId, location.pathname).catch(() => undefined);
      } catch {
        // Offline use is a help, never a reason for a page to fail.
      }
    })();
    // Answers saved after the page loaded: keep the page as the server now has it, once the saves
    // settle, so opening it offline later shows them (and later changes are made on their versions).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onOutboxChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (navigator.onLine && isOfflinePage(location.pathname)) void keepPage(userId, location.pathname).catch(() => undefined);
      }, REKEEP_AFTER_MS);
    };
    window.addEventListener(OUTBOX_CHANGED, onOutboxChange);
    return () => {
      clearTimeout(timer);
      window.removeEventListener(OUTBOX_CHANGED, onOutboxChange);
    };
  }, [userId]);
  return null;
}

/** Signing out: everything Casemark kept for this user on the device goes. */
export async function wipeOfflinePages(userId: string) {
  stopOfflineCases(userId);
  if (!('caches' in window)) return;
  await caches.delete(pagesCache(userId));
  const meta = await caches.open(META_CACHE);
  const current = await meta.match(CURRENT_USER_URL);
  if (current && (await current.text()) === userId) await meta.delete(CURRENT_USER_URL);
}
