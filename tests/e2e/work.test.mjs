// The work where the admin is (issue #23): each file in the step that uses it, a printed
// runbook that carries the procedure, a shared link that opens as a read-only preview, the
// smart host's typo path, the test's verdict kept in view, and the steps as headings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, field, ready, progressText, axeViolations, STORAGE_KEY } from './harness.mjs';

let app;
before(async () => {
    app = await start();
});
after(async () => {
    await app?.close();
});

const header = readFileSync(new URL('../samples/headers/gmail-via-mailroute.txt', import.meta.url), 'utf8');

async function download(page, within, name) {
    const [file] = await Promise.all([page.waitForEvent('download'), within.getByRole('button', { name: `Download ${name}` }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('the backup file is made and downloaded inside the backup step, on Exchange 2003 and 2016', async () => {
    // 2003: the value it needs is asked beside it, and it needs no answer to the question after.
    const { context, page } = await app.first('exchange-2003');
    const step = page.locator('[data-step="backup-connectors"]');
    await step.getByRole('textbox', { name: 'Active Directory domain', exact: true }).fill('hartwell.local');
    await step.getByRole('button', { name: 'Make it from my values: backup-smtp-connectors.cmd' }).click();
    await step.getByRole('button', { name: 'Download backup-smtp-connectors.cmd' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'card-backup-smtp-connectors.cmd', 'the keyboard stays at the file');
    const backup = await download(page, step, 'backup-smtp-connectors.cmd');
    assert.equal(backup.name, 'backup-smtp-connectors.cmd');
    const text = backup.bytes.toString('utf8');
    assert.match(text, /ldifde/);
    assert.match(text, /DC=hartwell,DC=local/);
    assert.ok(!/[^\r]\n/.test(text), 'CRLF line endings');
    // The way back's file is in "If something goes wrong".
    assert.equal(await page.locator('#sha-undo [data-file^="rollback-"]').count(), 1);
    await context.close();

    // 2016: the script that saves the connectors first, made once the question is answered.
    const later = await app.first('exchange-2016');
    await later.page.locator('#connector-new').check();
    await field(later.page, 'Source servers').fill('EX01');
    const laterStep = later.page.locator('[data-step="backup-connectors"]');
    await laterStep.getByRole('button', { name: 'Make it from my values: configure-mailroute-send-connector.ps1' }).click();
    const script = await download(later.page, laterStep, 'configure-mailroute-send-connector.ps1');
    assert.deepEqual([...script.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte order mark');
    assert.match(script.bytes.toString('utf8'), /Export-Clixml/);
    assert.deepEqual(later.page.errors, []);
    await later.context.close();
});

/** Text with its whitespace folded, and none before punctuation: a copyable value prints
 * as a box of its own, a space apart from what follows it. */
const folded = (text) => text.replace(/\s+/g, ' ').replace(/ ([,.;:)])/g, '$1').trim();

/** The text of the page printed as a PDF, folded, and its number of pages. */
async function printed(page, folder, name) {
    const pdf = join(folder, `${name}.pdf`);
    await page.pdf({ path: pdf });
    const text = folded(execFileSync('pdftotext', ['-layout', pdf, '-']).toString());
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())[1]);
    return { text, pages };
}

test('a runbook printed with every step ticked holds every step\'s instructions, as long as an unticked one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'smarthost-work-'));
    for (const [platform, fill] of [
        ['exchange-2003', { 'Bridgehead server': 'MAIL01', 'Active Directory domain': 'hartwell.local', 'Exchange organization': 'Hartwell Law' }],
        ['exchange-2016', { 'Source servers': 'EX01, EX02' }],
    ]) {
        const { context, page } = await app.first(platform);
        await page.locator('#connector-new').check();
        await page.locator('details.sha-values > summary').click();
        for (const [name, value] of Object.entries(fill)) await field(page, name).fill(value);
        await page.evaluate(() => {
            window.print = () => (window.printed = (window.printed ?? 0) + 1);
        });
        await page.getByRole('button', { name: 'Print runbook' }).click();
        await page.waitForFunction(() => window.printed === 1);
        await page.emulateMedia({ media: 'print' });
        const unticked = await printed(page, folder, `${platform}-unticked`);
        await page.emulateMedia({ media: null });

        for (const box of await page.locator('.sha-step-done input').all()) await box.check();
        assert.match(await progressText(page), /^All \d+ steps done/);
        await page.emulateMedia({ media: 'print' });
        const ticked = await printed(page, folder, `${platform}-ticked`);
        assert.equal(ticked.pages, unticked.pages, `${platform}: as long ticked as unticked`);
        // Every step's instructions, whatever its check mark.
        const instructions = await page.locator('.sha-step-body > p:first-child').evaluateAll((all) =>
            all.map((p) => {
                const copy = p.cloneNode(true);
                for (const button of copy.querySelectorAll('button')) button.remove();
                return copy.textContent;
            }),
        );
        assert.ok(instructions.length >= 8, `${platform}: ${instructions.length} steps read`);
        for (const words of instructions) assert.ok(ticked.text.includes(folded(words)), `${platform}: "${words}"`);
        if (platform === 'exchange-2016') {
            // Only this platform's values, and the command's parameters unbroken.
            for (const label of ['Administrative group', 'Routing group', 'SMTP virtual server', 'Active Directory domain']) {
                assert.ok(!ticked.text.includes(label), `2016: no ${label}`);
            }
            const command = await page.locator('.sha-shell code').first().textContent();
            const parameters = command.match(/ -[A-Z][A-Za-z]+/g);
            assert.ok(parameters.length >= 4, command);
            for (const parameter of parameters) assert.ok(ticked.text.includes(parameter), `2016: ${parameter} intact`);
        }
        assert.deepEqual(page.errors, []);
        await context.close();
    }
});

test('a shared link opens as a read-only preview of the sender\'s platform and path, until Apply', async () => {
    const sender = await app.first('exchange-2010');
    await sender.page.locator('#connector-existing').check();
    await field(sender.page, 'Connector name').fill('Internet Mail');
    await sender.page.getByRole('button', { name: 'Make a link to these values' }).click();
    const link = await sender.page.locator('#share-link').textContent();
    await sender.context.close();

    // A colleague who works on Exchange 2003 here.
    const colleague = await app.first('exchange-2003');
    const { page } = colleague;
    await field(page, 'Bridgehead server').fill('MAIL01');
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('MAIL01'), STORAGE_KEY);
    await page.goto(link);
    await ready(page);
    const banner = page.getByRole('region', { name: 'Values to review' });
    await banner.waitFor();
    assert.equal(await page.locator('.sha-platform').getAttribute('data-platform'), 'exchange-2010');
    assert.equal(await page.locator('[data-step="open-send-connector"]').count(), 1, "the sender's path: their existing connector");
    assert.match(await page.locator('.sha-steps').textContent(), /Internet Mail/);
    assert.notEqual(await page.locator('.sha-body').getAttribute('inert'), null, 'read-only');
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    assert.ok(stored.includes('MAIL01') && !stored.includes('Internet Mail') && !stored.includes('existing'), `nothing of theirs saved: ${stored}`);
    assert.deepEqual(await axeViolations(page), []);

    await banner.getByRole('button', { name: 'Apply these values' }).click();
    assert.equal(await page.locator('.sha-body').getAttribute('inert'), null);
    assert.equal(await page.locator('[data-step="open-send-connector"]').count(), 1);
    assert.deepEqual(page.errors, []);
    await colleague.context.close();
});

test('the smart host\'s typo path: at the field, in the step and above the files', async () => {
    const { context, page } = await app.first('exchange-2016');
    await page.locator('#connector-new').check();
    await field(page, 'Source servers').fill('EX01');
    await page.locator('details.sha-values > summary').click();
    await field(page, 'Smart host').fill('outbound.mailrout.net');
    // At the field: what is wrong and what MailRoute's host is, never "not MailRoute's".
    const problem = await page.locator('#smart-hosts-problem').textContent();
    assert.match(problem, /Did you mean outbound\.mailroute\.net\? outbound\.mailrout\.net: it is one or two letters away/);
    assert.match(problem, /MailRoute's host is outbound\.mailroute\.net/);
    assert.doesNotMatch(problem, /Not MailRoute's/);
    // The confirmation is a check box of its own size, its label beside it.
    const box = await page.locator('#smart-hosts-confirm').boundingBox();
    const label = await page.locator('label[for="smart-hosts-confirm"]').boundingBox();
    assert.ok(box.width < 30, `the box is ${box.width} px wide`);
    assert.ok(label.x - (box.x + box.width) < 20 && Math.abs(label.y - box.y) < 20, 'the label is beside it');

    // In the step: no host to copy, and the confirmation where the alert asks for it.
    const step = page.locator('[data-step="network-settings"]');
    assert.match(await step.textContent(), /\(confirm the smart host\)/);
    assert.equal(await step.locator('.sha-value code', { hasText: 'mailrout.net' }).count(), 0);
    assert.equal(await step.locator('.sha-smart-host-alert input[type="checkbox"]').count(), 1);

    // Above the files: the one-click fix keeps the admin where they are.
    await page.getByRole('button', { name: 'Show the files for my values' }).click();
    const files = page.locator('.sha-files .sha-smart-host-alert');
    await files.waitFor();
    await files.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => scrollY);
    await files.getByRole('button', { name: 'Use outbound.mailroute.net' }).click();
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sha-files-title');
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - before) < 400, 'the page stays where it was');

    // A slip beside another host: only the slip changes, and the button says what it keeps.
    await field(page, 'Smart host').fill('outbound.mailrout.net, relay.example.net');
    await page.getByRole('button', { name: 'Use outbound.mailroute.net in place of outbound.mailrout.net, keeping relay.example.net' }).first().click();
    assert.equal(await field(page, 'Smart host').inputValue(), 'outbound.mailroute.net, relay.example.net');
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('the steps are headings, each check box follows its instructions, and the test\'s verdict stays', async () => {
    const { context, page } = await app.first('exchange-2003');
    const titles = await page.locator('.sha-step-title').allTextContents();
    const headings = await page.getByRole('heading', { level: 3 }).allTextContents();
    for (const title of titles) assert.ok(headings.some((heading) => heading.endsWith(title)), `heading navigation reaches "${title}"`);
    const after = await page.locator('.sha-step').evaluateAll((steps) =>
        steps.every((step) => step.querySelector('.sha-step-body').compareDocumentPosition(step.querySelector('.sha-step-done input')) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    assert.ok(after, 'each check box comes after its instructions');

    // A passing header: the live region says the verdict in at most 25 words.
    await field(page, 'Header of the test message').fill(header);
    const live = page.locator('#step-test-mail-body [aria-live="polite"]').first();
    await page.waitForFunction((element) => element.textContent.length > 0, await live.elementHandle());
    const said = (await live.textContent()).trim();
    assert.match(said, /^Passed: The message left through MailRoute/);
    assert.ok(said.split(/\s+/).length <= 25, said);
    assert.ok(await page.locator('#test-header-report .sha-lines').isVisible(), 'the full report stays on the page');

    // Ticked, the step folds but its verdict stays, and the progress line states it.
    for (const box of await page.locator('.sha-step-done input').all()) await box.check();
    assert.equal(await page.locator('#test-header-report').isVisible(), false);
    assert.ok(await live.isVisible(), 'the verdict stays in view');
    assert.match(await progressText(page), /^All 13 steps done\. The test message's check: Passed: The message left through MailRoute/);
    for (const theme of ['light', 'dark']) {
        await page.getByLabel('Theme').selectOption(theme);
        assert.deepEqual(await axeViolations(page), [], theme);
    }
    assert.deepEqual(page.errors, []);
    await context.close();
});

test('Microsoft 365\'s prerequisite is in "Before you start"', async () => {
    const { context, page } = await app.first('exchange-online');
    assert.match(await page.locator('#sha-before').textContent(), /MailRoute already filtering the domain's inbound mail: its MX record at mail\.mailroute\.net/);
    await context.close();
});
