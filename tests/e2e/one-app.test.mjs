// One app for every platform: nothing another origin sets reaches the admin's state, the
// theme follows the system or the admin's choice, and storage that is full loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, field, ready, prepare, unfold, axeViolations, STORAGE_KEY, choosePlatform } from './harness.mjs';

let app;
before(async () => {
    app = await start({ mounts: [{ root: 'tests/e2e/attacker', prefix: '/attacker/' }] });
});
after(async () => {
    await app?.close();
});

/** A hostile page (tests/e2e/attacker/) of another origin: the same loopback server under
 * another host name, handed the assistant's address and the name to use. */
const hostile = (page, name) =>
    `${app.origin.replace('127.0.0.1', 'localhost')}/attacker/${page}?${new URLSearchParams({ app: app.url, name })}`;

// What an earlier release handed over in the tab's name, and the same in today's format.
const HOSTILE_NAMES = [
    'smarthost-assistant-handoff\nsmarthost-assistant 2\nplatform=exchange-2016\nsmart-hosts=outbound.mailroute.net, relay.attacker.example\ndone=exchange-2016:register-ip',
    JSON.stringify({
        format: 'smarthost-assistant',
        version: 3,
        settings: { platform: 'exchange-2016', values: { 'smart-hosts': 'relay.attacker.example' } },
        progress: ['exchange-2016:register-ip'],
    }),
];

/** An admin who has typed a value, and what the browser stores for them. */
async function adminWithValues() {
    const { context, page } = await app.visit();
    await field(page, 'Bridgehead server').fill('EXCH01');
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('EXCH01'), STORAGE_KEY);
    return { context, page, stored: await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY) };
}

for (const [index, name] of HOSTILE_NAMES.entries()) {
    test(`another origin that opens the assistant with a crafted window name changes nothing (${index + 1})`, async () => {
        const { context, page, stored } = await adminWithValues();

        const attacker = await context.newPage();
        await attacker.goto(hostile('open.html', name));
        const [opened] = await Promise.all([context.waitForEvent('page'), attacker.click('#go')]);
        await ready(opened);
        await prepare(opened);
        assert.equal(await opened.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2003');
        assert.equal(await field(opened, 'Smart host').inputValue(), 'outbound.mailroute.net');
        assert.equal(await field(opened, 'Bridgehead server').inputValue(), 'EXCH01', "the admin's own values");
        assert.doesNotMatch(await opened.locator('.sha').textContent(), /attacker/);
        assert.equal(await opened.locator('.sha-step-done input:checked').count(), 0);
        assert.equal(await opened.evaluate(() => window.name), name, 'the crafted name was there to be read');
        assert.equal(await opened.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), stored, 'and they stay stored');
        // The admin's next change is saved with the settings the page holds: they are still the
        // admin's own, whatever the crafted name did after the page started.
        await opened.locator('#step-register-ip-done').check();
        await opened.waitForFunction((key) => localStorage.getItem(key)?.includes('register-ip'), STORAGE_KEY);
        const saved = JSON.parse(await opened.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
        assert.deepEqual(saved.settings, JSON.parse(stored).settings, 'the stored settings are the admin\'s own');
        await context.close();
    });

    test(`another origin that frames the assistant with a crafted frame name changes nothing (${index + 1})`, async () => {
        const { context, page, stored } = await adminWithValues();

        const attacker = await context.newPage();
        await attacker.goto(hostile('frame.html', name));
        assert.equal(await attacker.locator('iframe').evaluate((frame) => frame.name), name);
        const frame = attacker.frameLocator('iframe');
        // Framed under another origin, the assistant has nothing of the admin's: a first visit,
        // on the platform choice, with nothing chosen by the frame's name.
        await frame.locator('main[data-started] .sha-platforms').waitFor();
        assert.equal(await frame.locator('.sha-step').count(), 0);
        assert.equal(await frame.locator('.sha-review').count(), 0);
        assert.doesNotMatch(await frame.locator('.sha').textContent(), /attacker/);
        await frame.getByRole('link', { name: 'Exchange Server 2003' }).click();
        await prepare(frame);
        assert.equal(await frame.getByRole('textbox', { name: 'Smart host', exact: true }).inputValue(), 'outbound.mailroute.net');
        assert.equal(await frame.locator('.sha-step-done input:checked').count(), 0);

        await page.reload();
        await ready(page);
        assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), stored);
        assert.equal(await field(page, 'Bridgehead server').inputValue(), 'EXCH01');
        await context.close();
    });
}

const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const DARK = 'rgb(13, 17, 23)';
const LIGHT = 'rgb(255, 255, 255)';

test('the theme follows the system until the admin picks one, which stays after a reload', async () => {
    const { context, page } = await app.visit({ colorScheme: 'dark' });
    const theme = page.getByLabel('Theme');
    assert.equal(await theme.inputValue(), 'system');
    // Its look comes from the theme's stylist sheet.
    assert.equal(await page.locator('.sha-theme').evaluate((choice) => getComputedStyle(choice).float), 'right');
    assert.equal(await background(page), DARK, "the system's dark colours, on the whole page");
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction((light) => getComputedStyle(document.documentElement).backgroundColor === light, LIGHT);

    await theme.selectOption('dark');
    assert.equal(await background(page), DARK);
    assert.deepEqual(await axeViolations(page), [], 'dark');
    await page.reload();
    await ready(page);
    assert.equal(await page.getByLabel('Theme').inputValue(), 'dark', 'remembered');
    assert.equal(await background(page), DARK);

    await page.getByLabel('Theme').selectOption('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await background(page), LIGHT, 'a picked theme wins over the system');
    assert.deepEqual(await axeViolations(page), [], 'light');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('where storage is full, the admin is told once, and nothing else breaks', async () => {
    const { context, page } = await app.open();
    await page.addInitScript(() => {
        Storage.prototype.setItem = () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
    });
    await page.goto(app.at('exchange-2003'));
    await ready(page);
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /storage for this site is full/, 'full, and not blamed on anything else');
    await field(page, 'Bridgehead server').fill('EXCH01');
    await page.locator('#step-register-ip-done').check();
    assert.equal(await page.getByRole('alert').count(), 1, 'said once');
    assert.equal(await page.locator('[data-step="general-bridgehead"] code').textContent(), 'EXCH01');
    assert.deepEqual(page.errors, [], 'no panic');
    await context.close();
});

test('a 5 MB paste into the SPF box or a field is refused next to it, at once, and nothing is lost', async () => {
    const { context, page } = await app.visit();
    await field(page, 'Connector name').fill('Via MailRoute');
    const huge = 'x'.repeat(5 * 1024 * 1024);
    for (const [box, id, kept] of [
        [field(page, 'Connector name'), 'connector-name', 'Via MailRoute'],
        [page.getByRole('textbox', { name: "Your domain's SPF record as it is now" }), 'spf-record', ''],
    ]) {
        await box.fill(huge);
        // A refusal, not a freeze: the message is there within a second.
        const message = page.locator(`#${id}-refused`);
        await message.waitFor({ timeout: 1000 });
        assert.match(await message.textContent(), /That was 5242880 characters; the .* takes at most/);
        assert.match(await box.getAttribute('aria-describedby'), new RegExp(`${id}-refused`));
        assert.equal(await box.inputValue(), kept, 'the value before stays');
    }
    assert.equal(await page.locator('[data-step="general-name"] code').textContent(), 'Via MailRoute');
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    assert.ok(stored.length < 10000 && stored.includes('Via MailRoute'), 'nothing of the paste was stored');
    assert.deepEqual(page.errors, []);
    await context.close();
});

const LOOKALIKES = [
    ['outbound.mai1route.net', 'swapped'],
    ['outbound.rnailroute.net', 'swapped'],
    ['outbound.mailroute.net.attacker.example', 'different domain'],
    ['outbound.xn--mailrute-8hf.net', 'punycode'],
    ['outbound.mailrout.net', 'one or two letters'],
    ['outbound.mailroute.net, relay.attacker.example', 'beside MailRoute'],
];

test('each lookalike of MailRoute\'s host is called out next to the field, with its reason', async () => {
    const { context, page } = await app.visit();
    await choosePlatform(page, 'exchange-2016');
    const hosts = field(page, 'Smart host');
    for (const [typed, reason] of LOOKALIKES) {
        await hosts.fill(typed);
        const problem = page.locator('#smart-hosts-problem');
        await problem.waitFor();
        const said = await problem.textContent();
        assert.match(said, new RegExp(reason), `${typed}: ${said}`);
        assert.ok(said.includes(typed.split(', ').pop()), `${typed}: ${said}`);
        assert.match(await hosts.getAttribute('aria-describedby'), /smart-hosts-problem/);
        assert.equal(await page.locator('#smart-hosts-confirm').isChecked(), false, 'never confirmed for the admin');
    }
    await hosts.fill('outbound.mailroute.net');
    assert.equal(await page.locator('#smart-hosts-problem').count(), 0, "MailRoute's own host passes silently");
    assert.equal(await page.locator('#smart-hosts-confirm').count(), 0);
    await context.close();
});

test('no file before the admin confirms another host; after it, every file names that host first', async () => {
    const { context, page } = await app.visit();
    await choosePlatform(page, 'exchange-2016');
    await field(page, 'Source servers').fill('EX01');
    await field(page, 'Smart host').fill('relay.example.net');
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    await page.locator('.sha-file .sha-waiting').first().waitFor();
    assert.equal(await page.getByRole('button', { name: /^Download/ }).count(), 0, 'no file, no archive');
    assert.match(await page.locator('.sha-files').textContent(), /Waiting for: Smart host/);
    assert.match(await page.locator('[data-step="create-send-connector"]').textContent(), /Waiting for: Smart host/, 'nor the shell command');

    await page.locator('#smart-hosts-confirm').check();
    const names = await page.locator('.sha-file').evaluateAll((cards) => cards.map((card) => card.dataset.file));
    for (const name of names) {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${name}` }).click()]);
        const text = (await readFile(await file.path())).toString("utf8");
        assert.match(text.replace(/^\uFEFF/, '').split('\r\n')[0], /^# WARNING: relay\.example\.net is not MailRoute's smarthost/, name);
    }
    // A changed host asks again.
    await field(page, 'Smart host').fill('relay2.example.net');
    assert.equal(await page.locator('#smart-hosts-confirm').isChecked(), false);
    assert.equal(await page.getByRole('button', { name: /^Download/ }).count(), 0);
    // The confirmation is not saved: a reload asks again.
    await field(page, 'Smart host').fill('relay.example.net');
    await page.locator('#smart-hosts-confirm').check();
    await page.reload();
    await page.locator('.sha-step').first().waitFor();
    assert.equal(await page.locator('#smart-hosts-confirm').isChecked(), false);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('a phishing link shows its values first: Discard and a reload leave no trace, Apply makes them the admin\'s', async () => {
    const { context, page, stored } = await adminWithValues();
    const phishing = `${app.url}?platform=exchange-2016&smart-hosts=relay.mailroute-eu.net&connector-name=Regional%20relay`;
    await page.goto(phishing);
    await ready(page);
    const banner = page.getByRole('region', { name: 'Values to review' });
    await banner.waitFor();
    const rows = await banner.locator('tbody tr').evaluateAll((all) => all.map((row) => [...row.cells].map((cell) => cell.textContent)));
    const link = 'the link you opened';
    assert.deepEqual(rows, [
        ['Mail platform', 'Exchange Server 2016', link],
        // A smart host that is not MailRoute's is called out where it is reviewed.
        ['Smart host', "relay.mailroute-eu.netNot MailRoute's host: all mail would go to relay.mailroute-eu.net.", link],
        ['Connector name', 'Regional relay', link],
    ]);
    // The page previews them read-only: no step offers the host, nothing there can be used.
    assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2016');
    assert.notEqual(await page.locator('.sha-body').getAttribute('inert'), null);
    assert.match(await page.locator('[data-step="network-settings"]').textContent(), /\(confirm the smart host\)/);
    assert.equal(await page.locator('.sha-body .sha-value code', { hasText: 'relay.mailroute-eu.net' }).count(), 0, 'nothing offers it to copy');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), stored, 'nor saved');
    assert.deepEqual(await axeViolations(page), []);

    await banner.getByRole('button', { name: 'Discard' }).click();
    assert.equal(await banner.count(), 0);
    assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2003', 'the admin\'s own again');
    assert.doesNotMatch(page.url(), /smart-hosts/, 'the link is gone from the address');
    await page.reload();
    await ready(page);
    await unfold(page);
    assert.equal(await page.getByRole('region', { name: 'Values to review' }).count(), 0);
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), stored, 'no trace of it');

    await page.goto(phishing);
    await ready(page);
    await page.getByRole('button', { name: 'Apply these values' }).click();
    assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2016');
    await unfold(page);
    assert.equal(await field(page, 'Smart host').inputValue(), 'relay.mailroute-eu.net');
    assert.match(await page.locator('#smart-hosts-problem').textContent(), /MailRoute's name in it, but it is a different domain/, 'and the guard still speaks');
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('relay.mailroute-eu.net'), STORAGE_KEY);
    assert.ok((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).includes('"bridgehead":"EXCH01"'), 'the rest stays');
    await context.close();
});

test('an offline copy\'s values wait in the banner too: Discard and a reload leave no trace, Apply makes them the admin\'s', async () => {
    // A copy made by someone else, carrying their smart host (review F10).
    const state = JSON.stringify({
        format: 'smarthost-assistant',
        version: 3,
        settings: { platform: 'exchange-2016', values: { 'smart-hosts': 'relay.attacker.example', 'connector-name': 'From the copy' } },
        progress: ['exchange-2016:register-ip'],
    });
    const template = await readFile('dist/offline.html', 'utf8');
    const empty = '<script id="sha-state" type="application/json"></script>';
    assert.ok(template.includes(empty));
    const crafted = template.replace(empty, `<script id="sha-state" type="application/json" data-stamp="1800000000000">${state}</script>`);
    const file = join(await mkdtemp(join(tmpdir(), 'smarthost-copy-')), 'smarthost-assistant-offline.html');
    await writeFile(file, crafted);

    for (const choice of ['Discard', 'Apply these values']) {
        const { context, page } = await app.open();
        await page.goto(pathToFileURL(file).href);
        await ready(page);
        const banner = page.locator('.sha-review');
        const row = banner.locator('tr', { hasText: 'Smart host' });
        assert.match(await row.textContent(), /relay\.attacker\.example.*the offline copy you opened/);
        // Previewed read-only, not the admin's until applied: no step offers it.
        assert.notEqual(await page.locator('.sha-body').getAttribute('inert'), null);
        assert.equal(await page.locator('.sha-body .sha-value code', { hasText: 'relay.attacker.example' }).count(), 0);
        // A first visit takes at once what routes no mail: the platform, a name, the progress.
        assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2016');
        assert.equal(await page.locator('#connector-name').inputValue(), 'From the copy');
        assert.match(await page.locator('.sha-progress-text').textContent(), /^1 of \d+ steps done/);

        await banner.getByRole('button', { name: choice }).click();
        await page.reload();
        await ready(page);
        await unfold(page);
        assert.equal(await banner.count(), 0, `${choice}: not offered again`);
        const expected = choice === 'Discard' ? 'outbound.mailroute.net' : 'relay.attacker.example';
        assert.equal(await field(page, 'Smart host').inputValue(), expected, choice);
        assert.deepEqual(page.errors, []);
        await context.close();
    }
});

