/**
 * Small numeric helpers for the plots (DOM-free): ranges, ticks, histograms, the target's
 * density and centres from a run's config.
 *
 * ```js
 * const h = histogram(samples, -2, 6, 64);     // { counts, density, below, above, total }
 * const p = targetDensity1d(run.config());      // x -> density
 * niceTicks(-2, 6, 5)                            // [-2, 0, 2, 4, 6]
 * ```
 * @module math
 */

export const linspace = (lo, hi, n) =>
  Float32Array.from({ length: n }, (_, i) => (n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));

/** Round-number ticks covering [lo, hi], about `count` of them. */
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

/**
 * Histogram of values in [lo, hi) with `bins` equal bins.
 * @returns {{counts: Uint32Array, density: Float64Array, below: number, above: number, total: number}}
 *   density integrates to the share of values inside the range; below/above count the rest.
 */
export function histogram(values, lo, hi, bins) {
  const counts = new Uint32Array(bins);
  let below = 0;
  let above = 0;
  const scale = bins / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= lo)) { below++; continue; } // NaN counts as off-scale
    const b = Math.floor((v - lo) * scale);
    if (b >= bins) above++;
    else counts[b]++;
  }
  const total = values.length;
  const width = (hi - lo) / bins;
  const density = Float64Array.from(counts, (c) => (total ? c / (total * width) : 0));
  return { counts, density, below, above, total };
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
export const gaussianPdf = (x, mean, std) => Math.exp(-0.5 * ((x - mean) / std) ** 2) / (std * SQRT_2PI);

/** Centres of the target's components (1D: [c0, c1, ...]; 2D: [[x, y], ...]) from a run config. */
export function targetCentres(config) {
  const { target, modes, targetMean, spacing, radius, gridSize } = config;
  if (target === 'gaussian') return [targetMean];
  if (target === 'mixture1d') return Array.from({ length: modes }, (_, i) => targetMean + spacing * (i - (modes - 1) / 2));
  if (target === 'ring') {
    return Array.from({ length: modes }, (_, i) => {
      const a = (2 * Math.PI * i) / modes;
      return [radius * Math.cos(a), radius * Math.sin(a)];
    });
  }
  if (target === 'grid') {
    const half = (gridSize - 1) / 2;
    const out = [];
    for (let i = 0; i < gridSize; i++) for (let j = 0; j < gridSize; j++) out.push([spacing * (i - half), spacing * (j - half)]);
    return out;
  }
  return [];
}

/** The 1D target's density function (equal-weight mixture of N(centre, targetStd^2)). */
export function targetDensity1d(config) {
  const centres = targetCentres(config);
  const std = config.targetStd;
  return (x) => centres.reduce((sum, c) => sum + gaussianPdf(x, c, std), 0) / centres.length;
}

/**
 * The x range a 1D panel shows: the target's support (±4 std) and the origin, where an
 * untrained generator starts, with a margin.
 */
export function range1d(config) {
  const centres = targetCentres(config);
  const lo = Math.min(0, Math.min(...centres) - 4 * config.targetStd);
  const hi = Math.max(0, Math.max(...centres) + 4 * config.targetStd);
  const pad = Math.max(1, 0.2 * (hi - lo));
  return [Math.floor(lo - pad), Math.ceil(hi + pad / 2)];
}

/** Half-width of the square a 2D target is shown in (centred on the origin). */
export function extent2d(config) {
  if (config.target === 'ring') return config.radius + Math.max(1, 8 * config.targetStd);
  if (config.target === 'grid') return (config.spacing * (config.gridSize - 1)) / 2 + Math.max(1, 8 * config.targetStd);
  if (config.target === 'spiral') return config.radius * 1.2;
  return 3;
}

/** The spiral target's centre line: n points [x0, y0, x1, y1, ...] (radius * (0.1 + 0.9 t), 2 pi turns t). */
export function spiralCurve(config, n = 200) {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const a = 2 * Math.PI * config.spiralTurns * t;
    const r = config.radius * (0.1 + 0.9 * t);
    out[2 * i] = r * Math.cos(a);
    out[2 * i + 1] = r * Math.sin(a);
  }
  return out;
}

/** An n x n grid of 2D points over [lo, hi]^2, row by row from the top (y = hi) down. */
export function grid2d(lo, hi, n) {
  const out = new Float32Array(2 * n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const k = 2 * (r * n + c);
      out[k] = lo + ((hi - lo) * (c + 0.5)) / n;
      out[k + 1] = hi - ((hi - lo) * (r + 0.5)) / n;
    }
  }
  return out;
}

/** The q-quantile (0..1) of numbers (copied, then sorted). */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const i = Math.floor(pos);
  return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (pos - i) : sorted[i];
}

export const median = (values) => quantile(values, 0.5);

/** Bounds [xmin, xmax, ymin, ymax] of 2D points, ignoring the outer `trim` share on each side. */
export function bounds2d(points, trim = 0) {
  const n = points.length / 2;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) { xs[i] = points[2 * i]; ys[i] = points[2 * i + 1]; }
  return [quantile(xs, trim), quantile(xs, 1 - trim), quantile(ys, trim), quantile(ys, 1 - trim)];
}
