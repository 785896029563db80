// Did it work? The last step's header check and error explainer, as the admin uses them:
// paste a test message's header or a bounce, read the verdict and the hops, and follow the
// link to the step that fixes what is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, field, ready, axeViolations, choosePlatform } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

const sample = (name) => readFileSync(new URL(`../samples/headers/${name}.txt`, import.meta.url), 'utf8');

test('a header routed through MailRoute passes, with every hop in order', async () => {
    const { context, page } = await app.visit();
    await field(page, 'Header of the test message').fill(sample('gmail-via-mailroute'));
    const report = page.locator('#test-header-report');
    await report.locator('.sha-lines').waitFor();
    const text = await report.textContent();
    assert.match(text, /Passed: The message left through MailRoute: gw3\.lax01\.mailroute\.net \[199\.89\.3\.41\] handed it to mx\.google\.com \(hop 3\)/);
    assert.match(text, /SPF passes for example\.com/);
    assert.match(text, /DKIM passes for example\.com, selector mr01/);
    const hops = await report.locator('.sha-lines li').allTextContents();
    assert.equal(hops.length, 4);
    assert.equal(hops[1], 'From mail.example.com [203.0.113.25] to gw3.lax01.mailroute.net (MailRoute); 2026-11-28 14:14:05 UTC; 2 s after the hop before; TLS.');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await axeViolations(page), [], 'with a result shown');

    await page.reload();
    await ready(page);
    assert.equal(await field(page, 'Header of the test message').inputValue(), sample('gmail-via-mailroute'), 'the header is kept');
    await page.getByRole('button', { name: 'Check the header' }).click();
    await report.locator('.sha-lines').waitFor();
    await context.close();
});

test('a message sent direct names the cause and links to the step that fixes it', async () => {
    const { context, page } = await app.visit();
    await field(page, 'Header of the test message').fill(sample('gmail-direct'));
    const report = page.locator('#test-header-report');
    const direct = report.locator('li', { hasText: 'went direct' });
    await direct.waitFor();
    const link = direct.getByRole('link');
    assert.equal(await link.textContent(), 'Step 8: General tab: forward all mail to MailRoute');
    await link.click();
    assert.equal(new URL(page.url()).hash, '#step-general-smart-host');
    const { top, bottom, height } = await page.evaluate(() => {
        const box = document.querySelector('#step-general-smart-host').getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, height: window.innerHeight };
    });
    assert.ok(top > -1 && bottom <= height, `the step is on screen (${top} to ${bottom} of ${height})`);
    const spf = report.locator('li', { hasText: 'SPF fails' });
    assert.equal(await spf.getByRole('link').textContent(), 'Step 2: Let MailRoute send for your domain (SPF)');
    await context.close();
});

test('an error is explained with its step, and an unknown one is called unrecognised', async () => {
    const { context, page } = await app.visit();
    await choosePlatform(page, 'exchange-2016');
    await ready(page);
    const error = field(page, 'Error message');
    await error.fill('gw18.lax01.mailroute.net #554 5.7.1 <tester@gmail.com>: Relay access denied ##');
    const report = page.locator('#error-text-report');
    const relay = report.locator('li', { hasText: 'refused to relay' });
    await relay.waitFor();
    assert.equal(await relay.getByRole('link').textContent(), 'Step 1: Register your sending servers with MailRoute');
    assert.match(await report.textContent(), /5\.7\.1: a permanent failure/);

    await error.fill('552 5.3.4 Message size exceeds fixed maximum message size');
    await report.locator('li', { hasText: 'Warning: Not recognised' }).waitFor();
    assert.match(await report.textContent(), /the message is larger than the system accepts/);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
});

const bounce = (name) => readFileSync(new URL(`../samples/bounces/${name}.txt`, import.meta.url), 'utf8');

/** A visit on `platform` with the sample bounce `name` pasted into the box labelled
 * `label`; the box's report with it. */
async function pasted(platform, label, name) {
    const { context, page } = await app.visit();
    await choosePlatform(page, platform);
    await ready(page);
    await field(page, label).fill(bounce(name));
    const report = page.locator(`#${await field(page, label).getAttribute('id')}-report`);
    return { context, page, report };
}

test('a 2010 bounce pasted into the header box, the original header inside it, leads to registering, not to the smart host', async () => {
    const { context, page, report } = await pasted('exchange-2010', 'Header of the test message', 'exchange-2010-mailroute-relay-denied');
    const relay = report.locator('li', { hasText: 'MailRoute refused to relay' });
    await relay.waitFor();
    assert.equal(await relay.getByRole('link').textContent(), 'Step 1: Register your sending servers with MailRoute');
    const text = await report.textContent();
    assert.match(text, /reads as a bounce/);
    assert.doesNotMatch(text, /went direct/);
    assert.equal(await report.locator('.sha-lines li').count(), 0, 'no hops read from the quoted header');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('an Exchange Online 5.4.316 gives no on-premises advice', async () => {
    const { context, page, report } = await pasted('exchange-online', 'Error message', 'exchange-online-4-4-316');
    await report.locator('li', { hasText: 'Exchange Online could not connect' }).waitFor();
    const text = await report.textContent();
    for (const onPremises of [/port 25/, /ISP/, /Outbound Servers/, /Register/, /firewall/]) {
        assert.doesNotMatch(text, onPremises);
    }
    await context.close();
});

test('a header over the limit is refused next to the box, and the one before stays', async () => {
    const { context, page } = await app.visit();
    const header = field(page, 'Header of the test message');
    await header.fill(sample('gmail-direct'));
    await header.fill('x'.repeat(72000));
    await page.locator('#test-header-refused').getByText(/That was 72000 characters; the header takes at most 65536/).waitFor();
    assert.equal(await header.inputValue(), sample('gmail-direct'));
    await context.close();
});

/** Records every request the page sends the tools module from now on: the page asks for the
 * module through the loader each time (src/ui/tools.rs), so a wrapper in its place sees them. */
async function recordRequests(page) {
    await page.evaluate(() => {
        const loaded = globalThis.smarthostAssistant.tools();
        window.requests = [];
        globalThis.smarthostAssistant.tools = () => ({
            call(request) {
                window.requests.push(request);
                return loaded.call(request);
            },
        });
    });
    return async () => page.evaluate(() => window.requests.splice(0).map((request) => [Object.keys(JSON.parse(request))[0], request.length]));
}

test('with a long header and a bounce pasted, a keystroke elsewhere runs no check and sends no evidence to the tools module', async () => {
    const { context, page } = await app.visit();
    const header = `${sample('gmail-via-mailroute')}${'X-Filler: padding to make the header long\n'.repeat(1400)}`;
    // Pasted in one piece, as a paste is (typing 1,400 lines into the box would take minutes).
    await page.locator('#test-header').evaluate((box, text) => {
        box.value = text;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, header);
    await page.locator('#test-header-report .sha-lines').waitFor();
    await field(page, 'Error message').fill('gw3.lax01.mailroute.net #554 5.7.1 Relay access denied ##');
    await page.locator('#error-text-report .sha-findings li').first().waitFor();
    // The paste loaded the tools module: the files are shown.
    await page.locator('.sha-file-actions').first().waitFor();
    const requests = await recordRequests(page);
    const name = field(page, 'Connector name');
    await name.fill('Outbound via MailRoute');
    await name.press('End');
    await page.keyboard.type(' 2');
    const afterTyping = await requests();
    assert.ok(afterTyping.length > 0, 'the files are made again for the new name');
    assert.deepEqual(afterTyping.filter(([kind]) => kind === 'Check'), [], 'no check runs for a keystroke in another field');
    assert.ok(afterTyping.every(([, length]) => length < 2000), `no request carries the pasted header: ${JSON.stringify(afterTyping)}`);
    assert.match(await page.locator('.sha-checklist').textContent(), /Outbound via MailRoute 2/);
    assert.ok(afterTyping.some(([kind]) => kind === 'Offers'), 'the files follow the name');
    // A change of the header itself runs its check once, with its own text.
    await field(page, 'Header of the test message').press('End');
    await page.keyboard.type('X');
    const afterHeader = await requests();
    assert.deepEqual(afterHeader.filter(([kind]) => kind === 'Check').length, 1, JSON.stringify(afterHeader));
    assert.deepEqual(afterHeader.filter(([kind]) => kind !== 'Check'), [], 'the files do not read the header');
    assert.deepEqual(page.errors, []);
    await context.close();
});
