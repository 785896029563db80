// Handing the change on: a shared link and a settings file come back through the review
// banner in a fresh browser profile, broken ones are explained and change nothing, and the
// printed runbook holds every step and value and none of the page's controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, field, ready, progressText, STORAGE_KEY, choosePlatform } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

const banner = (page) => page.getByRole('region', { name: 'Values to review' });

/** Every value of the values form, by label, and the platform. */
async function values(page) {
    const form = await page.locator('.sha-values input[type="text"], .sha-values textarea').evaluateAll((inputs) =>
        inputs.map((input) => [input.labels[0]?.textContent, input.value]),
    );
    return { platform: await page.locator('.sha-platform').getAttribute('data-platform'), form };
}

/** A sender on Exchange 2016 with values of their own and one step done. */
async function sender() {
    const opened = await app.visit();
    const { page } = opened;
    await choosePlatform(page, 'exchange-2016');
    await ready(page);
    await field(page, 'Connector name').fill('Mail via MailRoute (EMEA)');
    await field(page, 'Source servers').fill('EX01, EX02');
    await field(page, 'Recipient domains (address space)').fill('contoso.example');
    await page.locator('#step-register-ip-done').check();
    return opened;
}

test('a shared link opens in a fresh profile with every value in the banner; Apply makes the page the sender\'s', async () => {
    const { context, page } = await sender();
    await page.getByRole('button', { name: 'Make a link to these values' }).click();
    const link = await page.locator('#share-link').textContent();
    assert.ok(link.startsWith(`${app.at('exchange-2016')}#settings=`), `the link opens the sender's platform's page: ${link}`);
    assert.ok(link.length < 2000, `${link.length} characters`);
    const theirs = await values(page);
    await context.close();

    const colleague = await app.open();
    await colleague.page.goto(link);
    await ready(colleague.page);
    const rows = await banner(colleague.page).locator('tbody tr').evaluateAll((all) => all.map((row) => [...row.cells].map((cell) => cell.textContent)));
    const from = 'the shared link you opened';
    assert.deepEqual(rows, [
        ['Connector', 'a new one', from],
        ['Connector name', 'Mail via MailRoute (EMEA)', from],
        // What is wrong with a value is said beside it, as at its field.
        [
            'Recipient domains (address space)',
            'contoso.exampleOnly mail to contoso.example will go through MailRoute; the rest leaves as it does now. Enter * to send all outgoing mail through MailRoute.',
            from,
        ],
        ['Source servers', 'EX01, EX02', from],
    ]);
    assert.equal(await colleague.page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2016');
    // The page shows the sender's procedure at once, read-only, and keeps none of it before Apply.
    const servers = field(colleague.page, 'Source servers');
    assert.equal(await servers.inputValue(), 'EX01, EX02');
    assert.equal(await servers.evaluate((input) => Boolean(input.closest('[inert]'))), true, 'read-only');
    assert.match(await colleague.page.locator('[data-step="address-space"]').textContent(), /only mail to contoso\.example/);
    assert.doesNotMatch(await colleague.page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY), /EX01/, 'nothing is saved');
    await banner(colleague.page).getByRole('button', { name: 'Apply these values' }).click();
    assert.deepEqual(await values(colleague.page), theirs);
    assert.match(await progressText(colleague.page), /^0 of/, 'the progress stays with whoever does the work');
    assert.doesNotMatch(colleague.page.url(), /#settings/, 'the link is gone from the address');
    assert.deepEqual(colleague.page.errors, []);
    await colleague.context.close();
});

test('an exported settings file imports in a fresh profile, values and progress, after Apply', async () => {
    const { context, page } = await sender();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
    assert.equal(download.suggestedFilename(), 'smarthost-assistant-settings.json');
    const file = join(await mkdtemp(join(tmpdir(), 'smarthost-settings-')), 'settings.json');
    await download.saveAs(file);
    const theirs = await values(page);
    const progress = await progressText(page);
    await context.close();

    const colleague = await app.visit();
    const stored = await colleague.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    await colleague.page.locator('#sha-import').setInputFiles(file);
    const from = 'the settings file you imported';
    await banner(colleague.page).getByText(from).first().waitFor();
    assert.match(await banner(colleague.page).textContent(), /Check marks1 steps done/);
    assert.equal(await colleague.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), stored, 'nothing saved before Apply');
    await banner(colleague.page).getByRole('button', { name: 'Apply these values' }).click();
    assert.deepEqual(await values(colleague.page), theirs);
    assert.equal(await progressText(colleague.page), progress);
    await colleague.context.close();
});

test('a broken link, a broken file, another program\'s file and a newer release\'s file each say so and change nothing', async () => {
    const { context, page } = await app.visit();
    await field(page, 'Bridgehead server').fill('EXCH01');
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('EXCH01'), STORAGE_KEY);
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    const notice = page.locator('.sha-notice[role="alert"]');

    // Pasted into the address bar of the open tab: the page itself does not reload.
    await page.goto(`${app.url}#settings=%7B%22format%22%3A%22smarthost-assistant%22%2C%22version%22%3A3%2C%22settings%22%3A%7B%22val`);
    assert.equal(
        await notice.locator('p').textContent(),
        'Nothing was changed: the shared link you opened is damaged and could not be read. Your values are as they were.',
    );
    assert.equal(await field(page, 'Bridgehead server').inputValue(), 'EXCH01');
    await notice.getByRole('button', { name: 'Dismiss' }).click();

    const folder = await mkdtemp(join(tmpdir(), 'smarthost-bad-'));
    for (const [name, text, said] of [
        ['broken.json', '{"format":"smarthost-assistant","version":3,"settings":{"values":{"bridgehead":', 'file you imported is damaged and could not be read'],
        ['package.json', '{"name":"not-ours","version":"1.0.0"}', "file you imported is not one of this assistant's"],
        ['newer.json', '{"format":"smarthost-assistant","version":9,"settings":"a shape to come"}', 'file you imported comes from a newer version of this assistant'],
    ]) {
        const file = join(folder, name);
        await writeFile(file, text);
        await page.locator('#sha-import').setInputFiles(file);
        await page.waitForFunction((words) => document.querySelector('.sha-notice[role="alert"] p')?.textContent.includes(words), said);
        assert.equal(await banner(page).count(), 0, name);
        assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), stored, `${name}: the stored state is unchanged`);
        await notice.getByRole('button', { name: 'Dismiss' }).click();
    }
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('the printed runbook holds every step title and value, and no control but the admin\'s answers', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'smarthost-runbook-'));
    for (const [platform, fill, printed] of [
        [
            'exchange-2003',
            { 'Bridgehead server': 'EXCH01', 'Active Directory domain': 'corp.example.com', 'Exchange organization': 'Contoso' },
            ['create-mailroute-connector.ldf', 'rollback-delete-connector.ldf', 'ldifde -i'],
        ],
        [
            'exchange-2016',
            { 'Source servers': 'EX01, EX02', 'Connector name': 'Mail via MailRoute 0O1l' },
            ['New-SendConnector', 'configure-mailroute-send-connector.ps1', 'rollback-mailroute-send-connector.ps1'],
        ],
    ]) {
        const { context, page } = await app.visit();
        await choosePlatform(page, platform);
        await ready(page);
        for (const [name, value] of Object.entries(fill)) await field(page, name).fill(value);
        // The browser's print dialog, which a test cannot press, is replaced by a note of the call.
        await page.evaluate(() => {
            window.print = () => (window.printed = true);
        });
        await page.getByRole('button', { name: 'Print runbook' }).click();
        // The runbook waits for the tools module, so that the commands and files are in it.
        await page.waitForFunction(() => window.printed === true);
        assert.ok(await page.locator('.sha-file').count() > 0, 'the files are in the runbook');
        const titles = await page.locator('.sha-step-title').allTextContents();
        assert.ok(titles.length >= 10, `${platform}: the step titles were read (${titles.length})`);
        const buttons = (await page.locator('button').allTextContents()).filter((label) => label.trim().length > 6);
        const pdf = join(folder, `${platform}.pdf`);
        await page.pdf({ path: pdf });
        const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
        for (const title of titles) assert.ok(text.includes(title.replace(/\s+/g, ' ')), `${platform}: step "${title}"`);
        for (const value of ['outbound.mailroute.net', ...Object.values(fill)]) assert.ok(text.includes(value), `${platform}: value ${value}`);
        for (const label of ['Change number', 'Operator', 'Approved by (sign-off)']) assert.ok(text.includes(label), label);
        // The commands and the files, rollback included.
        for (const words of printed) assert.ok(text.includes(words), `${platform}: ${words}`);
        for (const label of buttons) assert.ok(!text.includes(label.trim()), `${platform}: button "${label}" is not printed`);
        // No control prints (copy buttons, the values form, paste boxes, the theme choice, the
        // files' folds) but what shows the admin's own answers on paper: each step's box to
        // tick by hand, the connector question's choice, and a value asked in its step.
        await page.emulateMedia({ media: 'print' });
        const controls = page.locator('button, input, select, textarea, summary, [role="button"]');
        assert.ok((await controls.count()) > 20, `${platform}: the page has its controls`);
        const visible = await controls.evaluateAll((all) =>
            all
                .filter((control) => control.checkVisibility())
                .filter((control) => !control.matches('.sha-step-done input, .sha-question input[type="radio"], .sha-step .sha-field input'))
                .map((control) => control.outerHTML.slice(0, 120)),
        );
        assert.deepEqual(visible, [], `${platform}: controls in print`);
        await page.emulateMedia({ media: null });
        assert.deepEqual(page.errors, []);
        await context.close();
    }
});
