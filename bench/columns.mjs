// The benchmark's columns: each returns { label, runs: [epochs/s...], gflops?: [...], note? }
// for one workload, or null when the peer is not available here (with the reason in note).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadEngine } from '../web/src/engine.js';

const root = fileURLToPath(new URL('../', import.meta.url));
export const EPOCHS = { '1d': 3000, wgan: 500 };

/** Our engine as wasm in Node, through the public API (engine.create + run.step). */
export async function oursWasm(workload, repeats) {
  const engine = await loadEngine();
  const { config, flopsPerEpoch } = engine.workloads().find((w) => w.name === workload);
  const { preset, ...overrides } = config;
  const runs = [];
  for (let r = 0; r < repeats; r++) {
    const run = engine.create(preset, overrides);
    run.step(Math.ceil(EPOCHS[workload] / 10)); // warm-up: buffers sized, code hot
    const start = performance.now();
    run.step(EPOCHS[workload]);
    runs.push((EPOCHS[workload] * 1000) / (performance.now() - start));
    run.dispose();
  }
  return { label: 'ours, wasm (Node)', runs, gflops: runs.map((e) => (e * flopsPerEpoch) / 1e9) };
}

/** Our engine natively: `gan bench` prints one JSON line per repeat. */
export function oursNative(workload, repeats) {
  const cli = `${root}build/gan`;
  if (!existsSync(cli)) return { label: 'ours, native', note: 'build/gan missing: run npm run build' };
  const out = execFileSync(cli, ['bench', '--workload', workload, '--epochs', String(EPOCHS[workload]), '--repeats', String(repeats)], {
    encoding: 'utf8',
  });
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  return { label: 'ours, native', runs: lines.map((l) => l.epochsPerSec), gflops: lines.map((l) => l.gflops) };
}

/** The blog's NumPy listing (bench/peers/numpy_blog.py), single-threaded BLAS. */
export function numpy(workload, repeats) {
  const epochs = workload === '1d' ? 500 : 60;
  let out;
  try {
    out = execFileSync('python3', [`${root}bench/peers/numpy_blog.py`, '--workload', workload, '--epochs', String(epochs), '--repeats', String(repeats)], {
      encoding: 'utf8',
    });
  } catch (err) {
    return { label: 'NumPy (blog listing)', note: `python3 failed: ${err.message.split('\n')[0]}` };
  }
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  if (lines[0]?.skipped) return { label: 'NumPy (blog listing)', note: lines[0].skipped };
  return { label: `NumPy (blog listing, ${blasName()})`, runs: lines.map((l) => l.epochsPerSec) };
}

function blasName() {
  const probe = "import numpy;numpy.ones((2,2))@numpy.ones((2,2));print(next((l.split()[-1].split('/')[-1] for l in open('/proc/self/maps') if 'blas' in l),'?'))";
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      return execFileSync(py, ['-c', probe], { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } }).trim();
    } catch {
      // try the next interpreter
    }
  }
  return 'BLAS unknown';
}

/** TensorFlow.js 4.22 with the wasm (SIMD, single thread) or the plain-JS cpu backend. */
export async function tfjs(backend, workload, repeats) {
  const { runTfjs, tfjsInfo } = await import('./peers/tfjs_gan.mjs');
  const epochs = { wasm: { '1d': 300, wgan: 60 }, cpu: { '1d': 100, wgan: 15 } }[backend][workload];
  const runs = await runTfjs({ backend, workload, epochs, repeats });
  const info = await tfjsInfo();
  return { label: `TF.js ${backend}${backend === 'wasm' ? ` (${info.wasmVariant})` : ''}`, runs: [...runs] };
}

/** GFLOP/s of a 512 x 512 matrix product in our kernel: native (CLI) and wasm (Node). */
export async function matmul(repeats) {
  const engine = await loadEngine();
  const wasm = Array.from({ length: repeats }, () => engine.matmulGflops(512, 10));
  const cli = `${root}build/gan`;
  const native = existsSync(cli)
    ? execFileSync(cli, ['bench', '--matmul', '--repeats', String(repeats)], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l).gflops)
    : [];
  return { wasm, native };
}
