// Starts the assistant inside the self-contained offline file: the wasm is a base64 data
// block in the page, since a file:// page can fetch nothing.
import { initSync } from '__GLUE__';

document.styleSheets[0]?.insertRule('.sha-saved-note { display: none }');
const base64 = document.getElementById('sha-wasm').textContent.trim();
initSync({ module: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) });
