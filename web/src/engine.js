/**
 * The GAN engine's JavaScript API: loads the WebAssembly module once and
 * wraps its raw embind calls in validated, documented methods. Works the same
 * in the browser and in Node.js.
 *
 * ```js
 * import { loadEngine } from './engine.js';
 * const engine = await loadEngine();
 * const run = engine.create('ring-wgan-gp', { seed: 7 });
 * run.step(100);                      // 100 epochs
 * const xs = run.sample(2000);        // Float32Array, 2000 * run.dim values
 * const s = run.stats();              // { epoch, dLoss, gLoss, ... }
 * run.dispose();                      // frees the wasm object; nothing else needs freeing
 * ```
 *
 * Every bad argument throws (TypeError for a wrong type, RangeError for a value
 * out of range, Error for an engine-level rule) with a message naming the
 * argument and the allowed values; the engine and the run keep working.
 * @module engine
 */
import { checkCount, checkLabel, checkOverrides, checkPoints, checkPreset, toSettingsText } from './validate.js';

/** Caps enforced by the engine (cpp/gan/config.hpp). */
export const LIMITS = Object.freeze({ maxSamples: 1_000_000, maxStepEpochs: 1_000_000 });

let enginePromise = null;
let liveRuns = 0; // created and not yet disposed, across engines

/**
 * Loads and instantiates the wasm module once; later calls return the same engine.
 * @param {{wasmUrl?: string|URL}} [options] where gan.wasm lives (default: ../wasm/gan.wasm beside this file)
 * @returns {Promise<Engine>}
 */
export function loadEngine(options = {}) {
  enginePromise ??= instantiate(options).then((module) => new Engine(module));
  return enginePromise.catch((err) => {
    enginePromise = null; // let a later call retry (e.g. after a network error)
    throw err;
  });
}

async function instantiate({ wasmUrl } = {}) {
  const url = new URL(wasmUrl ?? '../wasm/gan.wasm', import.meta.url);
  const { default: createGanModule } = await import('../wasm/gan.js');
  const isNode = typeof process === 'object' && typeof process.versions?.node === 'string' && typeof window === 'undefined';
  if (isNode) {
    // Emscripten 3.1.6's Node path expects CommonJS globals and would fetch() a file path:
    // hand it the bytes instead (see scripts/EMSCRIPTEN-NOTES.md).
    const [{ readFile }, { createRequire }, { fileURLToPath }, path] = await Promise.all([
      import('node:fs/promises'), import('node:module'), import('node:url'), import('node:path'),
    ]);
    globalThis.require ??= createRequire(import.meta.url);
    globalThis.__dirname ??= path.dirname(fileURLToPath(new URL('../wasm/gan.js', import.meta.url)));
    return createGanModule({ wasmBinary: await readFile(fileURLToPath(url)) });
  }
  return createGanModule({ locateFile: () => url.href });
}

/** The loaded engine: presets, options and the factory for runs. */
export class Engine {
  #module;
  #catalog;

  /** @param {object} module the instantiated Emscripten module (use loadEngine()) */
  constructor(module) {
    this.#module = module;
    this.#catalog = JSON.parse(module.presetsJson());
  }

  /** @returns {{name: string, description: string, config: object}[]} every preset with its full config */
  presets() {
    return structuredClone(this.#catalog.presets);
  }

  /** @returns {{name, help, range, min, max, minOpen, integer, choices}[]} every override key with its allowed values */
  options() {
    return structuredClone(this.#catalog.options);
  }

  /**
   * Starts a training run.
   * @param {string} preset a preset name (see presets())
   * @param {object} [overrides] option name -> value (see options()); also `points`
   *   (number[] | Float32Array) and `pointsDim` for target 'points'
   * @returns {Run}
   */
  create(preset, overrides = {}) {
    checkPreset(preset, this.#catalog.presets);
    const { settings, points } = checkOverrides(overrides, this.#catalog.options);
    const raw = new this.#module.Run();
    const ok = raw.init(preset, toSettingsText(settings), points ?? null);
    const error = raw.takeError();
    if (!ok) {
      raw.delete();
      throw new Error(`create('${preset}'): ${error}`);
    }
    return new Run(raw, preset);
  }

  /**
   * The benchmark's reference workloads (the blog's listings, for npm run bench):
   * [{name, config, flopsPerEpoch}]; run one with create(config.preset, config).
   */
  workloads() {
    return structuredClone(this.#catalog.workloads);
  }

  /** GFLOP/s of an n x n matrix product in the engine's own kernel, in this runtime. */
  matmulGflops(n = 512, repeats = 10) {
    checkCount(n, 2048, 'n');
    checkCount(repeats, 1000, 'repeats');
    return this.#module.matmulGflops(n, repeats);
  }

  /** Runs not yet disposed, and embind's live JS value handles: for leak tests. */
  liveHandles() {
    return { runs: liveRuns, values: this.#module.count_emval_handles() };
  }

  /** Bytes of wasm memory (grows, never shrinks): for leak tests. */
  heapBytes() {
    return this.#module.HEAP8.length;
  }
}

/** One training run. Dispose it when done; every other result is plain JS data. */
export class Run {
  #raw;
  #preset;

  constructor(raw, preset) {
    this.#raw = raw;
    this.#preset = preset;
    liveRuns++;
    /** Dimension of the data (1 or 2). */
    this.dim = raw.dim();
    /** Dimension of the latent noise. */
    this.noiseDim = raw.noiseDim();
    /** Number of classes of a conditional run (0 otherwise). */
    this.classes = raw.classes();
  }

  get preset() { return this.#preset; }
  /** Epochs trained so far. */
  get epoch() { return this.#live().epoch(); }
  get disposed() { return this.#raw === null; }

  /** The run's full configuration (preset + overrides), as a plain object. */
  config() { return JSON.parse(this.#call('config', (r) => r.configJson())); }

  /**
   * Trains `epochs` epochs (each: nCritic D/critic updates, then one G update).
   * Stops early, without error, once the run has diverged (see stats().status).
   * @param {number} [epochs=1] whole number, 0..1,000,000
   */
  step(epochs = 1) {
    checkCount(epochs, LIMITS.maxStepEpochs, 'epochs');
    this.#call('step', (r) => r.step(epochs));
  }

  /** @param {number} n whole number, 0..1,000,000 @returns {Float32Array} n * dim generated values */
  sample(n) {
    checkCount(n, LIMITS.maxSamples, 'n');
    return this.#floats('sample', (r) => r.sample(n));
  }

  /** Conditional runs: n points of class `label`. @returns {Float32Array} */
  sampleClass(label, n) {
    checkLabel(label, this.classes, true);
    checkCount(n, LIMITS.maxSamples, 'n');
    return this.#floats('sampleClass', (r) => r.sampleClass(label, n));
  }

  /**
   * G at the given latent points.
   * @param {number[]|Float32Array} latents n * noiseDim values
   * @param {{label?: number}} [options] the class, required for conditional runs
   * @returns {Float32Array} n * dim values
   */
  generate(latents, { label } = {}) {
    const z = checkPoints(latents, this.noiseDim, 'latents', LIMITS.maxSamples);
    const l = checkLabel(label, this.classes, false);
    return this.#floats('generate', (r) => r.generate(z, l));
  }

  /**
   * D at the given points: the probability D(x) for loss 'gan', the raw critic/LSGAN score otherwise.
   * @param {number[]|Float32Array} points n * dim values
   * @param {{label?: number}} [options]
   * @returns {Float32Array} n values
   */
  evaluateD(points, { label } = {}) {
    const x = checkPoints(points, this.dim, 'points', LIMITS.maxSamples);
    const l = checkLabel(label, this.classes, false);
    return this.#floats('evaluateD', (r) => r.evaluateD(x, l));
  }

  /** d evaluateD / dx at the given points. @returns {Float32Array} n * dim values */
  gradientD(points, { label } = {}) {
    const x = checkPoints(points, this.dim, 'points', LIMITS.maxSamples);
    const l = checkLabel(label, this.classes, false);
    return this.#floats('gradientD', (r) => r.gradientD(x, l));
  }

  /**
   * Statistics of 2500 generated samples (a fixed evaluation stream, so equal weights give equal stats):
   * { epoch, dLoss, gLoss, dLossAvg, wEstimate, mean[], std[], status, divergedAt, evalSamples?,
   *   w1?, ks? (1D targets), modesCovered?, modesTotal?, highQuality?, reverseKL?, modeCounts? (mixtures) }.
   * Numbers that are not finite (e.g. wEstimate of a non-Wasserstein run) are null.
   */
  stats() { return JSON.parse(this.#call('stats', (r) => r.statsJson())); }

  /** The generator's weights and shaping config as compact bytes. @returns {Uint8Array} */
  saveGenerator() { return this.#call('saveGenerator', (r) => r.saveGenerator()).slice(); }

  /** Loads weights saved by saveGenerator() or `gan train --save` into this run's generator. */
  loadGenerator(bytes) {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('loadGenerator(bytes): bytes must be a Uint8Array');
    this.#call('loadGenerator', (r) => r.loadGenerator(bytes));
  }

  /** Back to epoch 0 with the same config and seed (also after divergence). */
  reset() { this.#call('reset', (r) => r.reset()); }

  /** Frees the wasm object. Safe to call twice; any other call afterwards throws. */
  dispose() {
    if (this.#raw === null) return;
    this.#raw.delete();
    this.#raw = null;
    liveRuns--;
  }

  #live() {
    if (this.#raw === null) throw new Error(`run '${this.#preset}' was disposed; create a new one`);
    return this.#raw;
  }

  #call(name, fn) {
    const raw = this.#live();
    const result = fn(raw);
    const error = raw.takeError();
    if (error) throw new Error(`${name}: ${error}`);
    return result;
  }

  // The raw call returns a view into wasm memory, valid only until the next call: copy it.
  #floats(name, fn) {
    return this.#call(name, fn).slice();
  }
}
