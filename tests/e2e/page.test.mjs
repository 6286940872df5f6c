// The article page (web/index.html) in headless Chromium: loads cleanly under the strict
// CSP, the three panels render, train and respond to mouse and keyboard; screenshots in
// test-results/ (light, dark, 375 px).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, watchedPage, resultsPath, until } from './helpers.mjs';

const env = useBrowser(); // env.base: the server's URL, env.browser: Chromium

const TAGS = ['gan-arena-1d', 'gan-mode-collapse', 'gan-latent-walker'];

/** Non-transparent pixels in a canvas of the element's shadow root (a sample grid). */
function inked([tag, selector]) {
  const c = document.querySelector(tag).shadowRoot.querySelector(selector);
  if (!c || !c.width) return 0;
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let n = 0;
  for (let i = 3; i < data.length; i += 4 * 7) if (data[i] > 0) n++;
  return n;
}

async function showPanel(page, tag) {
  await page.locator(tag).scrollIntoViewIfNeeded();
  await until(page, (t) => document.querySelector(t).ready, tag, { message: `${tag} ready`, timeout: 60_000 });
}

const readout = (page, tag, cls) => page.evaluate(([t, c]) => document.querySelector(t).shadowRoot.querySelector(c).textContent, [tag, cls]);

test('the page loads with no console errors or failed requests, and all three panels render', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser);
  const res = await page.goto(`${env.base}/`);
  assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  for (const tag of TAGS) {
    await showPanel(page, tag);
    const canvases = tag === 'gan-latent-walker' ? ['canvas.latent', 'canvas.output'] : ['canvas.main', 'canvas.hist'];
    for (const sel of canvases) {
      await until(page, inked, [tag, sel], { message: `${tag} ${sel} drawn`, timeout: 30_000 });
    }
  }
  // HiDPI: the backing store follows the CSS width times devicePixelRatio.
  const sizes = await page.evaluate(() => {
    const c = document.querySelector('gan-arena-1d').shadowRoot.querySelector('canvas.main');
    return { css: c.getBoundingClientRect().width, px: c.width, dpr: devicePixelRatio };
  });
  assert.ok(Math.abs(sizes.px - sizes.css * sizes.dpr) <= 2, JSON.stringify(sizes));
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
  await context.close();
});

test('panel 1 trains: readouts change and G mean approaches 3 (seed 1)', { timeout: 180_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser);
  await page.goto(`${env.base}/`);
  await showPanel(page, 'gan-arena-1d');
  await page.evaluate(() => {
    const a = document.querySelector('gan-arena-1d');
    a.pause();
    a.seed = 1;
    a.speed = Infinity;
  });
  await until(page, () => document.querySelector('gan-arena-1d').epoch === 0, null, { message: 'a new run for seed 1' });
  await page.waitForTimeout(100);
  assert.equal(await readout(page, 'gan-arena-1d', '.r-epoch'), '0');
  assert.equal(await readout(page, 'gan-arena-1d', '.r-dloss'), '\u2014', 'no D loss before training');
  const mean0 = await readout(page, 'gan-arena-1d', '.r-mean');
  // Timed in the page, from play() to the first gan-step whose stats have G mean within 0.1 of 3.
  const s = await page.evaluate(() => new Promise((resolve) => {
    const a = document.querySelector('gan-arena-1d');
    const t0 = performance.now();
    const onStep = (e) => {
      const st = e.detail.stats;
      if (Math.abs(st.mean[0] - 3) < 0.1 || st.epoch > 4000) {
        a.removeEventListener('gan-step', onStep);
        resolve({ ...st, ms: performance.now() - t0 });
      }
    };
    a.addEventListener('gan-step', onStep);
    a.play();
  }));
  const seconds = s.ms / 1000;
  assert.ok(Math.abs(s.mean[0] - 3) < 0.1, `G mean ${s.mean[0]} at epoch ${s.epoch}`);
  assert.ok(s.epoch <= 4000);
  // The readouts show what the engine says.
  const epochText = await readout(page, 'gan-arena-1d', '.r-epoch');
  assert.ok(Number(epochText.replace(/,/g, '')) >= s.epoch, `${epochText} vs ${s.epoch}`);
  assert.match(await readout(page, 'gan-arena-1d', '.r-dloss'), /^\d\.\d{3}$/);
  assert.notEqual(await readout(page, 'gan-arena-1d', '.r-mean'), mean0, 'G mean readout changed');
  assert.match(await readout(page, 'gan-arena-1d', '.r-mean'), /^\d\.\d{3}$/);
  assert.match(await readout(page, 'gan-arena-1d', '.r-std'), /^\d\.\d{3}$/);
  console.log(`# panel 1: |G mean - 3| < 0.1 at epoch ${s.epoch} after ${seconds.toFixed(1)} s (speed max)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('panel 1 controls: pause, step, reset, generator loss and optimizer', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser);
  await page.goto(`${env.base}/`);
  await showPanel(page, 'gan-arena-1d');
  const arena = page.locator('gan-arena-1d');
  await until(page, () => document.querySelector('gan-arena-1d').epoch > 0, null, { message: 'autoplay' });
  await arena.getByRole('button', { name: 'Pause training' }).click();
  const paused = await page.evaluate(() => document.querySelector('gan-arena-1d').epoch);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => document.querySelector('gan-arena-1d').epoch), paused, 'paused');
  await arena.getByRole('button', { name: /^Step/ }).click();
  assert.equal(await page.evaluate(() => document.querySelector('gan-arena-1d').epoch), paused + 10);
  await arena.getByRole('button', { name: /^Reset/ }).click();
  assert.equal(await page.evaluate(() => document.querySelector('gan-arena-1d').epoch), 0);
  assert.equal(await readout(page, 'gan-arena-1d', '.r-epoch'), '0');

  await arena.getByRole('radio', { name: 'minimax' }).check();
  await until(page, () => document.querySelector('gan-arena-1d').getAttribute('gen-loss') === 'minimax', null, { message: 'gen-loss' });
  await arena.getByRole('radio', { name: 'plain SGD (blog)' }).check();
  await until(page, () => document.querySelector('gan-arena-1d').preset === 'blog-1d-sgd', null, { message: 'preset' });
  const hint = await readout(page, 'gan-arena-1d', '.hint');
  assert.match(hint, /SGD/i);
  assert.match(hint, /minimax/);
  await arena.getByRole('button', { name: /^Step/ }).click();
  assert.equal(await page.evaluate(() => document.querySelector('gan-arena-1d').epoch), 10, 'a new run');
  assert.deepEqual(problems, []);
  await context.close();
});

test('panel 2: WGAN reaches 8/8 modes within a bounded number of epochs; the toggle switches the loss', { timeout: 180_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser);
  await page.goto(`${env.base}/`);
  await showPanel(page, 'gan-mode-collapse');
  const modes = page.locator('gan-mode-collapse');
  assert.equal(await readout(page, 'gan-mode-collapse', '.l-loss'), 'Loss (D)');
  await modes.getByRole('radio', { name: 'WGAN', exact: true }).check();
  await until(page, () => document.querySelector('gan-mode-collapse').preset === 'ring-wgan', null, { message: 'toggle' });
  await until(page, () => document.querySelector('gan-mode-collapse').shadowRoot.querySelector('.l-loss').textContent === 'Loss (W estimate)', null, { message: 'loss label' });
  const timings = {};
  for (const preset of ['ring-wgan', 'ring-wgan-gp']) {
    await page.evaluate((p) => {
      const m = document.querySelector('gan-mode-collapse');
      m.pause();
      m.preset = p;
      m.seed = 1;
      m.speed = Infinity;
    }, preset);
    await until(page, (p) => { const m = document.querySelector('gan-mode-collapse'); return m.ready && m.preset === p && m.epoch === 0; }, preset,
      { message: 'a new paused run' });
    // Timed in the page, from play() to the first gan-step whose stats show every mode covered.
    const s = await page.evaluate(() => new Promise((resolve) => {
      const m = document.querySelector('gan-mode-collapse');
      const t0 = performance.now();
      const onStep = (e) => {
        const st = e.detail.stats;
        if (st.modesCovered === st.modesTotal || st.epoch > 3000) {
          m.removeEventListener('gan-step', onStep);
          resolve({ ...st, ms: performance.now() - t0 });
        }
      };
      m.addEventListener('gan-step', onStep);
      m.play();
    }));
    timings[preset] = { epoch: s.epoch, seconds: Number((s.ms / 1000).toFixed(2)) };
    assert.equal(s.modesCovered, 8, `${preset}: ${s.modesCovered}/8 at epoch ${s.epoch}`);
    assert.ok(s.epoch <= 3000);
    // Paused, the readout shows the latest stats (while training it may lag a frame behind).
    await page.evaluate(() => document.querySelector('gan-mode-collapse').pause());
    await page.waitForTimeout(100);
    const shown = await page.evaluate(() => { const st = document.querySelector('gan-mode-collapse').stats; return `${st.modesCovered}/${st.modesTotal}`; });
    assert.equal(await readout(page, 'gan-mode-collapse', '.r-modes'), shown);
    assert.notEqual(await readout(page, 'gan-mode-collapse', '.r-loss'), '\u2014', 'the W estimate is shown');
  }
  console.log(`# panel 2: 8/8 modes ${JSON.stringify(timings)} (speed max, seed 1)`);
  await modes.getByRole('radio', { name: 'Standard GAN' }).check();
  await until(page, () => document.querySelector('gan-mode-collapse').shadowRoot.querySelector('.l-loss').textContent === 'Loss (D)', null, { message: 'back to D loss' });
  assert.equal(await page.evaluate(() => document.querySelector('gan-mode-collapse').preset), 'ring-gan');
  assert.deepEqual(problems, []);
  await context.close();
});

test('panel 3: the slider moves the decoded point; dragging zA changes the path', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser);
  await page.goto(`${env.base}/`);
  await showPanel(page, 'gan-latent-walker');
  const walker = page.locator('gan-latent-walker');
  const state = () => page.evaluate(() => {
    const w = document.querySelector('gan-latent-walker');
    return { t: w.t, x: w.decoded, zA: w.zA, path: Array.from(w.path) };
  });
  const s0 = await state();
  assert.equal(s0.t, 0);
  const slider = walker.getByRole('slider', { name: 'Interpolation from zA to zB' });
  await slider.fill('60');
  const s1 = await state();
  assert.ok(Math.abs(s1.t - 0.6) < 1e-9);
  assert.notDeepEqual(s1.x, s0.x, 'decoded point moved');
  assert.equal(await slider.getAttribute('aria-valuetext'), '60% of the way from zA to zB');
  assert.equal(await readout(page, 'gan-latent-walker', '.t-out'), '60%');

  const handle = walker.locator('.handle[data-h="a"]');
  const box = await handle.boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(cx + 8 * i, cy - 6 * i);
  await page.mouse.up();
  const s2 = await state();
  assert.ok(s2.zA[0] > s1.zA[0] && s2.zA[1] > s1.zA[1], `zA moved right and up: ${s1.zA} -> ${s2.zA}`);
  assert.notDeepEqual(s2.path, s1.path, 'the decoded path changed');
  assert.notDeepEqual(s2.x, s1.x);
  const box2 = await handle.boundingBox();
  assert.ok(Math.abs(box2.x + box2.width / 2 - (cx + 64)) < 3, 'the handle follows the pointer');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: play/pause, the slider and the zA/zB handles', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser);
  await page.goto(`${env.base}/`);
  await showPanel(page, 'gan-arena-1d');
  // Tab from the top of the page to the arena's play button.
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    const path = [];
    while (el?.shadowRoot?.activeElement) { path.push(el.localName); el = el.shadowRoot.activeElement; }
    return { host: path[0] ?? null, cls: el?.className ?? '', tag: el?.localName };
  });
  let f;
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    f = await focused();
    if (f.host === 'gan-arena-1d' && /\bplay\b/.test(f.cls)) break;
  }
  assert.equal(f.host, 'gan-arena-1d', 'the play button is reachable with Tab');
  assert.match(f.cls, /play/);
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector('gan-arena-1d').shadowRoot.activeElement).outlineStyle);
  assert.equal(outline, 'solid', 'visible focus');
  const wasPlaying = await page.evaluate(() => document.querySelector('gan-arena-1d').playing);
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.querySelector('gan-arena-1d').playing), !wasPlaying);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('gan-arena-1d').playing), wasPlaying);
  // Every control of every panel is reachable: Tab through the walker's too.
  await showPanel(page, 'gan-latent-walker');
  const walker = page.locator('gan-latent-walker');
  await walker.getByRole('slider', { name: 'Interpolation from zA to zB' }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  assert.ok(Math.abs((await page.evaluate(() => document.querySelector('gan-latent-walker').t)) - 0.05) < 1e-9);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.querySelector('gan-latent-walker').t), 1);
  const zA = await page.evaluate(() => document.querySelector('gan-latent-walker').zA);
  await walker.locator('.handle[data-h="a"]').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowRight');
  const zA2 = await page.evaluate(() => document.querySelector('gan-latent-walker').zA);
  assert.ok(zA2[0] > zA[0] + 0.15 && zA2[1] > zA[1] + 0.03, `${zA} -> ${zA2}`);
  assert.match(await walker.locator('.handle[data-h="a"]').getAttribute('aria-valuetext'), /^x .+, y .+$/);
  // All interactive controls have accessible names.
  const unnamed = await page.evaluate(() => {
    const bad = [];
    for (const host of document.querySelectorAll('gan-arena-1d, gan-mode-collapse, gan-latent-walker')) {
      for (const el of host.shadowRoot.querySelectorAll('button, input, select, [tabindex]')) {
        const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.textContent.trim();
        if (!name) bad.push(`${host.localName} ${el.outerHTML.slice(0, 60)}`);
      }
    }
    return bad;
  });
  assert.deepEqual(unnamed, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('panels pause off-screen and in a hidden tab; reduced motion means no autoplay', { timeout: 120_000 }, async () => {
  const { page, problems, context } = await watchedPage(env.browser);
  await page.goto(`${env.base}/`);
  await showPanel(page, 'gan-arena-1d');
  const epoch = () => page.evaluate(() => document.querySelector('gan-arena-1d').epoch);
  await until(page, () => document.querySelector('gan-arena-1d').epoch > 0, null, { message: 'training' });
  await page.locator('#how').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const e1 = await epoch();
  await page.waitForTimeout(700);
  assert.equal(await epoch(), e1, 'off-screen: no training');
  assert.equal(await page.evaluate(() => document.querySelector('gan-arena-1d').playing), true, 'still "playing": resumes on screen');
  await page.locator('gan-arena-1d').scrollIntoViewIfNeeded();
  await until(page, (e) => document.querySelector('gan-arena-1d').epoch > e, e1, { message: 'resumes on screen' });
  // A hidden tab (Chromium headless never hides one: simulate the event).
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(200);
  const e2 = await epoch();
  await page.waitForTimeout(600);
  assert.equal(await epoch(), e2, 'hidden tab: no training');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await until(page, (e) => document.querySelector('gan-arena-1d').epoch > e, e2, { message: 'resumes when visible' });
  assert.deepEqual(problems, []);
  await context.close();

  const reduced = await watchedPage(env.browser, { reducedMotion: 'reduce' });
  await reduced.page.goto(`${env.base}/`);
  await showPanel(reduced.page, 'gan-arena-1d');
  await reduced.page.waitForTimeout(600);
  assert.equal(await reduced.page.evaluate(() => document.querySelector('gan-arena-1d').playing), false);
  assert.equal(await reduced.page.evaluate(() => document.querySelector('gan-arena-1d').epoch), 0);
  assert.match(await readout(reduced.page, 'gan-arena-1d', '.status'), /reduced motion/);
  await reduced.page.locator('gan-arena-1d').getByRole('button', { name: /^Play/ }).click();
  await until(reduced.page, () => document.querySelector('gan-arena-1d').epoch > 0, null, { message: 'Play still works' });
  assert.deepEqual(reduced.problems, []);
  await reduced.context.close();
});

test('screenshots: light, dark and 375 px wide (test-results/)', { timeout: 180_000 }, async () => {
  for (const [name, options] of [
    ['page-light', { colorScheme: 'light' }],
    ['page-dark', { colorScheme: 'dark' }],
    ['page-375', { colorScheme: 'light', viewport: { width: 375, height: 800 } }],
    ['page-375-dark', { colorScheme: 'dark', viewport: { width: 375, height: 800 } }],
  ]) {
    const { page, problems, context } = await watchedPage(env.browser, options);
    await page.goto(`${env.base}/`);
    for (const tag of TAGS) {
      await showPanel(page, tag);
      if (tag === 'gan-latent-walker') {
        await page.evaluate(() => { document.querySelector('gan-latent-walker').t = 0.55; });
      } else {
        await page.evaluate((t) => { document.querySelector(t).speed = Infinity; }, tag);
        await until(page, (t) => document.querySelector(t).epoch >= 600, tag, { message: `${tag} trained a while`, timeout: 90_000 });
        await page.evaluate((t) => document.querySelector(t).pause(), tag);
      }
      await page.waitForTimeout(150);
      await page.locator(tag).screenshot({ path: resultsPath(`${name}-${tag}.png`) });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(150);
    await page.screenshot({ path: resultsPath(`${name}.png`), fullPage: true });
    // No horizontal scrolling at any width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}: page scrolls sideways by ${overflow}px`);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});
