// What the admin waits for, measured in headless Chromium against release builds served
// gzipped on loopback (scripts/static-server.mjs), with no throttling and with Lighthouse's
// "Slow 4G" profile: 150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU slowed 4×.
//
//   node scripts/bench.mjs [visits] [name=folder[:page]] ...
//
// With no build named, it measures dist/ on Exchange 2016's page. With 0 visits, only the
// keystrokes. Name two to compare them
// in the same run, their visits taken in turn, for example this change's build against
// main's (a main without per-platform pages opens 2016 by its link):
//
//   node scripts/bench.mjs 7 change=dist:exchange-2016/ main=/tmp/main/dist:?platform=exchange-2016
//
// Each visit is a fresh profile with the service worker blocked, so that every file comes
// over the network. It reports medians over the visits:
//   - steps visible: the first paint that holds step text;
//   - interactive: the first moment an edit to the smart host shows in the steps;
//   - bytes: what the network carried until then (gzipped bodies and headers);
//   - JS heap once interactive;
//   - the take-over: from the first paint to the moment the app takes the pre-rendered page's
//     place, and what a value typed into the pre-rendered page at its first paint holds
//     after it;
// and keystrokes, with the CPU slowed 4×, over 200 edits of the connector name, p50 and p95:
// from an edit to the steps rendered with it, and to the frame that shows it (the next frame
// at best: the edits start at a frame), on the bare page, with the files shown, and with the
// files shown and a 64 KiB header and a 64 KiB bounce pasted.
import { readFileSync } from 'node:fs';
import { launch, SLOW_4G, throttle } from '../tests/e2e/harness.mjs';
import { serve } from './static-server.mjs';

const args = process.argv.slice(2);
const visits = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 7;
const builds = (args.length ? args : ['this=dist:exchange-2016/']).map((arg) => {
    const [name, rest] = arg.split('=');
    const [folder, page = 'exchange-2016/'] = rest.split(':');
    return { name, folder, page };
});
const EDITS = 200;

const PROFILES = {
    'no throttling': null,
    'Slow 4G': SLOW_4G,
};

// In the page, from before its first byte is parsed: when the steps are first painted, and
// when an edit to the smart host first shows in them. Probing edits the field every frame
// until the app answers; before the app runs, an edit changes nothing shown.
const TYPED = 'Typed at first paint';
const PROBE = (typed) => {
    const bench = (window.bench = { stepsVisible: null, interactive: null, takeOver: null, typed: null });
    let contentful = null;
    let stepsFrame = null;
    const settle = () => {
        if (bench.stepsVisible === null && contentful !== null && stepsFrame !== null) bench.stepsVisible = Math.max(contentful, stepsFrame);
    };
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') contentful = entry.startTime;
        settle();
    }).observe({ type: 'paint', buffered: true });
    const watch = new MutationObserver(() => {
        if (!document.querySelector('.sha-step')) return;
        watch.disconnect();
        requestAnimationFrame(() => {
            stepsFrame = performance.now();
            settle();
            // The admin types into the pre-rendered page as soon as it shows.
            const name = document.getElementById('connector-name');
            if (name && !document.querySelector('main[data-started]')) name.value = typed;
        });
    });
    watch.observe(document, { childList: true, subtree: true });
    const started = new MutationObserver(() => {
        if (!document.querySelector('main[data-started]')) return;
        started.disconnect();
        bench.takeOver = performance.now();
        bench.typed = document.getElementById('connector-name')?.value ?? null;
    });
    started.observe(document, { childList: true, subtree: true });
    // MailRoute's host in capitals: a change the steps show at once (a host that is not
    // MailRoute's would wait for its confirmation there).
    const value = 'OUTBOUND.MAILROUTE.NET';
    const probe = () => {
        if (document.querySelector('.sha-checklist')?.textContent.includes(value)) {
            bench.interactive = performance.now();
            return;
        }
        const input = document.getElementById('smart-hosts');
        if (input && input.value !== value) {
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        requestAnimationFrame(probe);
    };
    requestAnimationFrame(probe);
};

const median = (values) => percentile(values, 0.5);
function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const browser = await launch();
for (const build of builds) {
    build.server = await serve({ root: build.folder });
    build.url = `http://127.0.0.1:${build.server.address().port}/${build.page}`;
    build.results = {};
}

async function visit(build, profile) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await throttle(context, page, profile ?? { latency: 0, downloadThroughput: -1, uploadThroughput: -1, cpu: 1 });
    await cdp.send('Performance.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
        bytes += event.encodedDataLength;
    });
    await page.addInitScript(PROBE, TYPED);
    await page.goto(build.url);
    await page.waitForFunction(() => window.bench.interactive !== null && window.bench.stepsVisible !== null, null, { timeout: 60000 });
    const { stepsVisible, interactive, takeOver, typed } = await page.evaluate(() => window.bench);
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
    await context.close();
    return { stepsVisible, interactive, bytes, heap, takeOver: takeOver - stepsVisible, kept: typed === TYPED ? 1 : 0 };
}

const sample = (path) => readFileSync(new URL(`../tests/samples/${path}`, import.meta.url), 'utf8');
/** `text`, then lines of `filler`, to 64 KiB: the most a paste box takes. */
const toLimit = (text, filler) => `${text}${filler.repeat(Math.ceil((65536 - text.length) / filler.length))}`.slice(0, 65536);
const HEADER = toLimit(sample('headers/gmail-via-mailroute.txt'), 'X-Filler: a header line that a long test message carries\n');
const BOUNCE = toLimit(sample('bounces/exchange-2010-mailroute-relay-denied.txt'), '> a line of the original message, quoted in the bounce\n');

/** What the page holds while the connector name is edited. */
const CASES = {
    'bare page': async () => {},
    'files shown': async (page) => {
        await page.locator('#connector-new').check();
        await page.locator('#sha-show-files').click();
        // A file's card, made: in its step on this build, among the files on earlier ones.
        await page.locator('.sha-file h3').first().waitFor();
    },
    'files shown, 64 KiB header and bounce pasted': async (page) => {
        await CASES['files shown'](page);
        await page.locator('#test-header').fill(HEADER);
        await page.locator('#test-header-report .sha-lines').waitFor();
        await page.locator('#error-text').fill(BOUNCE);
        await page.locator('#error-text-report .sha-findings li').first().waitFor();
    },
};

/** From an edit of the connector name to the frame that shows it in the steps, `EDITS`
 * times, with the CPU slowed 4×, on a page prepared as `prepare` does. */
async function keystrokes(build, prepare) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(PROBE, TYPED);
    await page.goto(build.url);
    await page.waitForFunction(() => window.bench.interactive !== null);
    await page.locator('details.sha-values summary').click();
    await prepare(page);
    await throttle(context, page, { latency: 0, downloadThroughput: -1, uploadThroughput: -1, cpu: 4 });
    const times = await page.evaluate(async (count) => {
        const input = document.getElementById('connector-name');
        const steps = document.querySelector('.sha-checklist');
        const times = [];
        await new Promise((frame) => requestAnimationFrame(frame));
        for (let i = 0; i < count; i++) {
            const value = `Outbound via MailRoute ${i}`;
            const begin = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            // Rendered once the app's microtasks after the input event have run; on screen
            // at the next frame.
            await new Promise((rendered) => {
                const check = () => (steps.textContent.includes(value) ? rendered() : setTimeout(check, 0));
                queueMicrotask(check);
            });
            const dom = performance.now() - begin;
            await new Promise((frame) => requestAnimationFrame(frame));
            times.push({ dom, frame: performance.now() - begin });
        }
        return times;
    }, EDITS);
    await context.close();
    return times;
}

for (const [profileName, profile] of Object.entries(PROFILES)) {
    for (let i = 0; i < visits; i++) {
        for (const build of builds) {
            (build.results[profileName] ??= []).push(await visit(build, profile));
        }
    }
}
// Each case for every build in turn, so that a slower moment of the machine falls on all.
for (const build of builds) build.keystrokes = {};
for (const [name, prepare] of Object.entries(CASES)) {
    for (const build of builds) build.keystrokes[name] = await keystrokes(build, prepare);
}
await browser.close();
for (const build of builds) build.server.close();

const ms = (value) => `${Math.round(value)} ms`;
const rows = [];
// With 0 visits, only the keystrokes are measured.
for (const profileName of visits ? Object.keys(PROFILES) : []) {
    for (const build of builds) {
        const results = build.results[profileName];
        const of = (key) => median(results.map((result) => result[key]));
        rows.push({
            profile: profileName,
            build: build.name,
            'steps visible': ms(of('stepsVisible')),
            interactive: ms(of('interactive')),
            'first paint to take-over': ms(of('takeOver')),
            'typed at first paint, kept': `${results.filter((result) => result.kept).length} of ${results.length}`,
            bytes: `${(of('bytes') / 1024).toFixed(1)} KiB`,
            'JS heap': `${(of('heap') / 1024 / 1024).toFixed(2)} MiB`,
        });
    }
}
console.log(`${builds.map((build) => `${build.name}: ${build.folder} ${build.page}`).join('; ')}. Medians of ${visits} visits each.`);
if (rows.length) console.table(rows);
console.table(
    builds.flatMap((build) =>
        Object.entries(build.keystrokes).flatMap(([name, edits]) =>
            ['dom', 'frame'].map((key) => {
                const times = edits.map((edit) => edit[key]);
                return {
                    build: build.name,
                    [`CPU 4×, ${EDITS} edits of the connector name`]: name,
                    to: key === 'dom' ? 'steps rendered' : 'the frame showing it',
                    p50: `${percentile(times, 0.5).toFixed(1)} ms`,
                    p95: `${percentile(times, 0.95).toFixed(1)} ms`,
                    max: `${Math.max(...times).toFixed(1)} ms`,
                };
            }),
        ),
    ),
);
