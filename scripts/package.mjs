// Turns Trunk's builds (dist/ for Exchange 2003, target/dist-<build> for the other families)
// and the tools module (target/tools) into what is shipped:
//  - the inline loader becomes external modules: our loader, which picks the build, and a
//    chunk per build with wasm-bindgen's glue, so that the page's Content-Security-Policy
//    allows no inline script and a visit fetches one build only;
//  - the CSP itself, as a meta element;
//  - sw.js, the service worker, with this build's files;
//  - embed.js, for documentation sites that embed the assistant in an iframe;
//  - offline.html: one self-contained file (wasm, JavaScript and CSS inline) for file://.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile, rm } from 'node:fs/promises';

const dist = 'dist';
const web = 'src/web';
/** `text` with `pattern` replaced; the build stops if Trunk's output no longer matches it. */
function replace(text, pattern, replacement, what) {
    if (!pattern.test(text)) throw new Error(`package.mjs: cannot find ${what} in Trunk's index.html`);
    return text.replace(pattern, replacement);
}
const hash = (data, length = 16) => createHash('sha256').update(data).digest('hex').slice(0, length);
const cspHash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// What a hosting site must allow; README.md explains each part.
export const CSP = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
].join('; ');

const toolsDir = 'target/tools';

/** The glue and wasm file names of one Trunk build, found in its index.html. */
async function trunkOutput(dir) {
    const page = await readFile(`${dir}/index.html`, 'utf8');
    const find = (pattern, what) => {
        const match = page.match(pattern);
        if (!match) throw new Error(`package.mjs: cannot find ${what} in ${dir}/index.html`);
        return match[1];
    };
    return { page, glue: find(/from '\.\/([^']+\.js)'/, 'the glue'), wasm: find(/module_or_path: '\.\/([^']+\.wasm)'/, 'the wasm') };
}

// The builds, as src/ui/bundle.rs names them.
const builds = { 'exchange-2003': await trunkOutput(dist) };
for (const id of ['exchange-2007-to-se', 'exchange-online']) {
    const dir = `target/dist-${id}`;
    builds[id] = await trunkOutput(dir);
    for (const file of [builds[id].glue, builds[id].wasm]) await copyFile(`${dir}/${file}`, `${dist}/${file}`);
}
// The tools module: its glue is bundled as a chunk, its wasm named by its content.
const toolsWasmBytes = await readFile(`${toolsDir}/tools_bg.wasm`);
const toolsWasm = `tools-${hash(toolsWasmBytes)}.wasm`;
await writeFile(`${dist}/${toolsWasm}`, toolsWasmBytes);
await copyFile(`${toolsDir}/tools.js`, `${dist}/tools.js`);
let html = builds['exchange-2003'].page;
const css = html.match(/href="?\.\/([^" >]+\.css)/)[1];

const style = (await transform(await readFile(`${dist}/${css}`, 'utf8'), { loader: 'css', minify: true })).code;
await writeFile(`${dist}/${css}`, style);

// Each build's glue with the file it imports from src/web (host.js), as one module: the
// loader's bundle then shares no code between the builds, so each is one request.
for (const [id, output] of Object.entries(builds)) {
    const glue = `glue-${id}.js`;
    await build({ bundle: true, format: 'esm', logLevel: 'warning', entryPoints: [`${dist}/${output.glue}`], outfile: `${dist}/${glue}` });
    await rm(`${dist}/${output.glue}`);
    output.glue = glue;
}

/** Our entry point with each build's glue and wasm names filled in. */
async function source(entry) {
    let text = await readFile(`${web}/${entry}`, 'utf8');
    for (const [id, build] of Object.entries(builds)) {
        text = text.replaceAll(`__GLUE_${id}__`, `./${build.glue}`).replaceAll(`__WASM_${id}__`, build.wasm);
    }
    return text.replaceAll('__GLUE_tools__', './tools.js').replaceAll('__WASM_tools__', toolsWasm);
}

/** Bundles and minifies one of our entry points (`name`.js, with choose.js beside it) with
 * these further esbuild options; the sources it is built from are removed afterwards. */
async function bundleEntry(name, extra) {
    const entry = `${dist}/${name}.source.js`;
    await copyFile(`${web}/choose.js`, `${dist}/choose.js`);
    await writeFile(entry, await source(`${name}.js`));
    try {
        const result = await build({ bundle: true, minify: true, target: 'es2022', logLevel: 'warning', entryPoints: [entry], ...extra });
        return { entry, result };
    } finally {
        await rm(entry);
        await rm(`${dist}/choose.js`);
    }
}

// The hosted loader: one entry module, and a chunk per build's glue that it imports when
// it knows the build.
const { entry, result } = await bundleEntry('loader', {
    format: 'esm',
    splitting: true,
    outdir: dist,
    entryNames: 'assistant-[hash]',
    chunkNames: 'assistant-chunk-[hash]',
    metafile: true,
    write: true,
});
const outputs = result.metafile.outputs;
const nameOf = (path) => path.replace(`${dist}/`, '');
const loaderName = nameOf(Object.keys(outputs).find((path) => outputs[path].entryPoint === entry));
/** The chunks a build fetches: the one that starts at its glue, and what that imports. */
function chunksOf(glue) {
    const start = Object.keys(outputs).find((path) => outputs[path].entryPoint?.endsWith(glue));
    const chunks = new Set([start]);
    for (const path of chunks) {
        for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') chunks.add(imported.path);
    }
    return [...chunks].map(nameOf);
}

html = replace(html, /<script type="?module"?>[\s\S]*?<\/script>/, `<script type="module" src="./${loaderName}"></script>`, 'the loader');
html = replace(html, /<link[^>]*rel="modulepreload"[^>]*>/g, '', 'the glue preloads');
// Which wasm to fetch is the loader's choice, so there is no preload to guess it.
html = replace(html, /<link[^>]*rel="preload"[^>]*>/, '', 'the wasm preload');
html = replace(html, /<meta charset="?utf-8"?>/, (meta) => `${meta}<meta http-equiv="Content-Security-Policy" content="${CSP}">`, 'the charset');
await writeFile(`${dist}/index.html`, html);

// What each visit fetches: the page, the stylesheet, the loader, and one build's chunks and
// wasm. scripts/size.sh reads this list.
const shell = ['./', './index.html', `./${loaderName}`, `./${css}`];
const buildFiles = Object.fromEntries(
    Object.entries(builds).map(([id, build]) => [id, [...chunksOf(build.glue), build.wasm].map((file) => `./${file}`)]),
);
await writeFile(`${dist}/first-load.json`, JSON.stringify({ shell: ['index.html', loaderName, css, 'sw.js'], builds: buildFiles }, null, 1));
const worker = (await readFile(`${web}/sw.js`, 'utf8'))
    .replace('__VERSION__', `smarthost-assistant-${hash(JSON.stringify([shell, buildFiles]))}`)
    .replace('__SHELL__', JSON.stringify(shell))
    .replace('__BUILDS__', JSON.stringify(buildFiles));
await writeFile(`${dist}/sw.js`, (await transform(worker, { minify: true })).code);
await writeFile(`${dist}/embed.js`, (await transform(await readFile(`${web}/embed.js`, 'utf8'), { minify: true })).code);

// The offline file: the same page, with everything it needs inside it, every build included.
const offlineBundle = await bundleEntry('offline', {
    format: 'iife',
    write: false,
    // The offline file starts with initSync on inline bytes; import.meta is never used.
    logOverride: { 'empty-import-meta': 'silent' },
});
const script = offlineBundle.result.outputFiles[0].text;
const offlineCsp = `default-src 'none'; script-src ${cspHash(script)} 'wasm-unsafe-eval'; style-src ${cspHash(style)}; img-src data:`;
let wasmBlocks = `<script id="sha-wasm-tools" type="application/octet-stream">${toolsWasmBytes.toString('base64')}</script>`;
for (const [id, build] of Object.entries(builds)) {
    const base64 = (await readFile(`${dist}/${build.wasm}`)).toString('base64');
    wasmBlocks += `<script id="sha-wasm-${id}" type="application/octet-stream">${base64}</script>`;
}
let offline = replace(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${offlineCsp}">`, 'the CSP');
offline = replace(offline, /<link[^>]*\.css[^>]*>/, () => `<style>${style}</style>`, 'the stylesheet');
offline = replace(offline, /<script type="module" src="[^"]*"><\/script>/, '', 'the loader');
offline = replace(offline, /<p class="?sha-saved-note"?>[\s\S]*?<\/p>/, '', 'the saved-page note');
offline = replace(
    offline,
    /<\/body>/,
    () => `<script id="sha-state" type="application/x-smarthost-state"></script>${wasmBlocks}<script>${script}</script></body>`,
    'the end of the body',
);
await writeFile(`${dist}/offline.html`, offline);

// The glue now lives inside the bundles.
for (const build of Object.values(builds)) await rm(`${dist}/${build.glue}`);
await rm(`${dist}/tools.js`);
await rm(`${dist}/snippets`, { recursive: true });
