// The documented engine API, end to end, for every preset, on the real wasm module.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadEngine, withRun } from './helpers.mjs';

const engine = await loadEngine();
const presets = engine.presets();

test('loadEngine returns the same engine every time', async () => {
  assert.equal(await loadEngine(), engine);
});

test('presets() lists the panel presets with full configs', () => {
  const names = presets.map((p) => p.name);
  for (const name of ['blog-1d', 'blog-1d-sgd', 'ring-gan', 'ring-wgan', 'ring-wgan-gp', 'ring-cgan', 'walker']) {
    assert.ok(names.includes(name), `missing preset ${name}`);
  }
  const sgd = presets.find((p) => p.name === 'blog-1d-sgd').config;
  assert.deepEqual([sgd.gOpt, sgd.dOpt, sgd.gLr, sgd.dLr, sgd.dUpdate], ['sgd', 'sgd', 0.001, 0.002, 'split']);
  assert.ok(engine.options().some((o) => o.name === 'gLr' && o.min === 0));
});

for (const { name, config } of presets) {
  test(`${name}: step, sample, stats, D and G at given points, save/load`, async () => {
    await withRun(engine, name, { seed: 3 }, (run) => {
      const dim = config.target === 'gaussian' || config.target === 'mixture1d' ? 1 : 2;
      assert.equal(run.dim, dim);
      assert.equal(run.noiseDim, config.noiseDim);
      assert.equal(run.config().preset, name);

      run.step(20);
      assert.equal(run.epoch, 20);
      const s = run.stats();
      assert.equal(s.epoch, 20);
      assert.equal(s.status, 'ok');
      assert.ok(Number.isFinite(s.dLoss) && Number.isFinite(s.gLoss));
      assert.equal(s.mean.length, dim);
      assert.equal(s.std.length, dim);
      if (dim === 1) assert.ok(s.w1 >= 0 && s.ks >= 0 && s.ks <= 1);
      if (config.target === 'ring') {
        assert.equal(s.modesTotal, 8);
        assert.ok(s.modesCovered >= 0 && s.modesCovered <= 8);
      }
      const wasserstein = config.loss === 'wgan' || config.loss === 'wgan-gp';
      assert.equal(Number.isFinite(s.wEstimate), wasserstein);

      const xs = run.sample(500);
      assert.ok(xs instanceof Float32Array);
      assert.equal(xs.length, 500 * dim);
      assert.ok(xs.every(Number.isFinite));

      const label = run.classes > 0 ? { label: 2 } : {};
      const points = new Float32Array(10 * dim).map((_, i) => i / 5 - 1);
      const d = run.evaluateD(points, label);
      assert.equal(d.length, 10);
      if (config.loss === 'gan') assert.ok(d.every((p) => p > 0 && p < 1), 'D(x) is a probability');
      assert.equal(run.gradientD(points, label).length, 10 * dim);

      const z = new Float32Array(7 * run.noiseDim).fill(0.25);
      const g = run.generate(z, label);
      assert.equal(g.length, 7 * dim);
      for (let i = 1; i < 7; i++) for (let k = 0; k < dim; k++) assert.equal(g[i * dim + k], g[k], 'same latent, same point');

      const bytes = run.saveGenerator();
      assert.ok(bytes instanceof Uint8Array && bytes.length > 16);
      const before = run.generate(z, label);
      run.step(5);
      run.loadGenerator(bytes);
      assert.deepEqual(run.generate(z, label), before, 'loading restores the generator exactly');
    });
  });
}

test('conditional sampling draws each class near its own ring centre', async () => {
  await withRun(engine, 'ring-cgan', { seed: 1 }, (run) => {
    assert.equal(run.classes, 8);
    run.step(1500);
    for (const label of [0, 2, 5]) {
      const xs = run.sampleClass(label, 200);
      let mx = 0;
      let my = 0;
      for (let i = 0; i < 200; i++) (mx += xs[2 * i] / 200), (my += xs[2 * i + 1] / 200);
      const angle = (2 * Math.PI * label) / 8;
      assert.ok(Math.hypot(mx - 2 * Math.cos(angle), my - 2 * Math.sin(angle)) < 0.5, `class ${label} mean (${mx}, ${my})`);
    }
  });
});

test('stats() is a pure function of the weights; sample() draws fresh points', async () => {
  await withRun(engine, 'blog-1d', { seed: 2 }, (run) => {
    run.step(50);
    assert.deepEqual(run.stats(), run.stats());
    assert.notDeepEqual(run.sample(10), run.sample(10));
  });
});

test('reset() returns to epoch 0 and replays the same run', async () => {
  await withRun(engine, 'ring-wgan', { seed: 4 }, (run) => {
    run.step(30);
    const first = run.stats();
    run.reset();
    assert.equal(run.epoch, 0);
    run.step(30);
    assert.deepEqual(run.stats(), first);
  });
});

test('a caller-supplied point set trains', async () => {
  const points = [0, 0, 1, 1, -1, 1, 1, -1];
  await withRun(engine, 'ring-gan', { target: 'points', points, pointsDim: 2, pointsJitter: 0.05 }, (run) => {
    run.step(10);
    assert.equal(run.sample(5).length, 10);
    assert.equal(run.stats().status, 'ok');
  });
});

test('several runs are independent', async () => {
  const a = engine.create('blog-1d', { seed: 9 });
  const b = engine.create('blog-1d', { seed: 9 });
  const c = engine.create('blog-1d', { seed: 10 });
  a.step(40);
  c.step(40);
  b.step(40);
  assert.deepEqual(a.stats(), b.stats());
  assert.notDeepEqual(a.stats(), c.stats());
  [a, b, c].forEach((r) => r.dispose());
});
