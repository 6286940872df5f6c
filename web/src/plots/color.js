/**
 * Colour helpers for the plots (DOM-free): CSS colour strings to RGB, the latent-space
 * colour map, and heat-map pixels.
 * @module plots/color
 */

/** "#rgb", "#rrggbb", "rgb(r, g, b)" / "rgba(...)" / "rgb(r g b / a)" -> [r, g, b] (0..255), or null. */
export function parseColor(text) {
  const s = String(text ?? '').trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return [...m[1]].map((h) => parseInt(h + h, 16));
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (m) return [m[1], m[2], m[3]].map((v) => Math.round(Math.min(255, Number(v))));
  return null;
}

/** HSL (h in degrees, s and l in 0..1) -> [r, g, b] 0..255. */
export function hslToRgb(h, s, l) {
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255));
}

/**
 * The colour of a latent point: hue by angle around the square's centre, saturation by
 * distance from it, so neighbouring latents share colours and the reader can follow a
 * region of the latent square to where G puts it.
 * @param {number} x @param {number} y latent coordinates
 * @param {number} half half-width of the latent square (1 for U(-1,1)^2)
 * @param {boolean} [dark] lighter colours for a dark background
 */
export function latentColor(x, y, half, dark = false) {
  const r = Math.min(1, Math.hypot(x, y) / (half * Math.SQRT2));
  const hue = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return hslToRgb(hue, 0.25 + 0.6 * r, dark ? 0.66 : 0.5);
}

/**
 * RGBA pixels of a scalar field: `low` colour below `centre`, `high` above, alpha growing
 * with the distance from the centre (in units of halfRange), up to maxAlpha.
 * @param {ArrayLike<number>} values n * n, row by row
 * @returns {Uint8ClampedArray} 4 * n * n
 */
export function heatPixels(values, { low, high, centre, halfRange, maxAlpha = 0.3 }) {
  const out = new Uint8ClampedArray(values.length * 4);
  const span = halfRange > 0 ? halfRange : 1;
  for (let i = 0; i < values.length; i++) {
    const u = Math.max(-1, Math.min(1, (values[i] - centre) / span));
    const c = u >= 0 ? high : low;
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = Math.round(255 * maxAlpha * Math.abs(u) ** 0.8);
  }
  return out;
}
