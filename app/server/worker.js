// Kintsugi's service worker. The server fills in the version and the list of
// every file and page the app needs; all of them are cached before this worker
// takes over, so the app starts with no network on any route.
const cacheName = "kintsugi-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    // addAll fails as a whole if one file fails, and then this version is
    // not installed: the previous one stays in charge.
    await cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(respond(request, url));
});

async function respond(request, url) {
  const cache = await caches.open(cacheName);
  if (request.mode === "navigate") {
    const page = await matchPage(cache, url.pathname);
    if (page) {
      return page;
    }
    try {
      return await fetch(request);
    } catch (err) {
      // Offline on a page that is not cached: the app shell renders any
      // route, including its own not-found page.
      return (await cache.match("/")) || Response.error();
    }
  }
  const hit = await cache.match(request);
  if (hit) {
    return hit;
  }
  return fetch(request);
}

// matchPage finds a cached page with or without a trailing slash, since
// static hosts address pages both ways.
async function matchPage(cache, path) {
  const other = path.endsWith("/") ? path.slice(0, -1) : path + "/";
  const hit = (await cache.match(path, { ignoreSearch: true })) ||
    (other ? await cache.match(other, { ignoreSearch: true }) : undefined);
  if (hit && hit.redirected) {
    // A plain file server answered /page with a redirect to /page/ when it
    // was cached; a navigation may not be answered with a redirected
    // response, so hand back the same page as a fresh one.
    return new Response(await hit.blob(), { status: hit.status, statusText: hit.statusText, headers: hit.headers });
  }
  return hit;
}
