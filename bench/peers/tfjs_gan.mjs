// Peer columns "tfjs-wasm" and "tfjs-cpu": the blog's two reference workloads written the
// way a TensorFlow.js 4.22 user writes them (tf.variable, tf.train.sgd, minimize in tf.tidy).
//
//   node bench/peers/tfjs_gan.mjs --backend wasm|cpu --workload 1d|wgan --epochs N --repeats R [--warmup W]
//
// prints one JSON line per repeat. As a module: `await runTfjs({backend, workload, epochs, repeats})`
// resolves to an array of epochs/s, one per repeat (its .cpu holds epochs per CPU-second);
// `tfjsInfo()` names the loaded wasm variant.
import { register, createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// tfjs-core's Node bundle (its package "main") registers no gradients and no chained ops; the
// @tensorflow/tfjs union package adds them from core's ESM files, which are extensionless and
// not marked as modules, so Node cannot load them as shipped. This hook fixes exactly that, then
// we import register_all_gradients.js as the union package does (registries are global, so the
// gradients land in the same engine). Ops are called as tf.matMul(x, w) since x.matMul is absent.
register('data:text/javascript,' + encodeURIComponent(`
const CORE = '/@tensorflow/tfjs-core/dist/';
export async function resolve(spec, ctx, next) {
  if (ctx.parentURL?.includes(CORE) && /^\\.\\.?\\//.test(spec) && !spec.endsWith('.js')) spec += '.js';
  const r = await next(spec, ctx);
  return r.url.includes(CORE) && !r.url.endsWith('tf-core.node.js') ? { ...r, format: 'module' } : r;
}`));
const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
await import('@tensorflow/tfjs-backend-cpu');
const tfwasm = await import('@tensorflow/tfjs-backend-wasm');
tf.enableProdMode(); // also silences the "install tfjs-node" banner on stdout

// Emscripten's loader in Node reads the binary with fs from whatever path locateFile
// returns, so a plain directory prefix is enough (a data: or http URL is not: it is passed
// to fs and fails). In Node tfjs never picks the threaded build (WASM_HAS_MULTITHREAD_SUPPORT
// is false there): it loads the SIMD build when the runtime validates SIMD, else the plain one.
const require = createRequire(import.meta.url);
tfwasm.setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/');

const BATCH = 256;

export async function tfjsInfo() {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return {
    backend: tf.getBackend(),
    wasmVariant: simd && threads ? 'threaded-simd' : simd ? 'simd' : 'plain',
    tfjsVersion: tf.version_core,
  };
}

// A 2-layer ReLU MLP with He-initialised tf.variables.
function mlp(nIn, nHidden, nOut) {
  const he = (fanIn, shape) => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn)));
  const [W1, b1, W2, b2] = tf.tidy(() => [he(nIn, [nIn, nHidden]), tf.variable(tf.zeros([nHidden])),
    he(nHidden, [nHidden, nOut]), tf.variable(tf.zeros([nOut]))]);
  const net = (x) => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, W1), b1)), W2), b2);
  net.vars = [W1, b1, W2, b2];
  return net;
}

export function gan1d() {
  const G = mlp(1, 64, 1), D = mlp(1, 64, 1); // D returns logits
  const dOpt = tf.train.sgd(0.002), gOpt = tf.train.sgd(0.001);
  const ones = tf.ones([BATCH, 1]), zeros = tf.zeros([BATCH, 1]);
  const bce = (labels, logits) => tf.losses.sigmoidCrossEntropy(labels, logits);
  const epoch = () => tf.tidy(() => {
    const real = tf.randomNormal([BATCH, 1], 3, 0.5);
    const fake = G(tf.randomNormal([BATCH, 1]));
    dOpt.minimize(() => bce(ones, D(real)), false, D.vars);            // D step, real batch
    dOpt.minimize(() => bce(zeros, D(fake)), false, D.vars);           // D step, fake batch
    gOpt.minimize(() => bce(ones, D(G(tf.randomNormal([BATCH, 1])))), false, G.vars); // -log D(G(z))
  });
  return { epoch, G, probe: G.vars[0], dispose: () => [...G.vars, ...D.vars, ones, zeros, dOpt, gOpt].forEach((t) => t.dispose()) };
}

export function wgan() {
  const G = mlp(2, 128, 2), C = mlp(2, 128, 1);
  const cOpt = tf.train.sgd(0.0002), gOpt = tf.train.sgd(0.0001);
  const centers = tf.tensor2d([...Array(8).keys()].map((i) => [2 * Math.cos(i * Math.PI / 4), 2 * Math.sin(i * Math.PI / 4)]));
  // Indices from tf.randomUniformInt (uniform on 0..7); floor(randomUniform(0, 8)) can hit 8 in float32.
  const ring = () => tf.add(tf.gather(centers, tf.randomUniformInt([BATCH], 0, 8)), tf.randomNormal([BATCH, 2], 0, 0.05));
  const [cW1, , cW2] = C.vars;
  const epoch = () => {
    for (let k = 0; k < 5; k++) {
      tf.tidy(() => {
        const real = ring();
        const fake = G(tf.randomNormal([BATCH, 2]));
        // Same two sequential updates as the blog: descend on f(fake), then ascend on f(real).
        cOpt.minimize(() => tf.mean(C(fake)), false, C.vars);
        cOpt.minimize(() => tf.neg(tf.mean(C(real))), false, C.vars);
        cW1.assign(tf.clipByValue(cW1, -0.01, 0.01));
        cW2.assign(tf.clipByValue(cW2, -0.01, 0.01));
      });
    }
    tf.tidy(() => { gOpt.minimize(() => tf.neg(tf.mean(C(G(tf.randomNormal([BATCH, 2]))))), false, G.vars); });
  };
  return { epoch, G, probe: G.vars[0], dispose: () => [...G.vars, ...C.vars, centers, cOpt, gOpt].forEach((t) => t.dispose()) };
}

export async function runTfjs({ backend = 'wasm', workload = '1d', epochs = 200, repeats = 5,
  warmup = workload === 'wgan' ? 20 : 100 } = {}) {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed to initialise`);
  await tf.ready();
  const model = workload === 'wgan' ? wgan() : gan1d();
  for (let i = 0; i < warmup; i++) model.epoch();
  await model.probe.data();
  const rates = [], cpu = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    for (let i = 0; i < epochs; i++) model.epoch();
    await model.probe.data(); // the cpu and wasm backends are synchronous; this is just a barrier
    rates.push(epochs / ((performance.now() - t0) / 1000));
    const c = process.cpuUsage(c0);
    cpu.push(epochs / ((c.user + c.system) / 1e6));
  }
  model.dispose();
  rates.cpu = cpu; // epochs per CPU-second of this process: steadier than wall time on a shared machine
  return rates;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
  const backend = arg('backend', 'wasm'), workload = arg('workload', '1d');
  const warmup = arg('warmup');
  const opts = { backend, workload, epochs: +arg('epochs', 200), repeats: +arg('repeats', 5), ...(warmup != null && { warmup: +warmup }) };
  const rates = await runTfjs(opts);
  const info = await tfjsInfo();
  const variant = backend === 'wasm' ? info.wasmVariant : 'js';
  rates.forEach((r, i) => console.log(JSON.stringify({ peer: `tfjs-${backend}`, workload, epochsPerSec: +r.toFixed(2),
    cpuEpochsPerSec: +rates.cpu[i].toFixed(2), epochs: opts.epochs, variant, tfjs: info.tfjsVersion })));
}
