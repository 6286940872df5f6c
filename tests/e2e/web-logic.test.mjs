// The page's DOM-free modules (web/src/lib, web/src/plots/color.js) and the plots against a
// recording canvas: run in plain Node, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatEpoch, formatPercent, formatCount, formatPoint, formatSpeed, formatLoss,
  describeInterpolation, LOG4, NONE, MINUS } from '../../web/src/lib/format.js';
import { parseSeed, parseSpeed, speedOptions, presetChoices, parseEmbedParams, presetHint, clamp, lerpPoint,
  isWasserstein } from '../../web/src/lib/state.js';
import { histogram, niceTicks, targetCentres, targetDensity1d, range1d, grid2d, quantile, median, extent2d,
  spiralCurve, bounds2d, linspace } from '../../web/src/lib/math.js';
import { mulberry32, normalQuantile, fixedLatents } from '../../web/src/lib/random.js';
import { Series } from '../../web/src/lib/history.js';
import { EpochScheduler, AdaptiveBudget, Recent } from '../../web/src/lib/scheduler.js';
import { FrameLoop } from '../../web/src/lib/frame-loop.js';
import { parseColor, heatPixels, latentColor, hslToRgb } from '../../web/src/plots/color.js';
import { drawArena1d, arenaHeight } from '../../web/src/plots/arena1d.js';
import { drawHistory } from '../../web/src/plots/history.js';
import { drawModes2d, drawModeBars } from '../../web/src/plots/modes2d.js';
import { drawLatent, drawWalkerOutput, latentLayout } from '../../web/src/plots/walker.js';
import { loadEngine } from '../../web/src/engine.js';

test('format: numbers, epochs, percentages, "—" for nothing yet', () => {
  assert.equal(formatNumber(1.38629), '1.386');
  assert.equal(formatNumber(-0.1234), `${MINUS}0.123`);
  assert.equal(formatNumber(-0.0001), '0.000', 'no minus in front of a rounded zero');
  for (const v of [null, undefined, NaN, Infinity, 'x']) assert.equal(formatNumber(v), NONE);
  assert.equal(formatEpoch(12345), '12,345');
  assert.equal(formatEpoch(null), NONE);
  assert.equal(formatPercent(0.4567), '45.7%');
  assert.equal(formatCount(5, 8), '5/8');
  assert.equal(formatCount(undefined, 8), NONE);
  assert.equal(formatPoint([0.5, -1]), `(0.50, ${MINUS}1.00)`);
  assert.equal(formatSpeed(0.25), '\u00bc\u00d7');
  assert.equal(formatSpeed(4), '4\u00d7');
  assert.equal(formatSpeed(Infinity), 'Max');
  assert.equal(LOG4.toFixed(3), '1.386');
});

test('format: losses at a sensible precision whatever their size', () => {
  assert.equal(formatLoss(1.38629), '1.386');
  assert.equal(formatLoss(0.0042), '0.0042');
  assert.equal(formatLoss(0.000163), '1.6\u00d710\u207b\u2074');
  assert.equal(formatLoss(-0.000163), `${MINUS}1.6\u00d710\u207b\u2074`);
  assert.equal(formatLoss(0.0000999), '1.0\u00d710\u207b\u2074', 'mantissa 9.99 rounds up to the next power');
  assert.equal(formatLoss(0), '0');
  assert.equal(formatLoss(null), NONE);
});

test('format: the slider speaks in words', () => {
  assert.equal(describeInterpolation(0), 'at zA (0%)');
  assert.equal(describeInterpolation(0.4), '40% of the way from zA to zB');
  assert.equal(describeInterpolation(1), 'at zB (100%)');
});

test('state: seed and speed attributes', () => {
  assert.equal(parseSeed('7'), 7);
  assert.equal(parseSeed(' 0 '), 0);
  for (const bad of [null, '', '-1', '1.5', 'abc', '4294967296']) assert.equal(parseSeed(bad), null, String(bad));
  assert.equal(parseSpeed(null), 1);
  assert.equal(parseSpeed('4'), 4);
  assert.equal(parseSpeed('max'), Infinity);
  assert.equal(parseSpeed('Infinity'), Infinity);
  for (const bad of ['0', '-2', 'fast', 'NaN']) assert.equal(parseSpeed(bad), 1, bad);
  assert.equal(parseSpeed('1e9'), 1000, 'capped');
  assert.deepEqual(speedOptions(1), [0.25, 1, 4, Infinity]);
  assert.deepEqual(speedOptions(2), [0.25, 1, 2, 4, Infinity]);
});

test('state: each panel offers the engine presets it can run, with reader-facing labels', async () => {
  const presets = (await loadEngine()).presets();
  const arena = presetChoices(presets, 'arena');
  assert.deepEqual(arena.map((c) => c.name).slice(0, 2), ['blog-1d', 'blog-1d-sgd']);
  assert.deepEqual(arena.map((c) => c.label).slice(0, 2), ['Adam (tuned)', 'plain SGD (blog)']);
  const modes = presetChoices(presets, 'modes');
  assert.deepEqual(modes.map((c) => c.name), ['ring-gan', 'ring-wgan', 'ring-wgan-gp']);
  assert.deepEqual(modes.map((c) => c.label), ['Standard GAN', 'WGAN', 'WGAN-GP']);
  assert.ok(presetChoices(presets, 'walker').some((c) => c.name === 'walker'));
  assert.ok(modes.every((c) => c.hint && !/^Panel/.test(c.hint) && c.hint[0] === c.hint[0].toUpperCase()));
  assert.throws(() => presetChoices(presets, 'nope'), /panel 'nope' is unknown/);
  assert.equal(presetHint('Panel 2, WGAN with clipping'), 'WGAN with clipping');
  assert.ok(isWasserstein('wgan') && isWasserstein('wgan-gp') && !isWasserstein('gan'));
});

test('state: embed page parameters', () => {
  assert.deepEqual(parseEmbedParams('?panel=modes&preset=ring-wgan&seed=3&autoplay'),
    { tag: 'gan-mode-collapse', panel: 'modes', attributes: { preset: 'ring-wgan', seed: '3', autoplay: '' } });
  assert.deepEqual(parseEmbedParams(''), { tag: 'gan-arena-1d', panel: 'arena', attributes: {} });
  assert.deepEqual(parseEmbedParams('?panel=walker&autoplay=0&onclick=x').attributes, {}, 'unknown params dropped, autoplay=0 is off');
  assert.match(parseEmbedParams('?panel=evil').error, /Unknown panel 'evil'/);
  assert.equal(clamp(5, -1, 1), 1);
  assert.deepEqual(lerpPoint([0, 0], [1, -2], 0.25), [0.25, -0.5]);
});

test('math: histogram, ticks, quantiles', () => {
  const h = histogram([0, 0.5, 1, 1.5, 2, -1, 3, NaN], 0, 2, 4);
  assert.deepEqual([...h.counts], [1, 1, 1, 1]);
  assert.equal(h.below, 2, 'below range and NaN');
  assert.equal(h.above, 2, 'hi is exclusive');
  assert.ok(Math.abs(h.density.reduce((a, b) => a + b, 0) * 0.5 - 4 / 8) < 1e-12, 'density integrates to the in-range share');
  assert.deepEqual(niceTicks(-2, 6, 4), [-2, 0, 2, 4, 6]);
  assert.deepEqual(niceTicks(0, 1, 2), [0, 0.5, 1]);
  assert.deepEqual(niceTicks(1, 1), []);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(quantile([0, 10], 0.25), 2.5);
  assert.deepEqual([...linspace(0, 1, 3)], [0, 0.5, 1]);
});

test('math: targets from a run config', () => {
  const ring = { target: 'ring', modes: 8, radius: 2, targetStd: 0.05 };
  const c = targetCentres(ring);
  assert.equal(c.length, 8);
  for (const [x, y] of c) assert.ok(Math.abs(Math.hypot(x, y) - 2) < 1e-12);
  assert.deepEqual(c[0], [2, 0]);
  assert.ok(extent2d(ring) > 2.5);
  const g = { target: 'gaussian', targetMean: 3, targetStd: 0.5 };
  const p = targetDensity1d(g);
  assert.ok(Math.abs(p(3) - 1 / (0.5 * Math.sqrt(2 * Math.PI))) < 1e-12);
  const [lo, hi] = range1d(g);
  assert.ok(lo < 0 && hi > 3 + 4 * 0.5, `range ${lo}..${hi} shows the origin and the target`);
  const mix = { target: 'mixture1d', modes: 3, targetMean: 0, spacing: 2, targetStd: 0.1 };
  assert.deepEqual(targetCentres(mix), [-2, 0, 2]);
  const grid = grid2d(-1, 1, 2);
  assert.deepEqual([...grid], [-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
  const s = spiralCurve({ radius: 2, spiralTurns: 1.5 }, 50);
  assert.equal(s.length, 100);
  assert.ok(Math.abs(Math.hypot(s[98], s[99]) - 2) < 1e-6, 'ends at the outer radius');
  assert.deepEqual(bounds2d(Float32Array.from([0, 0, 1, 2, -1, 3])), [-1, 1, 0, 3]);
});

test('random: seeded, and the 1D latents are exact normal quantiles', () => {
  const a = mulberry32(5);
  const b = mulberry32(5);
  for (let i = 0; i < 10; i++) assert.equal(a(), b());
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963985) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.01) + 2.326347874) < 1e-6);
  assert.equal(normalQuantile(0.5), 0);
  const z = fixedLatents(2000, 1, 'gaussian');
  const mean = z.reduce((s, v) => s + v, 0) / z.length;
  const std = Math.sqrt(z.reduce((s, v) => s + v * v, 0) / z.length);
  assert.ok(Math.abs(mean) < 1e-6 && Math.abs(std - 1) < 0.01, `mean ${mean} std ${std}`);
  const u = fixedLatents(500, 2, 'uniform', 3);
  assert.equal(u.length, 1000);
  assert.ok(u.every((v) => v >= -1 && v < 1));
  assert.deepEqual(fixedLatents(4, 2, 'gaussian', 9), fixedLatents(4, 2, 'gaussian', 9));
});

test('history: a bounded series that keeps the whole run', () => {
  const s = new Series(8);
  for (let i = 1; i <= 100; i++) s.push(i, i * 2);
  assert.ok(s.length < 8);
  assert.ok(s.xs[s.length - 1] >= 90, 'recent points kept');
  assert.ok(s.xs[0] <= 16, 'early points kept');
  s.push(50, 1);
  assert.ok(s.xs[s.length - 1] > 50, 'history only moves forward');
  s.push(200, NaN);
  assert.notEqual(s.xs[s.length - 1], 200, 'non-finite values skipped');
  s.clear();
  assert.equal(s.length, 0);
  assert.deepEqual(s.extent(), [NaN, NaN]);
});

test('scheduler: the time budget limits epochs, unused budget is banked for slow epochs', () => {
  const s = new EpochScheduler({ baseEpochsPerSecond: 240 });
  assert.equal(s.plan(8, 16.7, Infinity), 1, 'first frame: one epoch to measure the cost');
  s.record(1, 1);
  assert.equal(s.plan(8, 16.7, Infinity), 8, '1 ms per epoch, 8 ms budget');
  s.record(8, 8);
  // Epochs costlier than a frame's budget still run, every few frames.
  const slow = new EpochScheduler({ initialMsPerEpoch: 20 });
  const runs = [];
  for (let f = 0; f < 9; f++) {
    const n = slow.plan(8, 16.7, Infinity);
    runs.push(n);
    if (n) slow.record(n, 20 * n);
  }
  assert.equal(runs.reduce((a, b) => a + b, 0), 3, `one epoch per ~3 frames: ${runs}`);
});

test('scheduler: speed sets the pace below the budget, with fractional carry-over', () => {
  const s = new EpochScheduler({ baseEpochsPerSecond: 60, initialMsPerEpoch: 0.1 });
  let total = 0;
  for (let f = 0; f < 60; f++) {
    const n = s.plan(8, 1000 / 60, 0.5);
    total += n;
    s.record(n, n * 0.1);
  }
  assert.ok(total >= 29 && total <= 30, `0.5 x 60 epochs/s for one second: ${total}`);
  s.pause();
  assert.equal(s.plan(8, 5000, 1), 6, 'a long gap (tab switch) is clamped to 100 ms');
  assert.ok(s.msPerEpoch > 0);
});

test('scheduler: the page budget leaves room for drawing, judged on averages', () => {
  const b = new AdaptiveBudget({ maxMs: 8, minMs: 2, frameTargetMs: 12 });
  b.update(10, 8);
  assert.equal(b.ms, 8, '2 ms of drawing: the full budget fits');
  for (let i = 0; i < 100; i++) b.update(8 + 9, 8);
  assert.ok(Math.abs(b.ms - 3) < 0.01, `9 ms of drawing leaves 3 ms: ${b.ms}`);
  for (let i = 0; i < 100; i++) b.update(40, 1);
  assert.equal(b.ms, 2, 'never below minMs');
  b.update(60, 55);
  assert.ok(b.ms <= 2.5, 'one long epoch is training, not drawing: the budget does not collapse further');
  for (let i = 0; i < 100; i++) b.update(9, 8);
  assert.equal(b.ms, 8, 'recovers');
  const r = new Recent(3);
  for (const v of [1, 2, 3, 4]) r.push(v);
  assert.deepEqual([...r.values()].sort(), [2, 3, 4]);
});

test('scheduler: one slow first epoch does not stall training', () => {
  const s = new EpochScheduler();
  assert.equal(s.plan(8, 16.7, Infinity), 1);
  s.record(1, 100); // cold start
  let epochs = 0;
  for (let f = 0; f < 60; f++) {
    const n = s.plan(8, 16.7, Infinity);
    epochs += n;
    s.record(n, 2 * n);
  }
  assert.ok(epochs > 100, `${epochs} epochs in the next second`);
});

function fakeIo() {
  let t = 0;
  const queue = [];
  return {
    io: {
      requestFrame: (fn) => { queue.push(fn); return queue.length; },
      cancelFrame: () => { queue.length = 0; },
      now: () => t,
      isHidden: () => false,
      onError: (client, err) => client.fail(err),
    },
    advance(ms, work = 0) {
      t += ms;
      const fns = queue.splice(0);
      for (const fn of fns) { fn(t); t += work; }
      return fns.length;
    },
    get pending() { return queue.length; },
  };
}

function client(training) {
  return {
    training, dirty: true, ticks: [], draws: 0, errors: [],
    wantsFrame() { return this.training || this.dirty; },
    isTraining() { return this.training; },
    tick(ms, dt) { this.ticks.push([ms, dt]); },
    draw() { if (this.dirty || this.training) this.draws++; this.dirty = false; },
    fail(err) { this.errors.push(err.message); this.training = false; },
  };
}

test('frame loop: shares the budget among training panels, draws each once per frame, sleeps when idle', () => {
  const f = fakeIo();
  const loop = new FrameLoop({ ...f.io, budget: new AdaptiveBudget({ maxMs: 8 }) });
  const a = client(true);
  const b = client(true);
  const idle = client(false);
  loop.add(a);
  loop.add(b);
  loop.add(idle);
  assert.equal(f.pending, 1, 'one rAF for all clients');
  f.advance(16);
  assert.deepEqual(a.ticks[0][0], 4, 'budget split in two');
  assert.equal(idle.ticks.length, 0, 'only training clients tick');
  assert.equal(a.draws + b.draws + idle.draws, 3);
  a.training = false;
  b.training = false;
  f.advance(16);
  assert.equal(f.pending, 0, 'nobody wants a frame: the loop sleeps');
  idle.dirty = true;
  loop.wake();
  assert.equal(f.pending, 1);
  f.advance(16);
  assert.equal(idle.draws, 2);
  assert.ok(loop.stats().frames >= 1);
});

test('frame loop: when drawing is slow, panels take turns (least recently drawn first)', () => {
  const f = fakeIo();
  let t = 0;
  const io = { ...f.io, now: () => t };
  const loop = new FrameLoop({ ...io, budget: new AdaptiveBudget({ maxMs: 8, frameTargetMs: 12 }) });
  const slow = [0, 1, 2].map(() => {
    const c = client(false);
    c.dirty = true;
    c.draw = function draw() { if (this.dirty) { this.draws++; t += 7; } this.dirty = false; };
    c.wantsFrame = function wants() { return this.dirty; };
    return c;
  });
  for (const c of slow) loop.add(c);
  f.advance(16);
  assert.deepEqual(slow.map((c) => c.draws), [1, 1, 0], 'two 7 ms draws fill a 12 ms frame');
  assert.equal(f.pending, 1, 'the skipped panel asks for another frame');
  f.advance(16);
  assert.deepEqual(slow.map((c) => c.draws), [1, 1, 1], 'and goes first in it');
  assert.equal(f.pending, 0);
});

test('frame loop: a failing panel does not stop the others', () => {
  const f = fakeIo();
  const loop = new FrameLoop(f.io);
  const bad = client(true);
  bad.tick = () => { throw new Error('boom'); };
  const good = client(true);
  loop.add(bad);
  loop.add(good);
  f.advance(16);
  f.advance(16);
  assert.deepEqual(bad.errors, ['boom']);
  assert.equal(good.ticks.length, 2);
  loop.delete(good);
  loop.delete(bad);
  assert.equal(loop.size, 0);
});

test('color: CSS colours, latent colours, heat pixels', () => {
  assert.deepEqual(parseColor('#2463eb'), [36, 99, 235]);
  assert.deepEqual(parseColor('#fff'), [255, 255, 255]);
  assert.deepEqual(parseColor(' rgb(1, 2, 3) '), [1, 2, 3]);
  assert.deepEqual(parseColor('rgba(10 20 30 / 50%)'), [10, 20, 30]);
  assert.equal(parseColor('tomato'), null);
  assert.deepEqual(hslToRgb(0, 1, 0.5), [255, 0, 0]);
  const c1 = latentColor(0.9, 0.9, 1);
  const c2 = latentColor(-0.9, -0.9, 1);
  assert.notDeepEqual(c1, c2, 'opposite corners differ');
  const px = heatPixels([0, 0.5, 1], { low: [255, 0, 0], high: [0, 0, 255], centre: 0.5, halfRange: 0.5, maxAlpha: 0.5 });
  assert.deepEqual([...px.slice(0, 4)], [255, 0, 0, 128]);
  assert.equal(px[7], 0, 'transparent at the centre');
  assert.deepEqual([...px.slice(8, 12)], [0, 0, 255, 128]);
});

// A canvas whose context records calls and accepts any property: enough to run the plots in Node.
function recordingCanvas() {
  const calls = [];
  const ctx = new Proxy({}, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'measureText') return (s) => ({ width: String(s).length * 6 });
      return (...args) => { calls.push([key, args]); };
    },
    set(target, key, value) { target[key] = value; return true; },
  });
  return { width: 0, height: 0, getContext: () => ctx, calls };
}

const THEME = { bg: '#fff', plotBg: '#f5f6f8', ink: '#111', muted: '#666', grid: '#eee', axis: '#999',
  target: '#2463eb', generated: '#d9362b', disc: '#178046', accent: '#7c3aed', font: 'sans-serif', dark: false };

test('plots: draw in CSS pixels on a HiDPI backing store, following the width', () => {
  globalThis.devicePixelRatio = 2;
  const c = recordingCanvas();
  const xs = linspace(-2, 7, 50);
  const { height } = drawArena1d(c, 600, {
    xRange: [-2, 7], target: targetDensity1d({ target: 'gaussian', targetMean: 3, targetStd: 0.5 }),
    hist: histogram(fixedLatents(1000, 1, 'gaussian'), -2, 7, 72),
    d: { xs, ys: xs.map(() => 0.5), kind: 'probability' }, yMax: 1.3, targetMean: 3, genMean: 0,
  }, THEME);
  assert.equal(height, arenaHeight(600));
  assert.equal(c.width, 1200, 'backing store at devicePixelRatio');
  assert.equal(c.height, 2 * height);
  assert.ok(c.calls.some(([k]) => k === 'fillRect'), 'histogram bars drawn');
  assert.ok(c.calls.some(([k, a]) => k === 'setLineDash' && a[0].length), 'D(x) dashed');
  const narrow = recordingCanvas();
  drawArena1d(narrow, 300, { xRange: [-2, 7], yMax: 1, hist: null, d: null }, THEME);
  assert.equal(narrow.width, 600);
  const h = recordingCanvas();
  drawHistory(h, 300, { xs: [1, 2, 3], ys: [1.2, 1.3, 1.386], reference: { y: LOG4, label: 'log 4' } }, THEME);
  assert.ok(h.calls.some(([k, a]) => k === 'fillText' && a[0] === 'log 4'));
  const m = recordingCanvas();
  drawModes2d(m, 400, { extent: 3, centres: targetCentres({ target: 'ring', modes: 8, radius: 2 }), std: 0.05,
    covered: [true, false, true, true, true, true, true, true], points: fixedLatents(100, 2, 'gaussian') }, THEME);
  assert.equal(m.width, 800);
  assert.equal(m.height, 800, 'square');
  assert.equal(m.calls.filter(([k, a]) => k === 'setLineDash' && a[0].length === 2).length, 1, 'one uncovered (dashed) ring');
  const bars = recordingCanvas();
  drawModeBars(bars, 300, { counts: [1, 2, 3, 4, 5, 6, 7, 0], covered: [1, 1, 1, 1, 1, 1, 1, 0] }, THEME);
  const lat = recordingCanvas();
  drawLatent(lat, 240, { range: [-1, 1], a: [-0.5, -0.5], b: [0.5, 0.5], z: [0, 0] }, THEME);
  const out = recordingCanvas();
  drawWalkerOutput(out, 240, { box: [-2, 2, -2, 2], pattern: Float32Array.from([0, 0, 1, 1]), colors: Uint8Array.from([1, 2, 3, 4, 5, 6]),
    curve: spiralCurve({ radius: 2, spiralTurns: 1.5 }, 20), path: Float32Array.from([0, 0, 1, 1]), current: [0.5, 0.5], a: [0, 0], b: [1, 1] }, THEME);
  const L = latentLayout(240, [-1, 1]);
  const [px, py] = L.toPx([0.25, -0.5]);
  const back = L.fromPx(px, py);
  assert.ok(Math.abs(back[0] - 0.25) < 1e-12 && Math.abs(back[1] + 0.5) < 1e-12, 'pixel <-> latent round trip');
  assert.ok(py > L.toPx([0.25, 0.5])[1], 'y grows upwards');
  delete globalThis.devicePixelRatio;
});
