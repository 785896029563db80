// The service worker: after one visit the assistant opens again without a network. It keeps
// what a first visit fetches and every platform's page, and the tools module once it has been used online, in one
// cache named by the release (the build writes the name and the list below). It answers
// only for its own folder, and reads and writes only its own cache: another cache on the
// same origin is not its to trust or to delete.
const PREFIX = 'smarthost-assistant-';
const VERSION = '__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

// The caches of this assistant's earlier releases go; nothing else on the origin is touched.
self.addEventListener('activate', (event) => {
    event.waitUntil(
        caches.keys()
            .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== VERSION).map((key) => caches.delete(key))))
            .then(() => self.clients.claim()),
    );
});

/** Keeps a good response under `key`; an error page is never kept. */
async function keep(key, response) {
    if (response.ok) await (await caches.open(VERSION)).put(key, response.clone());
    return response;
}

/** This release's copy of `key`, if it has one. */
async function kept(key, options) {
    return (await caches.open(VERSION)).match(key, options);
}

self.addEventListener('fetch', (event) => {
    const request = event.request;
    // What the page asks for past any cache (the check for a new release) goes to the network.
    if (request.method !== 'GET' || request.cache === 'no-store' || !request.url.startsWith(self.registration.scope)) return;
    if (request.mode === 'navigate') {
        // A page comes from the network when it can, so that a new release arrives, and is
        // kept once, whatever the query string (a link's presets), under its folder's address.
        const page = new URL(request.url);
        page.search = '';
        page.hash = '';
        page.pathname = page.pathname.replace(/index\.html$/, '');
        event.respondWith(
            fetch(request)
                .then((response) => keep(page.href, response))
                .catch(async () => (await kept(page.href)) ?? Response.error()),
        );
        return;
    }
    // Every other file has its content's hash in its name and never changes.
    event.respondWith(kept(request).then((hit) => hit ?? fetch(request).then((response) => keep(request, response))));
});
