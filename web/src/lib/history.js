/**
 * A bounded time series for the small history charts (DOM-free). When full it keeps every
 * other point, so the whole run stays visible at a resolution that halves as it grows.
 *
 * ```js
 * const h = new Series(400);
 * h.push(epoch, dLoss);          // non-finite values are skipped
 * h.xs, h.ys, h.length           // what the chart draws
 * ```
 * @module history
 */
export class Series {
  #cap;
  #stride = 1; // keep one pushed point in `stride`
  #skipped = 0;

  /** @param {number} cap maximum points kept (even, >= 4) */
  constructor(cap = 400) {
    this.#cap = Math.max(4, cap - (cap % 2));
    this.xs = [];
    this.ys = [];
  }

  get length() { return this.xs.length; }

  /** The last pushed y (or undefined). */
  get last() { return this.ys[this.ys.length - 1]; }

  push(x, y) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (this.xs.length && x <= this.xs[this.xs.length - 1]) return; // history only moves forward
    if (++this.#skipped < this.#stride) return;
    this.#skipped = 0;
    this.xs.push(x);
    this.ys.push(y);
    if (this.xs.length >= this.#cap) {
      this.xs = this.xs.filter((_, i) => i % 2 === 1);
      this.ys = this.ys.filter((_, i) => i % 2 === 1);
      this.#stride *= 2;
    }
  }

  clear() {
    this.xs = [];
    this.ys = [];
    this.#stride = 1;
    this.#skipped = 0;
  }

  /** [min, max] of the ys (NaN, NaN when empty). */
  extent() {
    if (!this.ys.length) return [NaN, NaN];
    let lo = Infinity;
    let hi = -Infinity;
    for (const y of this.ys) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
    return [lo, hi];
  }
}
