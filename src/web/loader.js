// Starts the assistant on the hosted page. The build bundles this with wasm-bindgen's glue
// for each build of the app into external modules, so the page needs no inline script
// under its CSP, and fetches only the glue and wasm of the build it starts.
import { KEY, buildFor, handedOver, stored } from './choose.js';

const BUILDS = {
    'exchange-2003': { glue: () => import('__GLUE_exchange-2003__'), wasm: '__WASM_exchange-2003__' },
    'exchange-2007-to-se': { glue: () => import('__GLUE_exchange-2007-to-se__'), wasm: '__WASM_exchange-2007-to-se__' },
    'exchange-online': { glue: () => import('__GLUE_exchange-online__'), wasm: '__WASM_exchange-online__' },
};

// The tools module (generators and SPF checker), fetched the first time the app asks.
globalThis.smarthostAssistant = {
    async loadTools() {
        const glue = await import('__GLUE_tools__');
        await glue.default({ module_or_path: new URL('__WASM_tools__', import.meta.url) });
        return glue;
    },
};

// A note for copies saved with the browser's "Save page as": they cannot run the app, so the
// note says how to get the offline copy. This rule lives only in the running page's CSSOM,
// which a saved copy does not keep.
document.styleSheets[0]?.insertRule('.sha-saved-note { display: none }');

// The state the app will read: a hand-over, else storage, else the link's platform.
const state = handedOver() ?? stored(KEY) ?? `platform=${new URLSearchParams(location.search).get('platform')}`;
const build = buildFor(state);
try {
    const { default: init } = await BUILDS[build].glue();
    await init({ module_or_path: new URL(BUILDS[build].wasm, import.meta.url) });
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
// follow it with no inner scrollbar (see embed.js).
if (window.parent !== window) {
    const report = () =>
        window.parent.postMessage({ type: 'smarthost-assistant:height', height: document.documentElement.scrollHeight }, '*');
    new ResizeObserver(report).observe(document.documentElement);
}

// Opened once over http(s), the page works again without a network: the service worker
// keeps the page and this build, and each other build once it has been used.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register(new URL(`sw.js?build=${build}`, import.meta.url)).catch(() => {});
}
