/**
 * How many epochs to train in this frame (DOM-free, no clock of its own: the caller passes
 * times in, so node:test can drive it).
 *
 * Two limits, the smaller wins:
 *  - speed: the reader's chosen pace, `speed * baseEpochsPerSecond` (Infinity = no limit);
 *  - time:  a per-frame training budget in milliseconds. Unused budget is banked (up to one
 *           epoch's cost), so an epoch that costs more than one frame's budget still runs,
 *           every few frames, instead of blowing the frame.
 * The cost of an epoch is learned as it goes (an exponential moving average).
 *
 * ```js
 * const s = new EpochScheduler({ baseEpochsPerSecond: 240 });
 * const n = s.plan(budgetMs, frameDtMs, speed);   // epochs for this frame (maybe 0)
 * const t0 = performance.now(); run.step(n); s.record(n, performance.now() - t0);
 * ```
 * And the page's budget itself adapts: AdaptiveBudget leaves room for drawing inside a frame.
 * @module scheduler
 */

export class EpochScheduler {
  #base;
  #maxPerFrame;
  #msPerEpoch = null; // unknown until the first measurement
  #bank = 0; // ms of training time available
  #owed = 0; // epochs the speed limit allows, fractional

  /**
   * @param {{baseEpochsPerSecond?: number, maxEpochsPerFrame?: number, initialMsPerEpoch?: number}} [options]
   */
  constructor({ baseEpochsPerSecond = 240, maxEpochsPerFrame = 2000, initialMsPerEpoch = null } = {}) {
    this.#base = baseEpochsPerSecond;
    this.#maxPerFrame = maxEpochsPerFrame;
    this.#msPerEpoch = initialMsPerEpoch;
  }

  /** Estimated milliseconds per epoch (null before the first measurement). */
  get msPerEpoch() { return this.#msPerEpoch; }

  /**
   * Epochs to train now.
   * @param {number} budgetMs this frame's training budget
   * @param {number} dtMs time since the previous frame (clamped to 0..100 ms)
   * @param {number} speed multiplier of the base pace; Infinity = as fast as the budget allows
   */
  plan(budgetMs, dtMs, speed = 1) {
    const dt = Math.min(100, Math.max(0, dtMs));
    const cost = this.#msPerEpoch;
    // Bank this frame's budget; never hold more than one frame's budget or one epoch's cost.
    const capacity = Math.max(budgetMs, cost ?? 0);
    this.#bank = Math.min(this.#bank + budgetMs, capacity);
    // What the chosen pace allows (at most 100 ms worth carried over).
    if (speed !== Infinity) {
      const perMs = (speed * this.#base) / 1000;
      this.#owed = Math.min(this.#owed + perMs * dt, Math.max(1, perMs * 100));
    }
    const bySpeed = speed === Infinity ? Infinity : Math.floor(this.#owed);
    const byTime = cost === null ? 1 : Math.floor(this.#bank / cost);
    const epochs = Math.max(0, Math.min(bySpeed, byTime, this.#maxPerFrame));
    if (speed !== Infinity) this.#owed -= epochs;
    return epochs;
  }

  /** Report what plan()'s epochs actually cost. */
  record(epochs, elapsedMs) {
    if (epochs <= 0) return;
    this.#bank = Math.max(0, this.#bank - elapsedMs); // no debt: the cost estimate already paces slow epochs
    const cost = elapsedMs / epochs;
    // Quick to believe epochs got cheaper (the first calls run before the wasm tiers up),
    // slow to believe one expensive measurement (a GC pause, a busy machine).
    const prev = this.#msPerEpoch;
    this.#msPerEpoch = prev === null ? cost : cost < prev ? 0.5 * prev + 0.5 * cost : 0.85 * prev + 0.15 * cost;
  }

  /** Forget the pace carry-over (e.g. after pause), keep the learned cost. */
  pause() {
    this.#owed = 0;
    this.#bank = 0;
  }
}

/**
 * The whole page's training budget per frame, shared by every training panel. A frame's
 * work is training plus everything else (stats, sampling, drawing); the budget is what is
 * left of frameTargetMs after the (averaged) rest, between minMs and maxMs. Averages, not
 * single frames: one long epoch must not starve training for seconds.
 *
 * ```js
 * const b = new AdaptiveBudget({ maxMs: 8, frameTargetMs: 12 });
 * b.update(workMs, trainMs);     // last frame: all work, and the training part of it
 * b.ms                           // training budget for the next frame
 * ```
 */
export class AdaptiveBudget {
  #ms;
  #other = null; // EMA of the non-training work per frame
  constructor({ maxMs = 8, minMs = 2, frameTargetMs = 12 } = {}) {
    this.maxMs = maxMs;
    this.minMs = minMs;
    this.frameTargetMs = frameTargetMs;
    this.#ms = maxMs;
  }

  get ms() { return this.#ms; }
  /** Average milliseconds per frame spent outside training (drawing, stats). */
  get otherMs() { return this.#other ?? 0; }

  /**
   * @param {number} workMs what the last frame spent in training and drawing
   * @param {number} [trainMs] the training part of it (default: none)
   */
  update(workMs, trainMs = 0) {
    if (!Number.isFinite(workMs)) return this.#ms;
    const other = Math.max(0, workMs - (Number.isFinite(trainMs) ? trainMs : 0));
    this.#other = this.#other === null ? other : 0.9 * this.#other + 0.1 * other;
    this.#ms = Math.min(this.maxMs, Math.max(this.minMs, this.frameTargetMs - this.#other));
    return this.#ms;
  }
}

/** Fixed-size ring of recent numbers, for frame-time statistics. */
export class Recent {
  #values;
  #next = 0;
  #count = 0;
  constructor(size = 240) { this.#values = new Float64Array(size); }
  push(v) {
    this.#values[this.#next] = v;
    this.#next = (this.#next + 1) % this.#values.length;
    this.#count = Math.min(this.#count + 1, this.#values.length);
  }
  get count() { return this.#count; }
  values() {
    return this.#count < this.#values.length ? this.#values.slice(0, this.#count) : this.#values.slice();
  }
  clear() { this.#next = 0; this.#count = 0; }
}
