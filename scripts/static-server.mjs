// A small static file server for dist/: the README's serve command, the end-to-end tests and
// the benchmark use it. It can serve the app under any path prefix, as a documentation site
// would, and sends the build's Brotli copy (`.br`) or gzip to a browser that accepts it, as
// a real static host does.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.wasm': 'application/wasm',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
};

/** Each file gzipped once (level 9, as scripts/size.sh counts), while it is unchanged. */
const gzipped = new Map();
async function compressed(file) {
    const { mtimeMs } = await stat(file);
    const kept = gzipped.get(file);
    if (kept?.mtimeMs === mtimeMs) return kept.body;
    const body = gzipSync(await readFile(file), { level: 9 });
    gzipped.set(file, { mtimeMs, body });
    return body;
}

/**
 * Serves `root` under `prefix` (which starts and ends with '/'), and any further folders in
 * `mounts` ({ root, prefix }); the longest matching prefix wins. Resolves to the server.
 */
export function serve({ root, prefix = '/', mounts = [], host = '127.0.0.1', port = 0, log = () => {} }) {
    const all = [{ root, prefix }, ...mounts]
        .map((mount) => ({ base: resolve(mount.root), prefix: mount.prefix }))
        .sort((a, b) => b.prefix.length - a.prefix.length);
    const server = createServer(async (request, response) => {
        let path;
        try {
            path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
        } catch {
            response.writeHead(400).end('Bad request');
            return;
        }
        log(request.method, path);
        // A parent folder however it is spelt (decoded above, or with backslashes), or a NUL.
        if (path.split(/[\\/]/).includes('..') || path.includes('\0')) {
            response.writeHead(403).end('Forbidden');
            return;
        }
        const mount = all.find((candidate) => path.startsWith(candidate.prefix));
        if (!mount) {
            response.writeHead(404).end('Not found');
            return;
        }
        const base = mount.base;
        let file = normalize(join(base, path.slice(mount.prefix.length)));
        if (file !== base && !file.startsWith(base + sep)) {
            response.writeHead(403).end('Forbidden');
            return;
        }
        try {
            if ((await stat(file)).isDirectory()) {
                // A folder's page is its index.html, at the address with the slash, so that
                // the page's relative links resolve in the folder.
                if (!path.endsWith('/')) {
                    // From the address as it was sent, not as decoded: `/%2Fexchange-2016`
                    // decoded would redirect to `//exchange-2016/`, another host (review I2).
                    const { pathname, search } = new URL(request.url, 'http://x');
                    response.writeHead(301, { Location: `${pathname}/${search}` }).end();
                    return;
                }
                file = join(file, 'index.html');
            }
            const accepts = (coding) => new RegExp(`\\b${coding}\\b`).test(request.headers['accept-encoding'] ?? '');
            const brotli = accepts('br') ? await readFile(`${file}.br`).catch(() => null) : null;
            const encoding = brotli ? 'br' : accepts('gzip') ? 'gzip' : null;
            const body = brotli ?? (encoding ? await compressed(file) : await readFile(file));
            response.writeHead(200, {
                'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
                'Cache-Control': 'no-cache',
                Vary: 'Accept-Encoding',
                ...(encoding ? { 'Content-Encoding': encoding } : {}),
            });
            response.end(body);
        } catch {
            response.writeHead(404).end('Not found');
        }
    });
    return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    const [root = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
    const server = await serve({ root, port: Number(port), prefix });
    const { address, port: bound } = server.address();
    console.log(`The smarthost assistant is at http://${address}:${bound}${prefix} (Ctrl+C stops it)`);
}
