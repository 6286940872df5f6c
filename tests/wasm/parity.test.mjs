// The same preset and seed give the same numbers in wasm as in the native CLI.
// Training is bit-identical: the engine avoids libm in training (its own exp/log,
// written in plain IEEE arithmetic), compiles without FMA contraction, and its
// vector kernels fix the summation order on both targets. Only w1 and ks go
// through the C library's erfc (evaluation, not training), which glibc and
// Emscripten's musl may round differently in the last bits: tolerance 1e-12 there.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadEngine, runCli, withRun } from './helpers.mjs';

const engine = await loadEngine();
const LIBM_FIELDS = new Set(['w1', 'ks']);

function nativeStats(preset, seed, epochs) {
  const lines = runCli(['train', '--preset', preset, '--seed', String(seed), '--epochs', String(epochs), '--json']).trim().split('\n');
  return JSON.parse(lines.at(-1));
}

const cases = [
  ['blog-1d', 7, 300],
  ['blog-1d-sgd', 1, 300],
  ['ring-gan', 2, 60],
  ['ring-wgan', 3, 60],
  ['ring-wgan-gp', 4, 60],
  ['ring-cgan', 5, 60],
  ['walker', 6, 40],
];

for (const [preset, seed, epochs] of cases) {
  test(`${preset} seed ${seed}: ${epochs} epochs give the native stats and samples`, async () => {
    const native = nativeStats(preset, seed, epochs);
    await withRun(engine, preset, { seed }, (run) => {
      run.step(epochs);
      const wasm = run.stats();
      assert.deepEqual(Object.keys(wasm).sort(), Object.keys(native).sort());
      for (const [key, value] of Object.entries(native)) {
        if (LIBM_FIELDS.has(key)) assert.ok(Math.abs(wasm[key] - value) <= 1e-12, `${key}: ${wasm[key]} vs ${value}`);
        else assert.deepEqual(wasm[key], value, key);
      }
      const csv = runCli(['sample', '--preset', preset, '--seed', String(seed), '--epochs', String(epochs), '--n', '64']);
      const nativeSamples = Float32Array.from(csv.trim().split(/[\n,]/).map(Number));
      assert.deepEqual(run.sample(64), nativeSamples);
    });
  });
}
