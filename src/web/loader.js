// Starts the assistant on the hosted page. scripts/package.mjs bundles this with the app's
// wasm-bindgen glue into one external module, so that the page's Content-Security-Policy
// allows no inline script, and fills in the file names below.
import init from '__APP_GLUE__';

// The tools module (generators and SPF checker), fetched the first time the app asks
// (src/ui/tools.rs). A dynamic import() is the one part of this that Rust cannot express.
let tools;
globalThis.smarthostAssistant = {
    async loadTools() {
        try {
            const glue = await import('__TOOLS_GLUE__');
            await glue.default({ module_or_path: new URL('__TOOLS_WASM__', import.meta.url) });
            tools = glue;
        } catch (error) {
            await reloadIntoNewRelease();
            throw error;
        }
    },
    tools: () => tools,
};

// A tab opened before a new release was deployed asks for the tools module by its old name,
// which the host no longer has. When the page itself still answers, that is what happened:
// reload it once into the new release. The admin's values and progress are saved in the
// browser and come back with it.
async function reloadIntoNewRelease() {
    const reloaded = performance.getEntriesByType('navigation')[0]?.type === 'reload';
    if (reloaded || !navigator.onLine) return;
    try {
        const page = await fetch(new URL('./', import.meta.url), { cache: 'no-store' });
        if (page.ok && !(await page.text()).includes(new URL(import.meta.url).pathname.split('/').pop())) location.reload();
    } catch {
        // The network is down: the app says so, and a reload retries.
    }
}

// A note for copies saved with the browser's "Save page as": they cannot run the app, so the
// note says how to get the offline copy. This rule lives only in the running page's CSSOM,
// which a saved copy does not keep.
document.styleSheets[0]?.insertRule('.sha-saved-note { display: none !important }');

// Framed by a page whose origin is not on the build's embed list (scripts/package.mjs), the
// assistant shows its steps but nothing to download, copy or apply (review F7): a page of
// another site could lay it under a decoy and steer the admin's clicks. The mark hides those
// controls (styles/app.css), so that no click or key reaches them, whatever the app renders,
// and the page's note says why, with a link to the assistant in its own tab. The assistant's
// own origin may frame it: a page there can reach into the frame anyway. The ancestors'
// origins come from location.ancestorOrigins (Chromium, Safari); elsewhere the parent's, read
// directly where it is this origin, else from the referrer, which must then be on the list
// (after a link followed inside a frame, the referrer is this origin whoever the parent is).
// An origin the browser does not tell is not on the list. Here rather than in the wasm,
// where the same check and the controls' conditions cost the download 1.2 KB (measured).
const root = document.getElementById('smarthost-assistant');
if (window.top !== window) {
    const listed = [...__EMBED_ORIGINS__, location.origin];
    let ancestors = location.ancestorOrigins && [...location.ancestorOrigins];
    if (!ancestors) {
        try {
            ancestors = [parent.location.origin];
        } catch {
            const referrer = document.referrer && new URL(document.referrer).origin;
            ancestors = [referrer === location.origin ? '' : referrer];
        }
    }
    if (!ancestors.every((origin) => listed.includes(origin))) {
        document.documentElement.setAttribute('data-framed', '');
    }
}

try {
    // Compiled while it streams in: the page preloads it, and the glue uses
    // WebAssembly.instantiateStreaming for a response served as application/wasm.
    await init({ module_or_path: new URL('__APP_WASM__', import.meta.url) });
} catch (error) {
    const message = document.createElement('p');
    message.className = 'sha-notice';
    message.setAttribute('role', 'alert');
    message.textContent =
        'The assistant could not be loaded, perhaps because the network is down. Your values and progress are kept in this browser: reload the page to try again.';
    root?.prepend(message);
    throw error;
}

// Embedded in an iframe: tell the host page the content's height, so that the frame can
// follow it with no inner scrollbar (see embed.js). It must run beside any app, so it stays
// here rather than in the wasm.
if (window.parent !== window) {
    const report = () =>
        window.parent.postMessage({ type: 'smarthost-assistant:height', height: document.documentElement.scrollHeight }, '*');
    new ResizeObserver(report).observe(document.documentElement);
}

// Opened once over http(s), the page works again without a network (sw.js).
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    const folder = new URL('./', import.meta.url);
    navigator.serviceWorker.register(new URL('sw.js', folder), { scope: folder.href }).catch(() => {});
}
