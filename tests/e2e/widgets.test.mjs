// Embedding: a fixture "blog page" with two of each widget under the strict CSP
// (tests/e2e/fixtures/widgets.html, served at /fixtures/), and embed.html for iframes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage, resultsPath, until } from './helpers.mjs';

const env = useBrowser(); // env.base: the server's URL, env.browser: Chromium

/** Records CSP violations from the first script on (init scripts are not subject to the page's CSP). */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const IDS = ['arena-a', 'arena-b', 'modes-a', 'modes-b', 'walker-a', 'walker-b'];

test('two of each widget under the strict CSP: all render and train independently, no console errors', { timeout: 180_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser, { viewport: { width: 1400, height: 2600 } });
  await watchCsp(page);
  const res = await page.goto(`${env.base}/fixtures/widgets.html`);
  assert.equal(res.headers()['content-security-policy'], "script-src 'self' 'wasm-unsafe-eval'");
  assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), "script-src 'self' 'wasm-unsafe-eval'");
  await until(page, (ids) => ids.every((id) => document.getElementById(id).ready), IDS, { message: 'all six ready', timeout: 90_000 });
  // Training widgets train.
  await until(page, () => ['arena-a', 'arena-b', 'modes-a', 'modes-b'].every((id) => document.getElementById(id).epoch >= 30), null,
    { message: 'all four train', timeout: 120_000 });
  const snap = await page.evaluate(() => Object.fromEntries(['arena-a', 'arena-b', 'modes-a', 'modes-b'].map((id) => {
    const el = document.getElementById(id);
    return [id, { preset: el.preset, seed: el.seed, epoch: el.epoch, mean: el.stats.mean }];
  })));
  assert.equal(snap['arena-b'].preset, 'blog-1d-sgd');
  assert.equal(snap['modes-a'].preset, 'ring-wgan-gp');
  assert.notDeepEqual(snap['arena-a'].mean, snap['arena-b'].mean, 'separate runs');
  // Independent: pausing one leaves its twin running.
  await page.evaluate(() => document.getElementById('arena-a').pause());
  const a0 = await page.evaluate(() => document.getElementById('arena-a').epoch);
  const b0 = await page.evaluate(() => document.getElementById('arena-b').epoch);
  await until(page, (b) => document.getElementById('arena-b').epoch > b + 20, b0, { message: 'twin keeps training' });
  assert.equal(await page.evaluate(() => document.getElementById('arena-a').epoch), a0, 'the paused one stays put');
  // Walkers: both decoded; one animates, the other does not move.
  const w = await page.evaluate(() => ['walker-a', 'walker-b'].map((id) => document.getElementById(id).t));
  await page.waitForTimeout(400);
  const w2 = await page.evaluate(() => ['walker-a', 'walker-b'].map((id) => document.getElementById(id).t));
  assert.notEqual(w2[0], w[0], 'autoplay walker animates');
  assert.equal(w2[1], 0, 'the other stays at zA');
  assert.ok(await page.evaluate(() => document.getElementById('walker-b').decoded.every(Number.isFinite)));
  await page.screenshot({ path: resultsPath('fixture-widgets.png'), fullPage: true });
  // One engine, six runs; removing an element frees its run.
  const live = () => page.evaluate(async () => (await (await import('/src/engine.js')).loadEngine()).liveHandles().runs);
  assert.equal(await live(), 6);
  await page.evaluate(() => { document.getElementById('modes-b').remove(); document.getElementById('walker-b').remove(); });
  assert.equal(await live(), 4, 'disconnectedCallback disposes the run');
  // The custom-property theme hook reached the shadow root.
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('arena-b')).getPropertyValue('--_target').trim()), '#0a7f8c');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
  assert.deepEqual(problems, []);
  await context.close();
});

test('events bubble out of the shadow root; attributes and properties mirror each other', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser, { viewport: { width: 1400, height: 3000 } });
  await page.goto(`${env.base}/fixtures/widgets.html`);
  await until(page, () => document.getElementById('arena-a').ready, null, { message: 'ready' });
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const types = new Set();
    for (const t of ['gan-step', 'gan-pause', 'gan-play', 'gan-reset', 'gan-walk']) document.body.addEventListener(t, (e) => types.add(`${t}:${e.composed}:${e.target.id}`));
    const a = document.getElementById('arena-a');
    a.pause();
    a.step(5);
    a.reset();
    a.play();
    document.getElementById('walker-b').t = 0.3;
    setTimeout(() => resolve([...types].sort()), 300);
  }));
  for (const t of ['gan-pause:true:arena-a', 'gan-play:true:arena-a', 'gan-reset:true:arena-a', 'gan-step:true:arena-a', 'gan-walk:true:walker-b']) {
    assert.ok(seen.includes(t), `${t} in ${seen}`);
  }
  const mirror = await page.evaluate(() => {
    const a = document.getElementById('arena-a');
    a.speed = 4;
    const s1 = a.getAttribute('speed');
    a.setAttribute('speed', 'max');
    const s2 = a.speed;
    a.seed = 9;
    const seedAttr = a.getAttribute('seed');
    a.autoplay = false;
    return { s1, s2, seedAttr, autoplay: a.hasAttribute('autoplay'), select: a.shadowRoot.querySelector('.speed').selectedOptions[0].textContent };
  });
  assert.deepEqual(mirror, { s1: '4', s2: Infinity, seedAttr: '9', autoplay: false, select: 'Max' });
  await until(page, () => document.getElementById('arena-a').stats?.epoch >= 0 && document.getElementById('arena-a').ready, null, { message: 'rebuilt with seed 9' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('embed.html shows one panel from URL parameters', { timeout: 120_000 }, async () => {
  for (const [query, tag, attrs] of [
    ['?panel=arena&seed=4&speed=max&autoplay', 'gan-arena-1d', { seed: '4', speed: 'max', autoplay: '' }],
    ['?panel=modes&preset=ring-wgan', 'gan-mode-collapse', { preset: 'ring-wgan' }],
    ['?panel=walker', 'gan-latent-walker', {}],
  ]) {
    const { page, problems, context } = await watchedPage(env.browser, { viewport: { width: 700, height: 900 } });
    await watchCsp(page);
    await page.goto(`${env.base}/embed.html${query}`);
    await until(page, (t) => document.querySelector(t)?.ready, tag, { message: `${tag} ready` });
    const got = await page.evaluate((t) => Object.fromEntries([...document.querySelector(t).attributes].map((a) => [a.name, a.value])), tag);
    assert.deepEqual(got, attrs);
    if (tag === 'gan-arena-1d') await until(page, () => document.querySelector('gan-arena-1d').epoch > 0, null, { message: 'autoplay' });
    if (tag === 'gan-mode-collapse') {
      assert.equal(await page.evaluate(() => document.querySelector('gan-mode-collapse').shadowRoot.querySelector('.l-loss').textContent), 'Loss (W estimate)');
    }
    await page.screenshot({ path: resultsPath(`embed-${tag}.png`) });
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  }
  const { page, context } = await watchedPage(env.browser);
  await page.goto(`${env.base}/embed.html?panel=nope`);
  assert.match(await page.locator('.embed-error').textContent(), /Unknown panel 'nope'/);
  await context.close();
});

test('a bad preset falls back with a warning; a missing weights file is reported in the panel', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser, { viewport: { width: 800, height: 1200 } });
  await page.goto(`${env.base}/embed.html?panel=modes&preset=blog-1d`);
  await until(page, () => document.querySelector('gan-mode-collapse')?.ready, null, { message: 'ready' });
  assert.equal(await page.evaluate(() => document.querySelector('gan-mode-collapse').shadowRoot.querySelector('input[type=radio]:checked').value), 'ring-gan');
  assert.equal(problems.length, 1);
  assert.match(problems[0], /preset 'blog-1d' is not one this panel runs/);
  problems.length = 0;
  await page.evaluate(() => {
    const w = document.createElement('gan-latent-walker');
    w.id = 'broken';
    w.setAttribute('model', '/models/missing.ganm');
    document.body.append(w);
  });
  await until(page, () => document.getElementById('broken').shadowRoot.querySelector('.status.error'), null, { message: 'error shown' });
  assert.match(await page.evaluate(() => document.getElementById('broken').shadowRoot.querySelector('.status').textContent), /HTTP 404/);
  assert.ok(problems.some((p) => /404/.test(p)), 'the failure is logged');
  await context.close();
});
