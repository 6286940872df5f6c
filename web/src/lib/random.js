/**
 * Seeded randomness for the page's own fixed latent points (DOM-free). The engine's RNG is
 * never touched, so what the panels draw does not change the training trajectory.
 *
 * ```js
 * const z = fixedLatents(2000, 1, 'gaussian');   // Float32Array: evenly spaced N(0,1) quantiles
 * const w = fixedLatents(800, 2, 'uniform', 7);  // seeded draws from U(-1,1)^2
 * ```
 * @module random
 */

/** mulberry32: a tiny, fast 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller from a uniform source. */
export function normalSource(uniform) {
  let spare = null;
  return () => {
    if (spare !== null) { const s = spare; spare = null; return s; }
    const u = 1 - uniform(); // (0, 1]
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p) {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  if (p < lowTail || p > 1 - lowTail) {
    const q = Math.sqrt(-2 * Math.log(p < lowTail ? p : 1 - p));
    const x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < lowTail ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * n fixed latent points of `dim` values each, for drawing. With dim 1 they are the noise
 * distribution's evenly spaced quantiles, so a histogram of G at them shows G's output
 * distribution without sampling noise; otherwise seeded draws.
 * @param {number} n
 * @param {number} dim
 * @param {'gaussian'|'uniform'} noise
 * @param {number} [seed]
 * @returns {Float32Array} n * dim values
 */
export function fixedLatents(n, dim, noise, seed = 12345) {
  const out = new Float32Array(n * dim);
  if (dim === 1) {
    for (let i = 0; i < n; i++) {
      const p = (i + 0.5) / n;
      out[i] = noise === 'uniform' ? 2 * p - 1 : normalQuantile(p);
    }
    return out;
  }
  const uniform = mulberry32(seed);
  const normal = normalSource(uniform);
  for (let i = 0; i < out.length; i++) out[i] = noise === 'uniform' ? 2 * uniform() - 1 : normal();
  return out;
}
