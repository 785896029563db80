// What an administrator does with the checklist, end to end in Chromium on the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, progressText, axeViolations, STORAGE_KEY } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

test('a new admin works through every step, reloads, and finds everything as it was', async () => {
    const { context, page } = await app.visit();
    assert.equal(await progressText(page), '0 of 13 steps done');

    await page.getByLabel('No, I will create one').check();
    await page.getByRole('textbox', { name: 'Bridgehead server' }).fill('EXCH01');
    await page.getByRole('textbox', { name: 'Connector name' }).fill('MailRoute Outbound');
    const bridgeheadStep = page.locator('[data-step="general-bridgehead"] code');
    assert.equal(await bridgeheadStep.textContent(), 'EXCH01');
    assert.equal(await page.locator('[data-step="general-name"] code').textContent(), 'MailRoute Outbound');

    const boxes = page.locator('.sha-step-done input');
    assert.equal(await boxes.count(), 13);
    for (let i = 0; i < 13; i++) {
        await boxes.nth(i).check();
        assert.equal(await progressText(page), i === 12 ? 'All 13 steps done. If your test message left through MailRoute, the change is complete.' : `${i + 1} of 13 steps done`);
    }
    assert.equal(await page.locator('.sha-step-body:visible').count(), 0, 'finished steps fold away');
    assert.match(await page.locator('#sha-announcer').textContent(), /All 13 steps are done/);

    await page.reload();
    await ready(page);
    assert.match(await progressText(page), /^All 13 steps done/);
    // The bridgehead is asked in its step, which is done and folded: opened again, it holds it.
    await page.locator('[data-step="general-bridgehead"] .sha-details summary').click();
    assert.equal(await page.getByRole('textbox', { name: 'Bridgehead server' }).inputValue(), 'EXCH01');
    await page.locator('details.sha-values > summary').click();
    assert.equal(await page.getByRole('textbox', { name: 'Connector name' }).inputValue(), 'MailRoute Outbound');
    assert.equal(await page.locator('[data-step="create-connector"]').count(), 1, 'the new-connector branch is kept');
    assert.equal(await page.locator('.sha-step-done input:checked').count(), 13);
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('each copy button puts its exact value on the clipboard and says so', async () => {
    const { context, page } = await app.visit({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('textbox', { name: 'Bridgehead server' }).fill('EXCH01');

    const values = page.locator('.sha-value');
    const count = await values.count();
    assert.ok(count >= 8, `only ${count} copyable values`);
    for (let i = 0; i < count; i++) {
        const value = values.nth(i);
        const expected = await value.locator('code').textContent();
        const button = value.getByRole('button');
        await button.click();
        await page.waitForFunction((el) => el.textContent === 'Copied', await button.elementHandle());
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
        assert.match(await page.locator('#sha-announcer').textContent(), new RegExp(`^Copied .*: ${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    }
    const copied = await page.evaluate(() => [...document.querySelectorAll('.sha-value code')].map((c) => c.textContent));
    for (const value of ['All Outgoing Email', 'outbound.mailroute.net', 'EXCH01', '*', '1', 'RESvc', 'SMTPSVC']) {
        assert.ok(copied.includes(value), `${value} is offered for copying`);
    }
    await context.close();
});

test('where the clipboard is refused, the value is selected and the admin is told', async () => {
    const { context, page } = await app.open();
    await page.addInitScript(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await page.goto(app.at('exchange-2003'));
    await ready(page);
    const value = page.locator('[data-step="general-smart-host"] .sha-value');
    await value.getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('#sha-announcer').textContent.includes('press Ctrl+C'));
    assert.equal(await page.evaluate(() => String(window.getSelection())), 'outbound.mailroute.net');
    await context.close();
});

test('the whole checklist works from the keyboard, including reset', async () => {
    const { context, page } = await app.visit();
    await page.locator('#step-register-ip-done').focus();
    await page.keyboard.press('Space');
    assert.equal(await progressText(page), '1 of 13 steps done');
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(focusVisible, 'none', 'the focused check box shows a focus outline');

    // The check box follows the instructions it confirms; the folded step's details are
    // before them, and Enter opens them again.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Details: Register your sending servers with MailRoute');
    assert.equal(await page.locator('#step-register-ip-body').isVisible(), false);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#step-register-ip-body').isVisible(), true);

    await page.getByRole('button', { name: 'Reset progress' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel', 'focus moves into the confirmation');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal(await progressText(page), '0 of 13 steps done');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reset progress');
    assert.match(await page.locator('#sha-announcer').textContent(), /Progress cleared/);
    await context.close();
});

test('typing keeps the cursor in the field while messages come and go, and a fix is one click', async () => {
    const { context, page } = await app.visit();
    const hosts = page.getByRole('textbox', { name: 'Smart host' });
    await hosts.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('outbound.mailroute.net; 203.0.113.9');
    assert.equal(await hosts.inputValue(), 'outbound.mailroute.net; 203.0.113.9');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'smart-hosts');
    const problem = page.locator('#smart-hosts-problem');
    assert.match(await problem.textContent(), /Entry 2 \(203\.0\.113\.9\): Exchange 2003 needs an IP address in square brackets/);
    assert.equal(await hosts.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('[data-step="general-smart-host"]').textContent(), /correct the smart host\)/);

    await problem.getByRole('button', { name: 'Use [203.0.113.9]' }).click();
    assert.equal(await hosts.inputValue(), 'outbound.mailroute.net, [203.0.113.9]');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'smart-hosts', 'focus returns to the field');
    assert.equal(await hosts.getAttribute('aria-invalid'), 'false');
    // An address is not MailRoute's host: the step offers it only once the admin confirms it.
    assert.match(await page.locator('[data-step="general-smart-host"]').textContent(), /confirm the smart host\)/);
    await page.locator('#smart-hosts-confirm').check();
    assert.equal(await page.locator('[data-step="general-smart-host"] code').textContent(), 'outbound.mailroute.net, [203.0.113.9]');
    assert.match(await page.locator('#sha-announcer').textContent(), /Smart host changed to/);
    await context.close();
});

test('axe finds no accessibility violation, at the start or when every step is done', async () => {
    const { context, page } = await app.visit();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('textbox', { name: 'Bridgehead server' }).fill('203.0.113.9');
    assert.deepEqual(await axeViolations(page), [], 'with a field error showing');
    await page.getByRole('textbox', { name: 'Bridgehead server' }).fill('EXCH01');
    const boxes = page.locator('.sha-step-done input');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    assert.match(await progressText(page), /^All 13 steps done/);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('a page whose storage holds garbage still renders, says so once, and keeps the data aside', async () => {
    const { context, page } = await app.open();
    await page.goto(app.at('exchange-2003'));
    // Once the app has saved its first state, so that the garbage is not written over.
    await page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('{"format":"smarthost-assistant"'), STORAGE_KEY);
    await page.evaluate((key) => localStorage.setItem(key, 'smarthost-assistant 1\nconnector=\u0000sideways'), STORAGE_KEY);
    await page.reload();
    await ready(page);
    const alert = page.getByRole('alert');
    assert.match(await alert.textContent(), /could not be read/);
    assert.equal(await page.locator('.sha-step').count(), 13);
    assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}.unreadable`), STORAGE_KEY), 'smarthost-assistant 1\nconnector=\u0000sideways');

    await page.locator('#step-register-ip-done').check();
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByRole('alert').count(), 0, 'said once: the new state saved cleanly');
    assert.equal(await progressText(page), '1 of 13 steps done');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('where the browser refuses storage, the app works and says progress will not be saved', async () => {
    const { context, page } = await app.open();
    await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
            get() {
                throw new DOMException('The operation is insecure.', 'SecurityError');
            },
        });
    });
    await page.goto(app.at('exchange-2003'));
    await ready(page);
    assert.match(await page.getByRole('alert').textContent(), /will be lost/);
    await page.getByRole('textbox', { name: 'Bridgehead server' }).fill('EXCH01');
    await page.locator('#step-register-ip-done').check();
    assert.equal(await progressText(page), '1 of 13 steps done');
    assert.equal(await page.getByRole('textbox', { name: 'Bridgehead server' }).inputValue(), 'EXCH01');
    assert.equal(await page.getByRole('alert').count(), 1, 'said once');
    assert.deepEqual(page.errors, []);
    await context.close();
});
