// The scripts and files an admin downloads: each equals what the page shows, with the line
// endings and byte order marks Windows expects, and "Download all" holds every one of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { start, field, ready, axeViolations } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

async function fillDirectory(page) {
    await field(page, 'Bridgehead server').fill('EXCH01');
    await field(page, 'Active Directory domain').fill('corp.example.com');
    await field(page, 'Exchange organization').fill('Contoso, Ltd.');
}

/** What the page shows of a file, as the bytes a download should hold. */
async function shownBytes(page, name) {
    const text = await page.locator(`[id="file-${name}"]`).evaluate((code) => code.textContent);
    const crlf = Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
    return name.endsWith('.ps1') ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), crlf]) : crlf;
}

/** Asks for the files, which load on demand, and waits for them; the keyboard is taken to
 * them, since the button is gone. */
async function showFiles(page) {
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    await page.locator('.sha-file h3').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'sha-files-title');
}

async function download(page, trigger) {
    const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('files wait for the values they need and say which', async () => {
    const { context, page } = await app.visit();
    await showFiles(page);
    const ldif = page.locator('[data-file="create-mailroute-connector.ldf"]');
    assert.match(await ldif.textContent(), /Waiting for: Bridgehead server, Active Directory domain, Exchange organization\./);
    assert.equal(await ldif.getByRole('button').count(), 0, 'no download while values are missing');
    assert.match(await ldif.textContent(), /Unconfirmed\. .*lab first/, 'the caution sits next to the file');
    assert.match(await page.locator('.sha-files').textContent(), /Download all is ready once every file is/);
    const restart = page.locator('[data-file="restart-services.cmd"]');
    assert.equal(await restart.getByRole('button', { name: 'Download restart-services.cmd' }).count(), 1);

    await ldif.getByRole('link', { name: 'Active Directory domain' }).click();
    assert.equal(await page.evaluate(() => location.hash), '#ad-domain');
    await context.close();
});

test('an admin fixes a bracket warning, downloads every file and the archive, and gets exactly what the page shows', async () => {
    const { context, page } = await app.visit();
    await showFiles(page);
    await fillDirectory(page);
    await field(page, 'Smart host').fill('outbound.mailroute.net, 203.0.113.9');
    await page.locator('#smart-hosts-problem').getByRole('button', { name: 'Use [203.0.113.9]' }).click();
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net, [203.0.113.9]');
    // An address beside MailRoute's host: the files wait for the admin's own word.
    assert.match(await page.locator('#smart-hosts-problem').textContent(), /\[203\.0\.113\.9\]: an IP address/);
    await page.locator('#smart-hosts-confirm').check();

    const cards = page.locator('.sha-file');
    const names = await cards.evaluateAll((list) => list.map((card) => card.dataset.file));
    assert.deepEqual(names, [
        'backup-smtp-connectors.cmd',
        'create-mailroute-connector.ldf',
        'restart-services-and-test.ps1',
        'restart-services.cmd',
        'rollback-delete-connector.ldf',
    ]);
    const downloaded = {};
    for (const name of names) {
        const card = page.locator(`[data-file="${name}"]`);
        await card.getByText(`Show ${name}`).click();
        const file = await download(page, () => card.getByRole('button', { name: `Download ${name}` }).click());
        assert.equal(file.name, name);
        assert.deepEqual(file.bytes, await shownBytes(page, name), `${name} equals the page`);
        const text = file.bytes.toString('utf8');
        assert.ok(!/[^\r]\n/.test(text) && text.endsWith('\r\n'), `${name} uses CRLF`);
        assert.match(text.replace(/^\uFEFF/, ''), /^(# |@rem )WARNING: \[203\.0\.113\.9\] is not MailRoute's smarthost/, `${name} names the host first`);
        assert.equal(file.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), name.endsWith('.ps1'), `${name} BOM`);
        assert.match(await page.locator('#sha-announcer').textContent(), new RegExp(`Downloaded ${name.replace('.', '\\.')}`));
        downloaded[name] = file.bytes;
    }
    assert.match(downloaded['restart-services-and-test.ps1'].toString('utf8'), /\$SmartHosts = @\('outbound\.mailroute\.net','203\.0\.113\.9'\)/);
    const unfolded = downloaded['create-mailroute-connector.ldf'].toString('utf8').replace(/\r\n /g, '');
    assert.match(unfolded, /CN=Contoso\\, Ltd\.,CN=Microsoft Exchange/);

    const zip = await download(page, () => page.getByRole('button', { name: /^Download all/ }).click());
    assert.equal(zip.name, 'mailroute-exchange-2003.zip');
    // Python's zipfile reads the archive: a reader we did not write.
    const listing = JSON.parse(
        execFileSync('python3', ['-c', `
import base64, io, json, sys, zipfile
archive = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert archive.testzip() is None
print(json.dumps({i.filename: base64.b64encode(archive.read(i)).decode() for i in archive.infolist()}))
`], { input: zip.bytes }),
    );
    assert.deepEqual(Object.keys(listing), ['README.txt', ...names]);
    for (const name of names) {
        assert.deepEqual(Buffer.from(listing[name], 'base64'), downloaded[name], `${name} in the archive`);
    }
    const readme = Buffer.from(listing['README.txt'], 'base64').toString('utf8');
    assert.match(readme, /Exchange organization: Contoso, Ltd\./);
    assert.match(readme, /Delivery > Outbound Servers/);
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('changing an existing connector offers the update and the smart host rollback', async () => {
    const { context, page } = await app.visit({ permissions: ['clipboard-read', 'clipboard-write'] });
    await fillDirectory(page);
    await page.getByLabel('Yes, I will change it').check();
    assert.equal(await field(page, 'Connector name').inputValue(), '', 'their connector has its own name');
    await field(page, 'Connector name').fill('Internet Mail');
    await field(page, 'Smart host before the change').fill('relay.isp.example.net');
    // The way back's host is not MailRoute's: the admin confirms it is their connector's.
    await page.locator('#previous-smart-hosts-confirm').check();
    await page.getByLabel('Also replace its address spaces with the recipient domains (address space) you set').check();
    await showFiles(page);
    const names = await page.locator('.sha-file').evaluateAll((list) => list.map((card) => card.dataset.file));
    assert.ok(names.includes('update-connector-smart-host.ldf') && names.includes('rollback-restore-smart-host.ldf'), names.join());

    const rollback = page.locator('[data-file="rollback-restore-smart-host.ldf"]');
    await rollback.getByRole('button', { name: 'Copy contents of rollback-restore-smart-host.ldf' }).click();
    await page.waitForFunction(() => document.querySelector('#sha-announcer').textContent.startsWith('Copied contents'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /replace: msExchSmtpSmartHost\r\nmsExchSmtpSmartHost: relay\.isp\.example\.net\r\n-\r\n/);
    const update = await download(page, () =>
        page.getByRole('button', { name: 'Download update-connector-smart-host.ldf' }).click(),
    );
    assert.match(update.bytes.toString('utf8'), /replace: routingList\r\nroutingList: SMTP:\*;1\r\n-\r\n/);

    await page.reload();
    await ready(page);
    assert.equal(await field(page, 'Smart host before the change').inputValue(), 'relay.isp.example.net');
    assert.equal(await page.getByLabel('Also replace its address spaces with the recipient domains (address space) you set').isChecked(), true);
    await context.close();
});

test('axe finds no violation with every file shown', async () => {
    const { context, page } = await app.visit();
    await showFiles(page);
    await fillDirectory(page);
    // Each click opens the first part still folded, until none is.
    const folded = page.locator('.sha-file details:not([open]) > summary');
    const count = await folded.count();
    assert.ok(count > 0, 'folded parts to open');
    for (let opened = 0; opened < count; opened++) await folded.first().click();
    assert.equal(await page.locator('.sha-file details:not([open])').count(), 0, 'every part is open');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});
