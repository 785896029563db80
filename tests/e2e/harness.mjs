// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, and
// the release build in dist/ served over http.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve } from '../../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const STORAGE_KEY = 'mailroute-smarthost-assistant';

const CHROMIUM_ARGS = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
];

/** Debian's Chromium, headless, quiet on a closed network (the tests, the benchmark and the
 * layout measurement all use it). */
export function launch() {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Lighthouse's "Slow 4G": 150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU slowed 4×. */
export const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 };

/** Throttles a page's network and CPU to `profile` (such as `SLOW_4G`); returns its CDP session. */
export async function throttle(context, page, profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const { cpu, ...network } = profile;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    return cdp;
}

/** The text box labelled `name`, on a page or in a frame. */
export const field = (page, name) => page.getByRole('textbox', { name, exact: true });

/**
 * Starts the server (`root`, dist/ unless said, under `prefix`, and any `mounts`) and the browser; `close()`
 * stops both. `requests` lists every URL the browser asked the server for.
 */
export async function start({ root = 'dist', prefix = '/', mounts = [] } = {}) {
    const requests = [];
    const server = await serve({ root, prefix, mounts, log: (method, path) => requests.push(path) });
    const url = `http://127.0.0.1:${server.address().port}${prefix}`;
    const browser = await launch();
    return {
        url,
        origin: `http://127.0.0.1:${server.address().port}`,
        browser,
        requests,
        /** A fresh browser profile (its own storage) with a page on the app. */
        async open(options = {}) {
            const context = await browser.newContext({ acceptDownloads: true, ...options });
            if (process.env.E2E_TIMEOUT) context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT));
            const page = await context.newPage();
            const errors = [];
            page.on('pageerror', (error) => errors.push(error));
            page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
            page.errors = errors;
            return { context, page };
        },
        /** The address of a platform's own page, such as `exchange-2016`. */
        at: (platform) => `${url}${platform}/`,
        /** A first visit to a platform's page, as it opens: the defaults folded, nothing
         * answered. */
        async first(platform, options = {}) {
            const opened = await this.open(options);
            await opened.page.goto(`${url}${platform}/`);
            await ready(opened.page);
            return opened;
        },
        /** `open`, then load the app on Exchange 2003's page, the seed's platform, wait
         * until it has rendered, and `prepare` it. */
        async visit(options = {}) {
            const opened = await this.open(options);
            await opened.page.goto(`${url}exchange-2003/`);
            await ready(opened.page);
            await prepare(opened.page);
            return opened;
        },
        async close() {
            await browser.close();
            await new Promise((done) => server.close(done));
        },
    };
}

/** Waits until the app has started and rendered its checklist. */
export async function ready(page) {
    await page.locator('main[data-started] .sha-step').first().waitFor();
}

/** Opens "Change the defaults", so that every value can be read and typed. */
export async function unfold(page) {
    const defaults = page.locator('details.sha-values');
    if (!(await defaults.evaluate((details) => details.open))) await defaults.locator('summary').click();
}

/** As an admin who has read the page: the defaults unfolded, so that every value can be
 * typed, and the connector question answered "No, I will create one" where it is asked
 * and nobody has answered it. */
export async function prepare(page) {
    await unfold(page);
    const create = page.locator('#connector-new');
    if ((await create.count()) && !(await page.locator('input[name="sha-connector"]:checked').count())) await create.check();
}

/** Changes the platform as an admin does: "Change platform", then the platform's link;
 * waits for its steps. */
export async function choosePlatform(page, id) {
    const change = page.getByRole('link', { name: 'Change platform' });
    if (await change.count()) await change.click();
    await page.locator(`.sha-platforms a[href$="${id}/"]`).click();
    await page.waitForFunction((id) => location.pathname.endsWith(`/${id}/`) || location.protocol === 'file:', id);
    await ready(page);
    await prepare(page);
}

/** The platform whose steps the page shows, by its label. */
export async function shownPlatform(page) {
    return (await page.locator('#sha-platform-current strong').textContent()).trim();
}

export async function progressText(page) {
    return (await page.locator('.sha-progress-text').textContent()).trim();
}

/** Runs axe-core on the page and returns its violations. */
export async function axeViolations(page) {
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Counts the page's loads from now on (a change of address within the page is none); the
 * function returns how many so far. */
export function navigations(page) {
    let count = 0;
    page.on('load', () => {
        count += 1;
    });
    return () => count;
}
