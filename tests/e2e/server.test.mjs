// The development server (scripts/static-server.mjs): nothing outside the served folders,
// however the path is spelt, and a malformed request does not bring it down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { serve } from '../../scripts/static-server.mjs';

/** The status of a request for `path`, sent exactly as written. */
function status(port, path) {
    return new Promise((done, fail) =>
        get({ host: '127.0.0.1', port, path }, (response) => {
            response.resume();
            done(response.statusCode);
        }).on('error', fail),
    );
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
        assert.equal(await status(port, '/index.html'), 200, 'and it still serves');
        assert.equal(await status(port, '/attacker/open.html'), 200);
    } finally {
        await new Promise((done) => server.close(done));
    }
});
