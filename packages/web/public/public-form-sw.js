/*
 * Keeps the respondent's questionnaire (/f/<token>) usable without a connection: a person who
 * completed the form in a village without signal can reload or reopen the page and still sees
 * that the answers wait on the device (they are in localStorage and are sent by the page, not
 * by this worker). Registered with scope /f/, so the officers' screens are never touched.
 *
 * Of the requests of those pages it handles only GETs of the page itself (network first, the
 * copy kept from the last visit when offline) and of the built files under /assets/ (their
 * names change with their content, so a copy is always right). The API is left alone.
 */
const CACHE = 'potreby-public-form-v1';
const PAGE = '/f/';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('potreby-public-form-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page tells what it loaded before this worker took over: its own address and its files. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.assets)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      if (typeof data.page === 'string') {
        const page = await fetch(data.page, { credentials: 'omit' }).catch(() => null);
        if (page && page.ok) await cache.put(PAGE, page);
      }
      const assets = data.assets.filter(isAsset).map((url) => new URL(url, self.location.origin).href);
      await Promise.all(assets.map((url) => cache.match(url).then((hit) => hit || cache.add(url)).catch(() => undefined)));
      // Files of earlier versions of the app are not needed any more.
      for (const request of await cache.keys()) if (isAsset(request.url) && !assets.includes(request.url)) await cache.delete(request);
    })(),
  );
});

function isAsset(url) {
  try {
    const u = new URL(url, self.location.origin);
    return u.origin === self.location.origin && u.pathname.startsWith('/assets/');
  } catch {
    return false;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith(PAGE)) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          const response = await fetch(request);
          if (response.ok) await cache.put(PAGE, response.clone());
          return response;
        } catch (error) {
          const kept = await cache.match(PAGE);
          if (kept) return kept;
          throw error;
        }
      })(),
    );
    return;
  }
  if (isAsset(request.url)) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        const kept = await cache.match(request);
        if (kept) return kept;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      })(),
    );
  }
});
