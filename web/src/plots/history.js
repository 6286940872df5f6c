/**
 * A small line chart of one quantity over epochs, with an optional reference line
 * (e.g. the optimum D loss log 4 = 1.386). Pure: data in, pixels out.
 *
 * ```js
 * drawHistory(canvas, 320, { xs, ys, color, reference: { y: Math.log(4), label: 'log 4' } }, theme);
 * ```
 * @module plots/history
 */
import { fitCanvas, scale, font, haloText, tickLabel } from './canvas.js';
import { formatEpoch, formatNumber } from '../lib/format.js';
import { quantile } from '../lib/math.js';

export const HISTORY_HEIGHT = 84;

export function drawHistory(canvas, width, data, theme) {
  const height = data.height ?? HISTORY_HEIGHT;
  const ctx = fitCanvas(canvas, width, height);
  const m = { left: 38, right: 10, top: 8, bottom: 18 };
  const { xs, ys } = data;
  const refY = data.reference?.y;
  // A robust range: an early spike (epoch 1's loss) must not flatten the rest of the run.
  let lo = ys.length ? quantile(ys, 0.03) : Infinity;
  let hi = ys.length ? quantile(ys, 0.97) : -Infinity;
  if (ys.length) { lo = Math.min(lo, ys[ys.length - 1]); hi = Math.max(hi, ys[ys.length - 1]); }
  if (Number.isFinite(refY)) { lo = Math.min(lo, refY); hi = Math.max(hi, refY); }
  if (data.floor !== undefined) lo = Math.min(lo, data.floor);
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  if (hi - lo < 1e-6) { lo -= 0.5; hi += 0.5; }
  const pad = (hi - lo) * 0.12;
  const x = scale(0, Math.max(1, xs.length ? xs[xs.length - 1] : 1), m.left, width - m.right);
  const y = scale(lo - pad, hi + pad, height - m.bottom, m.top);

  ctx.fillStyle = theme.plotBg;
  ctx.fillRect(m.left, m.top, width - m.left - m.right, height - m.top - m.bottom);
  ctx.font = font(theme, 10);
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  ctx.fillText(tickLabel(Number((hi + pad).toPrecision(2))), m.left - 4, m.top + 4);
  ctx.fillText(tickLabel(Number((lo - pad).toPrecision(2))), m.left - 4, height - m.bottom - 4);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText('0', m.left, height - m.bottom + 4);
  ctx.textAlign = 'right';
  ctx.fillText(`epoch ${formatEpoch(x.domain[1])}`, width - m.right, height - m.bottom + 4);

  if (Number.isFinite(refY)) {
    ctx.save();
    ctx.strokeStyle = data.reference.color ?? theme.muted;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    ctx.moveTo(m.left, Math.round(y(refY)) + 0.5);
    ctx.lineTo(width - m.right, Math.round(y(refY)) + 0.5);
    ctx.stroke();
    ctx.restore();
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(m.left, m.top, width - m.left - m.right, height - m.top - m.bottom);
  ctx.clip();
  if (xs.length > 1) {
    ctx.strokeStyle = data.color ?? theme.ink;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (let i = 0; i < xs.length; i++) {
      if (i === 0) ctx.moveTo(x(xs[i]), y(ys[i]));
      else ctx.lineTo(x(xs[i]), y(ys[i]));
    }
    ctx.stroke();
    ctx.fillStyle = data.color ?? theme.ink;
    ctx.beginPath();
    ctx.arc(x(xs[xs.length - 1]), y(ys[ys.length - 1]), 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();

  // Labels last, over the line.
  ctx.font = font(theme, 10, 600);
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  if (data.label) haloText(ctx, data.label, m.left + 5, m.top + 13, theme, data.color ?? theme.ink);
  if (Number.isFinite(refY) && data.reference.label) {
    ctx.textAlign = 'right';
    ctx.textBaseline = y(refY) - m.top < 16 ? 'top' : 'bottom';
    const dy = ctx.textBaseline === 'top' ? 3 : -3;
    haloText(ctx, data.reference.label, width - m.right - 12, y(refY) + dy, theme, data.reference.color ?? theme.muted);
  }
  return { height, format: formatNumber };
}
