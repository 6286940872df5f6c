/**
 * The widgets' stylesheets, adopted by each shadow root (constructable stylesheets: no
 * <style> element, so a page's style-src CSP does not need 'unsafe-inline').
 * Theme: every colour is a custom property a blog can set on the element or any ancestor,
 * e.g. `gan-arena-1d { --gan-bg: transparent; --gan-target: #0969da; }`.
 * @module widgets/styles
 */

export const BASE_CSS = `
:host {
  display: block;
  --_bg: var(--gan-bg, #ffffff);
  --_plot-bg: var(--gan-plot-bg, #f5f6f8);
  --_ink: var(--gan-ink, #1c2230);
  --_muted: var(--gan-muted, #5b6472);
  --_grid: var(--gan-grid, rgba(28, 34, 48, 0.08));
  --_axis: var(--gan-axis, rgba(28, 34, 48, 0.35));
  --_border: var(--gan-border, #dfe3e8);
  --_control: var(--gan-control, #eef0f3);
  --_control-hover: var(--gan-control-hover, #e3e6eb);
  --_target: var(--gan-target, #2463eb);
  --_generated: var(--gan-generated, #d9362b);
  --_disc: var(--gan-disc, #178046);
  --_accent: var(--gan-accent, #7c3aed);
  --_focus: var(--gan-focus, #2463eb);
  --_font: var(--gan-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --_mono: var(--gan-mono, ui-monospace, "SF Mono", Menlo, Consolas, monospace);
  --_dark: 0;
  color: var(--_ink);
  font: 14px/1.45 var(--_font);
  -webkit-text-size-adjust: 100%;
}
@media (prefers-color-scheme: dark) {
  :host {
    --_bg: var(--gan-bg, #171b23);
    --_plot-bg: var(--gan-plot-bg, #1f2430);
    --_ink: var(--gan-ink, #e6e9ef);
    --_muted: var(--gan-muted, #9aa3b2);
    --_grid: var(--gan-grid, rgba(230, 233, 239, 0.07));
    --_axis: var(--gan-axis, rgba(230, 233, 239, 0.3));
    --_border: var(--gan-border, #2c3342);
    --_control: var(--gan-control, #252b38);
    --_control-hover: var(--gan-control-hover, #2f3646);
    --_target: var(--gan-target, #5b9cff);
    --_generated: var(--gan-generated, #ff6b5e);
    --_disc: var(--gan-disc, #3ecf7a);
    --_accent: var(--gan-accent, #b794ff);
    --_focus: var(--gan-focus, #7fb0ff);
    --_dark: 1;
  }
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }

.frame {
  container-type: inline-size;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: 14px;
  padding: 14px;
}
@container (min-width: 520px) { .frame-inner { --pad: 18px; } }

canvas { display: block; width: 100%; height: auto; }
.plot { position: relative; min-width: 0; }
.plot canvas { border-radius: 8px; }
.placeholder {
  position: absolute; inset: 0; display: grid; place-items: center;
  color: var(--_muted); font-size: 13px; text-align: center; padding: 1em;
}
.placeholder[hidden] { display: none; }

/* Legend */
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 10px 0 0; padding: 0; list-style: none;
  font-size: 12.5px; color: var(--_muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.sw { display: inline-block; width: 18px; height: 10px; border-radius: 2px; flex: none; }
.sw-target { background: var(--_target); opacity: .85; }
.sw-generated { background: var(--_generated); opacity: .75; }
.sw-disc { height: 0; border-top: 2.5px dashed var(--_disc); border-radius: 0; }
.sw-dot { width: 8px; height: 8px; border-radius: 50%; }
.sw-ring { width: 12px; height: 12px; border-radius: 50%; border: 2px solid var(--_ink); background: none; }
.sw-ring-dashed { width: 12px; height: 12px; border-radius: 50%; border: 1.5px dashed var(--_muted); background: none; }
.sw-heat { width: 22px; background: linear-gradient(90deg, var(--_generated), transparent, var(--_target)); opacity: .6; }
.sw-path { height: 0; border-top: 2.5px solid var(--_ink); border-radius: 0; }
.sw-accent { background: var(--_accent); }

/* Readouts */
.readouts { display: grid; grid-template-columns: repeat(auto-fit, minmax(108px, 1fr)); gap: 8px; margin: 12px 0 0; }
.readout { background: var(--_plot-bg); border-radius: 8px; padding: 7px 10px 8px; min-width: 0; }
.readout dt { font-size: 11.5px; color: var(--_muted); letter-spacing: .01em; white-space: nowrap; }
.readout dd { margin: 0; font: 600 19px/1.25 var(--_font); font-variant-numeric: tabular-nums; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.readout .note { display: block; font-size: 11px; color: var(--_muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.readout .good { color: var(--_disc); }
dl, dd { margin: 0; }

/* Controls */
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 10px; margin-top: 12px; }
.controls .spacer { flex: 1 1 0; min-width: 0; }
button, select, .seg label span {
  font: 500 13.5px/1 var(--_font); color: var(--_ink);
  background: var(--_control); border: 1px solid transparent; border-radius: 8px;
  min-height: 34px; padding: 0 12px; cursor: pointer;
}
button { display: inline-flex; align-items: center; gap: 6px; }
button:hover, select:hover, .seg label:hover span { background: var(--_control-hover); }
button:disabled { opacity: .5; cursor: default; }
button.primary { background: var(--_ink); color: var(--_bg); min-width: 88px; justify-content: center; }
button.primary:hover { background: var(--_ink); opacity: .88; }
button svg { width: 14px; height: 14px; fill: currentColor; flex: none; }
button small { font-size: 11.5px; color: var(--_muted); font-weight: 500; }
select { padding: 0 28px 0 10px; appearance: none;
  background-image: linear-gradient(45deg, transparent 50%, var(--_muted) 50%), linear-gradient(135deg, var(--_muted) 50%, transparent 50%);
  background-position: calc(100% - 15px) 52%, calc(100% - 10px) 52%; background-size: 5px 5px; background-repeat: no-repeat; }
label.inline { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; color: var(--_muted); }
label.check { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; color: var(--_muted); cursor: pointer; min-height: 34px; }
label.check input { width: 16px; height: 16px; margin: 0; accent-color: var(--_ink); }

.seg { border: 0; margin: 0; padding: 0; min-width: 0; }
.seg legend { font-size: 11.5px; color: var(--_muted); padding: 0; margin-bottom: 4px; }
.seg-options { display: inline-flex; flex-wrap: wrap; gap: 2px; background: var(--_control); border-radius: 9px; padding: 2px; }
.seg label { position: relative; display: inline-flex; }
.seg input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.seg label span { display: inline-flex; align-items: center; min-height: 30px; border-radius: 7px; background: transparent; white-space: nowrap; }
.seg input:checked + span { background: var(--_bg); box-shadow: 0 1px 2px rgba(0,0,0,.12), 0 0 0 1px var(--_border); font-weight: 600; }
.options { display: flex; flex-wrap: wrap; gap: 10px 22px; margin-top: 12px; align-items: flex-end; }
.hint { font-size: 12px; color: var(--_muted); margin: 6px 0 0; min-height: 1.45em; }

:focus { outline: none; }
:focus-visible { outline: 2.5px solid var(--_focus); outline-offset: 2px; }
.seg input:focus-visible + span { outline: 2.5px solid var(--_focus); outline-offset: 1px; }

.status { margin: 10px 0 0; font-size: 12.5px; color: var(--_muted); min-height: 1.45em; }
.status.error { color: var(--_generated); font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.chart-title { font-size: 11.5px; color: var(--_muted); margin: 12px 0 4px; }
`;

let cache = null;

/** The stylesheets for a widget: the shared base plus the widget's own (each built once). */
export function adoptStyles(shadowRoot, ownCss, key) {
  cache ??= new Map();
  const sheetFor = (k, css) => {
    if (!cache.has(k)) {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      cache.set(k, s);
    }
    return cache.get(k);
  };
  if ('adoptedStyleSheets' in shadowRoot && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    shadowRoot.adoptedStyleSheets = [sheetFor('base', BASE_CSS), ...(ownCss ? [sheetFor(key, ownCss)] : [])];
  } else {
    // Old browsers: a <style> element (needs style-src 'unsafe-inline' under a strict CSP).
    const style = document.createElement('style');
    style.textContent = BASE_CSS + (ownCss ?? '');
    shadowRoot.prepend(style);
  }
}
