/**
 * Widget state that is pure data (DOM-free): attribute parsing, the choices each panel
 * offers (built from the engine's preset catalog, never from hard-coded hyper-parameters),
 * and the embed page's URL parameters.
 *
 * ```js
 * parseSpeed('4')                       // 4
 * parseSpeed('max')                     // Infinity
 * parseSeed('7')                        // 7
 * presetChoices(engine.presets(), 'modes')  // [{ name: 'ring-gan', label: 'Standard GAN', hint }, ...]
 * parseEmbedParams('?panel=modes&seed=3')   // { tag: 'gan-mode-collapse', attributes: { seed: '3' } }
 * ```
 * @module state
 */

/** Speeds the speed control offers (multipliers of a panel's base epochs per second). */
export const SPEEDS = Object.freeze([0.25, 1, 4, Infinity]);
export const MAX_SPEED = 1000;
const MAX_SEED = 4294967295;

/** The `seed` attribute: a whole number 0..2^32-1, or null (use the preset's seed). */
export function parseSeed(text) {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= MAX_SEED ? value : null;
}

/** The `speed` attribute: "max" (or "Infinity") -> Infinity; a positive number; else 1. */
export function parseSpeed(text) {
  if (text === null || text === undefined) return 1;
  const s = String(text).trim().toLowerCase();
  if (s === 'max' || s === 'infinity') return Infinity;
  const value = Number(s);
  if (!Number.isFinite(value) || value <= 0) return 1;
  return Math.min(value, MAX_SPEED);
}

/** How a speed is written back to the attribute. */
export const speedToAttribute = (speed) => (speed === Infinity ? 'max' : String(speed));

/** Speeds to offer in a control: the standard ones plus the current one if it is custom. */
export function speedOptions(current) {
  const list = [...SPEEDS];
  if (!list.includes(current)) list.push(current);
  return list.sort((a, b) => a - b);
}

/** Reader-facing names of the presets the panels switch between; others keep their own name. */
const LABELS = {
  'blog-1d': 'Adam (tuned)',
  'blog-1d-sgd': 'plain SGD (blog)',
  'ring-gan': 'Standard GAN',
  'ring-wgan': 'WGAN',
  'ring-wgan-gp': 'WGAN-GP',
};

/** A preset description without its "Panel 2, " prefix. */
export function presetHint(description = '') {
  const text = description.replace(/^Panel \d+[,:]?\s*/i, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Which presets a panel may run. */
export const PANEL_FILTERS = {
  arena: (c) => c.target === 'gaussian' || c.target === 'mixture1d',
  // The blog's 8 Gaussians (radius 2); the PacGAN benchmark rings and grids are for `gan eval`.
  modes: (c) => c.target === 'ring' && c.modes === 8 && c.radius === 2 && !c.conditional,
  walker: (c) => c.noiseDim === 2 && c.target !== 'gaussian' && c.target !== 'mixture1d' && !c.conditional,
};

/**
 * The presets a panel offers, in catalog order, with labels.
 * @param {{name, description, config}[]} presets engine.presets()
 * @param {'arena'|'modes'|'walker'} panel
 */
export function presetChoices(presets, panel) {
  const keep = PANEL_FILTERS[panel];
  if (!keep) throw new RangeError(`panel '${panel}' is unknown; allowed: ${Object.keys(PANEL_FILTERS).join(', ')}`);
  return presets
    .filter((p) => keep(p.config))
    .map((p) => ({ name: p.name, label: LABELS[p.name] ?? p.name, hint: presetHint(p.description) }));
}

/** Is this the label of a Wasserstein loss (the loss readout is then the W estimate)? */
export const isWasserstein = (loss) => loss === 'wgan' || loss === 'wgan-gp';

/** The embed page's panels and the custom element each one shows. */
export const PANELS = Object.freeze({
  arena: 'gan-arena-1d',
  modes: 'gan-mode-collapse',
  walker: 'gan-latent-walker',
});

const EMBED_ATTRIBUTES = ['preset', 'seed', 'speed', 'autoplay', 'gen-loss'];

/**
 * The embed page's URL parameters -> which element to create and its attributes.
 * Only known attributes pass through; values are left for the element to validate.
 * @param {string} search location.search, e.g. "?panel=arena&seed=3&autoplay"
 * @returns {{tag: string, panel: string, attributes: Record<string, string>} | {error: string}}
 */
export function parseEmbedParams(search) {
  const params = new URLSearchParams(search);
  const panel = params.get('panel') ?? 'arena';
  const tag = PANELS[panel];
  if (!tag) return { error: `Unknown panel '${panel}'. Use ?panel=${Object.keys(PANELS).join('|')}.` };
  const attributes = {};
  for (const name of EMBED_ATTRIBUTES) {
    if (!params.has(name)) continue;
    const value = params.get(name);
    if (name === 'autoplay') {
      if (!['0', 'false', 'no', 'off'].includes(value.toLowerCase())) attributes.autoplay = '';
    } else if (value !== '') {
      attributes[name] = value;
    }
  }
  return { tag, panel, attributes };
}

/** Clamp v into [lo, hi]. */
export const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** The latent point a fraction t of the way from a to b. */
export function lerpPoint(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}
