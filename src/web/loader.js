// Starts the assistant on the hosted page. The build bundles this with wasm-bindgen's glue
// into one external module, so the page needs no inline script under its CSP.
import init from '__GLUE__';

// A note for copies saved with the browser's "Save page as": they cannot run the app, so the
// note says how to get the offline copy. This rule lives only in the running page's CSSOM,
// which a saved copy does not keep.
document.styleSheets[0]?.insertRule('.sha-saved-note { display: none }');

await init({ module_or_path: new URL('__WASM__', import.meta.url) });

// Embedded in an iframe: tell the host page the content's height, so that the frame can
// follow it with no inner scrollbar (see embed.js).
if (window.parent !== window) {
    const report = () =>
        window.parent.postMessage({ type: 'smarthost-assistant:height', height: document.documentElement.scrollHeight }, '*');
    new ResizeObserver(report).observe(document.documentElement);
}

// Opened once over http(s), the page works again without a network.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {});
}
