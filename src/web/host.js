// What the browser does for the app, written in JavaScript because each of these takes a
// few lines here and several kilobytes of download as Rust bindings. wasm-bindgen imports
// this file into the app's glue (src/ui/host.rs).

/** Copies text; where the clipboard is refused, selects the element `id` instead and
 * resolves false, so that the app can tell the admin to press Ctrl+C. */
export async function copyText(text, id) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        const node = document.getElementById(id);
        if (node) getSelection()?.selectAllChildren(node);
        return false;
    }
}

/** Saves bytes as a file through a temporary link; false when the browser refused. */
export function download(name, bytes) {
    try {
        const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        link.click();
        // Some browsers read the blob after click() returns; free it once the download has it.
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        return true;
    } catch {
        return false;
    }
}

/** The text of a file beside the page; rejects with a sentence for the admin. */
async function fetchText(path) {
    let response;
    try {
        response = await fetch(path);
    } catch {
        throw 'The offline copy could not be fetched. Check the connection, then try again.';
    }
    if (!response.ok) throw `The server answered ${response.status} for ${path}.`;
    return response.text();
}

// The tools module (src/bin/tools.rs): the loader knows where it is and fetches it on the
// first request (src/web/loader.js, offline.js); until then `tools()` is undefined.
let tools;

/** Loads the tools; rejects with a sentence for the admin. */
export async function loadTools() {
    try {
        tools ??= await globalThis.smarthostAssistant.loadTools();
    } catch {
        // A browser does not fetch a module again once it failed, so only a reload retries.
        throw 'The scripts and the SPF check could not be loaded. Check the network connection, then reload the page: your values are kept.';
    }
}

export const offers = (settings) => tools?.offers(settings);
/** The archive's bytes, its entries dated now, local time. */
export function archive(settings) {
    const now = new Date();
    const stamp = [now.getFullYear(), now.getMonth() + 1, now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds()];
    return tools?.archive(settings, ...stamp);
}
export const shell = (settings) => tools?.shell(settings);
export const checkSpf = (text) => tools?.check_spf(text);

/** Downloads the offline page with the admin's state inside (`saved`, the saved format);
 * rejects with a sentence for the admin. The tools module places the state. */
export async function saveOffline(saved, fileName) {
    await loadTools();
    const page = await fetchText('offline.html');
    const filled = tools.offline_page(page, String(Date.now()), saved);
    if (!filled) throw 'The offline page has no place for your values; it may be from an older release.';
    if (!download(fileName, new TextEncoder().encode(filled))) throw 'The browser refused to save the file.';
}

// The app's state in the browser (src/ui/storage.rs reads and writes it through these).
// localStorage may be missing, blocked (private modes, sandboxed frames, file:// pages) or
// full, and every call to it can throw.
const KEY = 'mailroute-smarthost-assistant';
// What one build hands the other in the tab's name, which survives a reload even where
// storage is blocked (src/ui/bundle.rs).
const HANDOFF = 'smarthost-assistant-handoff\n';

function storage() {
    try {
        return localStorage;
    } catch {
        return null;
    }
}

/** Where the state comes from, and its text: ['handoff', saved] from the other build;
 * ['offline', percent-encoded saved] the first time an offline copy opens (what the browser
 * held is set aside under `.previous`); ['stored', saved]; ['none']; or ['unavailable']. */
export function loadState() {
    if (window.name.startsWith(HANDOFF)) {
        const text = window.name.slice(HANDOFF.length);
        window.name = '';
        return ['handoff', text];
    }
    const store = storage();
    const block = document.getElementById('sha-state')?.textContent.trim();
    const [stamp, saved] = block?.split('\n') ?? [];
    try {
        if (saved && store?.getItem(`${KEY}.imported`) !== stamp) {
            const before = store?.getItem(KEY);
            if (before !== null && before !== undefined) store.setItem(`${KEY}.previous`, before);
            store?.setItem(`${KEY}.imported`, stamp);
            return ['offline', saved];
        }
        const text = store.getItem(KEY);
        return text === null ? ['none'] : ['stored', text];
    } catch {
        return saved ? ['offline', saved] : ['unavailable'];
    }
}

/** Stores the state; false when the browser refused. */
export function saveState(text) {
    try {
        storage().setItem(KEY, text);
        return true;
    } catch {
        return false;
    }
}

/** Sets aside text the app cannot read, rather than overwrite it. */
export function keepAside(text) {
    try {
        storage().setItem(`${KEY}.unreadable`, text);
    } catch {}
}

/** Reloads the page with the state handed over, for the loader to start the other build. */
export function handOver(text) {
    window.name = HANDOFF + text;
    location.reload();
}

export const query = () => location.search;
export const later = (ms, callback) => setTimeout(callback, ms);
export const isOfflineCopy = () => document.getElementById('sha-state') !== null;
