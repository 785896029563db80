// Starts the assistant on the hosted page. scripts/package.mjs bundles this with the app's
// wasm-bindgen glue into one external module, so that the page's Content-Security-Policy
// allows no inline script, and fills in the file names below.
import init from '__APP_GLUE__';

// The tools module (generators and SPF checker), fetched the first time the app asks
// (src/ui/tools.rs). A dynamic import() is the one part of this that Rust cannot express.
let tools;
globalThis.smarthostAssistant = {
    async loadTools() {
        const glue = await import('__TOOLS_GLUE__');
        await glue.default({ module_or_path: new URL('__TOOLS_WASM__', import.meta.url) });
        tools = glue;
    },
    tools: () => tools,
};

// A note for copies saved with the browser's "Save page as": they cannot run the app, so the
// note says how to get the offline copy. This rule lives only in the running page's CSSOM,
// which a saved copy does not keep.
document.styleSheets[0]?.insertRule('.sha-saved-note { display: none }');

try {
    // Compiled while it streams in: the page preloads it, and the glue uses
    // WebAssembly.instantiateStreaming for a response served as application/wasm.
    await init({ module_or_path: new URL('__APP_WASM__', import.meta.url) });
} catch (error) {
    const root = document.getElementById('smarthost-assistant');
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
    navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {});
}
