// Starts the assistant inside the self-contained offline file: every build's wasm, and the
// tools module's, are base64 data blocks in the page, since a file:// page can fetch nothing.
import { initSync as init2003 } from '__GLUE_exchange-2003__';
import { initSync as initSendConnector } from '__GLUE_exchange-2007-to-se__';
import { initSync as initOnline } from '__GLUE_exchange-online__';
import * as tools from '__GLUE_tools__';
import { KEY, buildFor, handedOver, stored } from './choose.js';

const bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent.trim()), (c) => c.charCodeAt(0));
let toolsReady = false;
globalThis.smarthostAssistant = {
    async loadTools() {
        if (!toolsReady) tools.initSync({ module: bytes('sha-wasm-tools') });
        toolsReady = true;
        return tools;
    },
};

document.styleSheets[0]?.insertRule('.sha-saved-note { display: none }');

const decode = (text) => {
    try {
        return decodeURIComponent((text ?? '').replace(/\+/g, ' '));
    } catch {
        return '';
    }
};
// The file's own state counts until this browser has taken it (see src/web/host.js).
const [stamp, saved] = (document.getElementById('sha-state').textContent.trim() + '\n').split('\n');
const own = saved && decode(stamp) !== stored(`${KEY}.imported`) ? decode(saved) : null;
const build = buildFor(handedOver() ?? own ?? stored(KEY));
const init = { 'exchange-2003': init2003, 'exchange-2007-to-se': initSendConnector, 'exchange-online': initOnline }[build];
init({ module: bytes(`sha-wasm-${build}`) });
