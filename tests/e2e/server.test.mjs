// The development server (scripts/static-server.mjs): nothing outside the served folders,
// however the path is spelt, and a malformed request does not bring it down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { serve } from '../../scripts/static-server.mjs';

/** The response to a request for `path`, sent exactly as written. */
function answer(port, path) {
    return new Promise((done, fail) =>
        get({ host: '127.0.0.1', port, path }, (response) => {
            response.resume();
            done(response);
        }).on('error', fail),
    );
}

/** The status of a request for `path`, sent exactly as written. */
async function status(port, path) {
    return (await answer(port, path)).statusCode;
}

test('the development server refuses every way out of its folders and survives malformed escapes', async () => {
    const server = await serve({ root: 'dist', mounts: [{ root: 'tests/e2e/attacker', prefix: '/attacker/' }] });
    const { port } = server.address();
    try {
        for (const path of [
            '/../Cargo.toml',
            '/%2e%2e/Cargo.toml',
            '/%2E%2E%2FCargo.toml',
            '/..%5cCargo.toml',
            '/attacker/%2e%2e/%2e%2e/Cargo.toml',
            '/index.html%00.txt',
        ]) {
            // Refused, or resolved inside the served folder where no such file is: never served.
            assert.ok([403, 404].includes(await status(port, path)), path);
        }
        for (const path of ['/%', '/%E0%A4%A', '/%ZZ']) {
            assert.equal(await status(port, path), 400, path);
        }
        // A folder without its slash is redirected on this server, however it is spelt.
        for (const [path, to] of [['/exchange-2016?platform=x', '/exchange-2016/?platform=x'], ['/%2Fexchange-2016', '/%2Fexchange-2016/']]) {
            const redirected = await answer(port, path);
            assert.equal(redirected.statusCode, 301, path);
            assert.equal(redirected.headers.location, to, path);
        }
        assert.equal(await status(port, '/index.html'), 200, 'and it still serves');
        assert.equal(await status(port, '/attacker/open.html'), 200);
    } finally {
        await new Promise((done) => server.close(done));
    }
});
