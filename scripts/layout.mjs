// How a first visit's page lays out, in headless Chromium: for Exchange 2003, 2010 and
// Microsoft 365 at 1280×800 and 390×844, the page's height, where step 1 starts, whether
// anything overflows sideways, and how many Tab presses from the top reach the scripts (a
// link to them, or the first control among them). Run after scripts/build.sh:
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
            // Tab from the top until the focus is on a link to the scripts or inside them.
            await page.evaluate(() => document.activeElement?.blur());
            let tabs = 0;
            for (; tabs < 300; tabs++) {
                const there = await page.evaluate(() => {
                    const focused = document.activeElement;
                    return Boolean(focused?.closest('.sha-files') || focused?.getAttribute('href') === '#sha-files-title');
                });
                if (there) break;
                await page.keyboard.press('Tab');
            }
            rows.push({
                build: build.name,
                platform,
                viewport: `${width}×${height}`,
                'page height': `${measured.height} px`,
                'step 1 at': `${measured.step1} px`,
                'in the first screen': measured.step1 < height ? 'yes' : 'no',
                'sideways overflow': measured.overflow ? 'yes' : 'no',
                'Tabs to the scripts': tabs,
            });
            await context.close();
        }
    }
    server.close();
}
await browser.close();
console.table(rows);
