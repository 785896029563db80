import { readFileSync } from 'node:fs';
import { launch, throttle } from '../tests/e2e/harness.mjs';
import { serve } from './static-server.mjs';
const sample = (path) => readFileSync(new URL(`../tests/samples/${path}`, import.meta.url), 'utf8');
const toLimit = (text, filler) => `${text}${filler.repeat(Math.ceil((65536 - text.length) / filler.length))}`.slice(0, 65536);
const HEADER = toLimit(sample('headers/gmail-via-mailroute.txt'), 'X-Filler: a header line that a long test message carries\n');
const BOUNCE = toLimit(sample('bounces/exchange-2010-mailroute-relay-denied.txt'), '> a line of the original message, quoted in the bounce\n');
const server = await serve({ root: process.argv[2] ?? 'dist' });
const browser = await launch();
async function run(label, tweak) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/exchange-2016/`);
  await page.locator('main[data-started] .sha-step').first().waitFor();
  await page.locator('details.sha-values summary').click();
  await page.locator('#connector-new').check();
  await page.locator('#sha-show-files').click();
  await page.locator('.sha-file-list').waitFor();
  await page.locator('#test-header').fill(HEADER);
  await page.locator('#test-header-report .sha-lines').waitFor();
  await page.locator('#error-text').fill(BOUNCE);
  await page.locator('#error-text-report .sha-findings li').first().waitFor();
  await page.evaluate(tweak);
  await throttle(context, page, { latency: 0, downloadThroughput: -1, uploadThroughput: -1, cpu: 4 });
  const times = await page.evaluate(async (count) => {
    const input = document.getElementById('connector-name');
    const steps = document.querySelector('.sha-checklist');
    const times = [];
    await new Promise((f) => requestAnimationFrame(f));
    for (let i = 0; i < count; i++) {
      const value = `Outbound via MailRoute ${i}`;
      const begin = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => { const c = () => (steps.textContent.includes(value) ? r() : setTimeout(c, 0)); queueMicrotask(c); });
      const dom = performance.now() - begin;
      await new Promise((f) => requestAnimationFrame(f));
      times.push([dom, performance.now() - begin]);
    }
    return times;
  }, 100);
  const p = (k, q) => times.map((t) => t[k]).sort((a, b) => a - b)[Math.floor(times.length * q)].toFixed(1);
  console.log(label, 'dom p50', p(0, .5), 'p95', p(0, .95), 'frame p50', p(1, .5), 'p95', p(1, .95));
  await context.close();
}
await run('as is', () => {});
await run('no setItem', () => { Storage.prototype.setItem = function () {}; });
await run('textareas hidden', () => { for (const t of document.querySelectorAll('textarea')) t.style.display = 'none'; });
await run('reports hidden', () => { for (const t of document.querySelectorAll('#test-header-report, #error-text-report')) t.style.display = 'none'; });
await browser.close(); server.close();
