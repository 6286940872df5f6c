/**
 * Panel 2's plot: the target's modes (blue), generated points (red), each mode's
 * high-quality zone (3 std) ringed solid when covered and dashed when not, over an optional
 * faint heat map of D(x) / the critic (blue where it says "real", red where "fake").
 * Plus a small bar chart of generated samples per mode. Pure: data in, pixels out.
 *
 * ```js
 * drawModes2d(canvas, 480, { extent: 3, centres, std: 0.05, covered, points, heat }, theme);
 * drawModeBars(canvas, 300, { counts, covered }, theme);
 * ```
 * @module plots/modes2d
 */
import { fitCanvas, scale, drawPixels, drawSquareGrid, font, haloText, tickLabel } from './canvas.js';

export function drawModes2d(canvas, width, data, theme) {
  const size = width;
  const ctx = fitCanvas(canvas, size, size);
  const pad = 8;
  const e = data.extent;
  const x = scale(-e, e, pad, size - pad);
  const y = scale(-e, e, size - pad, pad);
  const unit = x(1) - x(0); // px per data unit

  ctx.fillStyle = theme.plotBg;
  ctx.beginPath();
  if (ctx.roundRect) ctx.roundRect(pad, pad, size - 2 * pad, size - 2 * pad, 8);
  else ctx.rect(pad, pad, size - 2 * pad, size - 2 * pad);
  ctx.fill();
  ctx.save();
  ctx.clip();

  if (data.heat) drawPixels(ctx, data.heat.pixels, data.heat.n, pad, pad, size - 2 * pad, size - 2 * pad);

  // Grid at round values, axes through the origin a little stronger.
  const ticks = drawSquareGrid(ctx, x, y, -e, e, size, pad, theme, 6);
  // Tick labels along the bottom and left edges, clear of the modes.
  ctx.font = font(theme, 10);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (const t of ticks) if (Math.abs(t) < e * 0.9) ctx.fillText(tickLabel(t), x(t), size - pad - 3);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const t of ticks) if (Math.abs(t) < e * 0.9 && t !== 0) ctx.fillText(tickLabel(t), pad + 4, y(t));

  // Target modes: soft blue blobs (2 std), drawn first so generated points sit on top.
  const blob = Math.max(3, 2 * data.std * unit);
  ctx.fillStyle = theme.target;
  for (const [cx, cy] of data.centres) {
    ctx.globalAlpha = 0.22;
    ctx.beginPath();
    ctx.arc(x(cx), y(cy), blob * 1.8, 0, 2 * Math.PI);
    ctx.fill();
    ctx.globalAlpha = 0.9;
    ctx.beginPath();
    ctx.arc(x(cx), y(cy), Math.max(2.5, blob * 0.6), 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.globalAlpha = 1;

  // Generated points.
  const pts = data.points;
  if (pts) {
    const r = size < 360 ? 1.1 : 1.4;
    ctx.fillStyle = theme.generated;
    ctx.globalAlpha = 0.55;
    for (let i = 0; i < pts.length; i += 2) {
      const px = x(pts[i]);
      const py = y(pts[i + 1]);
      ctx.fillRect(px - r, py - r, 2 * r, 2 * r);
    }
    ctx.globalAlpha = 1;
  }

  // Covered-mode markers: the 3-std zone a sample must land in to count, solid when some do.
  const zone = Math.max(9, 3 * data.std * unit + 3);
  data.centres.forEach(([cx, cy], i) => {
    const covered = data.covered?.[i];
    ctx.beginPath();
    ctx.arc(x(cx), y(cy), zone, 0, 2 * Math.PI);
    ctx.setLineDash(covered ? [] : [3, 3]);
    ctx.lineWidth = covered ? 2.25 : 1.25;
    ctx.strokeStyle = covered ? theme.ink : theme.muted;
    ctx.stroke();
  });
  ctx.setLineDash([]);
  ctx.restore();

  if (data.message) {
    ctx.font = font(theme, 13, 600);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    haloText(ctx, data.message, size / 2, size / 2, theme, theme.muted);
  }
  return { height: size };
}

export const MODE_BARS_HEIGHT = 64;

/** Bars: the share of high-quality samples at each mode; dashed line = uniform share 1/k. */
export function drawModeBars(canvas, width, data, theme) {
  const height = MODE_BARS_HEIGHT;
  const ctx = fitCanvas(canvas, width, height);
  const k = data.counts?.length ?? 0;
  if (!k) return { height };
  const total = data.counts.reduce((a, b) => a + b, 0);
  const m = { left: 4, right: 4, top: 6, bottom: 16 };
  const shares = data.counts.map((c) => (total ? c / total : 0));
  const top = Math.max(2 / k, ...shares);
  const y = scale(0, top, height - m.bottom, m.top);
  const slot = (width - m.left - m.right) / k;
  for (let i = 0; i < k; i++) {
    const bx = m.left + i * slot + slot * 0.18;
    const bw = slot * 0.64;
    ctx.fillStyle = theme.plotBg;
    ctx.fillRect(bx, m.top, bw, height - m.bottom - m.top);
    ctx.fillStyle = data.covered?.[i] ? theme.generated : theme.muted;
    const by = y(shares[i]);
    ctx.fillRect(bx, by, bw, height - m.bottom - by);
    ctx.fillStyle = theme.muted;
    ctx.font = font(theme, 10);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(String(i + 1), bx + bw / 2, height - m.bottom + 3);
  }
  ctx.strokeStyle = theme.ink;
  ctx.globalAlpha = 0.6;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(m.left, Math.round(y(1 / k)) + 0.5);
  ctx.lineTo(width - m.right, Math.round(y(1 / k)) + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  return { height };
}
