/**
 * Panel 1's plot: the target density (blue), a histogram of generated samples (red) and the
 * discriminator's D(x) (green dashed, right axis 0..1), on one x axis. Pure: data in, pixels out.
 *
 * ```js
 * drawArena1d(canvas, 640, {
 *   xRange: [-2, 7], target: (x) => density, hist: histogram(samples, -2, 7, 72),
 *   d: { xs, ys, kind: 'probability' }, yMax: 1.3, targetMean: 3, genMean: 2.1,
 * }, theme);
 * ```
 * @module plots/arena1d
 */
import { fitCanvas, scale, drawXAxis, drawYLabels, drawPlotArea, font, haloText } from './canvas.js';
import { formatPercent } from '../lib/format.js';

/** The plot's height for a given width (CSS px). */
export const arenaHeight = (width) => Math.round(Math.min(320, Math.max(200, width * 0.46)));

export function drawArena1d(canvas, width, data, theme) {
  const height = arenaHeight(width);
  const ctx = fitCanvas(canvas, width, height);
  const narrow = width < 420;
  const m = { left: narrow ? 30 : 40, right: narrow ? 28 : 36, top: 28, bottom: 34 };
  const [lo, hi] = data.xRange;
  const x = scale(lo, hi, m.left, width - m.right);
  const y = scale(0, data.yMax, height - m.bottom, m.top);
  const yd = scale(0, 1, height - m.bottom, m.top);
  const bottom = height - m.bottom;

  drawPlotArea(ctx, m.left, m.top, width - m.right, bottom, theme);
  drawXAxis(ctx, x, m.top, bottom, theme, { count: narrow ? 5 : 9 });
  drawYLabels(ctx, y, m.left, 'left', theme, { count: 3 });
  drawYLabels(ctx, yd, width - m.right, 'right', theme, { count: 2, color: theme.disc });

  // D(x) = 1/2: where the discriminator ends up when it can no longer tell real from fake.
  ctx.save();
  ctx.strokeStyle = theme.disc;
  ctx.globalAlpha = 0.45;
  ctx.setLineDash([1, 3]);
  ctx.beginPath();
  ctx.moveTo(m.left, Math.round(yd(0.5)) + 0.5);
  ctx.lineTo(width - m.right, Math.round(yd(0.5)) + 0.5);
  ctx.stroke();
  ctx.restore();

  ctx.save();
  ctx.beginPath();
  ctx.rect(m.left, m.top - 1, width - m.left - m.right, bottom - m.top + 1);
  ctx.clip();

  // Histogram of generated samples.
  const h = data.hist;
  if (h) {
    const bins = h.density.length;
    const bw = (x(hi) - x(lo)) / bins;
    ctx.fillStyle = theme.generated;
    ctx.globalAlpha = 0.42;
    for (let i = 0; i < bins; i++) {
      if (h.density[i] <= 0) continue;
      const top = Math.max(m.top, y(h.density[i]));
      ctx.fillRect(x(lo) + i * bw, top, bw + 0.5, bottom - top);
    }
    // The histogram's outline, a step line, reads better than bar edges.
    ctx.globalAlpha = 1;
    ctx.strokeStyle = theme.generated;
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    ctx.moveTo(x(lo), bottom);
    for (let i = 0; i < bins; i++) {
      const top = Math.max(m.top, y(h.density[i]));
      ctx.lineTo(x(lo) + i * bw, top);
      ctx.lineTo(x(lo) + (i + 1) * bw, top);
    }
    ctx.lineTo(x(hi), bottom);
    ctx.stroke();
    // Bars taller than the axis: a caret at the top says "goes on".
    ctx.fillStyle = theme.generated;
    for (let i = 0; i < bins; i++) {
      if (y(h.density[i]) >= m.top) continue;
      const cx = x(lo) + (i + 0.5) * bw;
      ctx.beginPath();
      ctx.moveTo(cx - 4, m.top + 6);
      ctx.lineTo(cx, m.top + 1);
      ctx.lineTo(cx + 4, m.top + 6);
      ctx.fill();
    }
  }

  // Target density: a soft fill and a solid line.
  if (data.target) {
    const n = Math.max(64, Math.round(width / 2));
    ctx.beginPath();
    for (let i = 0; i <= n; i++) {
      const v = lo + ((hi - lo) * i) / n;
      const py = y(data.target(v));
      if (i === 0) ctx.moveTo(x(v), py);
      else ctx.lineTo(x(v), py);
    }
    ctx.strokeStyle = theme.target;
    ctx.lineWidth = 2.25;
    ctx.lineJoin = 'round';
    ctx.stroke();
    ctx.lineTo(x(hi), bottom);
    ctx.lineTo(x(lo), bottom);
    ctx.closePath();
    ctx.fillStyle = theme.target;
    ctx.globalAlpha = 0.1;
    ctx.fill();
    ctx.globalAlpha = 1;
  }

  // D(x), dashed. A critic's unbounded score is scaled into the panel.
  if (data.d && data.d.xs.length) {
    const { xs, ys } = data.d;
    let toUnit = (v) => v;
    if (data.d.kind !== 'probability') {
      let a = Infinity;
      let b = -Infinity;
      for (const v of ys) { a = Math.min(a, v); b = Math.max(b, v); }
      const span = b - a || 1;
      toUnit = (v) => 0.05 + (0.9 * (v - a)) / span;
    }
    ctx.strokeStyle = theme.disc;
    ctx.lineWidth = 2;
    ctx.setLineDash([7, 5]);
    ctx.beginPath();
    for (let i = 0; i < xs.length; i++) {
      const py = yd(toUnit(ys[i]));
      if (i === 0) ctx.moveTo(x(xs[i]), py);
      else ctx.lineTo(x(xs[i]), py);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.restore();

  // Means: a blue marker for the target's, a red one for the generator's, under the axis.
  const marker = (v, color) => {
    if (!Number.isFinite(v)) return;
    const px = Math.min(width - m.right, Math.max(m.left, x(v)));
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.moveTo(px, bottom + 1);
    ctx.lineTo(px - 4.5, bottom + 7);
    ctx.lineTo(px + 4.5, bottom + 7);
    ctx.closePath();
    ctx.fill();
  };
  marker(data.targetMean, theme.target);
  marker(data.genMean, theme.generated);

  // Generated mass outside the axis range.
  ctx.font = font(theme, 11, 600);
  ctx.textBaseline = 'top';
  if (h && h.total) {
    if (h.below / h.total >= 0.005) {
      ctx.textAlign = 'left';
      haloText(ctx, `\u25c2 ${formatPercent(h.below / h.total, 0)}`, m.left + 4, m.top + 4, theme, theme.generated);
    }
    if (h.above / h.total >= 0.005) {
      ctx.textAlign = 'right';
      haloText(ctx, `${formatPercent(h.above / h.total, 0)} \u25b8`, width - m.right - 4, m.top + 4, theme, theme.generated);
    }
  }

  // Axis names, at the top of each axis.
  ctx.font = font(theme, 11, 600);
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillStyle = theme.muted;
  ctx.fillText('density', 4, m.top - 12);
  ctx.textAlign = 'right';
  ctx.fillStyle = theme.disc;
  ctx.fillText(data.d?.kind === 'probability' || !data.d ? 'D(x)' : 'critic', width - 2, m.top - 12);
  return { height };
}
