// Starts the assistant inside the self-contained offline file: the app's wasm and the tools
// module's are base64 data blocks in the page, since a file:// page can fetch nothing.
import { initSync } from '__APP_GLUE__';
import * as tools from '__TOOLS_GLUE__';

const bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent.trim()), (c) => c.charCodeAt(0));
let ready = false;
globalThis.smarthostAssistant = {
    async loadTools() {
        if (!ready) tools.initSync({ module: bytes('sha-wasm-tools') });
        ready = true;
    },
    tools: () => (ready ? tools : undefined),
};

document.styleSheets[0]?.insertRule('.sha-saved-note { display: none !important }');
initSync({ module: bytes('sha-wasm-assistant') });
