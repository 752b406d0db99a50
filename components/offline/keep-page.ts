'use client';

import { pageOwner, pagesCache, STATIC_CACHE, staticAssetsOf } from '@/lib/offline/page-cache';

type KeepOutcome = 'kept' | 'failed' | 'offline' | 'signed-out';

/**
 * Keeps one page (and the framework files it loads) in the user's own cache, if the server
 * rendered it for them: a page naming anyone else, or none, is never kept. `assetsSeen` spares
 * checking the same framework file again within one run.
 */
export async function keepPage(
  userId: string,
  path: string,
  { skipIfKept = false, signal, assetsSeen }: { skipIfKept?: boolean; signal?: AbortSignal; assetsSeen?: Set<string> } = {},
): Promise<KeepOutcome> {
  if (signal?.aborted) return 'failed';
  const pages = await caches.open(pagesCache(userId));
  const key = new URL(path, location.origin).href;
  if (skipIfKept && (await pages.match(key))) return 'kept';
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'text/html' }, signal });
  } catch {
    return signal?.aborted ? 'failed' : 'offline';
  }
  // Sent to the sign-in page: the session has ended, nothing more can be kept for this user.
  if (response.redirected && new URL(response.url).pathname.startsWith('/sign-in')) return 'signed-out';
  if (!response.ok || response.redirected) return 'failed';
  const html = await response.text().catch(() => null);
  if (html === null || pageOwner(html) !== userId) return 'failed';
  if (signal?.aborted) return 'failed';
  await pages.put(key, new Response(html, { status: 200, headers: response.headers }));
  const assets = await caches.open(STATIC_CACHE);
  for (const asset of staticAssetsOf(html)) {
    if (assetsSeen?.has(asset)) continue;
    assetsSeen?.add(asset);
    if (!(await assets.match(asset))) await assets.add(asset).catch(() => undefined);
  }
  return 'kept';
}
