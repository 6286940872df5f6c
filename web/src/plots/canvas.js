/**
 * Canvas plumbing shared by the plots: HiDPI sizing, linear scales, axis ticks, text.
 *
 * ```js
 * const ctx = fitCanvas(canvas, 640, 300);   // backing store 640*dpr x 300*dpr, drawing in CSS px
 * const x = scale(-2, 6, 40, 600);           // x(3) -> pixel; x.invert(px) -> value
 * ```
 * The canvas's CSS width is 100% of its container (the widgets' stylesheet) and its height
 * follows from the backing store's aspect ratio, so no inline style is needed.
 * @module plots/canvas
 */
import { niceTicks } from '../lib/math.js';
import { formatNumber } from '../lib/format.js';

/** Size the canvas for crisp drawing at devicePixelRatio; returns its context in CSS pixels. */
export function fitCanvas(canvas, cssWidth, cssHeight, dpr = globalThis.devicePixelRatio || 1) {
  const ratio = Math.min(3, Math.max(1, dpr));
  const w = Math.max(1, Math.round(cssWidth * ratio));
  const h = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(w / cssWidth, 0, 0, h / cssHeight, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  return ctx;
}

/** Linear map from [d0, d1] to [r0, r1], with .invert. */
export function scale(d0, d1, r0, r1) {
  const k = (r1 - r0) / (d1 - d0);
  const f = (v) => r0 + (v - d0) * k;
  f.invert = (p) => d0 + (p - r0) / k;
  f.domain = [d0, d1];
  f.range = [r0, r1];
  return f;
}

export const font = (theme, size = 11, weight = 400) => `${weight} ${size}px ${theme.font}`;

/** Tick labels without trailing zeros, with a real minus sign. */
export function tickLabel(v) {
  const digits = Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2;
  return formatNumber(v, digits);
}

/** Vertical grid lines and labels along the bottom at round x values. */
export function drawXAxis(ctx, x, top, bottom, theme, { count = 6, label } = {}) {
  const ticks = niceTicks(x.domain[0], x.domain[1], count);
  ctx.save();
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks) {
    const px = Math.round(x(t)) + 0.5;
    ctx.moveTo(px, top);
    ctx.lineTo(px, bottom);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.axis;
  ctx.beginPath();
  ctx.moveTo(x.range[0], Math.round(bottom) + 0.5);
  ctx.lineTo(x.range[1], Math.round(bottom) + 0.5);
  ctx.stroke();
  ctx.fillStyle = theme.muted;
  ctx.font = font(theme, 11);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks) ctx.fillText(tickLabel(t), x(t), bottom + 5);
  if (label) {
    ctx.textAlign = 'right';
    ctx.fillText(label, x.range[1], bottom + 5 + 13);
  }
  ctx.restore();
  return ticks;
}

/** Labels at round y values along one side (no grid lines). */
export function drawYLabels(ctx, y, xPos, side, theme, { count = 4, color, format = tickLabel } = {}) {
  const ticks = niceTicks(y.domain[0], y.domain[1], count);
  ctx.save();
  ctx.fillStyle = color ?? theme.muted;
  ctx.font = font(theme, 11);
  ctx.textAlign = side === 'left' ? 'right' : 'left';
  ctx.textBaseline = 'middle';
  for (const t of ticks) ctx.fillText(format(t), xPos + (side === 'left' ? -6 : 6), y(t));
  ctx.restore();
  return ticks;
}

/** A soft rounded "plot area" background. */
export function drawPlotArea(ctx, x0, y0, x1, y1, theme, radius = 6) {
  ctx.save();
  ctx.fillStyle = theme.plotBg;
  ctx.beginPath();
  if (ctx.roundRect) ctx.roundRect(x0, y0, x1 - x0, y1 - y0, radius);
  else ctx.rect(x0, y0, x1 - x0, y1 - y0);
  ctx.fill();
  ctx.restore();
}

/** A text label with a halo in the background colour, readable over any plot content. */
export function haloText(ctx, text, px, py, theme, color) {
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.bg;
  ctx.strokeText(text, px, py);
  ctx.fillStyle = color ?? theme.ink;
  ctx.fillText(text, px, py);
  ctx.restore();
}

const offscreen = new WeakMap();

/** Draw n x n RGBA pixels stretched (smoothly) over a rectangle, through a cached small canvas. */
export function drawPixels(ctx, pixels, n, x0, y0, w, h) {
  let small = offscreen.get(ctx);
  if (!small || small.width !== n) {
    small = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(n, n) : Object.assign(document.createElement('canvas'), { width: n, height: n });
    offscreen.set(ctx, small);
  }
  small.getContext('2d').putImageData(new ImageData(pixels, n, n), 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(small, x0, y0, w, h);
  ctx.restore();
}

/**
 * Grid lines at round values over a square plot (x and y map data to pixels), between pad
 * and size - pad. Returns the tick values.
 */
export function drawSquareGrid(ctx, x, y, lo, hi, size, pad, theme, count = 4) {
  const ticks = niceTicks(lo, hi, count);
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks) {
    ctx.moveTo(Math.round(x(t)) + 0.5, pad);
    ctx.lineTo(Math.round(x(t)) + 0.5, size - pad);
    ctx.moveTo(pad, Math.round(y(t)) + 0.5);
    ctx.lineTo(size - pad, Math.round(y(t)) + 0.5);
  }
  ctx.stroke();
  return ticks;
}
