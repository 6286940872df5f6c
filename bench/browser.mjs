#!/usr/bin/env node
// Convergence times and frame times in headless Chromium (a measurement, not a test: the
// numbers depend on the machine and its load). Run: node bench/browser.mjs (or npm run bench -- --browser)
//   Panel 1: from Play to |G mean - 3| < 0.05 and |G std - 0.5| < 0.05 (seed 1), at speed max and 1x.
//   Panel 2: from Play to 8/8 modes covered (seed 1), per loss, at speed max.
//   Frames:  median work per frame (training + drawing) and median rAF interval.
import { startTestServer, launch, watchedPage, until } from '../tests/e2e/helpers.mjs';

const LIMIT_MS = Number(process.env.MEASURE_LIMIT_MS ?? 90_000);

async function timeTo(page, query, tag, condition) {
  await page.goto(query);
  await until(page, (t) => document.querySelector(t)?.ready, tag, { message: `${tag} ready`, timeout: 60_000 });
  return page.evaluate(([t, cond, limit]) => new Promise((resolve) => {
    const el = document.querySelector(t);
    const done = new Function('s', `return ${cond}`); // measurement page only; this script is not part of the site
    const t0 = performance.now();
    let mean = null;
    const onStep = (e) => {
      const s = e.detail.stats;
      const ms = performance.now() - t0;
      if (t === 'gan-arena-1d' && mean === null && Math.abs(s.mean[0] - 3) < 0.05) mean = { epoch: s.epoch, ms };
      if (done(s) || ms > limit) {
        el.removeEventListener('gan-step', onStep);
        el.pause();
        resolve({ reached: done(s), epoch: s.epoch, ms, meanOnly: mean, last: { mean: s.mean, std: s.std, modes: s.modesCovered } });
      }
    };
    el.addEventListener('gan-step', onStep);
    el.play();
  }), [tag, condition, LIMIT_MS]);
}

const fmt = (r) => r.reached ? `${(r.ms / 1000).toFixed(2)} s (epoch ${r.epoch})` : `not reached in ${(r.ms / 1000).toFixed(0)} s (epoch ${r.epoch}, last ${JSON.stringify(r.last)})`;

const { server, base } = await startTestServer();
const browser = await launch();
try {
  // The measurement page evaluates a condition string: run it without the CSP (the site itself never does this).
  const { page } = await watchedPage(browser, { viewport: { width: 900, height: 1000 }, bypassCSP: true });
  const converged = 'Math.abs(s.mean[0] - 3) < 0.05 && Math.abs(s.std[0] - 0.5) < 0.05';
  for (const speed of ['max', '1']) {
    const r = await timeTo(page, `${base}/embed.html?panel=arena&seed=1&speed=${speed}`, 'gan-arena-1d', converged);
    console.log(`panel 1, blog-1d, speed ${speed}: converged (mean and std within 0.05): ${fmt(r)}; ` +
      `mean within 0.05: ${r.meanOnly ? `${(r.meanOnly.ms / 1000).toFixed(2)} s (epoch ${r.meanOnly.epoch})` : 'not reached'}`);
  }
  for (const preset of ['ring-wgan', 'ring-wgan-gp', 'ring-gan']) {
    const r = await timeTo(page, `${base}/embed.html?panel=modes&seed=1&speed=max&preset=${preset}`, 'gan-mode-collapse', 's.modesCovered === s.modesTotal');
    console.log(`panel 2, ${preset}, speed max: 8/8 modes: ${fmt(r)}`);
  }
  // Frame times: the article page, each training panel on screen at its default speed.
  for (const tag of ['gan-arena-1d', 'gan-mode-collapse']) {
    await page.goto(`${base}/`);
    await page.locator(tag).scrollIntoViewIfNeeded();
    await until(page, (t) => document.querySelector(t).ready && document.querySelector(t).epoch > 0, tag, { timeout: 60_000 });
    await page.evaluate(async () => (await import('/src/lib/frame-loop.js')).sharedLoop().resetStats());
    await page.waitForTimeout(5000);
    const s = await page.evaluate(async () => (await import('/src/lib/frame-loop.js')).sharedLoop().stats());
    const epochs = await page.evaluate((t) => document.querySelector(t).epoch, tag);
    console.log(`frames, index.html with ${tag} on screen (speed 1): median work ${s.medianWorkMs.toFixed(1)} ms/frame, ` +
      `median interval ${s.medianIntervalMs.toFixed(1)} ms (${(1000 / s.medianIntervalMs).toFixed(0)} fps), ${s.frames} frames in 5 s, epoch ${epochs}`);
  }
  const big = await watchedPage(browser, { viewport: { width: 1400, height: 2600 } });
  await big.page.goto(`${base}/fixtures/widgets.html`);
  await until(big.page, () => [...document.querySelectorAll('.grid > *')].every((e) => e.ready), null, { timeout: 90_000 });
  await big.page.evaluate(async () => (await import('/src/lib/frame-loop.js')).sharedLoop().resetStats());
  await big.page.waitForTimeout(5000);
  const s = await big.page.evaluate(async () => (await import('/src/lib/frame-loop.js')).sharedLoop().stats());
  console.log(`frames, fixture with 6 widgets (4 training at speed max): median work ${s.medianWorkMs.toFixed(1)} ms/frame, ` +
    `median interval ${s.medianIntervalMs.toFixed(1)} ms (${(1000 / s.medianIntervalMs).toFixed(0)} fps)`);
} finally {
  await browser.close();
  server.close();
}
