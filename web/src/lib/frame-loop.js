/**
 * One requestAnimationFrame loop for every panel on the page. Each frame it
 *   1. splits the page's training budget (AdaptiveBudget, ~8 ms) among the panels that are
 *      training (playing, on screen), and calls their tick(budgetMs, dtMs);
 *   2. calls draw() on the panels, least recently drawn first, at most once each per frame,
 *      while the frame has time left (one at least), so panels take turns on a slow machine.
 * It sleeps (no rAF pending) when no panel wants a frame and while the tab is hidden.
 * Clients are duck-typed: { wantsFrame(): boolean, isTraining(): boolean, tick(ms, dt), draw() }.
 * Times come from injected functions, so node:test can drive the loop by hand.
 *
 * ```js
 * const loop = sharedLoop();         // the page's loop (browser only)
 * loop.add(widget); loop.wake();     // ask for a frame
 * loop.stats()                       // { frames, medianWorkMs, medianIntervalMs, budgetMs }
 * ```
 * @module frame-loop
 */
import { AdaptiveBudget, Recent } from './scheduler.js';
import { median } from './math.js';

export class FrameLoop {
  #clients = new Set();
  #pending = null;
  #last = null;
  #io;
  #budget;
  #work = new Recent(600);
  #intervals = new Recent(600);
  #frames = 0;
  #drawn = new WeakMap(); // client -> when it last drew (a serial number)
  #serial = 0;

  /**
   * @param {{requestFrame: Function, cancelFrame: Function, now: () => number,
   *   isHidden?: () => boolean, budget?: AdaptiveBudget, onError?: Function}} io
   */
  constructor(io) {
    this.#io = io;
    this.#budget = io.budget ?? new AdaptiveBudget();
  }

  add(client) { this.#clients.add(client); this.wake(); }

  delete(client) {
    this.#clients.delete(client);
    if (this.#clients.size === 0) this.#cancel();
  }

  get size() { return this.#clients.size; }

  /** Request a frame if any client wants one (idempotent). */
  wake() {
    if (this.#pending !== null || this.#io.isHidden?.()) return;
    for (const c of this.#clients) {
      if (c.wantsFrame()) {
        this.#pending = this.#io.requestFrame((t) => this.#frame(t));
        return;
      }
    }
    this.#last = null; // asleep: the next frame's dt must not include the nap
  }

  /** Drop the pending frame (tab hidden). */
  sleep() {
    this.#cancel();
    this.#last = null;
  }

  stats() {
    return {
      frames: this.#frames,
      medianWorkMs: median(this.#work.values()),
      medianIntervalMs: median(this.#intervals.values()),
      budgetMs: this.#budget.ms,
    };
  }

  resetStats() {
    this.#work.clear();
    this.#intervals.clear();
    this.#frames = 0;
  }

  #cancel() {
    if (this.#pending !== null) this.#io.cancelFrame(this.#pending);
    this.#pending = null;
  }

  #frame(timestamp) {
    this.#pending = null;
    const start = this.#io.now();
    const now = Number.isFinite(timestamp) ? timestamp : start;
    const dt = this.#last === null ? 1000 / 60 : now - this.#last;
    if (this.#last !== null) this.#intervals.push(dt);
    this.#last = now;
    const clients = [...this.#clients];
    const training = clients.filter((c) => this.#safe(c, () => c.isTraining(), false));
    const share = this.#budget.ms / Math.max(1, training.length);
    for (const c of training) this.#safe(c, () => c.tick(share, dt));
    const trained = this.#io.now() - start;
    // Draw, least recently drawn first, while the frame has time left (at least one panel
    // per frame): many panels on a slow machine take turns instead of stretching every frame.
    // A panel skipped here stays dirty and is first in line next frame.
    const drawBudget = Math.max(this.#budget.frameTargetMs - trained, 4);
    clients.sort((a, b) => (this.#drawn.get(a) ?? -1) - (this.#drawn.get(b) ?? -1));
    let drew = 0;
    for (const c of clients) {
      if (drew > 0 && this.#io.now() - start - trained > drawBudget) break;
      this.#safe(c, () => c.draw());
      this.#drawn.set(c, this.#serial++);
      drew++;
    }
    const work = this.#io.now() - start;
    if (training.length) {
      this.#budget.update(work, trained);
      this.#work.push(work);
      this.#frames++;
    }
    this.wake();
  }

  #safe(client, fn, fallback) {
    try {
      return fn();
    } catch (err) {
      (this.#io.onError ?? ((c, e) => { throw e; }))(client, err);
      return fallback;
    }
  }
}

let shared = null;

/** The page's loop, on requestAnimationFrame; sleeps while the document is hidden. */
export function sharedLoop() {
  if (shared) return shared;
  shared = new FrameLoop({
    requestFrame: (fn) => requestAnimationFrame(fn),
    cancelFrame: (id) => cancelAnimationFrame(id),
    now: () => performance.now(),
    isHidden: () => document.visibilityState === 'hidden',
    onError: (client, err) => (client.fail ? client.fail(err) : console.error(err)),
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') shared.sleep();
    else shared.wake();
  });
  return shared;
}
