// Offline support: every same-origin GET is answered from the network when there is one (so
// a new build shows at once) and from the cache when there is none. Installing caches the page
// and every asset it names, the PKCS#12 worker's included.
const CACHE = 'msstd-check';
// What scripts fetch rather than the page names: modules, the root index, and both whole root
// stores, which the page loads offline when a root file a chain needs was never fetched (so
// every verdict works offline; online the page fetches only the files it needs).
const WORKER_ASSETS = [
  'signatures.js', 'pfx-worker.js', 'msstd-check-pfx.js', 'msstd-check-pfx_bg.wasm',
  'roots/index.txt', 'mozilla-roots.txt', 'microsoft-roots.txt',
];

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put('./', page);
  const urls = new Set(WORKER_ASSETS);
  // Attribute values quoted or not (the built page is minified).
  for (const match of html.matchAll(/(?:href|src|data-bindings|data-wasm)=(?:"([^"#:]+)"|([^\s>"'#:]+))/g)) {
    urls.add(match[1] ?? match[2]);
  }
  // The page's words, one file for each language its menu offers.
  const menu = /id="?language"?[^>]*>([\s\S]*?)<\/select>/.exec(html);
  for (const match of (menu ? menu[1] : '').matchAll(/<option value="?([a-z-]+)/g)) urls.add(`messages-${match[1]}.json`);
  await Promise.all(
    [...urls].map(async (url) => {
      const response = await fetch(url, { cache: 'no-cache' }).catch(() => null);
      if (response && response.ok) await cache.put(url, response);
    }),
  );
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  const key = request.mode === 'navigate' ? './' : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
        return response;
      })
      .catch(async () => (await caches.match(key, { ignoreSearch: true })) || Response.error()),
  );
});
