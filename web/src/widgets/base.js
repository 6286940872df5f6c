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
 * TrainingPanel (training-panel.js) builds the training controls on top of it.
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
import { parseSeed, parseSpeed, speedToAttribute, presetChoices } from '../lib/state.js';
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
