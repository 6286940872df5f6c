/**
 * The one script a blog includes: defines the three panels as custom elements.
 *
 * ```html
 * <script type="module" src="/gan/src/gan-widgets.js"></script>
 * <gan-arena-1d autoplay></gan-arena-1d>
 * <gan-mode-collapse autoplay></gan-mode-collapse>
 * <gan-latent-walker></gan-latent-walker>
 * ```
 * Everything else (the engine in ../wasm/, the walker's weights in ../models/) is found
 * relative to this file, so copying the whole web/ folder anywhere works.
 * @module gan-widgets
 */
import { GanArena1d } from './widgets/gan-arena-1d.js';
import { GanModeCollapse } from './widgets/gan-mode-collapse.js';
import { GanLatentWalker } from './widgets/gan-latent-walker.js';

export const ELEMENTS = {
  'gan-arena-1d': GanArena1d,
  'gan-mode-collapse': GanModeCollapse,
  'gan-latent-walker': GanLatentWalker,
};

for (const [name, cls] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, cls);
}

export { GanArena1d, GanModeCollapse, GanLatentWalker };
