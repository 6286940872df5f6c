/**
 * <gan-latent-walker>: Panel 3, the Latent Space Walker. A pre-trained generator maps 2D
 * noise (the latent square) to a 2D pattern (a spiral). A slider moves a point from zA to zB
 * (0-100%) and the decoded output G(z) moves with it; zA and zB can be dragged, or moved
 * with the arrow keys; the whole generated pattern is drawn faintly, each point in its
 * latent's colour, with the decoded path G(zA -> zB).
 *
 * Attributes (mirrored as properties): model (URL of the weights, default
 * ../../models/walker.ganm beside this file, i.e. web/models/walker.ganm), preset (default
 * walker: the architecture the weights fit), seed, autoplay (animate the slider), speed.
 * Properties: t (0..1), zA, zB ([x, y]), decoded ([x, y]), path (Float32Array), ready.
 * Methods: play(), pause() (the slider animation). Event: gan-walk {t, z, x, zA, zB}.
 *
 * ```html
 * <gan-latent-walker></gan-latent-walker>
 * ```
 * @module widgets/gan-latent-walker
 */
import { GanElement, makeTemplate, ICONS } from './base.js';
import { drawLatent, drawWalkerOutput, latentLayout } from '../plots/walker.js';
import { latentColor } from '../plots/color.js';
import { bounds2d, grid2d, spiralCurve } from '../lib/math.js';
import { clamp, lerpPoint } from '../lib/state.js';
import { describeInterpolation, formatNumber, formatPoint, NONE } from '../lib/format.js';

const DEFAULT_MODEL = new URL('../../models/walker.ganm', import.meta.url).href;
const DEFAULT_A = [-0.7, -0.55];
const DEFAULT_B = [0.75, 0.6];
const PATH_POINTS = 121;
const PATTERN_N = 64;
const FIELD_N = 48;

const models = new Map(); // URL -> Promise<Uint8Array>, shared by every walker on the page

/** Fetch a weights file once per page (same origin or CORS-enabled). */
export function fetchModel(url) {
  if (!models.has(url)) {
    const p = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`could not load the pretrained generator from ${url} (HTTP ${res.status}); copy web/models/ to the host beside src/ and wasm/`);
      return new Uint8Array(await res.arrayBuffer());
    });
    p.catch(() => models.delete(url)); // let a later walker retry
    models.set(url, p);
  }
  return models.get(url);
}

const HTML = `
<div class="frame" part="frame">
  <div class="pair">
    <div class="pane">
      <div class="pane-title"><span class="z-name">Latent space</span></div>
      <div class="plot latent-wrap">
        <canvas class="latent" role="img" aria-label="Latent square with zA, zB and the interpolation segment"></canvas>
        <div class="handle" hidden data-h="a" tabindex="0" role="slider" aria-roledescription="2D point"
             aria-label="zA, the start point in latent space (arrow keys move it)">A</div>
        <div class="handle" hidden data-h="b" tabindex="0" role="slider" aria-roledescription="2D point"
             aria-label="zB, the end point in latent space (arrow keys move it)">B</div>
      </div>
    </div>
    <div class="pane">
      <div class="pane-title">Output x = G(z)</div>
      <div class="plot">
        <canvas class="output" role="img" aria-label="The generated pattern and the decoded path"></canvas>
        <div class="placeholder">Loading the pretrained generator\u2026</div>
      </div>
    </div>
  </div>
  <div class="slider-row">
    <label class="end" for="t">zA</label>
    <input id="t" class="t" type="range" min="0" max="100" step="1" value="0" aria-label="Interpolation from zA to zB">
    <span class="end" aria-hidden="true">zB</span>
    <output class="t-out" for="t">0%</output>
  </div>
  <dl class="readouts">
    <div class="readout"><dt>zA</dt><dd class="r-a">${NONE}</dd></div>
    <div class="readout"><dt>zB</dt><dd class="r-b">${NONE}</dd></div>
    <div class="readout"><dt>z</dt><dd class="r-z">${NONE}</dd></div>
    <div class="readout"><dt>G(z)</dt><dd class="r-x">${NONE}</dd></div>
  </dl>
  <ul class="legend" aria-label="Legend">
    <li><span class="sw sw-target"></span>Target pattern</li>
    <li><span class="sw sw-dot sw-rainbow"></span>Generated G(z), coloured by z</li>
    <li><span class="sw sw-path"></span>Decoded path G(zA \u2192 zB)</li>
    <li><span class="sw sw-dot sw-accent"></span>Current z and G(z)</li>
  </ul>
  <div class="controls">
    <button class="primary play" type="button"></button>
    <button class="reset" type="button" aria-label="Reset zA, zB and the slider">${ICONS.reset}<span>Reset</span></button>
    <span class="spacer"></span>
    <span class="hint keys">Drag A and B, or focus one and use the arrow keys (Shift: bigger steps).</span>
  </div>
  <p class="status" role="status" aria-live="polite"></p>
</div>`;

const CSS = `
.pair { display: grid; gap: 14px; }
@container (min-width: 460px) { .pair { grid-template-columns: 1fr 1fr; } }
.pane { min-width: 0; }
.pane-title { font-size: 12px; color: var(--_muted); margin: 0 0 4px 14px; }
.latent-wrap canvas { cursor: crosshair; touch-action: none; } /* dragging, not scrolling, over the latent square */
.handle {
  position: absolute; left: 0; top: 0; width: 30px; height: 30px; margin: -15px 0 0 -15px;
  border-radius: 50%; display: grid; place-items: center;
  background: var(--_bg); color: var(--_ink); border: 2px solid var(--_ink);
  font: 700 13px/1 var(--_font); cursor: grab; touch-action: none; user-select: none;
  box-shadow: 0 1px 4px rgba(0,0,0,.25);
}
.handle[hidden] { display: none; }
.handle.dragging { cursor: grabbing; background: var(--_ink); color: var(--_bg); }
.handle:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.slider-row { display: grid; grid-template-columns: auto minmax(0, 1fr) auto 3.5em; align-items: center; gap: 10px; margin-top: 14px; }
.slider-row .end { font: 600 13px/1 var(--_font); color: var(--_muted); }
.t-out { font: 600 15px/1 var(--_font); font-variant-numeric: tabular-nums; text-align: right; }
input[type=range] { width: 100%; margin: 0; height: 34px; accent-color: var(--_accent); background: transparent; cursor: pointer; }
.readout dd { font-size: 15px; }
.sw-rainbow { background: conic-gradient(#e0464e, #e0b13a, #5cc46b, #3aa6d9, #7a5fe0, #e0464e); }
.keys { margin: 0; }
@container (max-width: 420px) { .keys { display: none; } .readouts { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;

export class GanLatentWalker extends GanElement {
  static css = CSS;
  static panel = 'walker';
  static defaultPreset = 'walker';
  static observedAttributes = [...GanElement.observedAttributes, 'model'];
  static template = makeTemplate(HTML);

  constructor() {
    super();
    this._a = [...DEFAULT_A];
    this._b = [...DEFAULT_B];
    this._t = 0;
    this._animLast = null; // time of the last animated frame (null: not animating)
    this._phase = undefined;
    this._animating = false;
    this._drag = null;
    this._bytes = null;
    const slider = this.$('.t');
    slider.addEventListener('input', () => {
      this.pause();
      this.t = Number(slider.value) / 100;
    });
    this.$('.play').addEventListener('click', () => (this._animating ? this.pause() : this.play()));
    this.$('.reset').addEventListener('click', () => {
      this.pause();
      this._a = [...DEFAULT_A];
      this._b = [...DEFAULT_B];
      this.t = 0;
      this.#updatePath();
    });
    for (const h of this.$$('.handle')) {
      h.addEventListener('pointerdown', (e) => this.#grab(e, h.dataset.h));
      h.addEventListener('keydown', (e) => this.#key(e, h.dataset.h));
    }
    const wrap = this.$('.latent-wrap');
    wrap.addEventListener('pointermove', (e) => this.#move(e));
    wrap.addEventListener('pointerup', (e) => this.#release(e));
    wrap.addEventListener('pointercancel', (e) => this.#release(e));
    this.$('canvas.latent').addEventListener('pointerdown', (e) => {
      // A press on the square moves the nearer handle there and starts dragging it.
      if (!this._run) return;
      const z = this.#latentAt(e);
      const da = Math.hypot(z[0] - this._a[0], z[1] - this._a[1]);
      const db = Math.hypot(z[0] - this._b[0], z[1] - this._b[1]);
      this.#grab(e, da <= db ? 'a' : 'b');
      this.#move(e);
    });
    this.#renderPlay();
  }

  /** Where the weights are fetched from. */
  get model() { return this.getAttribute('model') ? new URL(this.getAttribute('model'), document.baseURI).href : DEFAULT_MODEL; }
  set model(v) { this.setAttribute('model', String(v)); }

  /** Position of the point between zA (0) and zB (1). */
  get t() { return this._t; }
  set t(v) {
    this._t = clamp(Number(v) || 0, 0, 1);
    this.#syncSlider();
    this.#updateCurrent();
  }
  get zA() { return [...this._a]; }
  set zA(p) { this._a = this.#clampLatent(p); this.#updatePath(); }
  get zB() { return [...this._b]; }
  set zB(p) { this._b = this.#clampLatent(p); this.#updatePath(); }
  /** The current latent point z and its decoded output G(z). */
  get z() { return lerpPoint(this._a, this._b, this._t); }
  get decoded() { return this._x ? [...this._x] : null; }
  get path() { return this._path ? this._path.slice() : null; }
  get playing() { return this._animating; }

  onConnect() {
    if (this.autoplay && !this.reducedMotion) this._animating = true;
    this.#renderPlay();
  }

  onAttribute(name) {
    if (name === 'model' && this._engine) {
      this.#loadModel().then(() => this.queueRebuild(), (err) => this.fail(err));
    }
    if (name === 'autoplay' && this.autoplay && !this.reducedMotion && this._connected) this.play();
  }

  onMotionChange() { if (this.reducedMotion) this.pause(); }

  async onEngine() { await this.#loadModel(); }

  async #loadModel() {
    this._bytes = await fetchModel(this.model);
  }

  onFail() {
    this.$('.placeholder').hidden = false;
    this.$('.placeholder').textContent = 'The latent walker could not start (see below).';
    for (const h of this.$$('.handle')) h.hidden = true;
  }

  rebuild() {
    this.disposeRun();
    this._error = null;
    this.$('.status').classList.remove('error');
    const preset = this.resolvePreset();
    const overrides = this.seed !== null ? { seed: this.seed } : {};
    const run = this._engine.create(preset, overrides);
    try {
      run.loadGenerator(this._bytes);
    } catch (err) {
      run.dispose();
      throw new Error(`the weights at ${this.model} do not fit preset '${preset}': ${err.message}`);
    }
    this._run = run;
    this._config = run.config();
    const c = this._config;
    this._range = c.noise === 'uniform' ? [-1, 1] : [-2.5, 2.5];
    this.$('.z-name').textContent = c.noise === 'uniform' ? 'Latent space z \u2208 [\u22121, 1]\u00b2' : 'Latent space z ~ N(0, I)';
    this._patternZ = grid2d(this._range[0], this._range[1], PATTERN_N);
    this._pattern = run.generate(this._patternZ);
    this._curve = c.target === 'spiral' ? spiralCurve(c) : null;
    const [x0, x1, y0, y1] = bounds2d(this._pattern, 0.005);
    const half = Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1), c.target === 'spiral' ? c.radius : 0) * 1.1;
    this._box = [-half, half, -half, half];
    this._colorsDark = null;
    this.$('.placeholder').hidden = true;
    for (const h of this.$$('.handle')) h.hidden = false;
    this.#updatePath();
    this.emit('gan-ready', { preset, seed: c.seed });
  }

  #colors(dark) {
    if (this._colorsDark === dark && this._colors) return;
    const half = this._range[1];
    this._colors = new Uint8Array(3 * PATTERN_N * PATTERN_N);
    for (let i = 0; i < PATTERN_N * PATTERN_N; i++) {
      this._colors.set(latentColor(this._patternZ[2 * i], this._patternZ[2 * i + 1], half, dark), 3 * i);
    }
    const fieldZ = grid2d(this._range[0], this._range[1], FIELD_N);
    const px = new Uint8ClampedArray(4 * FIELD_N * FIELD_N);
    for (let i = 0; i < FIELD_N * FIELD_N; i++) {
      px.set([...latentColor(fieldZ[2 * i], fieldZ[2 * i + 1], half, dark), 255], 4 * i);
    }
    this._field = { pixels: px, n: FIELD_N };
    this._colorsDark = dark;
  }

  #clampLatent(p) {
    const [lo, hi] = this._range ?? [-1, 1];
    return [clamp(Number(p[0]) || 0, lo, hi), clamp(Number(p[1]) || 0, lo, hi)];
  }

  #updatePath() {
    if (!this._run) return;
    const z = new Float32Array(2 * PATH_POINTS);
    for (let i = 0; i < PATH_POINTS; i++) {
      const p = lerpPoint(this._a, this._b, i / (PATH_POINTS - 1));
      z[2 * i] = p[0];
      z[2 * i + 1] = p[1];
    }
    this._path = this._run.generate(z);
    this._ends = [this._run.generate(this._a), this._run.generate(this._b)];
    this.#updateCurrent();
  }

  #updateCurrent() {
    if (!this._run) return;
    this._x = Array.from(this._run.generate(this.z));
    this.emit('gan-walk', { t: this._t, z: this.z, x: [...this._x], zA: this.zA, zB: this.zB });
    this.invalidate();
  }

  #syncSlider() {
    const slider = this.$('.t');
    const pct = Math.round(this._t * 100);
    if (Number(slider.value) !== pct) slider.value = String(pct);
    slider.setAttribute('aria-valuetext', describeInterpolation(this._t));
    this.$('.t-out').textContent = `${pct}%`;
  }

  // ---- dragging and keys ----
  #latentAt(e) {
    const rect = this.$('canvas.latent').getBoundingClientRect();
    const L = latentLayout(rect.width, this._range);
    return this.#clampLatent(L.fromPx(e.clientX - rect.left, e.clientY - rect.top));
  }

  #grab(e, which) {
    if (!this._run || e.button > 0) return;
    e.preventDefault();
    this.pause();
    this._drag = { which, id: e.pointerId };
    this.$('.latent-wrap').setPointerCapture(e.pointerId);
    const h = this.$(`.handle[data-h="${which}"]`);
    h.classList.add('dragging');
    h.focus({ preventScroll: true });
  }

  #move(e) {
    if (!this._drag || e.pointerId !== this._drag.id) return;
    const z = this.#latentAt(e);
    if (this._drag.which === 'a') this._a = z;
    else this._b = z;
    this.#updatePath();
  }

  #release(e) {
    if (!this._drag || e.pointerId !== this._drag.id) return;
    this.$(`.handle[data-h="${this._drag.which}"]`).classList.remove('dragging');
    this._drag = null;
  }

  #key(e, which) {
    const span = this._range[1] - this._range[0];
    const step = (e.shiftKey ? 0.1 : 0.025) * span;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
    if (!d) return;
    e.preventDefault();
    this.pause();
    const p = which === 'a' ? this._a : this._b;
    const q = this.#clampLatent([p[0] + d[0], p[1] + d[1]]);
    if (which === 'a') this._a = q;
    else this._b = q;
    this.#updatePath();
  }

  // ---- slider animation (autoplay / Play) ----
  play() {
    if (this._animating) return;
    this._animating = true;
    this._animLast = null;
    this.#renderPlay();
    this.emit('gan-play', {});
    this._loop?.wake();
  }

  pause() {
    if (!this._animating) return;
    this._animating = false;
    this.#renderPlay();
    this.emit('gan-pause', {});
  }

  isAnimating() { return this._animating && this._run !== null; }

  #renderPlay() {
    const b = this.$('.play');
    b.innerHTML = `${this._animating ? ICONS.pause : ICONS.play}<span>${this._animating ? 'Pause' : 'Play'}</span>`;
    b.setAttribute('aria-label', this._animating ? 'Pause the walk' : 'Play: walk from zA to zB and back');
  }

  draw() {
    if (this._animating && this._run && this._visible) {
      const now = performance.now();
      const dt = this._animLast == null ? 0 : Math.min(100, now - this._animLast);
      this._animLast = now;
      // Back and forth, 4 s each way at speed 1, easing at the ends.
      const start = Number.isFinite(this._phase) ? this._phase : Math.acos(clamp(1 - 2 * this._t, -1, 1));
      this._phase = (start + (Math.PI * dt * Math.min(this.speed, 20)) / 4000) % (2 * Math.PI);
      this._t = (1 - Math.cos(this._phase)) / 2;
      this.#syncSlider();
      this.#updateCurrent();
    } else {
      this._animLast = null;
      this._phase = undefined;
    }
    super.draw();
  }

  render() {
    if (!this._run) return;
    const theme = this.theme();
    this.#colors(theme.dark);
    const latentCanvas = this.$('canvas.latent');
    const size = Math.max(120, this.$('.latent-wrap').clientWidth);
    drawLatent(latentCanvas, size, { range: this._range, field: this._field, a: this._a, b: this._b, z: this.z }, theme);
    const L = latentLayout(size, this._range);
    for (const h of this.$$('.handle')) {
      const p = h.dataset.h === 'a' ? this._a : this._b;
      const [px, py] = L.toPx(p);
      h.style.transform = `translate(${px.toFixed(1)}px, ${py.toFixed(1)}px)`;
      h.setAttribute('aria-valuenow', p[0].toFixed(2));
      h.setAttribute('aria-valuemin', String(this._range[0]));
      h.setAttribute('aria-valuemax', String(this._range[1]));
      h.setAttribute('aria-valuetext', `x ${formatNumber(p[0], 2)}, y ${formatNumber(p[1], 2)}`);
    }
    const outSize = Math.max(120, this.$('canvas.output').parentElement.clientWidth);
    drawWalkerOutput(this.$('canvas.output'), outSize, {
      box: this._box, pattern: this._pattern, colors: this._colors, curve: this._curve,
      path: this._path, current: this._x, a: this._ends?.[0], b: this._ends?.[1],
    }, theme);
    this.#syncSlider();
    this.#text('.r-a', formatPoint(this._a));
    this.#text('.r-b', formatPoint(this._b));
    this.#text('.r-z', formatPoint(this.z));
    this.#text('.r-x', formatPoint(this._x));
    this.$('canvas.output').setAttribute('aria-label',
      `The generated pattern with the path decoded from zA to zB; the current point G(z) is at ${formatPoint(this._x)}.`);
  }

  #text(selector, text) {
    const el = this.$(selector);
    if (el.textContent !== text) el.textContent = text;
  }
}
