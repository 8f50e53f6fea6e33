// offline.js: registers the service worker (web/sw.js) that keeps the page working offline and
// makes it installable (with manifest.webmanifest). BUILD is stamped by scripts/bundle.mjs into
// gen/app.js: a new build registers a new worker URL, which caches that build. Not from file://
// (no service workers there) or without support; a failure only costs offline use, so it is
// reported on the console and the page goes on.
const BUILD = 'bp-build:000000000000';

export function registerOffline() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register(`sw.js?v=${BUILD.slice('bp-build:'.length)}`)
    .catch((e) => console.warn(`Offline use is not available: ${e.message}`));
}
