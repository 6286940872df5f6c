/**
 * What the three panels share.
 *
 * GanElement: the custom-element plumbing. A shadow root with adopted stylesheets; the
 * engine loaded once per page (loadEngine caches it) and started lazily, when the element
 * first comes near the viewport (like Distill's d-figure); a ResizeObserver for the width
 * the plots follow; an IntersectionObserver that pauses the panel off-screen; the colour
 * theme read from CSS custom properties (refreshed when the colour scheme changes); the
 * reduced-motion preference; registration with the page's one frame loop.
 *
 * TrainingPanel: a GanElement that trains a run, frame by frame: play/pause, step, reset,
 * speed; an EpochScheduler sharing the frame budget; throttled stats; 'gan-step' events.
 *
 * Events (all bubble and cross the shadow boundary, `composed: true`):
 *   gan-ready  {preset, seed}       a run was created (also after a preset or seed change)
 *   gan-step   {epoch, stats}       once per frame in which the panel trained
 *   gan-play / gan-pause / gan-reset {epoch}
 *   gan-error  {message}
 * @module widgets/base
 */
import { loadEngine } from '../engine.js';
import { sharedLoop } from '../lib/frame-loop.js';
import { EpochScheduler } from '../lib/scheduler.js';
import { parseSeed, parseSpeed, speedToAttribute, speedOptions, presetChoices } from '../lib/state.js';
import { formatSpeed } from '../lib/format.js';
import { adoptStyles } from './styles.js';

const THEME_KEYS = ['bg', 'plot-bg', 'ink', 'muted', 'grid', 'axis', 'target', 'generated', 'disc', 'accent', 'font'];
const camel = (s) => s.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** Build a <template> once per class from an HTML string (no inline scripts or styles). */
export function makeTemplate(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t;
}

export const ICONS = {
  play: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9.5-5.5z"/></svg>',
  pause: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z"/></svg>',
  step: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z"/></svg>',
  reset: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2.5a5.5 5.5 0 1 1-5.3 7h1.6A4 4 0 1 0 8 4v2L4.5 3.25 8 0.5z"/></svg>',
};

export class GanElement extends HTMLElement {
  static observedAttributes = ['preset', 'seed', 'autoplay', 'speed'];
  /** Subclasses: the preset used when the attribute is absent, and the panel kind (lib/state.js). */
  static defaultPreset = '';
  static panel = '';

  constructor() {
    super();
    const ctor = /** @type {typeof GanElement} */ (this.constructor);
    this.attachShadow({ mode: 'open' });
    adoptStyles(this.shadowRoot, ctor.css, ctor.panel);
    this.shadowRoot.append(ctor.template.content.cloneNode(true));
    this._engine = null;
    this._run = null;
    this._visible = false;
    this._width = 0;
    this._dirty = true;
    this._connected = false;
    this._theme = null;
    this._error = null;
    this._loop = null;
    this._io = null;
    this._ro = null;
    this._media = [];
    this._rebuildQueued = false;
  }

  // ---- attributes mirrored as properties ----
  get preset() { return this.getAttribute('preset') || /** @type {any} */ (this.constructor).defaultPreset; }
  set preset(v) { this.setAttribute('preset', String(v)); }
  /** The seed override, or null for the preset's own seed. */
  get seed() { return parseSeed(this.getAttribute('seed')); }
  set seed(v) {
    if (v === null || v === undefined || v === '') this.removeAttribute('seed');
    else this.setAttribute('seed', String(v));
  }
  get autoplay() { return this.hasAttribute('autoplay'); }
  set autoplay(v) { this.toggleAttribute('autoplay', Boolean(v)); }
  /** Pace multiplier; Infinity ("max") trains as fast as the frame budget allows. */
  get speed() { return parseSpeed(this.getAttribute('speed')); }
  set speed(v) { this.setAttribute('speed', speedToAttribute(parseSpeed(v === Infinity ? 'max' : String(v)))); }
  /** True once a run exists (the engine is loaded and the element has been on screen). */
  get ready() { return this._run !== null; }

  $(selector) { return this.shadowRoot.querySelector(selector); }
  $$(selector) { return [...this.shadowRoot.querySelectorAll(selector)]; }

  get reducedMotion() { return this._motion?.matches ?? false; }

  connectedCallback() {
    this._connected = true;
    this._loop = sharedLoop();
    this._loop.add(this);
    const watch = (query, fn) => {
      const mq = matchMedia(query);
      mq.addEventListener('change', fn);
      this._media.push([mq, fn]);
      return mq;
    };
    this._motion = watch('(prefers-reduced-motion: reduce)', () => this.onMotionChange?.());
    watch('(prefers-color-scheme: dark)', () => { this._theme = null; this.invalidate(); });
    this._ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (w > 0 && w !== this._width) { this._width = w; this.invalidate(); }
    });
    this._ro.observe(this.$('.frame'));
    this._io = new IntersectionObserver((entries) => {
      const e = entries[entries.length - 1];
      this._visible = e.isIntersecting;
      if (this._visible) this.#start();
      this._loop.wake();
    }, { rootMargin: '120px 0px' });
    this._io.observe(this);
    this.onConnect?.();
  }

  disconnectedCallback() {
    this._connected = false;
    this._loop?.delete(this);
    this._io?.disconnect();
    this._ro?.disconnect();
    for (const [mq, fn] of this._media) mq.removeEventListener('change', fn);
    this._media = [];
    this._visible = false;
    this.onDisconnect?.();
    this.disposeRun();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    this.onAttribute?.(name, oldValue, newValue);
    if ((name === 'preset' || name === 'seed') && this._engine) this.queueRebuild();
  }

  /** Coalesce several attribute changes (preset + seed) into one new run. */
  queueRebuild() {
    if (this._rebuildQueued) return;
    this._rebuildQueued = true;
    queueMicrotask(() => {
      this._rebuildQueued = false;
      if (this._connected && this._engine) this.#guard(() => this.rebuild());
    });
  }

  async #start() {
    if (this._starting || this._run) return;
    this._starting = true;
    try {
      this._engine = await loadEngine();
      if (!this._connected) return;
      await this.onEngine?.(this._engine);
      if (!this._connected) return;
      this.rebuild();
    } catch (err) {
      this.fail(err);
    } finally {
      this._starting = false;
    }
  }

  #guard(fn) {
    try { fn(); } catch (err) { this.fail(err); }
  }

  /** The presets this panel may run (lib/state.js filters by target). */
  choices() { return this._engine ? presetChoices(this._engine.presets(), /** @type {any} */ (this.constructor).panel) : []; }

  /** The preset to create: the attribute if this panel can run it, else the default. */
  resolvePreset() {
    const wanted = this.preset;
    const names = this.choices().map((c) => c.name);
    if (names.includes(wanted)) return wanted;
    const fallback = /** @type {any} */ (this.constructor).defaultPreset;
    this.warn(`preset '${wanted}' is not one this panel runs (${names.join(', ')}); using '${fallback}'`);
    return fallback;
  }

  /** A problem the reader should know about, without stopping the panel. */
  warn(message) {
    console.warn(`<${this.localName}>: ${message}`);
  }

  disposeRun() {
    this._run?.dispose();
    this._run = null;
  }

  /** Show an error in the panel and tell the page. */
  fail(err) {
    const message = err?.message ?? String(err);
    this._error = message;
    this.onFail?.(message);
    const status = this.$('.status');
    if (status) {
      status.textContent = message;
      status.classList.add('error');
    }
    console.error(`<${this.localName}>:`, err);
    this.emit('gan-error', { message });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  /** Ask for a redraw in the next frame. */
  invalidate() {
    this._dirty = true;
    this._loop?.wake();
  }

  /** Colours and font for the canvas, from the custom properties (cached until the scheme changes). */
  theme() {
    if (this._theme) return this._theme;
    const cs = getComputedStyle(this);
    const t = {};
    for (const k of THEME_KEYS) t[camel(k)] = cs.getPropertyValue(`--_${k}`).trim();
    t.font = t.font || 'system-ui, sans-serif';
    t.dark = cs.getPropertyValue('--_dark').trim() === '1';
    this._theme = t;
    return t;
  }

  setStatus(text) {
    const s = this.$('.status');
    if (!s || this._error) return;
    if (s.textContent !== text) s.textContent = text;
  }

  // ---- frame-loop client (FrameLoop in lib/frame-loop.js) ----
  isTraining() { return false; }
  wantsFrame() { return this._connected && this._visible && (this._dirty || this.isTraining() || Boolean(this.isAnimating?.())); }
  tick() {}
  draw() {
    if (!this._dirty || !this._visible || !this._width) return;
    this._dirty = false;
    this.render();
  }
  render() {}
}

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
