// Turns Trunk's dist/ into what is shipped:
//  - the inline loader becomes one external module (our loader bundled with wasm-bindgen's
//    glue), so that the page's Content-Security-Policy allows no inline script;
//  - the CSP itself, as a meta element;
//  - sw.js, the service worker, with this build's files;
//  - embed.js, for documentation sites that embed the assistant in an iframe;
//  - offline.html: one self-contained file (wasm, JavaScript and CSS inline) for file://.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile, writeFile, rm } from 'node:fs/promises';

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

let html = await readFile(`${dist}/index.html`, 'utf8');
const glue = html.match(/from '\.\/([^']+\.js)'/)[1];
const wasm = html.match(/module_or_path: '\.\/([^']+\.wasm)'/)[1];
const css = html.match(/href="?\.\/([^" >]+\.css)/)[1];

const style = (await transform(await readFile(`${dist}/${css}`, 'utf8'), { loader: 'css', minify: true })).code;
await writeFile(`${dist}/${css}`, style);

/** Bundles one of our entry points with the glue; returns the minified code. */
async function bundle(entry, format) {
    const source = (await readFile(`${web}/${entry}`, 'utf8')).replace('__GLUE__', `./${glue}`).replace('__WASM__', wasm);
    const result = await build({
        stdin: { contents: source, resolveDir: dist, sourcefile: entry },
        bundle: true,
        format,
        minify: true,
        write: false,
        target: 'es2022',
        logLevel: 'warning',
        // The offline file starts with initSync on inline bytes; import.meta is never used.
        logOverride: { 'empty-import-meta': 'silent' },
    });
    return result.outputFiles[0].text;
}

const loader = await bundle('loader.js', 'esm');
const loaderName = `assistant-${hash(loader)}.js`;
await writeFile(`${dist}/${loaderName}`, loader);

html = replace(html, /<script type="?module"?>[\s\S]*?<\/script>/, `<script type="module" src="./${loaderName}"></script>`, 'the loader');
html = replace(html, /<link[^>]*rel="modulepreload"[^>]*>/, '', 'the glue preload');
html = replace(html, /<meta charset="?utf-8"?>/, (meta) => `${meta}<meta http-equiv="Content-Security-Policy" content="${CSP}">`, 'the charset');
await writeFile(`${dist}/index.html`, html);

const files = ['./', './index.html', `./${loaderName}`, `./${wasm}`, `./${css}`];
const worker = (await readFile(`${web}/sw.js`, 'utf8'))
    .replace('__VERSION__', `smarthost-assistant-${hash(files.join())}`)
    .replace('__FILES__', JSON.stringify(files));
await writeFile(`${dist}/sw.js`, (await transform(worker, { minify: true })).code);
await writeFile(`${dist}/embed.js`, (await transform(await readFile(`${web}/embed.js`, 'utf8'), { minify: true })).code);

// The offline file: the same page, with everything it needs inside it.
const script = await bundle('offline.js', 'iife');
const offlineCsp = `default-src 'none'; script-src ${cspHash(script)} 'wasm-unsafe-eval'; style-src ${cspHash(style)}; img-src data:`;
const wasmBase64 = (await readFile(`${dist}/${wasm}`)).toString('base64');
let offline = replace(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${offlineCsp}">`, 'the CSP');
offline = replace(offline, /<link[^>]*\.css[^>]*>/, () => `<style>${style}</style>`, 'the stylesheet');
offline = replace(offline, /<script type="module" src="[^"]*"><\/script>/, '', 'the loader');
offline = replace(offline, /<link[^>]*rel="preload"[^>]*>/, '', 'the wasm preload');
offline = replace(offline, /<p class="?sha-saved-note"?>[\s\S]*?<\/p>/, '', 'the saved-page note');
offline = replace(
    offline,
    /<\/body>/,
    () =>
        `<script id="sha-state" type="application/x-smarthost-state"></script>` +
        `<script id="sha-wasm" type="application/octet-stream">${wasmBase64}</script>` +
        `<script>${script}</script></body>`,
    'the end of the body',
);
await writeFile(`${dist}/offline.html`, offline);

// The glue now lives inside the bundles.
await rm(`${dist}/${glue}`);
