// An admin knows at a glance what to do (issue 15): the platform first with nothing chosen,
// "before you start" and the steps in the first screen, the scripts a few Tabs away, the
// connector question answered by the admin, a slip in the smart host fixed in one click,
// a finish that says how to tell it worked, and a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, field, ready, unfold, axeViolations } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app.close();
});

test('a first visit shows the platforms, none chosen, nothing asked and nothing wrong', async () => {
    const { context, page } = await app.open();
    await page.goto(app.url);
    await page.locator('main[data-started]').waitFor();
    const links = page.locator('.sha-platforms a');
    assert.equal(await links.count(), 8);
    assert.deepEqual(await page.locator('.sha-platform-group h3').allTextContents(), [
        'Microsoft 365',
        'Exchange admin center',
        'Exchange Management Console',
        'Exchange System Manager',
    ]);
    assert.equal(await page.locator('[aria-current]').count(), 0, 'none chosen');
    assert.equal(await page.locator('input, textarea, .sha-problem, [role="alert"]').count(), 0);
    assert.match(await page.locator('.sha-platforms .sha-hint').textContent(), /Get-ExchangeServer/);
    assert.deepEqual(await axeViolations(page), []);
    // The first Tab stop is the first platform.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Exchange Online (Microsoft 365)');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('after choosing Exchange 2010 at 1280×800, before you start and step 1 are in the first screen, with no error', async () => {
    const { context, page } = await app.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.locator('main[data-started]').waitFor();
    await page.getByRole('link', { name: 'Exchange Server 2010' }).click();
    await ready(page);
    assert.equal(new URL(page.url()).pathname, '/exchange-2010/');
    const top = (selector) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().top);
    assert.ok((await top('#sha-before')) < 800, 'before you start');
    const step = await page.locator('.sha-step').first().evaluate((element) => element.querySelector('.sha-step-head').getBoundingClientRect().bottom);
    assert.ok(step <= 800, `step 1's title ends at ${step} px`);
    assert.equal(await page.locator('.sha-problem[data-severity="error"]').count(), 0, 'no error before any input');
    assert.equal(await page.locator('details.sha-values').evaluate((details) => details.open), false, 'the defaults are folded away');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('an empty required value says so once the admin leaves it or asks for the files, not before', async () => {
    const { context, page } = await app.first('exchange-2003');
    // The bridgehead is asked in its step; the directory's names, for the LDIF files only,
    // among the defaults.
    assert.equal(await page.locator('[data-step="general-bridgehead"] #bridgehead').count(), 1);
    assert.match(await page.locator('details.sha-values').textContent(), /Active Directory: for the LDIF files only/);
    await unfold(page);
    const domain = field(page, 'Active Directory domain');
    await domain.focus();
    assert.equal(await page.locator('#ad-domain-problem').count(), 0, 'not before the admin has been there');
    await page.keyboard.press('Tab');
    assert.match(await page.locator('#ad-domain-problem').textContent(), /^Error: Enter the Active Directory domain/);
    assert.equal(await domain.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#organization-problem').count(), 0);
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    await page.locator('#organization-problem').waitFor();
    await domain.fill('corp.example.com');
    assert.equal(await page.locator('#ad-domain-problem').count(), 0);
    await context.close();
});

test('a file waiting for a folded default links to it, and the link unfolds the defaults at the field', async () => {
    const { context, page } = await app.first('exchange-2003');
    await page.locator('#connector-new').check();
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    const ldif = page.locator('[data-file="create-mailroute-connector.ldf"]');
    await ldif.locator('.sha-waiting').waitFor();
    assert.equal(await page.locator('details.sha-values').evaluate((details) => details.open), false);
    await ldif.locator('a[href="#organization"]').click();
    await page.waitForFunction(() => document.activeElement?.id === 'organization');
    assert.equal(await page.locator('details.sha-values').evaluate((details) => details.open), true);
    await context.close();
});

test('at 390×844 nothing overflows sideways, labels sit above their values, and code scrolls rather than breaks', async () => {
    for (const platform of ['', 'exchange-2003/', 'exchange-2010/', 'exchange-online/']) {
        const { context, page } = await app.open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
        await page.goto(`${app.url}${platform}`);
        await page.locator('main[data-started]').waitFor();
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${platform || 'the choice'} fits`);
        if (platform) {
            const row = page.locator('.sha-step .sha-settings tr').first();
            const [label, value] = await Promise.all([row.locator('th').boundingBox(), row.locator('td').boundingBox()]);
            assert.ok(value.y >= label.y + label.height - 1, 'the value is below its label');
            const codes = await page.locator('.sha-step .sha-settings .sha-value code').evaluateAll((all) => all.map((code) => getComputedStyle(code).whiteSpace));
            assert.ok(codes.length > 0 && codes.every((space) => space === 'pre'), 'a value keeps its line and scrolls');
        }
        await context.close();
    }
});

test('from the keyboard: the platform is the first Tab stop, and the scripts are within five', async () => {
    const { context, page } = await app.first('exchange-2016');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Change platform');
    let presses = 1;
    while ((await page.evaluate(() => document.activeElement.getAttribute('href'))) !== '#sha-files-title') {
        await page.keyboard.press('Tab');
        presses += 1;
        assert.ok(presses <= 5, 'the link to the scripts comes within five Tabs');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'sha-files-title');
    assert.ok(await page.getByRole('button', { name: 'Show the files for my values' }).isVisible());
    await context.close();
});

test('the connector question has no answer until the admin gives one, and Yes asks for their connector by name', async () => {
    const { context, page } = await app.first('exchange-2003');
    const question = page.locator('[data-step="open-connectors"]');
    assert.equal(await question.locator('input[type="radio"]:checked').count(), 0, 'nothing is chosen for the admin');
    // The bridgehead in its step; the directory's names for the LDIF files among the defaults.
    await page.locator('[data-step="general-bridgehead"]').getByRole('textbox', { name: 'Bridgehead server', exact: true }).fill('EXCH01');
    await page.locator('details.sha-values > summary').click();
    await field(page, 'Active Directory domain').fill('corp.example.com');
    await field(page, 'Exchange organization').fill('Contoso');
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    await page.locator('.sha-files .sha-waiting a[href="#connector-new"]').waitFor();
    // Only the backup, which exports every connector whatever the answer, in the step before it.
    assert.equal(await page.locator('.sha-file-actions').count(), 1, 'no other file before the answer');
    assert.equal(await page.locator('[data-step="backup-connectors"] .sha-file-actions').count(), 1);

    await question.getByLabel('No, I will create one').check();
    assert.match(await question.locator('#connector-follow').textContent(), /at equal cost Exchange 2003 splits it/);
    await page.locator('.sha-file-actions').nth(1).waitFor();

    await question.getByLabel('Yes, I will change it').check();
    const name = question.getByRole('textbox', { name: 'Connector name', exact: true });
    assert.equal(await name.inputValue(), '', "the existing connector's name is the admin's to type");
    await name.fill('Internet Mail');
    await question.getByRole('textbox', { name: 'Smart host before the change', exact: true }).fill('relay.isp.example.net');
    // Not MailRoute's host, it is the way back's: the admin says it is their connector's.
    await question.locator('#previous-smart-hosts-confirm').check();
    assert.match(await page.locator('[data-step="general-name"]').textContent(), /Internet Mail/);
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download update-connector-smart-host.ldf' }).click(),
    ]);
    const ldif = await readFile(await download.path(), 'utf8');
    assert.match(ldif, /^dn: CN=Internet Mail,CN=Connections,/m, 'the file changes their connector');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('a slip in the smart host offers MailRoute\'s in one click, and the warning follows it to the step and the files', async () => {
    const { context, page } = await app.first('exchange-2016');
    await page.locator('details.sha-values > summary').click();
    await field(page, 'Smart host').fill('outbound.mailrout.net');
    const problem = page.locator('#smart-hosts-problem');
    assert.match(await problem.textContent(), /Did you mean outbound\.mailroute\.net\?/);
    const inStep = page.locator('.sha-step .sha-smart-host-alert');
    assert.match(await inStep.textContent(), /^Smart host: Did you mean outbound\.mailroute\.net\?/);
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    await page.locator('.sha-files .sha-smart-host-alert').waitFor();
    await problem.getByRole('button', { name: 'Use outbound.mailroute.net' }).click();
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net');
    assert.equal(await page.locator('.sha-smart-host-alert').count(), 0, 'and every warning is gone');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('the finish says how to tell it worked, the three usual failures, and where to get help', async () => {
    const { context, page } = await app.first('exchange-2019');
    const finish = page.locator('#sha-finish');
    assert.match(await finish.textContent(), /^Check that it workedIf your test message's header shows/);
    assert.equal(await finish.locator('li').count(), 3);
    assert.equal(await finish.locator('a[href="mailto:support@mailroute.net"]').count(), 1);
    const last = await page.locator('.sha-step').last().boundingBox();
    const box = await finish.boundingBox();
    assert.ok(box.y >= last.y + last.height && box.y - (last.y + last.height) < 200, 'right after the last step');
    const undo = page.locator('#sha-undo');
    assert.match(await undo.textContent(), /rollback-mailroute-send-connector\.ps1/);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('the way back for a new send connector is a command that names it, to copy', async () => {
    const { context, page } = await app.first('exchange-2016', { permissions: ['clipboard-read', 'clipboard-write'] });
    const undo = page.locator('#sha-undo');
    const command = "Set-SendConnector -Identity 'Outbound via MailRoute' -Enabled $false";
    await unfold(page);
    await field(page, 'Connector name').fill('Outbound via MailRoute');
    // Rarely needed, so made by the tools module, loaded by the button.
    await undo.getByRole('button', { name: 'Show the command' }).click();
    const value = undo.locator('.sha-value', { hasText: 'Set-SendConnector' });
    assert.equal(await value.locator('code').textContent(), command);
    await value.getByRole('button').click();
    await page.waitForFunction(async (expected) => (await navigator.clipboard.readText()) === expected, command);
    // With no name, it asks for one rather than offering a command that would prompt for it.
    await field(page, 'Connector name').fill('');
    assert.equal(await undo.locator('.sha-value', { hasText: 'Set-SendConnector' }).count(), 0);
    assert.match(await undo.textContent(), /The same in the shell, shown here once the values are ready/);
    assert.deepEqual(page.errors, []);
    await context.close();
});
