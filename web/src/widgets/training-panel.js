/**
 * TrainingPanel: a GanElement that trains a run, frame by frame: play/pause, step, reset,
 * speed; an EpochScheduler sharing the frame budget; throttled stats; 'gan-step' events.
 * fillSegmented: the segmented button groups (loss, optimizer) the training panels share.
 * @module widgets/training-panel
 */
import { GanElement, ICONS } from './base.js';
import { EpochScheduler } from '../lib/scheduler.js';
import { speedOptions } from '../lib/state.js';
import { formatSpeed } from '../lib/format.js';

/** A panel that trains a run live. Subclasses add the plots, readouts and their own options. */
export class TrainingPanel extends GanElement {
  static baseEpochsPerSecond = 240;
  static stepEpochs = 10;

  constructor() {
    super();
    this._playing = false;
    this._stats = null;
    this._statsAt = -Infinity;
    this._statsEpoch = -1;
    this._trainedThisFrame = false;
    this._scheduler = this.#newScheduler();
    this.$('.play')?.addEventListener('click', () => (this._playing ? this.pause() : this.play()));
    this.$('.step')?.addEventListener('click', () => this.step());
    this.$('.reset')?.addEventListener('click', () => this.reset());
    this.$('.speed')?.addEventListener('change', (e) => { this.speed = Number(e.target.value); });
    this.#renderSpeed();
  }

  #newScheduler() {
    const ctor = /** @type {any} */ (this.constructor);
    const old = this._scheduler;
    // Keep the learned epoch cost across resets of the same preset.
    return new EpochScheduler({ baseEpochsPerSecond: ctor.baseEpochsPerSecond, initialMsPerEpoch: old?.msPerEpoch ?? null });
  }

  /** Is the panel playing (it may still be idle while off-screen or before the engine loads)? */
  get playing() { return this._playing; }
  /** Epochs trained so far (0 before the run exists). */
  get epoch() { return this._run ? this._run.epoch : 0; }
  /** The latest statistics (run.stats()), refreshed at most ~12 times a second while training. */
  get stats() { return this._stats; }

  onConnect() {
    if (this.autoplay && !this.reducedMotion) this._playing = true;
    this.#renderPlay();
  }

  onAttribute(name) {
    if (name === 'speed') this.#renderSpeed();
    if (name === 'autoplay' && this.autoplay && !this.reducedMotion && this._connected) this.play();
  }

  onMotionChange() {
    if (this.reducedMotion && this._playing && !this._userPlayed) this.pause();
  }

  play() {
    if (this._playing) return;
    this._playing = true;
    this._userPlayed = true;
    this._scheduler.pause();
    this.#renderPlay();
    this.emit('gan-play', { epoch: this.epoch });
    this._loop?.wake();
  }

  pause() {
    if (!this._playing) return;
    this._playing = false;
    this._scheduler.pause();
    this.#renderPlay();
    this.refreshStats(true);
    this.invalidate();
    this.emit('gan-pause', { epoch: this.epoch });
  }

  /** Train `epochs` epochs now (default: the Step button's amount). */
  step(epochs = /** @type {any} */ (this.constructor).stepEpochs) {
    if (!this._run) return;
    try {
      this._run.step(epochs);
    } catch (err) {
      this.fail(err);
      return;
    }
    this.refreshStats(true);
    this.afterTraining();
    this.emit('gan-step', { epoch: this.epoch, stats: this._stats });
    this.invalidate();
  }

  /** Back to epoch 0 (same preset, seed and options). */
  reset() {
    if (!this._run) return;
    this._run.reset();
    this._error = null;
    this.$('.status')?.classList.remove('error');
    this._scheduler = this.#newScheduler();
    this.onReset?.();
    this.refreshStats(true);
    this.#renderPlay();
    this.emit('gan-reset', { epoch: 0 });
    this.invalidate();
  }

  /** (Re)create the run from preset, seed and the panel's own overrides. */
  rebuild() {
    this.disposeRun();
    this._error = null;
    this.$('.status')?.classList.remove('error');
    const preset = this.resolvePreset();
    const overrides = { ...this.overrides() };
    if (this.seed !== null) overrides.seed = this.seed;
    this._run = this._engine.create(preset, overrides);
    this._config = this._run.config();
    this._scheduler = new EpochScheduler({ baseEpochsPerSecond: /** @type {any} */ (this.constructor).baseEpochsPerSecond });
    this.onRun(this._run, this._config);
    this.refreshStats(true);
    this.#renderPlay();
    this.emit('gan-ready', { preset, seed: this._config.seed });
    this.invalidate();
  }

  /** Option overrides for engine.create (subclasses). */
  overrides() { return {}; }
  onRun() {}
  afterTraining() {}

  refreshStats(force = false) {
    if (!this._run) return;
    const now = performance.now();
    const epoch = this._run.epoch;
    if (!force && (epoch === this._statsEpoch || now - this._statsAt < 80)) return;
    this._stats = this._run.stats();
    this._statsAt = now;
    this._statsEpoch = epoch;
    this.onStats?.(this._stats);
    if (this._stats.status !== 'ok' && this._playing) {
      this.pause();
    }
  }

  isTraining() {
    return this._connected && this._visible && this._playing && this._run !== null && this._error === null &&
      (this._stats?.status ?? 'ok') === 'ok';
  }

  tick(budgetMs, dtMs) {
    const n = this._scheduler.plan(budgetMs, dtMs, this.speed);
    if (n <= 0) return;
    const t0 = performance.now();
    this._run.step(n);
    this._scheduler.record(n, performance.now() - t0);
    this._trainedThisFrame = true;
    this._dirty = true;
  }

  draw() {
    if (!this._dirty || !this._visible || !this._width || !this._run) return;
    this._dirty = false;
    const trained = this._trainedThisFrame;
    this._trainedThisFrame = false;
    if (trained) {
      this.refreshStats(!this._playing);
      this.afterTraining();
    }
    this.render();
    if (trained) this.emit('gan-step', { epoch: this._run.epoch, stats: this._stats });
  }

  #renderPlay() {
    const b = this.$('.play');
    if (!b) return;
    const playing = this._playing;
    b.innerHTML = `${playing ? ICONS.pause : ICONS.play}<span>${playing ? 'Pause' : 'Play'}</span>`;
    b.setAttribute('aria-label', playing ? 'Pause training' : 'Play: train live');
    const status = this._stats?.status;
    if (status && status !== 'ok') {
      this.setStatus(`Training ${status} at epoch ${this._stats.divergedAt ?? this.epoch}. Press Reset to start again.`);
    } else if (!playing && this.autoplay && this.reducedMotion && !this._userPlayed && this.epoch === 0) {
      this.setStatus('Paused because your system asks for reduced motion. Press Play to train.');
    } else {
      this.setStatus(playing ? '' : this.epoch > 0 ? 'Paused.' : 'Press Play to start training.');
    }
  }

  #renderSpeed() {
    const select = this.$('.speed');
    if (!select) return;
    const current = this.speed;
    select.replaceChildren(...speedOptions(current).map((s) => {
      const o = document.createElement('option');
      o.value = s === Infinity ? 'Infinity' : String(s);
      o.textContent = formatSpeed(s);
      o.selected = s === current;
      return o;
    }));
  }
}

/** Radio buttons for a segmented control. */
export function fillSegmented(container, name, choices, current) {
  container.replaceChildren(...choices.map((c) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = name;
    input.value = c.name;
    input.checked = c.name === current;
    const span = document.createElement('span');
    span.textContent = c.label;
    if (c.hint) label.title = c.hint;
    label.append(input, span);
    return label;
  }));
}
