// The dev server (scripts/serve.mjs): MIME types the wasm loader needs, the CSP header,
// and no way out of the served root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, CSP } from '../../scripts/serve.mjs';

// The smallest valid wasm module: magic + version.
const WASM = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
let tmp, server, base;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');       // outside the root
  const root = path.join(tmp, 'web');
  fs.mkdirSync(path.join(root, 'wasm'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'wasm', 'm.wasm'), WASM);
  fs.writeFileSync(path.join(root, 'wasm', 'm.js'), 'export default 1;');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer({ root, port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Raw request: fetch() would normalise "/../" away before it reaches the server.
function rawGet(rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/`, { path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject).end();
  });
}

test('serves .wasm as application/wasm, compilable with compileStreaming', async () => {
  const res = await fetch(`${base}/wasm/m.wasm`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  await WebAssembly.compileStreaming(res); // rejects on any other MIME type
});

test('serves .js as text/javascript and index.html for /, with CSP and no-cache', async () => {
  const js = await fetch(`${base}/wasm/m.js`);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  const html = await fetch(`${base}/`);
  assert.equal(html.status, 200);
  assert.match(html.headers.get('content-type'), /^text\/html/);
  assert.equal(html.headers.get('content-security-policy'), CSP);
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(html.headers.get('cache-control'), 'no-cache');
});

test('refuses to leave the root', async () => {
  for (const p of ['/../secret.txt', '/wasm/../../secret.txt', '/%2e%2e/secret.txt',
    '/..%2fsecret.txt', '/wasm/..%2F..%2Fsecret.txt', '/..%5csecret.txt', '/link.txt',
    '/%00', '/%E0%A4%A']) {
    const { status, body } = await rawGet(p);
    assert.ok(status === 403 || status === 404 || status === 400, `${p} -> ${status}`);
    assert.doesNotMatch(body, /TOP SECRET/, p);
  }
});

test('missing files are 404, other methods 405', async () => {
  assert.equal((await fetch(`${base}/nope.js`)).status, 404);
  assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 405);
});
