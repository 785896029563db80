// Trunk's post_build hook: what Trunk cannot do, on its staging folder before it becomes
// dist/. Trunk has built the page's wasm and glue (assistant-*), the tools module's
// (tools.js, tools_bg.wasm), the stylesheet and index.html; this adds
//  - the pages: the platform choice in index.html and each platform's page in its own
//    folder (exchange-2016/index.html), each pre-rendered by src/bin/prerender.rs;
//  - the loader: src/web/loader.js bundled with the page's glue as one external module, and
//    the tools module's glue as a chunk it imports on demand, so that the page's CSP allows
//    no inline script; index.html names it and the wasm in its two placeholders;
//  - sw.js, the service worker, with the files a first visit fetches;
//  - embed.js, for documentation sites that embed the assistant in an iframe;
//  - offline.html: one self-contained file (wasm, JavaScript and CSS inline) for file://;
//  - first-load.json, the files a first visit to each page fetches, for scripts/size.sh;
//  - a Brotli copy (`.br`) beside each file a browser fetches, for hosts that serve them.
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('package.mjs runs as Trunk post_build hook (see Trunk.toml)');
const minify = process.env.TRUNK_PROFILE === 'release';
const web = 'src/web';
const at = (file) => `${staging}/${file}`;
const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
const cspHash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const files = await readdir(staging);
/** The one staged file whose name matches `pattern`; the build stops if Trunk's names change. */
function staged(pattern, what) {
    const found = files.filter((file) => pattern.test(file));
    if (found.length !== 1) throw new Error(`package.mjs: expected one ${what} in Trunk's output, found ${found.length}`);
    return found[0];
}
const appGlue = staged(/^assistant-[0-9a-f]+\.js$/, 'page glue');
const appWasm = staged(/^assistant-[0-9a-f]+_bg\.wasm$/, 'page wasm');
const css = staged(/^app-[0-9a-f]+\.css$/, 'stylesheet');
/** Short names for what each wasm and its glue call each other by. wasm-bindgen names the
 * page's 190 imports and exports after Rust's paths, with a hash each: about 3 KB of every
 * first load, gzipped, in the wasm and again in the glue (measured). Binaryen renames them
 * in the wasm, in place and in order; the glue is given the same names, read from the wasm
 * before and after, and the build stops if the glue lacks one it should hold. */
async function shortenNames(glue, wasm) {
    const names = (bytes) => {
        const module = new WebAssembly.Module(bytes);
        return [WebAssembly.Module.imports(module), WebAssembly.Module.exports(module)];
    };
    const [importsBefore, exportsBefore] = names(await readFile(at(wasm)));
    // The features rustc's wasm32 target enables: Trunk's wasm-opt stripped their section.
    const features = ['bulk-memory', 'multivalue', 'mutable-globals', 'nontrapping-float-to-int', 'reference-types', 'sign-ext'];
    const flags = [...features.map((feature) => `--enable-${feature}`), '--minify-imports-and-exports-and-modules', '--strip-target-features'];
    execFileSync('wasm-opt', [at(wasm), ...flags, '-o', at(wasm)], { stdio: 'ignore' });
    const [importsAfter, exportsAfter] = names(await readFile(at(wasm)));
    let text = await readFile(at(glue), 'utf8');
    const swap = (pattern, to) => {
        const before = text;
        text = text.replace(pattern, to);
        if (text === before) throw new Error(`package.mjs: ${pattern} is not in ${glue}`);
    };
    for (const module of new Set(importsBefore.map((entry) => entry.module))) {
        const after = importsAfter[importsBefore.findIndex((entry) => entry.module === module)].module;
        swap(new RegExp(`"${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}":`, 'g'), `${JSON.stringify(after)}:`);
    }
    importsBefore.forEach((entry, index) => swap(new RegExp(`\\b${entry.name}:`, 'g'), `${JSON.stringify(importsAfter[index].name)}:`));
    // Every import is in the glue; an export the glue never calls is not.
    exportsBefore.forEach((entry, index) => {
        const call = new RegExp(`\\bwasm\\.${entry.name}\\b`, 'g');
        if (text.match(call)) swap(call, `wasm.${exportsAfter[index].name}`);
    });
    await writeFile(at(glue), text);
}
if (minify) {
    await shortenNames(appGlue, appWasm);
    await shortenNames('tools.js', 'tools_bg.wasm');
}

// Trunk does not hash a worker asset's name: name the tools wasm by its content.
const toolsBytes = await readFile(at('tools_bg.wasm'));
const toolsWasm = `tools-${hash(toolsBytes)}.wasm`;
await rename(at('tools_bg.wasm'), at(toolsWasm));

// The origins whose pages may frame the assistant with everything working (README,
// "Embedded in a documentation page"): SMARTHOST_EMBED_ORIGINS at build time, separated by
// spaces; by default MailRoute's documentation site, where its articles live (docs/facts.md §5).
const embedOrigins = (process.env.SMARTHOST_EMBED_ORIGINS ?? 'https://support.mailroute.net').split(/\s+/).filter(Boolean);

/** One of our entry points with the glue and wasm names filled in, written beside the glue. */
async function entry(name) {
    const text = (await readFile(`${web}/${name}.js`, 'utf8'))
        .replaceAll('__APP_GLUE__', `./${appGlue}`)
        .replaceAll('__APP_WASM__', appWasm)
        .replaceAll('__TOOLS_GLUE__', './tools.js')
        .replaceAll('__TOOLS_WASM__', toolsWasm)
        .replaceAll('__EMBED_ORIGINS__', JSON.stringify(embedOrigins));
    const path = at(`${name}.entry.js`);
    await writeFile(path, text);
    return path;
}

// The hosted loader, with the page's glue inside and the tools' glue as a chunk.
const loaderEntry = await entry('loader');
const hosted = await build({
    bundle: true, minify, format: 'esm', target: 'es2022', splitting: true, logLevel: 'warning', metafile: true,
    entryPoints: [loaderEntry], outdir: staging, entryNames: 'assistant-[hash]', chunkNames: 'assistant-chunk-[hash]',
});
const outputs = Object.keys(hosted.metafile.outputs);
const nameOf = (path) => path.slice(path.lastIndexOf('/') + 1);
const loader = nameOf(outputs.find((path) => hosted.metafile.outputs[path].entryPoint));
const toolsChunks = outputs.map(nameOf).filter((name) => name !== loader);

// The offline file's script: both glues, started from the bytes inside the page.
const offlineEntry = await entry('offline');
const offlineScript = (await build({
    bundle: true, minify, format: 'iife', target: 'es2022', write: false, logLevel: 'warning', entryPoints: [offlineEntry],
    // The offline file starts with initSync on inline bytes; import.meta is never used.
    logOverride: { 'empty-import-meta': 'silent' },
})).outputFiles[0].text;

/** `text` with `pattern` (a string or a regular expression) replaced once. Every edit of
 * Trunk's HTML goes through here, and the build stops if one finds nothing. */
function edit(text, pattern, to, what) {
    const found = typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    if (!found) throw new Error(`package.mjs: cannot find ${what} in index.html`);
    return text.replace(pattern, () => to);
}
let html = await readFile(at('index.html'), 'utf8');
html = edit(html, '__LOADER__', loader, 'the loader placeholder');
html = edit(html, '__APP_WASM__', appWasm, 'the wasm placeholder');
// With inject_scripts off, Trunk leaves the page's own rust link in place; browsers ignore
// it, but it has no business in what ships.
html = edit(html, /<link[^>]*rel="?rust"?[^>]*>/, '', "Trunk's rust link");
// The stylesheet (2 KB gzipped) inside each page: the first paint waits for it, and fetched
// on its own it would cost that paint another round trip.
const style = await readFile(at(css), 'utf8');
html = edit(html, /<link[^>]*\.css[^>]*>/, `<style>${style}</style>`, 'the stylesheet');

// The pre-rendered pages (src/ui/prerender.rs): the app's own views of a first visit,
// rendered natively, so that the steps read before the wasm arrives and without scripts.
const site = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
// The theme's palettes (src/ui/theme.rs) for the system's light or dark, until the app
// sets the admin's own after them.
const sheet = async (css) => (minify ? (await transform(css, { loader: 'css', minify: true })).code.trim() : css);
const palettes = `<style>${await sheet(site.light)}</style><style media="(prefers-color-scheme: dark)">${await sheet(site.dark)}</style>`;
const escapeText = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const assets = [loader, appWasm];
/** The built index.html holding one pre-rendered page, its URLs relative to its folder. */
function pageHtml(page) {
    let text = edit(html, /<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>`, 'the title');
    text = edit(text, '</head>', `${palettes}</head>`, 'the end of the head');
    const main = page.platform ? `<main id="smarthost-assistant" data-platform="${page.platform}">` : '<main id="smarthost-assistant">';
    text = edit(text, /<main id="?smarthost-assistant"?><\/main>/, `${main}${page.body}</main>`, 'the main element');
    for (const file of page.folder ? assets : []) text = edit(text, `./${file}`, `../${file}`, file);
    return text;
}
const pages = {};
for (const page of site.pages) {
    const path = `${page.folder}index.html`;
    if (page.folder) await mkdir(at(page.folder), { recursive: true });
    await writeFile(at(path), pageHtml(page));
    pages[path] = page.folder;
}
const rootPage = pageHtml(site.pages.find((page) => !page.folder));

// What a first visit to each page fetches (scripts/size.sh counts it); the service worker
// keeps the files and every page.
const firstLoad = Object.fromEntries(Object.keys(pages).map((path) => [path, [path, ...assets, 'sw.js']]));
await writeFile(at('first-load.json'), JSON.stringify(firstLoad));
// The worker's list: every file of the release it may keep, by its address under the
// folder, with the first 12 bytes of the SHA-256 of its bytes; the tools module's files wait
// for their first use.
const digest = async (file) => createHash('sha256').update(await readFile(at(file))).digest().subarray(0, 12).toString('base64');
const release = {};
for (const [path, folder] of Object.entries(pages)) release[folder] = await digest(path);
for (const file of [...assets, toolsWasm, ...toolsChunks]) release[file] = await digest(file);
const worker = (await readFile(`${web}/sw.js`, 'utf8'))
    .replace('__VERSION__', hash(JSON.stringify(release)))
    .replace('__FILES__', JSON.stringify(release))
    .replace('__LATER__', JSON.stringify([toolsWasm, ...toolsChunks]));
await writeFile(at('sw.js'), minify ? (await transform(worker, { minify: true })).code : worker);
const embed = await readFile(`${web}/embed.js`, 'utf8');
await writeFile(at('embed.js'), minify ? (await transform(embed, { minify: true })).code : embed);

// The offline file: the same page with everything inside it.
// `default-src` covers neither where a base address nor where a form may point (review I1).
const offlineCsp = `default-src 'none'; script-src ${cspHash(offlineScript)} 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
const base64 = (bytes) => bytes.toString('base64');
const blocks =
    '<script id="sha-state" type="application/json"></script>' +
    `<script id="sha-wasm-assistant" type="application/octet-stream">${base64(await readFile(at(appWasm)))}</script>` +
    `<script id="sha-wasm-tools" type="application/octet-stream">${base64(toolsBytes)}</script>`;
let offline = edit(rootPage, /content="default-src[^"]*"/, `content="${offlineCsp}"`, 'the CSP');
offline = edit(offline, /<link[^>]*rel="?preload[^>]*>/, '', 'the wasm preload');
offline = edit(offline, /<script[^>]*src="?\.\/assistant-[^>]*><\/script>/, '', 'the loader');
offline = edit(offline, /<p class="?sha-saved-note"?>[\s\S]*?<\/p>/, '', 'the saved-page note');
offline = edit(offline, /<\/body>/, `${blocks}<script>${offlineScript}</script></body>`, 'the end of the body');
await writeFile(at('offline.html'), offline);

// The glue now lives inside the bundles.
for (const file of [appGlue, css, 'tools.js', 'loader.entry.js', 'offline.entry.js']) await rm(at(file));
await rm(at('snippets'), { recursive: true, force: true });

// Brotli copies, at its highest quality, beside every file a browser fetches: a host that
// serves them (README, "Headers to send") sends the first load about 16% smaller than gzip (measured).
if (minify) {
    const fetched = /\.(html|js|wasm|json)$/;
    for (const file of await readdir(staging, { recursive: true })) {
        if (!fetched.test(file)) continue;
        const bytes = await readFile(at(file));
        const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
        await writeFile(at(`${file}.br`), brotliCompressSync(bytes, { params }));
    }
}
