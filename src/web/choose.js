// Which build of the assistant to start (see src/ui/bundle.rs): the one for the platform in
// the state the page will read. The app checks it and reloads into the right build if this
// guess was wrong, so a mistake here costs a reload, never the admin's values.
export const KEY = 'mailroute-smarthost-assistant';
const HANDOFF = 'smarthost-assistant-handoff\n';

/** The build that serves the platform named in saved text (`platform=…` line). */
export function buildFor(text) {
    const platform = /^platform=(.*)$/m.exec(text ?? '')?.[1] ?? '';
    if (platform === 'exchange-online') return 'exchange-online';
    return /^exchange-(2007|2010|2013|2016|2019|se)$/.test(platform) ? 'exchange-2007-to-se' : 'exchange-2003';
}

/** Storage may be blocked; then there is nothing in it. */
export function stored(key) {
    try {
        return localStorage.getItem(key);
    } catch {
        return null;
    }
}

/** The state handed over by the other build on a reload, if any. */
export function handedOver() {
    return window.name.startsWith(HANDOFF) ? window.name : null;
}
