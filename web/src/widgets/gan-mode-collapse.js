/**
 * <gan-mode-collapse>: Panel 2, the Mode Collapse Detector. 8 Gaussians in a circle and the
 * generated points; a toggle between standard GAN, WGAN and WGAN-GP. Readouts: Epoch,
 * Modes covered k/8 (each covered mode ringed on the plot), Loss (D loss, or the Wasserstein
 * estimate for WGAN), High quality (share of samples within 3 std of a mode). Optional faint
 * heat map of D(x) / the critic; bars of samples per mode; loss history.
 *
 * Attributes (mirrored as properties): preset (ring-gan | ring-wgan | ring-wgan-gp, default
 * ring-gan), seed, autoplay, speed, heatmap ("off" hides the D/critic heat map).
 * Properties: playing, epoch, stats, ready. Methods: play(), pause(), step(n), reset().
 *
 * ```html
 * <gan-mode-collapse preset="ring-wgan-gp" autoplay></gan-mode-collapse>
 * ```
 * @module widgets/gan-mode-collapse
 */
import { makeTemplate, ICONS } from './base.js';
import { TrainingPanel, fillSegmented } from './training-panel.js';
import { drawModes2d, drawModeBars } from '../plots/modes2d.js';
import { drawHistory } from '../plots/history.js';
import { heatPixels, parseColor } from '../plots/color.js';
import { extent2d, grid2d, quantile, targetCentres } from '../lib/math.js';
import { fixedLatents } from '../lib/random.js';
import { Series } from '../lib/history.js';
import { formatCount, formatEpoch, formatLoss, formatPercent, NONE } from '../lib/format.js';
import { isWasserstein } from '../lib/state.js';

const HEAT_N = 44;
const HEAT_EVERY_MS = 350;

const HTML = `
<div class="frame" part="frame">
  <div class="layout">
    <div class="plot">
      <canvas class="main" role="img" aria-label="Target modes and generated points"></canvas>
      <div class="placeholder">Loading the GAN engine\u2026</div>
    </div>
    <div class="side">
      <dl class="readouts">
        <div class="readout"><dt>Epoch</dt><dd class="r-epoch">0</dd></div>
        <div class="readout"><dt>Modes covered</dt><dd class="r-modes">0/8</dd></div>
        <div class="readout"><dt class="l-loss">Loss</dt><dd class="r-loss">${NONE}</dd><span class="note n-loss"></span></div>
        <div class="readout"><dt>High quality</dt><dd class="r-hq">${NONE}</dd><span class="note">within 3\u03c3 of a mode</span></div>
      </dl>
      <fieldset class="seg loss-seg"><legend>Loss</legend><div class="seg-options loss"></div></fieldset>
      <p class="hint"></p>
      <div class="chart-title" aria-hidden="true">High-quality samples per mode <span class="uniform">(dashed: uniform)</span></div>
      <canvas class="bars" role="img" aria-label="Share of high-quality samples at each mode"></canvas>
      <div class="chart-title hist-title" aria-hidden="true">Loss over epochs</div>
      <canvas class="hist" role="img" aria-label="Loss over epochs"></canvas>
    </div>
  </div>
  <ul class="legend" aria-label="Legend">
    <li><span class="sw sw-target sw-dot"></span>Target: 8 Gaussians</li>
    <li><span class="sw sw-generated sw-dot"></span>Generated G(z)</li>
    <li><span class="sw sw-ring"></span>Mode covered</li>
    <li><span class="sw sw-ring-dashed"></span>Not covered</li>
    <li class="heat-legend"><span class="sw sw-heat"></span><span class="heat-name">D(x): fake \u2192 real</span></li>
  </ul>
  <div class="controls">
    <button class="primary play" type="button"></button>
    <button class="step" type="button" aria-label="Step: train 10 epochs">${ICONS.step}<span>Step</span><small>+10</small></button>
    <button class="reset" type="button" aria-label="Reset to epoch 0">${ICONS.reset}<span>Reset</span></button>
    <label class="check"><input type="checkbox" class="heat-toggle" checked> <span class="heat-label">Show D(x)</span></label>
    <span class="spacer"></span>
    <label class="inline">Speed <select class="speed"></select></label>
  </div>
  <p class="status" role="status" aria-live="polite"></p>
</div>`;

const CSS = `
.layout { display: grid; gap: 0 18px; }
.side .seg { margin-top: 12px; }
.side .readouts { margin-top: 12px; }
@container (min-width: 700px) {
  .layout { grid-template-columns: minmax(0, 1.25fr) minmax(230px, 1fr); align-items: start; }
  .side .readouts { margin-top: 0; grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@container (max-width: 380px) {
  .readouts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
.plot { max-width: 560px; width: 100%; justify-self: center; }
.uniform { opacity: .8; }
`;

export class GanModeCollapse extends TrainingPanel {
  static css = CSS;
  static panel = 'modes';
  static defaultPreset = 'ring-gan';
  static baseEpochsPerSecond = 90;
  static observedAttributes = [...TrainingPanel.observedAttributes, 'heatmap'];
  static template = makeTemplate(HTML);

  constructor() {
    super();
    this._history = new Series(500);
    this._heat = null;
    this._heatAt = -Infinity;
    this.$('.loss').addEventListener('change', (e) => { this.preset = e.target.value; });
    this.$('.heat-toggle').addEventListener('change', (e) => { this.heatmap = e.target.checked; });
  }

  /** Whether the faint D(x)/critic heat map is drawn (attribute heatmap="off" hides it). */
  get heatmap() { return this.getAttribute('heatmap') !== 'off'; }
  set heatmap(v) { this.setAttribute('heatmap', v ? 'on' : 'off'); }

  onAttribute(name, oldValue, newValue) {
    super.onAttribute(name, oldValue, newValue);
    if (name === 'heatmap') {
      this.$('.heat-toggle').checked = this.heatmap;
      this.$('.heat-legend').hidden = !this.heatmap;
      this._heatAt = -Infinity;
      if (this._run) this.#computeHeat(true);
      this.invalidate();
    }
  }

  onEngine() { this.$('.placeholder').hidden = true; }

  onRun(run, config) {
    this._history.clear();
    const choices = this.choices();
    fillSegmented(this.$('.loss'), 'loss', choices, config.preset);
    this.$('.hint').textContent = choices.find((c) => c.name === config.preset)?.hint ?? '';
    const w = isWasserstein(config.loss);
    this.$('.l-loss').textContent = w ? 'Loss (W estimate)' : 'Loss (D)';
    this.$('.n-loss').textContent = w ? 'critic: real \u2212 fake' : 'optimum log 4 = 1.386';
    this.$('.hist-title').textContent = w ? 'Wasserstein estimate over epochs' : 'D loss over epochs';
    this.$('.heat-label').textContent = w ? 'Show critic' : 'Show D(x)';
    this.$('.heat-name').textContent = w ? 'critic: low \u2192 high score' : 'D(x): fake \u2192 real';
    this.$('.heat-legend').hidden = !this.heatmap;
    this._centres = targetCentres(config);
    this._extent = extent2d(config);
    this._latents = fixedLatents(1200, run.noiseDim, config.noise, config.seed);
    this._grid = grid2d(-this._extent, this._extent, HEAT_N);
    this._heat = null;
    this._heatAt = -Infinity;
    this.#computeFrame(true);
  }

  onReset() {
    this._history.clear();
    this._heatAt = -Infinity;
    this.#computeFrame(true);
  }

  onStats(s) {
    if (s.epoch > 0) this._history.push(s.epoch, this.#lossOf(s));
    this._covered = (s.modeCounts ?? []).map((c) => c > 0);
  }

  #lossOf(s) { return isWasserstein(this._config.loss) ? s.wEstimate : s.dLoss; }

  afterTraining() { this.#computeFrame(!this._playing); }

  #computeFrame(forceHeat) {
    this._points = this._run.generate(this._latents);
    this.#computeHeat(forceHeat);
  }

  #computeHeat(force) {
    if (!this.heatmap) { this._heat = null; return; }
    const now = performance.now();
    if (!force && now - this._heatAt < HEAT_EVERY_MS) return;
    this._heatAt = now;
    const values = this._run.evaluateD(this._grid);
    const theme = this.theme();
    const low = parseColor(theme.generated) ?? [217, 54, 43];
    const high = parseColor(theme.target) ?? [36, 99, 235];
    let centre = 0.5;
    let halfRange = 0.5;
    if (this._config.loss !== 'gan') {
      // A critic's score has no fixed scale: centre on its median, spread by its 5-95% range.
      centre = quantile(values, 0.5);
      halfRange = Math.max(quantile(values, 0.95) - centre, centre - quantile(values, 0.05), 1e-12);
    }
    this._heat = { pixels: heatPixels(values, { low, high, centre, halfRange, maxAlpha: theme.dark ? 0.24 : 0.28 }), n: HEAT_N };
  }

  render() {
    if (!this._run) return;
    const theme = this.theme();
    const s = this._stats;
    const plot = this.$('.plot');
    drawModes2d(this.$('canvas.main'), Math.max(200, plot.clientWidth), {
      extent: this._extent, centres: this._centres, std: this._config.targetStd,
      covered: this._covered, points: this._points, heat: this._heat,
    }, theme);
    const side = this.$('.side');
    const sideWidth = Math.max(160, side.clientWidth);
    drawModeBars(this.$('canvas.bars'), sideWidth, { counts: s?.modeCounts ?? [], covered: this._covered }, theme);
    drawHistory(this.$('canvas.hist'), sideWidth, {
      xs: this._history.xs, ys: this._history.ys, color: theme.ink,
      reference: isWasserstein(this._config.loss) ? { y: 0, label: '0', color: theme.muted } : { y: Math.log(4), label: 'log 4', color: theme.disc },
      height: 72,
    }, theme);
    const trained = s && s.epoch > 0;
    this.#text('.r-epoch', formatEpoch(s?.epoch ?? 0));
    this.#text('.r-modes', s ? formatCount(s.modesCovered, s.modesTotal) : NONE);
    this.#text('.r-loss', trained ? formatLoss(this.#lossOf(s)) : NONE);
    this.#text('.r-hq', s ? formatPercent(s.highQuality, 1) : NONE);
    this.$('.r-modes').classList.toggle('good', Boolean(s && s.modesTotal && s.modesCovered === s.modesTotal));
    this.$('canvas.main').setAttribute('aria-label',
      s ? `Epoch ${formatEpoch(s.epoch)}: generated points cover ${s.modesCovered} of ${s.modesTotal} modes; ${formatPercent(s.highQuality, 0)} of samples are within 3 standard deviations of a mode.` : 'Target modes and generated points');
  }

  #text(selector, text) {
    const el = this.$(selector);
    if (el.textContent !== text) el.textContent = text;
  }
}
