// Measures the release build in Chromium: how long until the checklist is on screen, how long
// the files take to appear when asked for (the tools module loads then), and how long each
// keystroke takes to render (every keystroke re-validates, re-renders the page and, with the
// files shown, regenerates every file). Run after scripts/build.sh:
// node scripts/bench.mjs [keystrokes]
import { start } from '../tests/e2e/harness.mjs';

const keystrokes = Number(process.argv[2] ?? 200);
const loads = 10;
const app = await start();
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

const firstRender = [];
for (let i = 0; i < loads; i++) {
    const { context, page } = await app.open();
    await page.goto(app.url);
    await page.locator('.sha-step').first().waitFor();
    firstRender.push(await page.evaluate(() => performance.now()));
    await context.close();
}

const { context, page } = await app.open();
await page.goto(app.url);
await page.locator('.sha-step').first().waitFor();
for (const [name, value] of [['Bridgehead server', 'EXCH01'], ['Active Directory domain', 'corp.example.com'], ['Exchange organization', 'Contoso']]) {
    await page.getByRole('textbox', { name, exact: true }).fill(value);
}
const filesShown = await page.evaluate(async () => {
    const begin = performance.now();
    document.getElementById('sha-show-files').click();
    while (!document.querySelector('.sha-file')) await new Promise((done) => setTimeout(done, 1));
    return performance.now() - begin;
});
// In the page: type into the connector name one character at a time, timing each input
// event until the step that quotes the name shows the new value.
const perKey = await page.evaluate(async (count) => {
    const input = document.getElementById('connector-name');
    const shown = () => document.querySelector('[data-step="general-name"] code')?.textContent;
    const times = [];
    for (let i = 0; i < count; i++) {
        const value = `All Outgoing Email ${i}`;
        const rendered = new Promise((done) => {
            const observer = new MutationObserver(() => {
                if (shown() === value) {
                    observer.disconnect();
                    done();
                }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        const begin = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await rendered;
        times.push(performance.now() - begin);
    }
    return times;
}, keystrokes);
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
await context.close();
await app.close();

const ms = (value) => `${value.toFixed(1)} ms`;
console.log(`first render (navigation start to checklist), ${loads} loads: median ${ms(percentile(firstRender, 0.5))}, p90 ${ms(percentile(firstRender, 0.9))}`);
console.log(`files asked for to files shown (the tools module loads): ${ms(filesShown)}`);
console.log(`keystroke to rendered value, ${keystrokes} keystrokes: median ${ms(percentile(perKey, 0.5))}, p95 ${ms(percentile(perKey, 0.95))}, max ${ms(Math.max(...perKey))}`);
console.log(`JavaScript heap after typing: ${(heap / 1024 / 1024).toFixed(1)} MB`);
