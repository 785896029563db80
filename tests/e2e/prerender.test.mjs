// The pre-rendered pages (src/ui/prerender.rs, written by scripts/package.mjs): readable
// before the app's WebAssembly arrives and with scripts off, valid HTML, accessible, and
// the same as what the app renders for a first visit, which then takes them over with one
// copy of itself on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { start, ready, axeViolations, throttle, SLOW_4G, STORAGE_KEY } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app.close();
});

const PLATFORMS = ['exchange-2003', 'exchange-2007', 'exchange-2010', 'exchange-2013', 'exchange-2016', 'exchange-2019', 'exchange-se', 'exchange-online'];
const PAGES = ['index.html', ...PLATFORMS.map((id) => `${id}/index.html`)];

/** A browser profile whose pages run no script of their own. */
async function scriptsOff() {
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    return { context, page: await context.newPage() };
}

/** A page as its own scripts never run it, where Playwright's own scripts (axe) still can:
 * the loader is refused. */
async function withoutLoader() {
    const opened = await app.open({ serviceWorkers: 'block' });
    await opened.page.route(/assistant-[^/]*\.js$/, (route) => route.abort());
    return opened;
}

/** The assistant's markup as the reader gets it: every element with its attributes in a
 * fixed order, form controls by what they hold, and text. */
function markup(page) {
    return page.evaluate(() => {
        const shape = (node) => {
            if (node.nodeType === Node.TEXT_NODE) return node.data;
            // The printed change record, which only the app renders (`ui::app::page`).
            if (node.nodeType !== Node.ELEMENT_NODE || node.matches('.sha-runbook')) return '';
            const attributes = [...node.attributes]
                .filter((attribute) => !['value', 'checked', 'selected'].includes(attribute.name))
                .map((attribute) => `${attribute.name}="${attribute.value}"`)
                .sort();
            if (node.matches('input, textarea, select')) attributes.push(`value:${node.value}`, `checked:${node.checked}`);
            const children = node.localName === 'textarea' ? '' : [...node.childNodes].map(shape).join('');
            return `<${node.localName} ${attributes.join(' ')}>${children}</${node.localName}>`;
        };
        return [...document.getElementById('smarthost-assistant').childNodes].map(shape).join('');
    });
}

test('each pre-rendered page is valid HTML (tidy)', () => {
    for (const file of PAGES) {
        let report = '';
        try {
            execFileSync('tidy', ['-quiet', '-errors', `dist/${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (failed) {
            // Exit 1 is warnings only, 2 is errors. Debian's tidy 5.6 predates two attributes
            // that the HTML standard now has: autocapitalize on every element, and
            // autocomplete on textarea. Any other warning fails.
            assert.equal(failed.status, 1, `${file}: ${failed.stderr}`);
            report = failed.stderr
                .split('\n')
                .filter((line) => line && !/proprietary attribute "(autocapitalize|autocomplete)"/.test(line))
                .join('\n');
        }
        assert.equal(report, '', file);
    }
});

test('with scripts off, a reader reads every step of each platform and follows the platform links', async () => {
    const { context, page } = await scriptsOff();
    await page.goto(app.url);
    assert.equal(await page.getByRole('heading', { name: 'Choose your mail platform' }).count(), 1);
    assert.match(await page.locator('.sha-noscript').textContent(), /^Scripts are off/);
    assert.ok(await page.locator('.sha-noscript').isVisible());
    assert.equal(await page.locator('.sha-saved-note').isVisible(), false, 'the note for saved copies is not for readers with scripts off');
    for (const id of PLATFORMS) {
        await page.locator(`.sha-platforms a[href="${id}/"]`).click();
        await page.waitForURL(`${app.url}${id}/`);
        assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), id);
        const titles = await page.locator('.sha-step-title').allTextContents();
        assert.ok(titles.length >= 5, `${id}: ${titles.join(' | ')}`);
        for (const [index, title] of titles.entries()) {
            const step = page.locator('.sha-step').nth(index);
            assert.ok(await step.isVisible(), `${id}: ${title} is on the page`);
            assert.equal((await step.locator('.sha-step-number').textContent()).trim(), `Step ${index + 1}`);
        }
        assert.ok((await page.locator('.sha-checklist').textContent()).includes('outbound.mailroute.net'), `${id}: the default smart host in the steps`);
        assert.ok((await page.locator('.sha-step [data-file]').count()) >= 1, `${id}: the files by name, in their steps`);
        await page.getByRole('link', { name: 'Change platform' }).click();
        await page.waitForURL(app.url);
    }
    await context.close();
});

test('each pre-rendered page passes axe-core as it is before any script runs', async () => {
    const { context, page } = await withoutLoader();
    for (const file of PAGES) {
        await page.goto(`${app.url}${file.replace('index.html', '')}`);
        assert.equal(await page.locator('main[data-started]').count(), 0, 'the app did not start');
        assert.deepEqual(await axeViolations(page), [], file);
    }
    await context.close();
});

test('the pre-rendered page is what the app renders for a first visit, on every page', async () => {
    const { context, page } = await withoutLoader();
    const prerendered = {};
    for (const file of PAGES) {
        await page.goto(`${app.url}${file.replace('index.html', '')}`);
        prerendered[file] = await markup(page);
    }
    await context.close();
    for (const file of PAGES) {
        // A fresh profile each time: a first visit, with nothing saved.
        const fresh = await app.open({ serviceWorkers: 'block' });
        await fresh.page.goto(`${app.url}${file.replace('index.html', '')}`);
        await fresh.page.locator('main[data-started]').waitFor();
        assert.equal(await markup(fresh.page), prerendered[file], file);
        assert.deepEqual(fresh.page.errors, [], file);
        await fresh.context.close();
    }
});

test('with scripts on: one copy of the app at every moment, no console error, and saved values shown once it starts', async () => {
    const { context, page } = await app.open();
    // Counts the copies of the app in the document at every change, from the first parse.
    await page.addInitScript(() => {
        window.copies = 0;
        new MutationObserver(() => {
            window.copies = Math.max(window.copies, document.querySelectorAll('.sha').length);
        }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(app.at('exchange-2010'));
    await ready(page);
    await page.getByRole('textbox', { name: 'Source servers', exact: true }).fill('HUB01, HUB02');
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('HUB01, HUB02'), STORAGE_KEY);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByRole('textbox', { name: 'Source servers', exact: true }).inputValue(), 'HUB01, HUB02');
    assert.match(await page.locator('[data-step="source-servers"]').textContent(), /HUB01, HUB02/);
    assert.equal(await page.evaluate(() => window.copies), 1, 'never two copies of the app');
    assert.equal(await page.locator('main').count(), 1);
    assert.deepEqual(page.errors, []);
    await context.close();
});

/** A first visit on Slow 4G whose app waits until `release()`: what the admin does before
 * then happens on the pre-rendered page. */
async function beforeTheApp(platform) {
    const { context, page } = await app.open({ viewport: { width: 1280, height: 800 } });
    await throttle(context, page, SLOW_4G);
    let release;
    const held = new Promise((resolve) => {
        release = resolve;
    });
    await page.route(/assistant-[^/]*_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
    });
    await page.goto(app.at(platform), { waitUntil: 'domcontentloaded' });
    await page.locator('main:not([data-started]) .sha-step').first().waitFor();
    return {
        context,
        page,
        async arrive() {
            assert.equal(await page.locator('main[data-started]').count(), 0, 'the app had not taken over yet');
            release();
            await ready(page);
        },
    };
}

/** The control with the keyboard focus, and its selection. */
const focused = (page) =>
    page.evaluate(() => {
        const active = document.activeElement;
        return { id: active.id, start: active.selectionStart ?? null, end: active.selectionEnd ?? null, started: active.closest('main').hasAttribute('data-started') };
    });

test('on Slow 4G, what the admin typed and ticked before the app arrived is there after, saved, with the focus and caret in the same field', async () => {
    const { context, page, arrive } = await beforeTheApp('exchange-2003');
    await page.locator('#step-register-ip-done').check();
    await page.locator('details.sha-values summary').click();
    const bridgehead = page.locator('#bridgehead');
    await bridgehead.click();
    await page.keyboard.type('EXCH01');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.evaluate(() => window.scrollTo(0, 600));
    const scrolled = await page.evaluate(() => window.scrollY);
    await arrive();
    assert.equal(await bridgehead.inputValue(), 'EXCH01');
    assert.deepEqual(await focused(page), { id: 'bridgehead', start: 4, end: 4, started: true });
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page did not move');
    assert.equal(await page.locator('[data-step="register-ip"]').getAttribute('data-done'), 'true', 'the step is ticked');
    assert.equal(await page.locator('details.sha-values').evaluate((details) => details.open), true, 'the defaults stay open');
    // Checked and used as typing is: the steps name the bridgehead.
    assert.match(await page.locator('.sha-checklist').textContent(), /EXCH01/);
    await page.waitForFunction((key) => {
        const saved = JSON.parse(localStorage.getItem(key) ?? '{}');
        return saved.settings?.values?.bridgehead === 'EXCH01' && JSON.stringify(saved.progress).includes('register-ip');
    }, STORAGE_KEY);
    // Typing goes on in the same place.
    await page.keyboard.type('-');
    assert.equal(await bridgehead.inputValue(), 'EXCH-01');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('on Slow 4G, a value typed before the app arrived that is over its limit is refused with its message, and the value before kept', async () => {
    const { context, page, arrive } = await beforeTheApp('exchange-2016');
    await page.locator('details.sha-values summary').click();
    const name = page.locator('#connector-name');
    await name.fill('x'.repeat(256));
    await arrive();
    assert.equal(await name.inputValue(), 'All Outgoing Email');
    assert.equal(
        (await page.locator('#connector-name-refused').textContent()).trim(),
        'Error: That was 256 characters; the connector name takes at most 255. The value before stays.',
    );
    assert.equal((await focused(page)).id, 'connector-name');
    const stored = await page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY);
    assert.ok(!stored.includes('xxxx'), 'nothing over the limit is saved');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('the first load asks for the loader and the wasm from the HTML itself, before the page', () => {
    for (const file of PAGES) {
        const html = readFileSync(`dist/${file}`, 'utf8');
        const up = file === 'index.html' ? '\\./' : '\\.\\./';
        const preload = html.search(new RegExp(`<link as=fetch crossorigin href=${up}assistant-[0-9a-f]+_bg\\.wasm rel=preload type=application/wasm>`));
        const loader = html.search(new RegExp(`<script src=${up}assistant-[A-Z0-9]+\\.js type=module></script>`));
        const main = html.indexOf('<main');
        assert.ok(preload > 0 && loader > 0, `${file}: the wasm is preloaded and the loader is a module script`);
        assert.ok(preload < main && loader < main, `${file}: both are asked for before the page's content is parsed`);
    }
});
