// How a first visit's page lays out, in headless Chromium: for Exchange 2003, 2010 and
// Microsoft 365 at 1280×800 and 390×844, the page's height, where step 1 starts, whether
// anything overflows sideways, how many Tab presses from the top reach the first control of
// a script, and, once the admin has answered the connector question, typed the values the
// files wait for and asked for the files, where the first file's Download button is and the
// page's height then. Run after scripts/build.sh:
//
//   node scripts/layout.mjs [name=folder[:query]] ...
//
// With no build named, it measures dist/ on each platform's own page. A build without
// per-platform pages is opened at its root with `?platform=` (give `:query` to say so):
//
//   node scripts/layout.mjs change=dist main=/tmp/main/dist:query
import { launch } from '../tests/e2e/harness.mjs';
import { serve } from './static-server.mjs';

const builds = (process.argv.slice(2).length ? process.argv.slice(2) : ['this=dist']).map((arg) => {
    const [name, rest] = arg.split('=');
    const [folder, mode = 'pages'] = rest.split(':');
    return { name, folder, mode };
});
const PLATFORMS = ['exchange-2003', 'exchange-2010', 'exchange-online'];
// What the files wait for, typed where the page asks for it.
const TYPED = [
    ['Active Directory domain', 'hartwell.local'],
    ['Exchange organization', 'Hartwell Law'],
    ['Bridgehead server', 'MAIL01'],
    ['Source servers', 'EXCH01'],
];
const SIZES = [
    [1280, 800],
    [390, 844],
];

const browser = await launch();
const rows = [];
for (const build of builds) {
    const server = await serve({ root: build.folder });
    const root = `http://127.0.0.1:${server.address().port}/`;
    for (const platform of PLATFORMS) {
        for (const [width, height] of SIZES) {
            const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
            const page = await context.newPage();
            await page.goto(build.mode === 'query' ? `${root}?platform=${platform}` : `${root}${platform}/`);
            await page.locator('.sha-step').first().waitFor();
            await page.waitForFunction(() => document.querySelector('main[data-started]') || !document.querySelector('[data-platform]'));
            const measured = await page.evaluate(() => ({
                height: document.documentElement.scrollHeight,
                step1: Math.round(document.querySelector('.sha-step').getBoundingClientRect().top + scrollY),
                overflow: document.documentElement.scrollWidth > innerWidth,
            }));
            // Tab from the top until the focus is on a control of a script: in a file's card
            // or among the scripts.
            await page.evaluate(() => document.activeElement?.blur());
            let tabs = 0;
            for (; tabs < 300; tabs++) {
                const there = await page.evaluate(() => Boolean(document.activeElement?.closest('.sha-files, .sha-file')));
                if (there) break;
                await page.keyboard.press('Tab');
            }
            // As an admin with the files: the connector answered, the values typed, the files asked for.
            await page.evaluate(() => scrollTo(0, 0));
            const create = page.locator('#connector-new');
            if (await create.count()) await create.check();
            await page.getByRole('button', { name: 'Show the files for my values' }).click();
            await page.locator('.sha-file-actions').first().waitFor({ timeout: 5000 }).catch(() => {});
            for (const [name, value] of TYPED) {
                const box = page.getByRole('textbox', { name, exact: true });
                if (await box.count()) await box.fill(value);
            }
            await page.locator('.sha-file-actions').first().waitFor();
            const files = await page.evaluate(() => ({
                download: Math.round(Math.min(...[...document.querySelectorAll('button')]
                    .filter((button) => /^Download (?!all)/.test(button.textContent))
                    .map((button) => button.getBoundingClientRect().top + scrollY))),
                height: document.documentElement.scrollHeight,
            }));
            rows.push({
                build: build.name,
                platform,
                viewport: `${width}×${height}`,
                'page height': `${measured.height} px`,
                'step 1 at': `${measured.step1} px`,
                'in the first screen': measured.step1 < height ? 'yes' : 'no',
                'sideways overflow': measured.overflow ? 'yes' : 'no',
                'Tabs to a script': tabs,
                'first Download at': `${files.download} px`,
                'height with files': `${files.height} px`,
            });
            await context.close();
        }
    }
    server.close();
}
await browser.close();
console.table(rows);
