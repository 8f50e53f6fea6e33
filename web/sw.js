// sw.js: the service worker that keeps the playground working offline (issue 20). Its URL carries
// the build (sw.js?v=BUILD, registered by web/offline.js), so every new build is a new worker: it
// caches that build's files (gen/precache.json, written by scripts/bundle.mjs) in a cache named for
// the build, and once active deletes the caches of older builds. Requests go to the network first
// and fall back to the cache, so a visitor online always gets the newest page and a visitor offline
// the last one they saw (a navigation, whatever its hash, is the cached index.html).
const BUILD = new URL(self.location.href).searchParams.get('v') || 'dev';
const CACHE = `bp-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const list = await (await fetch('gen/precache.json', { cache: 'no-store' })).json();
      const cache = await caches.open(CACHE);
      // no-cache, not reload: revalidated with the server, so the files the page has just loaded
      // come back as 304 Not Modified from a host that sends validators (ETag, Last-Modified)
      // instead of crossing the network twice, and a changed file still comes back new
      await cache.addAll(list.files.map((f) => new Request(f, { cache: 'no-cache' })));
      await self.skipWaiting(); // a new build takes over at once: the page itself is network-first
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('bp-') && key !== CACHE) await caches.delete(key);
    })(),
  );
  // The open page and its workers are taken over too (offline, its later imports come from the
  // cache), but not inside waitUntil: until activation ends, a controlled client's requests wait
  // for it, and in Firefox ESR 153 a claim that waited with them stalled activation (the compare
  // pool's worker scripts never loaded: 2 of 25 first visits with a compare link, the worker
  // "activating" after 20 s; tests/browser/compare.test.mjs).
  self.clients.claim();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      try {
        return await fetch(req);
      } catch (e) {
        const cache = await caches.open(CACHE);
        const hit = await cache.match(req.mode === 'navigate' ? 'index.html' : req, { ignoreSearch: true });
        if (hit) return hit;
        throw e;
      }
    })(),
  );
});
