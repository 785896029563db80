// Nobody but the admin decides where the mail goes (security review, second round): each
// attack as an attacker would run it, in the release build, and what the admin sees instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, field, ready, unfold, STORAGE_KEY } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

const ATTACKER = 'relay.attacker.example';

/** Settings in the saved format, as a shared link, a settings file or an offline copy
 * carries them: Exchange 2003, an existing connector whose way back is the attacker's. */
const envelope = (values, platform = 'exchange-2003') =>
    JSON.stringify({
        format: 'smarthost-assistant',
        version: 3,
        settings: { platform, connector: 'existing', values },
    });
const WAY_BACK = envelope({
    'connector-name': 'SMTP Out',
    'previous-smart-hosts': ATTACKER,
    bridgehead: 'EXCH01',
    'ad-domain': 'corp.example.com',
    organization: 'Contoso',
});

/** The review banner's row for a value: its proposed value and what is said beside it. */
async function bannerRow(page, label) {
    const row = page.locator('.sha-review tr', { has: page.getByRole('rowheader', { name: label, exact: true }) });
    return { value: (await row.locator('code').textContent()), said: (await row.locator('.sha-problem').allTextContents()).join(' '), row };
}

/** After the values were applied: the smart host before the change is not used anywhere until
 * the admin confirms it, and then the rollback file carries it as typed. */
async function wayBackWaits(page) {
    const previous = field(page, 'Smart host before the change');
    assert.equal(await previous.inputValue(), ATTACKER);
    const problem = page.locator('#previous-smart-hosts-problem');
    assert.match(await problem.textContent(), /The way back sends all mail to relay\.attacker\.example, not MailRoute's host/);
    const undo = page.locator('#sha-undo');
    assert.doesNotMatch(await undo.textContent(), /relay\.attacker\.example/, 'the way back does not offer it');
    assert.equal(await undo.getByRole('link', { name: '(confirm the smart host before the change)' }).count(), 1);
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    const rollback = page.locator('[data-file="rollback-restore-smart-host.ldf"]');
    await rollback.locator('.sha-waiting').waitFor();
    assert.match(await rollback.textContent(), /Waiting for: Smart host before the change/);
    assert.equal(await page.getByRole('button', { name: /^Download all/ }).count(), 0);
    await page.locator('#previous-smart-hosts-confirm').check();
    const text = await rollback.locator('code[id^="file-"]').textContent();
    assert.match(text, /msExchSmtpSmartHost: relay\.attacker\.example\n/);
    assert.match(await undo.textContent(), /relay\.attacker\.example/, 'confirmed, the way back names it');
}

test('F15: a shared link that sets the smart host before the change is marked, and its way back waits for the admin', async () => {
    const { context, page } = await app.open();
    await page.goto(`${app.at('exchange-2003')}#settings=${encodeURIComponent(WAY_BACK)}`);
    await ready(page);
    const { value, said } = await bannerRow(page, 'Smart host before the change');
    assert.equal(value, ATTACKER);
    assert.match(said, /the way back would send all mail to relay\.attacker\.example/);
    // Previewed read-only before Apply, and even there the way back does not offer it.
    assert.notEqual(await page.locator('.sha-body').getAttribute('inert'), null);
    assert.doesNotMatch(await page.locator('#sha-undo').textContent(), /relay\.attacker\.example/);
    await page.getByRole('button', { name: 'Apply these values' }).click();
    await wayBackWaits(page);
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('F15: the same from a settings file', async () => {
    const { context, page } = await app.open();
    await page.goto(app.at('exchange-2003'));
    await ready(page);
    const folder = await mkdtemp(join(tmpdir(), 'smarthost-attack-'));
    const file = join(folder, 'settings.json');
    await writeFile(file, WAY_BACK);
    await page.locator('#sha-import').setInputFiles(file);
    const { said } = await bannerRow(page, 'Smart host before the change');
    assert.match(said, /the way back would send all mail to relay\.attacker\.example/);
    await page.getByRole('button', { name: 'Apply these values' }).click();
    await wayBackWaits(page);
    await context.close();
});

/** The offline page with `saved` inside it, as the tools module writes a copy, under `stamp`. */
async function offlineCopy(saved, stamp = '1764000000000') {
    const page = await readFile('dist/offline.html', 'utf8');
    const state = `<script id="sha-state" type="application/json" data-stamp="${stamp}">${saved.replaceAll('<', '\\u003c')}</script>`;
    const folder = await mkdtemp(join(tmpdir(), 'smarthost-attack-'));
    const file = join(folder, 'smarthost-assistant-offline.html');
    await writeFile(file, page.replace('<script id="sha-state" type="application/json"></script>', state));
    return { folder, file };
}

test('F15: the same from an offline copy', async () => {
    const { file } = await offlineCopy(WAY_BACK);
    const { context, page } = await app.open();
    await page.goto(pathToFileURL(file).href);
    await ready(page);
    const { said } = await bannerRow(page, 'Smart host before the change');
    assert.match(said, /the way back would send all mail to relay\.attacker\.example/);
    await page.getByRole('button', { name: 'Apply these values' }).click();
    await wayBackWaits(page);
    await context.close();
});

test('F10: what another local page writes into file:// storage is offered, not taken as the admin\'s own', async () => {
    const { folder, file } = await offlineCopy(envelope({ bridgehead: 'EXCH01' }));
    const evil = join(folder, 'evil.html');
    const planted = JSON.stringify({
        format: 'smarthost-assistant',
        version: 3,
        settings: { platform: 'exchange-2003', connector: 'new', values: { 'smart-hosts': ATTACKER, 'connector-name': 'Planted' } },
    });
    await writeFile(evil, `<!doctype html><title>x</title><script>localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(planted)})</script>`);
    const { context, page } = await app.open();
    await page.goto(pathToFileURL(evil).href);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), planted, 'file:// pages share one storage');
    await page.goto(pathToFileURL(file).href);
    await ready(page);
    // Previewed read-only, not the admin's: no step offers the planted host.
    assert.notEqual(await page.locator('.sha-body').getAttribute('inert'), null);
    assert.equal(await page.locator('.sha-body .sha-value code', { hasText: 'relay.attacker.example' }).count(), 0);
    const { value, row } = await bannerRow(page, 'Smart host');
    assert.equal(value, ATTACKER);
    assert.match(await row.textContent(), /this browser's storage, not this copy/);
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.reload();
    await ready(page);
    await unfold(page);
    assert.equal(await page.locator('.sha-review').count(), 0, 'discarded, it is not offered again');
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net');
    assert.notEqual(await field(page, 'Connector name').inputValue(), 'Planted');
    await context.close();
});

test('F17: an opener that changes the fragment while the banner is up replaces nothing silently', async () => {
    const { context, page: attacker } = await app.open();
    await attacker.goto(`${app.origin.replace('127.0.0.1', 'localhost')}/`);
    const first = envelope({ 'connector-name': 'First', 'smart-hosts': 'first.attacker.example' }, 'exchange-2016');
    const second = envelope({ 'connector-name': 'Second', 'smart-hosts': 'second.attacker.example' }, 'exchange-2016');
    const [opened] = await Promise.all([context.waitForEvent('page'), attacker.evaluate((url) => { window.w = open(url); }, app.at('exchange-2016'))]);
    await ready(opened);
    await attacker.evaluate(([url, env]) => { window.w.location = `${url}#settings=${encodeURIComponent(env)}`; }, [app.at('exchange-2016'), first]);
    await opened.locator('.sha-review').waitFor();
    const { row } = await bannerRow(opened, 'Connector name');
    assert.match(await row.textContent(), /First.*a change to this page's address/s, 'named for what it is, not a link the admin opened');
    assert.doesNotMatch(await opened.locator('.sha-review').textContent(), /shared link you opened/);
    await attacker.evaluate(([url, env]) => { window.w.location = `${url}#settings=${encodeURIComponent(env)}`; }, [app.at('exchange-2016'), second]);
    await opened.locator('.sha-review', { hasText: 'Changed while shown' }).waitFor();
    assert.match(await opened.locator('.sha-review').textContent(), /a change to this page's address/);
    const banner = await opened.locator('.sha-review').textContent();
    assert.match(banner, /Second/);
    assert.doesNotMatch(banner, /First|first\.attacker/, 'the earlier values are gone, not mixed in');
    assert.match(await opened.locator('#sha-announcer').textContent(), /The values to review changed/);
    await opened.getByRole('button', { name: 'Apply these values' }).click();
    await unfold(opened);
    assert.equal(await field(opened, 'Connector name').inputValue(), 'Second', 'Apply applies what the banner showed');
    await context.close();
});

test('F21: a value padded with no-break spaces shows whole in the banner, with the padding named', async () => {
    const padded = `old.isp.example${'\u00a0'.repeat(400)},${ATTACKER}`;
    const { context, page } = await app.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.at('exchange-2003')}#settings=${encodeURIComponent(WAY_BACK.replace(`"${ATTACKER}"`, JSON.stringify(padded)))}`);
    await ready(page);
    const { value, said, row } = await bannerRow(page, 'Smart host before the change');
    assert.equal(value, padded);
    assert.match(said, /U\+00A0/, 'the padding is named by its code point');
    // The whole value is on screen: wrapped inside the window, its tail included.
    const cell = await row.locator('code').boundingBox();
    assert.ok(cell.x + cell.width <= 1280, JSON.stringify(cell));
    const tail = await row.locator('code').evaluate((code) => {
        const range = document.createRange();
        const text = code.firstChild;
        range.setStart(text, text.length - 'relay.attacker.example'.length);
        range.setEnd(text, text.length);
        const box = range.getBoundingClientRect();
        return { right: box.right, width: box.width };
    });
    assert.ok(tail.width > 0 && tail.right <= 1280, JSON.stringify(tail));
    await context.close();
});

/** A page at `parent` (an https origin, answered by the test) that frames the assistant's
 * Exchange 2016 page at https://assistant.test, itself answered by the release build. */
async function framedBy(parent) {
    const { context, page } = await app.open({ serviceWorkers: 'block', acceptDownloads: true });
    await context.route('https://assistant.test/**', async (route) => {
        const url = route.request().url().replace('https://assistant.test', app.origin);
        await route.fulfill({ response: await route.fetch({ url }) });
    });
    const link = `https://assistant.test/exchange-2016/#settings=${encodeURIComponent(envelope({ 'smart-hosts': ATTACKER, 'source-servers': 'EX01' }, 'exchange-2016'))}`;
    await context.route(`${parent}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Docs</title><iframe src="${link}" style="width:1000px;height:2000px"></iframe>` }),
    );
    await page.goto(`${parent}/help/`);
    const frame = page.frameLocator('iframe');
    await frame.locator('main[data-started] .sha-step').first().waitFor();
    return { context, page, frame };
}

test('F7: framed by a page of another site, the assistant shows its steps but nothing to download, copy or apply', async () => {
    const { context, page, frame } = await framedBy('https://attacker.test');
    const note = frame.locator('#sha-framed');
    assert.ok(await note.isVisible());
    const own = note.getByRole('link', { name: 'open the assistant in its own tab' });
    assert.equal(await own.getAttribute('target'), '_blank');
    assert.equal(await own.evaluate((link) => link.href), 'https://assistant.test/exchange-2016/', 'the page alone: no values from the address');
    assert.ok(await frame.locator('.sha-step').first().isVisible(), 'the steps are there');
    for (const hidden of ['.sha-copy', '.sha-file', '.sha-files', '.sha-handover', '.sha-offline', '.sha-shell']) {
        const visible = await frame.locator(hidden).evaluateAll((elements) => elements.filter((element) => element.getClientRects().length > 0).length);
        assert.equal(visible, 0, hidden);
    }
    assert.equal(await frame.getByRole('button', { name: 'Apply these values' }).count(), 0, 'no Apply for the values in the address');
    assert.equal(await frame.getByRole('button', { name: /^Download|^Show the files|^Make it/ }).count(), 0);
    // The keyboard reaches none of them either.
    await frame.locator('h1').click();
    const framed = page.frames().find((each) => each !== page.mainFrame());
    for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const focused = await framed.evaluate(() => {
            const element = document.activeElement;
            return element && element !== document.body ? `${element.className} ${element.textContent}` : '';
        });
        assert.doesNotMatch(focused, /sha-copy|sha-primary|Make it/);
    }
    await context.close();
});

test('F7: framed by a documentation site on the build\'s embed list, everything works', async () => {
    const { context, page, frame } = await framedBy('https://support.mailroute.net');
    assert.equal(await frame.locator('#sha-framed').isVisible(), false);
    const review = frame.locator('.sha-review');
    assert.match(await review.textContent(), /relay\.attacker\.example/);
    await frame.getByRole('button', { name: 'Discard' }).click();
    assert.ok(await frame.locator('.sha-copy').first().isVisible());
    await frame.getByLabel('No, I will create one').check();
    await field(frame, 'Source servers').fill('EX01');
    await frame.getByRole('button', { name: 'Show the files for my values' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /^Download all/ }).click()]);
    assert.equal(download.suggestedFilename(), 'mailroute-exchange-2016.zip');
    await context.close();
});

test('F5, F6: the service worker serves no planted file, and leaves the rest of the origin alone', async () => {
    const { context, page } = await app.open();
    await page.goto(app.at('exchange-2016'));
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const loader = await page.evaluate(() => document.querySelector('script[type="module"][src]').src);
    // Any script of the origin can write to the worker's cache.
    const planted = await page.evaluate(async (loader) => {
        const name = (await caches.keys()).find((key) => key.startsWith('smarthost-assistant-'));
        const cache = await caches.open(name);
        await cache.put(loader, new Response('document.title = "planted";', { headers: { 'Content-Type': 'text/javascript' } }));
        await cache.put(new URL('../exchange-2016/', loader).href, new Response('<!doctype html><title>planted</title>', { headers: { 'Content-Type': 'text/html' } }));
        return (await (await cache.match(loader)).text()).includes('planted');
    }, loader);
    assert.ok(planted, 'the entry is in the cache');
    const answered = [];
    page.on('response', (response) => answered.push([new URL(response.url()).pathname, response.fromServiceWorker()]));
    await page.reload();
    await ready(page);
    assert.notEqual(await page.title(), 'planted');
    assert.match(await page.title(), /Exchange Server 2016/);
    // Offline, the worker serves only what matches the release: not the planted page.
    await context.setOffline(true);
    await page.reload().catch(() => {});
    assert.notEqual(await page.title().catch(() => ''), 'planted');
    await context.setOffline(false);
    // A file the release does not have is the server's to answer, not the worker's.
    const other = await page.evaluate(async () => {
        const response = await fetch('../not-a-release-file.json');
        return response.status;
    });
    assert.equal(other, 404);
    assert.ok(answered.some(([path, worker]) => path.endsWith('.wasm') && worker), 'the release\'s own files come through the worker');
    const [, byWorker] = answered.find(([path]) => path.endsWith('not-a-release-file.json')) ?? [];
    assert.equal(byWorker, false, 'not through the worker');
    await context.close();
});
