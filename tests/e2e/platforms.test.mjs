// Every platform, end to end: the admin picks it, works through its checklist, and downloads
// its files; the values typed carry over between platforms, and each keeps its own progress.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, field, ready, prepare, progressText, axeViolations, navigations, choosePlatform } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

const PLATFORMS = {
    'exchange-2003': 'Exchange Server 2003',
    'exchange-2007': 'Exchange Server 2007',
    'exchange-2010': 'Exchange Server 2010',
    'exchange-2013': 'Exchange Server 2013',
    'exchange-2016': 'Exchange Server 2016',
    'exchange-2019': 'Exchange Server 2019',
    'exchange-se': 'Exchange Server Subscription Edition',
    'exchange-online': 'Exchange Online (Microsoft 365)',
};


async function download(page, trigger) {
    const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** What the page shows of a file, as the bytes a download should hold. */
async function shownBytes(page, name) {
    const text = await page.locator(`[id="file-${name}"]`).evaluate((code) => code.textContent);
    const crlf = Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
    return name.endsWith('.ps1') || name.endsWith('.txt') ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), crlf]) : crlf;
}

for (const [id, label] of Object.entries(PLATFORMS)) {
    test(`${label}: its checklist, start to finish, and its files`, async () => {
        const { context, page } = await app.visit();
        if (id !== 'exchange-2003') await choosePlatform(page, id);
        assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), id);
        const titles = await page.locator('.sha-step-title').allTextContents();
        assert.ok(titles.length >= 7, titles.join(' | '));
        assert.equal(titles.includes('Register your sending servers with MailRoute'), id !== 'exchange-online');
        assert.ok(titles.includes('Let MailRoute send for your domain (SPF)'));
        assert.ok(titles.includes('Sign your mail (DKIM) and publish a policy (DMARC)'));
        if (id === 'exchange-online') {
            assert.equal(titles[0], "Have MailRoute filter the domain's inbound mail first");
            const links = page.locator('[data-step="mailroute-inbound"] a[target="_blank"]');
            assert.deepEqual(await links.evaluateAll((all) => all.map((link) => link.href)), [
                'https://admin.mailroute.net/',
                'https://admin.exchange.microsoft.com/#/connectors',
                'https://security.microsoft.com/skiplisting',
                'mailto:support@mailroute.net',
            ]);
        }

        if (id === 'exchange-2003') {
            await field(page, 'Bridgehead server').fill('EXCH01');
            await field(page, 'Active Directory domain').fill('corp.example.com');
            await field(page, 'Exchange organization').fill('Contoso');
        } else if (id !== 'exchange-online') {
            await field(page, 'Source servers').fill('EX01, EX02');
            const role = id === 'exchange-2007' || id === 'exchange-2010' ? 'Hub Transport' : 'Mailbox';
            assert.match(await page.locator('[data-step="source-servers"]').textContent(), new RegExp(role));
        }

        // Each file is in the step that uses it: made and downloaded before the steps are ticked.
        await page.getByRole('button', { name: 'Show the files for my values' }).click();
        await page.locator('.sha-file-actions').first().waitFor();
        const names = await page.locator('.sha-file').evaluateAll((cards) => cards.map((card) => card.dataset.file));
        // Each PowerShell script's Run lines get past the execution policy of a downloaded file.
        const runs = await page.locator('.sha-file[data-file$=".ps1"] [id^="run-"]').allTextContents();
        assert.ok(runs.length > 0, `${id}: the scripts' Run lines`);
        for (const run of runs) {
            assert.match(run, /Bypass|Unblock/, run);
        }
        if (id === 'exchange-online') {
            assert.equal(await page.locator('[data-file="create-mailroute-outbound-connector.ps1"] [id^="run-"]').count(), 2);
        }
        for (const name of names) {
            const file = await download(page, () => page.getByRole('button', { name: `Download ${name}` }).click());
            assert.equal(file.name, name);
            assert.deepEqual(file.bytes, await shownBytes(page, name), `${name} is what the page shows`);
        }
        const all = await download(page, () => page.getByRole('button', { name: /^Download all/ }).click());
        assert.equal(all.name, `mailroute-${id}.zip`);
        const folder = await mkdtemp(join(tmpdir(), 'smarthost-zip-'));
        const zip = join(folder, all.name);
        await import('node:fs/promises').then((fs) => fs.writeFile(zip, all.bytes));
        const listed = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip])
            .toString()
            .trim()
            .split('\n');
        assert.deepEqual(listed, ['README.txt', ...names]);

        const boxes = page.locator('.sha-step-done input');
        const total = await boxes.count();
        for (let i = 0; i < total; i++) await boxes.nth(i).check();
        assert.equal(await progressText(page), `All ${total} steps done. If your test message left through MailRoute, the change is complete.`);
        assert.deepEqual(await axeViolations(page), [], 'every step done and every file shown');
        assert.deepEqual(page.errors, []);
        await context.close();
    });
}

test('values carry over between platforms, and each platform keeps its own check marks', async () => {
    const { context, page } = await app.visit();
    const loads = navigations(page);
    await field(page, 'Connector name').fill('Via MailRoute');
    await field(page, 'Smart host').fill('outbound.mailroute.net, [203.0.113.9]');
    await page.locator('#step-register-ip-done').check();
    assert.equal(await progressText(page), '1 of 13 steps done');

    await choosePlatform(page, 'exchange-2016');
    assert.equal(await field(page, 'Connector name').inputValue(), 'Via MailRoute');
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net, [203.0.113.9]');
    assert.match(await progressText(page), /^0 of \d+ steps done$/, "2003's check mark is not 2016's");
    // 2016 takes addresses without brackets: the field says so, with the fix.
    await page.locator('#smart-hosts-problem').getByRole('button', { name: 'Use 203.0.113.9' }).click();
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net, 203.0.113.9');
    await page.locator('#step-spf-record-done').check();
    await page.locator('#step-dkim-dmarc-done').check();

    await choosePlatform(page, 'exchange-2019');
    assert.match(await progressText(page), /^0 of/, 'nor is it 2019’s');
    await choosePlatform(page, 'exchange-online');
    assert.equal(await field(page, 'Connector name').inputValue(), 'Via MailRoute');
    await choosePlatform(page, 'exchange-2016');
    assert.match(await progressText(page), /^2 of \d+ steps done$/);
    await choosePlatform(page, 'exchange-2003');
    assert.equal(await progressText(page), '1 of 13 steps done');
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net, 203.0.113.9');
    assert.equal(loads(), 0, 'every platform on one page: no navigation');

    await page.reload();
    await ready(page);
    assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2003');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('from the keyboard: the platform is the first Tab stop, and every platform opens with no reload', async () => {
    const { context, page } = await app.visit();
    const loads = navigations(page);
    for (const [id, label] of Object.entries(PLATFORMS).slice(1)) {
        // From the top of the page: a click on the heading starts the Tab order there.
        await page.locator('.sha-header h1').click();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Change platform');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'sha-platform-title');
        assert.equal(new URL(page.url()).pathname, '/', 'the address is the platform choice');
        await page.keyboard.press('Tab');
        // Bounded: a platform link that Tab never reaches fails here, not by CI's clock.
        for (let presses = 0; (await page.evaluate(() => document.activeElement.textContent)) !== label; presses++) {
            assert.ok(presses < 40, `${label} is reached with Tab`);
            await page.keyboard.press('Tab');
        }
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'sha-platform-current');
        assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), id);
        assert.equal(new URL(page.url()).pathname, `/${id}/`, "the address is the platform's page");
        assert.equal(await page.locator('#sha-announcer').textContent(), `Steps and files for ${label}.`);
    }
    assert.match(await page.locator('[data-step="add-connector"]').textContent(), /Partner organization/);
    await page.goBack();
    await page.waitForFunction(() => document.activeElement?.id === 'sha-platform-title' || document.querySelector('.sha-platforms'));
    assert.equal(await page.locator('.sha-platforms').count(), 1, 'Back returns to the platform choice');
    await page.goBack();
    await ready(page);
    assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-se', 'and to the platform before it');
    assert.equal(loads(), 0, 'no page loaded again');
    await context.close();
});

test('a platform change keeps the values even where the browser refuses storage', async () => {
    const { context, page } = await app.open();
    await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } });
    });
    await page.goto(app.at('exchange-2003'));
    await ready(page);
    await prepare(page);
    await field(page, 'Connector name').fill('Kept in the tab');
    await choosePlatform(page, 'exchange-online');
    assert.equal(await field(page, 'Connector name').inputValue(), 'Kept in the tab');
    await context.close();
});

test('the SPF helper adds MailRoute before all, and says what else is wrong', async () => {
    const { context, page } = await app.visit({ permissions: ['clipboard-read', 'clipboard-write'] });
    const record = page.getByRole('textbox', { name: "Your domain's SPF record as it is now" });
    await record.fill('"v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com +all"');
    const report = page.locator('#spf-record-report');
    await report.locator('code').waitFor();
    assert.equal(await report.locator('code').textContent(), 'v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com include:spf.mailroute.net +all');
    assert.match(await report.textContent(), /Warning: The record ends in \+all/);
    await report.getByRole('button', { name: /Copy SPF record/ }).click();
    await page.waitForFunction(() => document.querySelector('#sha-announcer').textContent.startsWith('Copied'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com include:spf.mailroute.net +all');

    await record.fill('v=spf1 mx -all\nv=spf1 a -all');
    await page.waitForFunction(() => document.querySelector('#spf-record-report').textContent.includes('2 records'));
    assert.equal(await report.locator('code').count(), 0, 'no record to publish while it is broken');

    await page.reload();
    await ready(page);
    assert.equal(await record.inputValue(), 'v=spf1 mx -all\nv=spf1 a -all', 'the pasted record is kept');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('a send connector step offers the change as one shell command', async () => {
    const { context, page } = await app.visit({ permissions: ['clipboard-read', 'clipboard-write'] });
    await choosePlatform(page, 'exchange-2019');
    await field(page, 'Source servers').fill('EX01');
    const step = page.locator('[data-step="create-send-connector"]');
    await step.getByRole('button', { name: 'Show the command' }).focus();
    await page.keyboard.press('Enter');
    const command = step.locator('.sha-shell code');
    await command.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('sha-shell'));
    assert.equal(await page.evaluate(() => document.activeElement.closest('[data-step]').dataset.step), 'create-send-connector', 'the keyboard stays where the admin was');
    assert.equal(
        await command.textContent(),
        "New-SendConnector -Name 'All Outgoing Email' -Usage Custom -DNSRoutingEnabled $false -SmartHosts 'outbound.mailroute.net' -SmartHostAuthMechanism None -AddressSpaces 'SMTP:*;1' -IsScopedConnector $false -SourceTransportServers 'EX01' -ErrorAction Stop",
    );
    await field(page, 'Cost').fill('0');
    assert.match(await step.textContent(), /Waiting for: Cost/);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('a link can open the assistant on a platform', async () => {
    const { context, page } = await app.open();
    const earlier = app.requests.length;
    await page.goto(`${app.url}?platform=exchange-online&connector-name=MailRoute%20Outbound`);
    await ready(page);
    await prepare(page);
    assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-online');
    assert.equal(await field(page, 'Connector name').inputValue(), 'MailRoute Outbound');
    const fetched = app.requests.slice(earlier).filter((path) => path.endsWith('.wasm'));
    // The page's wasm (the service worker fetches it again to keep it), and not the tools.
    assert.ok(fetched.length > 0 && fetched.every((path) => /assistant-[0-9a-f]+_bg\.wasm$/.test(path)), fetched.join());
    await context.close();
});
