// A new release is deployed while an admin has the assistant open: the tab goes on working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ready } from './harness.mjs';

/** Deploys "the next release" over `folder`: the loader and the tools module get new names,
 * as content hashes would give them, and the old files are gone from the host. A file
 * written anew has no Brotli copy beside it (the server then sends gzip), so that no old
 * copy is served in its place. */
async function deployNextRelease(folder) {
    const files = await readdir(folder);
    const loader = files.find((file) => /^assistant-[A-Z0-9]+\.js$/.test(file));
    const tools = files.find((file) => /^tools-[0-9a-f]+\.wasm$/.test(file));
    const [nextLoader, nextTools] = ['assistant-NEXTRELEASE.js', 'tools-0123456789abcdef.wasm'];
    await rename(join(folder, tools), join(folder, nextTools));
    await rename(join(folder, `${tools}.br`), join(folder, `${nextTools}.br`));
    const code = (await readFile(join(folder, loader), 'utf8')).replaceAll(tools, nextTools);
    await writeFile(join(folder, nextLoader), code);
    await rm(join(folder, loader));
    await rm(join(folder, `${loader}.br`));
    const pages = Object.keys(JSON.parse(await readFile(join(folder, 'first-load.json'), 'utf8')));
    for (const page of [...pages, 'sw.js']) {
        const text = (await readFile(join(folder, page), 'utf8')).replaceAll(loader, nextLoader).replace(/smarthost-assistant-[0-9a-f]{16}/, 'smarthost-assistant-nextrelease0000');
        await writeFile(join(folder, page), text);
        await rm(join(folder, `${page}.br`));
    }
}

test('a new release deployed while a tab is open: the tab reloads into it once, with the values kept', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'smarthost-release-'));
    await cp('dist', folder, { recursive: true });
    const app = await start({ root: folder });
    try {
        const { context, page } = await app.visit();
        await page.getByRole('textbox', { name: 'Bridgehead server', exact: true }).fill('EXCH01');
        await page.locator('#step-register-ip-done').check();
        await page.evaluate(() => navigator.serviceWorker.ready);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

        await deployNextRelease(folder);
        const reloaded = page.waitForEvent('load');
        await page.getByRole('button', { name: 'Show the files for my values' }).click();
        await reloaded;
        await ready(page);
        assert.match(await page.evaluate(() => document.querySelector('script[src]').src), /assistant-NEXTRELEASE\.js$/, 'the new release');
        assert.equal(await page.getByRole('textbox', { name: 'Bridgehead server', exact: true }).inputValue(), 'EXCH01');
        assert.equal(await page.locator('#step-register-ip-done').isChecked(), true);

        await page.getByRole('button', { name: 'Show the files for my values' }).click();
        await page.locator('.sha-file h3').first().waitFor();
        assert.ok(app.requests.includes('/tools-0123456789abcdef.wasm'), 'the tools come from the new release');
        await context.close();
    } finally {
        await app.close();
        await rm(folder, { recursive: true, force: true });
    }
});
