/**
 * <gan-arena-1d>: Panel 1, the 1D GAN Training Arena. A generator learns a 1D target
 * (the blog's N(3, 0.5)) from N(0, 1) noise, live. Blue = target density, red = histogram of
 * generated samples, green dashed = D(x). Readouts: Epoch, D loss (optimum log 4 = 1.386),
 * G mean, G std, and a D-loss history chart with log 4 marked.
 *
 * Attributes (mirrored as properties): preset (a 1D preset, default blog-1d; blog-1d-sgd is
 * the blog's plain-SGD listing), seed, autoplay, speed ("0.25", "1", "4", "max"),
 * gen-loss ("nonsat" | "minimax").
 * Properties: playing, epoch, stats, ready. Methods: play(), pause(), step(n), reset().
 *
 * ```html
 * <script type="module" src="/gan/src/gan-widgets.js"></script>
 * <gan-arena-1d autoplay seed="3"></gan-arena-1d>
 * ```
 * @module widgets/gan-arena-1d
 */
import { makeTemplate, ICONS } from './base.js';
import { TrainingPanel, fillSegmented } from './training-panel.js';
import { drawArena1d } from '../plots/arena1d.js';
import { drawHistory } from '../plots/history.js';
import { histogram, linspace, range1d, targetDensity1d } from '../lib/math.js';
import { fixedLatents } from '../lib/random.js';
import { Series } from '../lib/history.js';
import { formatEpoch, formatLoss, formatNumber, LOG4, NONE } from '../lib/format.js';

const GEN_LOSSES = [
  { name: 'nonsat', label: 'non-saturating', hint: 'G maximises log D(G(z)): steep gradients when D spots the fakes' },
  { name: 'minimax', label: 'minimax', hint: 'G minimises log(1 \u2212 D(G(z))): the original objective, weak gradients early on' },
];

const HTML = `
<div class="frame" part="frame">
  <div class="plot">
    <canvas class="main" role="img" aria-label="Target density, histogram of generated samples and D(x)"></canvas>
    <div class="placeholder">Loading the GAN engine\u2026</div>
  </div>
  <ul class="legend" aria-label="Legend">
    <li><span class="sw sw-target"></span><span class="target-name">Target</span></li>
    <li><span class="sw sw-generated"></span>Generated G(z)</li>
    <li><span class="sw sw-disc"></span>D(x), right axis</li>
  </ul>
  <div class="lower">
    <dl class="readouts">
      <div class="readout"><dt>Epoch</dt><dd class="r-epoch">0</dd></div>
      <div class="readout"><dt>D loss</dt><dd class="r-dloss">${NONE}</dd><span class="note">optimum log 4 = ${LOG4.toFixed(3)}</span></div>
      <div class="readout"><dt>G mean</dt><dd class="r-mean">${NONE}</dd><span class="note n-mean"></span></div>
      <div class="readout"><dt>G std</dt><dd class="r-std">${NONE}</dd><span class="note n-std"></span></div>
    </dl>
    <div class="history">
      <div class="chart-title" aria-hidden="true">D loss over epochs</div>
      <canvas class="hist" role="img" aria-label="D loss over epochs, with the optimum log 4 marked"></canvas>
    </div>
  </div>
  <div class="controls">
    <button class="primary play" type="button"></button>
    <button class="step" type="button" aria-label="Step: train 10 epochs">${ICONS.step}<span>Step</span><small>+10</small></button>
    <button class="reset" type="button" aria-label="Reset to epoch 0">${ICONS.reset}<span>Reset</span></button>
    <span class="spacer"></span>
    <label class="inline">Speed <select class="speed"></select></label>
  </div>
  <div class="options">
    <fieldset class="seg"><legend>Generator loss</legend><div class="seg-options gen-loss"></div></fieldset>
    <fieldset class="seg"><legend>Optimizer</legend><div class="seg-options optimizer"></div></fieldset>
  </div>
  <p class="hint"></p>
  <p class="status" role="status" aria-live="polite"></p>
</div>`;

const CSS = `
.lower { display: grid; gap: 0 16px; }
@container (min-width: 600px) {
  .lower { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); align-items: end; }
  .readouts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@container (max-width: 380px) {
  .readouts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
`;

export class GanArena1d extends TrainingPanel {
  static css = CSS;
  static panel = 'arena';
  static defaultPreset = 'blog-1d';
  static baseEpochsPerSecond = 240;
  static observedAttributes = [...TrainingPanel.observedAttributes, 'gen-loss'];
  static template = makeTemplate(HTML);

  constructor() {
    super();
    this._history = new Series(500);
    this.$('.gen-loss').addEventListener('change', (e) => { this.genLoss = e.target.value; });
    this.$('.optimizer').addEventListener('change', (e) => { this.preset = e.target.value; });
    this._latents = fixedLatents(4000, 1, 'gaussian');
  }

  /** Generator loss: 'nonsat' (default) or 'minimax'. */
  get genLoss() { return this.getAttribute('gen-loss') === 'minimax' ? 'minimax' : 'nonsat'; }
  set genLoss(v) { this.setAttribute('gen-loss', v === 'minimax' ? 'minimax' : 'nonsat'); }

  onAttribute(name, oldValue, newValue) {
    super.onAttribute(name, oldValue, newValue);
    if (name === 'gen-loss' && this._engine) this.queueRebuild();
  }

  overrides() { return { genLoss: this.genLoss }; }

  onEngine() {
    this.$('.placeholder').hidden = true;
  }

  onRun(run, config) {
    this._history.clear();
    const choices = this.choices();
    fillSegmented(this.$('.optimizer'), 'optimizer', choices, config.preset);
    fillSegmented(this.$('.gen-loss'), 'genLoss', GEN_LOSSES, config.genLoss);
    // Non-'gan' losses have no generator-loss choice.
    this.$('.gen-loss').closest('fieldset').hidden = config.loss !== 'gan';
    const hint = choices.find((c) => c.name === config.preset)?.hint ?? '';
    this.$('.hint').textContent = hint + (config.genLoss === 'minimax' ? ' \u00b7 minimax generator loss' : '');
    this._latents = fixedLatents(4000, run.noiseDim, config.noise, config.seed);
    this._xRange = range1d(config);
    this._target = targetDensity1d(config);
    const peak = Math.max(...linspace(...this._xRange, 400).map(this._target));
    this._yMax = peak * 1.6;
    this._dxs = linspace(this._xRange[0], this._xRange[1], 241);
    const name = config.target === 'gaussian'
      ? `Target N(${formatNumber(config.targetMean, 1)}, ${formatNumber(config.targetStd, 1)})`
      : 'Target mixture';
    this.$('.target-name').textContent = name;
    this.$('.n-mean').textContent = config.target === 'gaussian' ? `target ${formatNumber(config.targetMean, 3)}` : '';
    this.$('.n-std').textContent = config.target === 'gaussian' ? `target ${formatNumber(config.targetStd, 3)}` : '';
    this._peak = peak;
    this.#computeFrame();
  }

  onReset() { this._history.clear(); }

  onStats(s) {
    if (s.epoch > 0) this._history.push(s.epoch, s.dLoss);
  }

  afterTraining() { this.#computeFrame(); }

  #computeFrame() {
    const run = this._run;
    const [lo, hi] = this._xRange;
    this._samples = run.generate(this._latents);
    this._hist = histogram(this._samples, lo, hi, Math.round((hi - lo) * 9));
    this._d = { xs: this._dxs, ys: run.evaluateD(this._dxs), kind: this._config.loss === 'gan' ? 'probability' : 'score' };
    let sum = 0;
    for (const v of this._samples) sum += v;
    this._genMean = sum / this._samples.length;
  }

  render() {
    if (!this._run) return;
    if (!this._samples) this.#computeFrame();
    const theme = this.theme();
    const main = this.$('canvas.main');
    drawArena1d(main, Math.max(200, this.$('.plot').clientWidth), {
      xRange: this._xRange, target: this._target, hist: this._hist, d: this._d,
      yMax: this._yMax, targetMean: this._config.target === 'gaussian' ? this._config.targetMean : NaN, genMean: this._genMean,
    }, theme);
    const histCanvas = this.$('canvas.hist');
    drawHistory(histCanvas, Math.max(160, this.$('.history').clientWidth), {
      xs: this._history.xs, ys: this._history.ys, color: theme.ink,
      reference: { y: LOG4, label: `log 4 = ${LOG4.toFixed(3)}`, color: theme.disc },
      height: this._width >= 600 ? 118 : 84, // beside the readouts when wide, under them when narrow
    }, theme);
    const s = this._stats;
    const trained = s && s.epoch > 0;
    this.#text('.r-epoch', formatEpoch(s?.epoch ?? 0));
    this.#text('.r-dloss', trained ? formatLoss(s.dLoss) : NONE);
    this.#text('.r-mean', s ? formatNumber(s.mean[0], 3) : NONE);
    this.#text('.r-std', s ? formatNumber(s.std[0], 3) : NONE);
    const near = (v, t, tol) => Number.isFinite(v) && Math.abs(v - t) < tol;
    const cfg = this._config;
    this.$('.r-mean').classList.toggle('good', Boolean(trained && cfg.target === 'gaussian' && near(s.mean[0], cfg.targetMean, 0.05)));
    this.$('.r-std').classList.toggle('good', Boolean(trained && cfg.target === 'gaussian' && near(s.std[0], cfg.targetStd, 0.05)));
    this.$('.r-dloss').classList.toggle('good', Boolean(trained && near(s.dLoss, LOG4, 0.02)));
    main.setAttribute('aria-label', this.#describe());
  }

  #describe() {
    const s = this._stats;
    if (!s) return 'Training plot';
    return `Epoch ${formatEpoch(s.epoch)}: generated samples have mean ${formatNumber(s.mean[0], 2)} and std ${formatNumber(s.std[0], 2)}` +
      (this._config.target === 'gaussian' ? `; target mean ${formatNumber(this._config.targetMean, 2)}, std ${formatNumber(this._config.targetStd, 2)}.` : '.');
  }

  #text(selector, text) {
    const el = this.$(selector);
    if (el.textContent !== text) el.textContent = text;
  }
}

