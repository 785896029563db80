// A small static file server for dist/: the README's serve command and the end-to-end tests
// use it. It can serve the app under any path prefix, as a documentation site would.
import { createServer } from 'node:http';
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
            if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
            const body = await readFile(file);
            response.writeHead(200, {
                'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
                'Cache-Control': 'no-cache',
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
