/**
 * Panel 3's two plots. The latent square: zA, zB, the segment between them and the current
 * point z, over a faint colour field (the same colours mark where G sends each latent).
 * The output plane: the whole generated pattern (faint, coloured by latent), the target's
 * centre line, the decoded path G(zA -> zB), and the current decoded point. Pure.
 *
 * ```js
 * const L = latentLayout(240, [-1, 1]);               // L.toPx(z) -> [px, py], L.fromPx(px, py) -> z
 * drawLatent(canvas, 240, { range: [-1, 1], field, a, b, z }, theme);
 * drawWalkerOutput(canvas, 240, { box, pattern, colors, curve, path, current, a, b }, theme);
 * ```
 * @module plots/walker
 */
import { fitCanvas, scale, drawPixels, drawSquareGrid, font, haloText, tickLabel } from './canvas.js';

export const LATENT_PAD = 14;

/** Pixel <-> latent mapping of the latent square (shared by the drawing and the drag handles). */
export function latentLayout(size, [lo, hi]) {
  const x = scale(lo, hi, LATENT_PAD, size - LATENT_PAD);
  const y = scale(lo, hi, size - LATENT_PAD, LATENT_PAD);
  return {
    x, y,
    toPx: ([zx, zy]) => [x(zx), y(zy)],
    fromPx: (px, py) => [x.invert(px), y.invert(py)],
  };
}

function square(ctx, size, pad, theme) {
  ctx.fillStyle = theme.plotBg;
  ctx.beginPath();
  if (ctx.roundRect) ctx.roundRect(pad, pad, size - 2 * pad, size - 2 * pad, 8);
  else ctx.rect(pad, pad, size - 2 * pad, size - 2 * pad);
  ctx.fill();
}

function roundClip(ctx, size, pad) {
  ctx.beginPath();
  if (ctx.roundRect) ctx.roundRect(pad, pad, size - 2 * pad, size - 2 * pad, 8);
  else ctx.rect(pad, pad, size - 2 * pad, size - 2 * pad);
  ctx.clip();
}


function dot(ctx, px, py, r, fill, ring, theme) {
  ctx.beginPath();
  ctx.arc(px, py, r + 3, 0, 2 * Math.PI);
  ctx.fillStyle = theme.bg;
  ctx.globalAlpha = 0.85;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(px, py, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  if (ring) {
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = ring;
    ctx.stroke();
  }
}

export function drawLatent(canvas, size, data, theme) {
  const ctx = fitCanvas(canvas, size, size);
  const [lo, hi] = data.range;
  const L = latentLayout(size, data.range);
  const p = LATENT_PAD;
  square(ctx, size, p, theme);
  ctx.save();
  roundClip(ctx, size, p);
  if (data.field) {
    ctx.globalAlpha = theme.dark ? 0.42 : 0.32;
    drawPixels(ctx, data.field.pixels, data.field.n, p, p, size - 2 * p, size - 2 * p);
    ctx.globalAlpha = 1;
  }
  const ticks = drawSquareGrid(ctx, L.x, L.y, lo, hi, size, p, theme);
  ctx.restore();
  ctx.font = font(theme, 10);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  for (const t of ticks) if (t !== lo && t !== hi) ctx.fillText(tickLabel(t), L.x(t) + 3, size - p - 13);

  const [ax, ay] = L.toPx(data.a);
  const [bx, by] = L.toPx(data.b);
  ctx.strokeStyle = theme.ink;
  ctx.lineWidth = 2;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx, by);
  ctx.stroke();
  // The handles for zA and zB are HTML elements over the canvas (focusable, draggable);
  // the current point is drawn here.
  const [zx, zy] = L.toPx(data.z);
  dot(ctx, zx, zy, 5.5, theme.accent, theme.bg, theme);
  return { height: size };
}

export function drawWalkerOutput(canvas, size, data, theme) {
  const ctx = fitCanvas(canvas, size, size);
  const [x0, x1, y0, y1] = data.box;
  const p = LATENT_PAD;
  const x = scale(x0, x1, p, size - p);
  const y = scale(y0, y1, size - p, p);
  square(ctx, size, p, theme);
  ctx.save();
  roundClip(ctx, size, p);
  drawSquareGrid(ctx, x, y, x0, x1, size, p, theme);

  // The target's centre line, faint blue.
  if (data.curve) {
    ctx.strokeStyle = theme.target;
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = 6;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (let i = 0; i < data.curve.length; i += 2) {
      if (i === 0) ctx.moveTo(x(data.curve[i]), y(data.curve[i + 1]));
      else ctx.lineTo(x(data.curve[i]), y(data.curve[i + 1]));
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  // The whole generated pattern, faint, each point in its latent's colour.
  if (data.pattern) {
    const pts = data.pattern;
    const c = data.colors;
    ctx.globalAlpha = theme.dark ? 0.5 : 0.55;
    for (let i = 0, j = 0; i < pts.length; i += 2, j += 3) {
      ctx.fillStyle = c ? `rgb(${c[j]},${c[j + 1]},${c[j + 2]})` : theme.generated;
      ctx.fillRect(x(pts[i]) - 1.2, y(pts[i + 1]) - 1.2, 2.4, 2.4);
    }
    ctx.globalAlpha = 1;
  }

  // The decoded path G(zA -> zB).
  if (data.path && data.path.length >= 4) {
    ctx.strokeStyle = theme.bg;
    ctx.lineWidth = 5;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    const trace = () => {
      ctx.beginPath();
      for (let i = 0; i < data.path.length; i += 2) {
        if (i === 0) ctx.moveTo(x(data.path[i]), y(data.path[i + 1]));
        else ctx.lineTo(x(data.path[i]), y(data.path[i + 1]));
      }
      ctx.stroke();
    };
    ctx.globalAlpha = 0.7;
    trace();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = theme.ink;
    ctx.lineWidth = 2;
    trace();
  }
  ctx.restore();

  ctx.font = font(theme, 11, 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const endpoint = (pt, label) => {
    if (!pt) return;
    dot(ctx, x(pt[0]), y(pt[1]), 8, theme.bg, theme.ink, theme);
    ctx.fillStyle = theme.ink;
    ctx.fillText(label, x(pt[0]), y(pt[1]) + 0.5);
  };
  endpoint(data.a, 'A');
  endpoint(data.b, 'B');
  if (data.current) dot(ctx, x(data.current[0]), y(data.current[1]), 6, theme.accent, theme.bg, theme);
  if (data.message) {
    ctx.font = font(theme, 12, 600);
    haloText(ctx, data.message, size / 2, size / 2, theme, theme.muted);
  }
  return { height: size };
}
