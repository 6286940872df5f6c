// Shared setup for the browser tests: the project's static server (scripts/serve.mjs) on an
// ephemeral port serving web/ at / and the test fixtures at /fixtures/ (a second root, so
// fixture pages never ship with the site), and Debian's Chromium through playwright-core.
import { after, before } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createHandler } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serve web/ at / and tests/e2e/fixtures/ at /fixtures/, both with serve.mjs's handler (CSP header included). */
export async function startTestServer() {
  const web = createHandler(path.join(ROOT, 'web'));
  const fixtures = createHandler(path.join(ROOT, 'tests/e2e/fixtures'));
  const server = http.createServer((req, res) => {
    if (req.url === '/fixtures' || req.url.startsWith('/fixtures/')) {
      req.url = req.url.slice('/fixtures'.length) || '/';
      return fixtures(req, res);
    }
    return web(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

export function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium; scripts/setup.sh does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A new page that records console errors/warnings, page errors and failed or non-2xx requests.
 * @returns {{page, problems: string[]}}
 */
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { page, context, problems };
}

export function resultsPath(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}

/** Poll fn (evaluated in the page) until it returns a truthy value; returns it. */
export async function until(page, fn, arg, { timeout = 60_000, interval = 100, message = 'condition' } = {}) {
  const start = Date.now();
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Registers before/after hooks that start the test server and Chromium once for the file;
 * returns an object whose base and browser are set once the hooks have run.
 */
export function useBrowser() {
  const shared = { base: undefined, browser: undefined };
  let server;
  before(async () => {
    ({ server, base: shared.base } = await startTestServer());
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    server?.close();
  });
  return shared;
}
