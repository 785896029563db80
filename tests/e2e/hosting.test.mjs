// The three ways the assistant is used: from a subpath of a static host (with its CSP and
// service worker), embedded in a documentation page, and offline from a saved file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, ready, prepare, progressText, choosePlatform } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

const PREFIX = '/docs/help/smarthost/';
let app;
before(async () => {
    app = await start({ prefix: PREFIX, mounts: [{ root: 'tests/e2e/host', prefix: '/' }] });
});
after(async () => {
    await app?.close();
});

/** Records CSP violations from the first moment of every document. */
async function watchCsp(context) {
    await context.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
            window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
    });
}

test('served under a subpath: every request stays on the origin, and the CSP holds', async () => {
    const { context, page } = await app.open();
    await watchCsp(context);
    // The context's requests include those the service worker makes, which a page's do not.
    const requested = [];
    context.on('request', (request) => requested.push(request.url()));
    await page.goto(app.at('exchange-2003'));
    await ready(page);
    await page.getByRole('textbox', { name: 'Bridgehead server', exact: true }).fill('EXCH01');
    await page.locator('#step-register-ip-done').check();
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Another platform, and the tools module, come from the same place.
    await choosePlatform(page, 'exchange-online');
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    await page.locator('.sha-file h3').first().waitFor();
    assert.ok(requested.some((url) => /assistant-.*\.wasm$/.test(url)) && requested.some((url) => /tools-.*\.wasm$/.test(url)));
    const elsewhere = requested.filter((url) => !url.startsWith(`${app.origin}${PREFIX}`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    assert.deepEqual(elsewhere, []);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp.match(/script-src[^;]*/)[0], /unsafe-inline/, 'no inline script');
    assert.equal(await page.locator('script:not([src]):not([type^="application/"])').count(), 0, 'no inline script');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    // Only the worker fetches the pages of platforms not visited: its requests are watched too.
    assert.ok(requested.some((url) => url.endsWith(`${PREFIX}exchange-2010/`) || url.includes(`${PREFIX}exchange-2010/index.html`)), 'the worker\'s own requests are watched');
    assert.deepEqual(page.errors, []);
    assert.equal(await page.locator('.sha-saved-note').isVisible(), false, 'the note for saved copies stays hidden');
    await context.close();
});

test('embedded in a documentation page: isolated both ways, preset, and as tall as its content', async () => {
    const { context, page } = await app.open({ viewport: { width: 1000, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${app.origin}/`);
    const frame = page.frameLocator('iframe[data-smarthost-assistant]');
    await frame.locator('.sha-step').first().waitFor();
    await prepare(frame);

    const smartHost = frame.getByRole('textbox', { name: 'Smart host', exact: true });
    assert.equal(await frame.getByRole('textbox', { name: 'Connector name', exact: true }).inputValue(), 'Docs preset connector');
    assert.equal(await smartHost.inputValue(), 'outbound.mailroute.net');

    // The assistant's key elements are visible, unobscured and sensibly sized.
    const title = frame.locator('h1');
    const titleStyle = await title.evaluate((el) => ({ size: getComputedStyle(el).fontSize, transform: getComputedStyle(el).textTransform }));
    assert.deepEqual(titleStyle, { size: '28px', transform: 'none' });
    const box = await smartHost.boundingBox();
    assert.ok(box.width > 200 && box.height > 20 && box.height < 60, JSON.stringify(box));
    const copy = frame.locator('.sha-copy').first();
    const copyBox = await copy.boundingBox();
    assert.ok(copyBox.width < 120 && copyBox.height < 40, JSON.stringify(copyBox));
    // Nothing covers them: the element at each one's centre is the element itself.
    for (const element of [smartHost, copy, frame.locator('#step-register-ip-done'), frame.locator('h1')]) {
        await element.scrollIntoViewIfNeeded();
        const onTop = await element.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === el;
        });
        assert.ok(onTop, await element.evaluate((el) => el.outerHTML.slice(0, 80)));
    }

    // Copy works inside the frame.
    const copied = await copy.evaluate((button) => button.previousElementSibling.textContent);
    await copy.click();
    await frame.locator('.sha-copy', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied);

    // The host page's own elements keep the host's styles.
    const host = await page.evaluate(() => {
        const style = (id) => getComputedStyle(document.getElementById(id));
        return { button: style('host-button').backgroundColor, title: style('host-title').textTransform, text: style('host-text').color };
    });
    assert.deepEqual(host, { button: 'rgb(255, 0, 255)', title: 'uppercase', text: 'rgb(0, 128, 0)' });

    // The frame follows its content: no inner scrollbar, also after the content grows.
    const fits = async () => {
        const inner = await frame.locator('html').evaluate((html) => html.scrollHeight);
        const outer = await page.locator('iframe').evaluate((iframe) => iframe.clientHeight);
        return Math.abs(inner - outer) <= 1;
    };
    await page.waitForFunction(() => document.querySelector('iframe').clientHeight > 1000);
    assert.ok(await fits(), 'the frame is as tall as its content');
    const before = await page.locator('iframe').evaluate((iframe) => iframe.clientHeight);
    await frame.getByLabel('Yes, I will change it').check();
    await page.waitForFunction((height) => document.querySelector('iframe').clientHeight > height, before);
    assert.ok(await fits(), 'and follows it when it grows');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('the offline file works from file:// with the network blocked, and keeps progress', async () => {
    const { context, page } = await app.visit();
    await page.getByRole('textbox', { name: 'Bridgehead server', exact: true }).fill('EXCH01');
    await page.getByRole('textbox', { name: 'Active Directory domain', exact: true }).fill('corp.example.com');
    await page.locator('#step-register-ip-done').check();
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save for offline use' }).click()]);
    assert.equal(saved.suggestedFilename(), 'smarthost-assistant-offline.html');
    const folder = await mkdtemp(join(tmpdir(), 'smarthost-offline-'));
    const file = join(folder, 'smarthost-assistant-offline.html');
    await saved.saveAs(file);
    await context.close();

    const offline = await app.open({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
    const outside = [];
    await offline.context.route('**/*', (route) => {
        if (route.request().url().startsWith('file:')) return route.continue();
        outside.push(route.request().url());
        return route.abort();
    });
    await watchCsp(offline.context);
    const page2 = offline.page;
    await page2.goto(pathToFileURL(file).href);
    await ready(page2);
    assert.equal(await page2.getByRole('textbox', { name: 'Bridgehead server', exact: true }).inputValue(), 'EXCH01', 'values came inside the file');
    assert.equal(await progressText(page2), '1 of 13 steps done', 'and the progress');
    assert.equal(await page2.getByRole('button', { name: 'Save for offline use' }).count(), 0);

    await page2.locator('[data-step="general-bridgehead"] .sha-copy').click();
    await page2.waitForFunction(() => document.querySelector('#sha-announcer').textContent.startsWith('Copied'));
    assert.equal(await page2.evaluate(() => navigator.clipboard.readText()), 'EXCH01');

    const boxes = page2.locator('.sha-step-done input');
    for (let i = 1; i < 13; i++) await boxes.nth(i).check();
    // The files load on demand, here from inside the offline file.
    await page2.getByRole('button', { name: 'Show the files for my values' }).click();
    // The restart step is done and folded: its file is in its details.
    await page2.locator('[data-step="restart-services"] .sha-details summary').click();
    const [download] = await Promise.all([
        page2.waitForEvent('download'),
        page2.getByRole('button', { name: 'Download restart-services.cmd' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    assert.match(bytes.toString('utf8'), /^@echo off\r\n/);

    await page2.reload();
    await ready(page2);
    assert.match(await progressText(page2), /^All 13 steps done/);
    assert.deepEqual(outside, []);
    assert.deepEqual(await page2.evaluate(() => window.cspViolations), []);
    assert.deepEqual(page2.errors, []);
    await offline.context.close();
});

/** The page as "Save page as, complete" keeps it: the live document, with each script and
 * stylesheet or preload beside it in `<name>_files/`, and the references rewritten to them. */
async function saveComplete(page, folder, name) {
    const files = `${name}_files`;
    const { html, assets } = await page.evaluate((files) => {
        const copy = document.documentElement.cloneNode(true);
        const assets = [];
        for (const element of copy.querySelectorAll('script[src], link[href]')) {
            const attribute = element.hasAttribute('src') ? 'src' : 'href';
            const url = new URL(element.getAttribute(attribute), document.baseURI);
            if (url.pathname.endsWith('/')) continue;
            const file = url.pathname.split('/').pop();
            assets.push({ url: url.href, file });
            element.setAttribute(attribute, `${files}/${file}`);
        }
        return { html: `<!doctype html>\n${copy.outerHTML}`, assets };
    }, files);
    await mkdir(join(folder, files));
    for (const { url, file } of assets) {
        const response = await fetch(url);
        assert.ok(response.ok, url);
        await writeFile(join(folder, files, file), Buffer.from(await response.arrayBuffer()));
    }
    await writeFile(join(folder, `${name}.html`), html);
    return assets;
}

test('a page saved with "Save page as, complete" shows the checklist readably, once, with a note', async () => {
    const { context, page } = await app.visit();
    await page.getByRole('textbox', { name: 'Bridgehead server', exact: true }).fill('EXCH01');
    const folder = await mkdtemp(join(tmpdir(), 'smarthost-saved-'));
    const assets = await saveComplete(page, folder, 'Smarthost assistant');
    await context.close();
    assert.ok(assets.some(({ file }) => file.endsWith('.js')) && assets.some(({ file }) => file.endsWith('.wasm')), 'the loader and the app are saved beside the page');

    // Opened from the disk, the browser refuses to run the saved module: the steps read,
    // once, with the note on how to get the offline copy.
    const saved = await app.open();
    const refused = saved.page.waitForEvent('requestfailed', (request) => request.url().endsWith('.js'));
    await saved.page.goto(pathToFileURL(join(folder, 'Smarthost assistant.html')).href);
    await refused;
    assert.equal(await saved.page.locator('.sha').count(), 1, 'never two copies of the app');
    assert.equal(await saved.page.locator('.sha-step').count(), 13);
    assert.ok(await saved.page.getByText('Open Exchange System Manager and look for a connector', { exact: true }).isVisible());
    assert.ok(await saved.page.locator('.sha-saved-note').isVisible(), 'the note says how to get the offline copy');
    assert.match(await saved.page.locator('.sha-saved-note').textContent(), /Save for offline use/);
    await saved.context.close();

    // Put on a web server, the saved scripts do run: the app takes the saved page over, and
    // there is still one copy of it, which works.
    const server = await serve({ root: folder });
    try {
        const served = await app.open();
        await served.page.goto(`http://127.0.0.1:${server.address().port}/Smarthost%20assistant.html`);
        await served.page.locator('.sha-saved-note').waitFor({ state: 'hidden' });
        await served.page.locator('#step-register-ip-done').check();
        await served.page.waitForFunction(() => document.querySelector('.sha-progress-text')?.textContent.trim().startsWith('1 of 13'));
        assert.equal(await served.page.locator('.sha').count(), 1, 'never two copies of the app');
        assert.equal(await served.page.locator('.sha-step').count(), 13);
        await served.context.close();
    } finally {
        server.close();
    }
});

test('the service worker: open once, lose the network, reload, and it works', async () => {
    const { context, page } = await app.visit();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.locator('#step-register-ip-done').check();
    assert.equal(await progressText(page), '1 of 13 steps done');
    await context.setOffline(false);
    await context.close();
});

test('when the offline copy cannot be fetched, the admin is told why, next to the button', async () => {
    // Playwright's routes do not see requests that a service worker makes.
    const { context, page } = await app.visit({ serviceWorkers: 'block' });
    await page.route('**/offline.html', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.getByRole('button', { name: 'Save for offline use' }).click();
    const error = page.locator('.sha-offline .sha-problem');
    await error.waitFor();
    assert.equal(await error.textContent(), 'The server answered 404 for offline.html.');
    assert.equal(await page.locator('#sha-announcer').textContent(), 'The server answered 404 for offline.html.');
    await page.route('**/offline.html', (route) => route.abort());
    await page.getByRole('button', { name: 'Save for offline use' }).click();
    await page.waitForFunction(() => document.querySelector('.sha-offline .sha-problem').textContent.startsWith('The offline copy could not be fetched'));
    await context.close();
});
