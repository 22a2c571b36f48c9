// Rådslag's service worker: after one visit the app opens with no network.
//
// The app shell (index.html and the hashed wasm, js and css it names) is
// served from the cache. Each navigation also checks the network in the
// background; when a new version has been deployed, its files are cached and
// the open pages are told, so the user reloads when it suits them.
const CACHE = 'radslag-shell-v1';
const SHELL = '/index.html';
const STATIC = ['/public/icon.svg', '/public/manifest.webmanifest', '/public/icon-192.png', '/public/icon-512.png'];
// The file reader worker (importing minutes): not needed for the first page,
// so cached after the shell, and an import works offline after one visit.
const READER = ['/radslag-extract_loader.js', '/radslag-extract.js', '/radslag-extract_bg.wasm'];

// Files kept for offline use once fetched, with the content type each must
// have: only a 2xx answer of that type is cached (an error page, or the
// app's index.html answered for a missing file, never is).
const TYPES = {
  js: 'text/javascript|application/javascript',
  wasm: 'application/wasm',
  css: 'text/css',
  png: 'image/png',
  svg: 'image/svg+xml',
  webmanifest: 'application/manifest+json|application/json',
  html: 'text/html',
};
const CACHEABLE = /\.(?:js|wasm|css|png|svg|webmanifest)$/;

function cacheable(path, response) {
  if (!response.ok || response.type !== 'basic') return false;
  const ext = path === SHELL ? 'html' : (path.match(/\.([a-z]+)$/) || [])[1];
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  return Boolean(TYPES[ext]) && TYPES[ext].split('|').includes(type);
}

// Fetches `paths` into the cache, or fails (caching nothing) if any answer is
// not a 2xx of the expected type.
async function addAllChecked(cache, paths) {
  const responses = await Promise.all(paths.map((p) => fetch(p, { cache: 'no-cache' })));
  responses.forEach((response, i) => {
    if (!cacheable(paths[i], response)) throw new Error(`not cached: ${paths[i]} (${response.status})`);
  });
  await Promise.all(responses.map((response, i) => cache.put(paths[i], response)));
}
// Paths that always go to the network: the relay and server endpoints.
const NETWORK_ONLY = ['/sync', '/healthz', '/ics/'];

// The files index.html loads, and the app's chunks that it names for
// offline use (pages fetched when first opened; scripts/app-wasm-html.mjs).
function assetsOf(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:href|src)="(\/[^"]+\.(?:js|wasm|css))"/g)) urls.add(match[1]);
  const offline = html.match(/<meta name="radslag-offline" content="([^"]*)"/);
  for (const path of offline ? offline[1].split(' ') : []) if (path) urls.add(path);
  return [...urls];
}

// Fetches the current index.html and every file it names into the cache.
// Returns true when that index differs from the cached one.
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-store' });
  if (!cacheable(SHELL, response)) return false;
  const html = await response.clone().text();
  const cached = await cache.match(SHELL);
  const changed = !cached || (await cached.text()) !== html;
  if (changed) {
    const assets = assetsOf(html);
    await addAllChecked(cache, [...assets, ...STATIC]);
    await cache.put(SHELL, response);
    // Its names carry no hash: fetched again with each new version.
    await addAllChecked(cache, READER).catch(() => {});
    // The previous version's hashed files: open pages have them loaded
    // already, and nothing names them any more.
    const keep = new Set([SHELL, ...assets, ...STATIC, ...READER]);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (/\.(?:js|wasm|css)$/.test(path) && !keep.has(path)) await cache.delete(request);
    }
  }
  return changed;
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function tellPagesAboutUpdate() {
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    client.postMessage({ type: 'radslag-update' });
  }
}

// A page asks for a check now: a member's change came from a newer release.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'radslag-check') {
    event.waitUntil(cacheShell().then((changed) => changed && tellPagesAboutUpdate()).catch(() => {}));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (NETWORK_ONLY.some((path) => url.pathname.startsWith(path))) return;

  if (request.mode === 'navigate') {
    // Every app path is the same shell (the router runs in the page).
    event.respondWith(caches.match(SHELL).then((cached) => cached || fetch(request)));
    event.waitUntil(
      cacheShell()
        .then((changed) => changed && tellPagesAboutUpdate())
        .catch(() => {}),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(
      (cached) =>
        cached ||
        fetch(request).then((response) => {
          if (CACHEABLE.test(url.pathname) && cacheable(url.pathname, response)) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
