// Long runs must not leak: after warm-up, the wasm heap and the count of live
// embind handles stay flat over 100,000 epochs and 10,000 sample()/stats() calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadEngine } from './helpers.mjs';

const engine = await loadEngine();

function footprint() {
  return { heap: engine.heapBytes(), ...engine.liveHandles() };
}

test('100,000 epochs and 10,000 sample()/stats() calls keep the heap and handles flat', { timeout: 600_000 }, () => {
  const run = engine.create('blog-1d', { seed: 1 });
  // Warm-up: every buffer reaches its working size (training batch, evaluation chunks, stats).
  run.step(100);
  run.sample(2500);
  run.stats();
  const before = footprint();

  for (let i = 0; i < 100; i++) run.step(1000);
  for (let i = 0; i < 10_000; i++) {
    run.sample(256);
    run.stats();
  }
  assert.equal(run.epoch, 100_100);
  assert.deepEqual(footprint(), before);
  run.dispose();
});

test('creating and disposing 300 runs returns every handle and keeps the heap bounded', () => {
  const warm = engine.create('ring-wgan-gp');
  warm.step(2);
  warm.dispose();
  const before = footprint();
  for (let i = 0; i < 300; i++) {
    const run = engine.create(i % 2 ? 'ring-wgan-gp' : 'walker', { seed: i });
    run.step(1);
    run.stats();
    run.dispose();
  }
  assert.deepEqual(footprint(), before);
});
