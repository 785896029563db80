// The service worker: after one visit the assistant opens again without a network. It keeps
// what a first visit fetches and every platform's page, and the tools module once it has been
// used online, in one cache named by the release. The build writes the name, each of the
// release's files by its address under this folder with the first 12 bytes (96 bits) of the
// SHA-256 of its bytes (base64), and which of them wait for their first use (the tools module).
// It answers only for those files (review F6: hosted at an origin's root, the rest of the
// origin is not its own), and keeps or serves a file only when its bytes match the release's
// digest (review F5: on a shared origin, any script of the origin can write to this cache).
const PREFIX = 'smarthost-assistant-';
const VERSION = PREFIX + '__VERSION__';
const FILES = __FILES__;
const LATER = __LATER__;

self.addEventListener('install', (event) => {
    const first = Object.keys(FILES).filter((path) => !LATER.includes(path));
    event.waitUntil(
        Promise.all(first.map(async (path) => keep(path, await fetch(new URL(path, self.registration.scope))))).then(() => self.skipWaiting()),
    );
});

// The caches of this assistant's earlier releases go; nothing else on the origin is touched.
self.addEventListener('activate', (event) => {
    event.waitUntil(
        caches.keys()
            .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== VERSION).map((key) => caches.delete(key))))
            .then(() => self.clients.claim()),
    );
});

/** Whether a response holds exactly the release's bytes for `path`. */
async function genuine(path, response) {
    if (!response?.ok) return false;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
    return btoa(String.fromCharCode(...digest.slice(0, 12))) === FILES[path];
}

/** Keeps a response under the file's address when it is the release's own. */
async function keep(path, response) {
    if (await genuine(path, response)) await (await caches.open(VERSION)).put(new URL(path, self.registration.scope), response.clone());
    return response;
}

/** This release's copy of the file, if it has a genuine one. */
async function kept(path) {
    const hit = await (await caches.open(VERSION)).match(new URL(path, self.registration.scope));
    return (await genuine(path, hit)) ? hit : undefined;
}

self.addEventListener('fetch', (event) => {
    const request = event.request;
    // What the page asks for past any cache (the check for a new release) goes to the network.
    if (request.method !== 'GET' || request.cache === 'no-store' || !request.url.startsWith(self.registration.scope)) return;
    // A page is known whatever its query (a link's presets), by its folder's address.
    const url = new URL(request.url);
    const path = url.pathname.replace(/index\.html$/, '').slice(new URL(self.registration.scope).pathname.length);
    if (!(path in FILES)) return;
    if (request.mode === 'navigate') {
        // A page comes from the network when it can, so that a new release arrives.
        event.respondWith(fetch(request).then((response) => keep(path, response), async () => (await kept(path)) ?? Response.error()));
        return;
    }
    if (url.search) return;
    // Every other file has its content's hash in its name and never changes.
    event.respondWith(kept(path).then((hit) => hit ?? fetch(request).then((response) => keep(path, response))));
});
