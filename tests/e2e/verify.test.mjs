// Did it work? The last step's header check and error explainer, as the admin uses them:
// paste a test message's header or a bounce, read the verdict and the hops, and follow the
// link to the step that fixes what is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, ready, axeViolations } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

const sample = (name) => readFileSync(new URL(`../samples/headers/${name}.txt`, import.meta.url), 'utf8');
const box = (page, name) => page.getByRole('textbox', { name, exact: true });

test('a header routed through MailRoute passes, with every hop in a table', async () => {
    const { context, page } = await app.visit();
    await box(page, 'Header of the test message').fill(sample('gmail-via-mailroute'));
    const report = page.locator('#test-header-report');
    await report.locator('table').waitFor();
    const text = await report.textContent();
    assert.match(text, /Passed: The message left through MailRoute: gw3\.lax01\.mailroute\.net \[199\.89\.3\.41\] handed it to mx\.google\.com \(hop 3\)/);
    assert.match(text, /SPF passes for example\.com/);
    assert.match(text, /DKIM passes for example\.com, selector mr01/);
    const rows = await report.locator('tbody tr').allTextContents();
    assert.equal(rows.length, 4);
    assert.match(rows[1], /mail\.example\.com.*gw3\.lax01\.mailroute\.net \(MailRoute\).*2026-11-28 14:14:05 UTC.*2 s.*TLS/);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await axeViolations(page), [], 'with a result shown');

    await page.reload();
    await ready(page);
    assert.equal(await box(page, 'Header of the test message').inputValue(), sample('gmail-via-mailroute'), 'the header is kept');
    await page.getByRole('button', { name: 'Check the header' }).click();
    await report.locator('table').waitFor();
    await context.close();
});

test('a message sent direct names the cause and links to the step that fixes it', async () => {
    const { context, page } = await app.visit();
    await box(page, 'Header of the test message').fill(sample('gmail-direct'));
    const report = page.locator('#test-header-report');
    const direct = report.locator('li', { hasText: 'went direct' });
    await direct.waitFor();
    const link = direct.getByRole('link');
    assert.equal(await link.textContent(), 'Step 7: General tab: forward all mail to MailRoute');
    await link.click();
    assert.equal(new URL(page.url()).hash, '#step-general-smart-host');
    const top = await page.evaluate(() => document.querySelector('#step-general-smart-host').getBoundingClientRect().top);
    assert.ok(top >= 0 && top < (await page.evaluate(() => window.innerHeight)), `the step is on screen (top ${top})`);
    const spf = report.locator('li', { hasText: 'SPF fails' });
    assert.equal(await spf.getByRole('link').textContent(), 'Step 2: Let MailRoute send for your domain (SPF)');
    await context.close();
});

test('an error is explained with its step, and an unknown one is called unrecognised', async () => {
    const { context, page } = await app.visit();
    await page.getByLabel('Your mail platform').selectOption('exchange-2016');
    await ready(page);
    const error = box(page, 'Error message');
    await error.fill("Remote Server returned '554 5.7.1 <tester@gmail.com>: Relay access denied'");
    const report = page.locator('#error-text-report');
    const relay = report.locator('li', { hasText: 'refused to relay' });
    await relay.waitFor();
    assert.equal(await relay.getByRole('link').textContent(), 'Step 1: Register this server with MailRoute');
    assert.match(await report.textContent(), /5\.7\.1: a permanent failure/);

    await error.fill('552 5.3.4 Message size exceeds fixed maximum message size');
    await report.getByText(/^Not recognised/).waitFor();
    assert.match(await report.textContent(), /the message is larger than the system accepts/);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

test('a header over the limit is refused next to the box, and the one before stays', async () => {
    const { context, page } = await app.visit();
    const header = box(page, 'Header of the test message');
    await header.fill(sample('gmail-direct'));
    await header.fill('Received: x\n'.repeat(6000));
    await page.getByText(/That was 72000 characters; the header takes at most 65536/).waitFor();
    assert.equal(await header.inputValue(), sample('gmail-direct'));
    await context.close();
});
