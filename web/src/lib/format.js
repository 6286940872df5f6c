/**
 * Readout formatting (DOM-free): numbers as a reader sees them, "—" for "nothing yet".
 *
 * ```js
 * formatNumber(-0.1234)      // "−0.123"  (a real minus sign, U+2212)
 * formatEpoch(12345)         // "12,345"
 * formatPercent(0.4567)      // "45.7%"
 * formatPoint([0.5, -1])     // "(0.50, −1.00)"
 * ```
 * @module format
 */

/** Shown for a value that does not exist yet (before training, or not finite). */
export const NONE = '\u2014';
export const MINUS = '\u2212';
/** The discriminator loss at the game's optimum, D(x) = 1/2 everywhere: -log(1/2) - log(1/2) = log 4. */
export const LOG4 = Math.log(4);

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** A fixed-point number with a typographic minus; "—" for null, undefined, NaN or ±Infinity. */
export function formatNumber(value, digits = 3) {
  if (!isNumber(value)) return NONE;
  const text = Math.abs(value).toFixed(digits);
  // -0.0004 rounds to "0.000": no minus sign in front of a zero.
  const negative = value < 0 && Number(text) !== 0;
  return (negative ? MINUS : '') + text;
}

/** A whole epoch count with thousands separators ("12,345"). */
export function formatEpoch(epoch) {
  if (!isNumber(epoch)) return NONE;
  return Math.round(epoch).toLocaleString('en-US');
}

/** A fraction 0..1 as a percentage ("45.7%"). */
export function formatPercent(fraction, digits = 1) {
  if (!isNumber(fraction)) return NONE;
  return `${formatNumber(fraction * 100, digits)}%`;
}

/** "k/total", e.g. modes covered "5/8". */
export function formatCount(k, total) {
  if (!isNumber(k) || !isNumber(total)) return NONE;
  return `${k}/${total}`;
}

/** A point as "(x, y)". */
export function formatPoint(point, digits = 2) {
  if (!point || point.length === 0) return NONE;
  return `(${Array.from(point, (v) => formatNumber(v, digits)).join(', ')})`;
}

/** A speed multiplier for a control: 0.25 -> "¼×", 1 -> "1×", Infinity -> "Max". */
export function formatSpeed(speed) {
  if (speed === Infinity) return 'Max';
  if (!isNumber(speed)) return NONE;
  const fractions = { 0.25: '\u00bc', 0.5: '\u00bd', 0.75: '\u00be' };
  return `${fractions[speed] ?? String(Number(speed.toFixed(2)))}\u00d7`;
}

/** Spoken text for the interpolation slider, e.g. "40% of the way from zA to zB". */
export function describeInterpolation(t) {
  if (!isNumber(t)) return NONE;
  const pct = Math.round(t * 100);
  if (pct <= 0) return 'at zA (0%)';
  if (pct >= 100) return 'at zB (100%)';
  return `${pct}% of the way from zA to zB`;
}

const SUPERSCRIPT = { '-': '\u207b', 0: '\u2070', 1: '\u00b9', 2: '\u00b2', 3: '\u00b3', 4: '\u2074', 5: '\u2075', 6: '\u2076', 7: '\u2077', 8: '\u2078', 9: '\u2079' };

/**
 * A loss value at a sensible precision whatever its size: 1.386, 0.0412, 1.6×10⁻⁴.
 * (WGAN's weight-clipped critic reports Wasserstein estimates around 1e-4.)
 */
export function formatLoss(value) {
  if (!isNumber(value)) return NONE;
  const a = Math.abs(value);
  if (a === 0) return '0';
  if (a >= 100) return formatNumber(value, 1);
  if (a >= 0.01) return formatNumber(value, 3);
  if (a >= 0.001) return formatNumber(value, 4);
  const exp = Math.floor(Math.log10(a));
  let mant = a / 10 ** exp;
  let e = exp;
  if (Number(mant.toFixed(1)) >= 10) { mant /= 10; e += 1; }
  const sup = String(e).split('').map((ch) => SUPERSCRIPT[ch]).join('');
  return `${value < 0 ? MINUS : ''}${mant.toFixed(1)}\u00d710${sup}`;
}
