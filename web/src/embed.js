/**
 * embed.html: one panel per page, for iframes.
 *   embed.html?panel=arena|modes|walker[&preset=NAME][&seed=N][&speed=0.25|1|4|max][&autoplay][&gen-loss=minimax]
 * The page tells its parent how tall it is (postMessage {type: 'gan-embed-size', panel, height}),
 * so a host page can size the iframe to fit:
 *   addEventListener('message', (e) => { if (e.data?.type === 'gan-embed-size') iframe.style.height = e.data.height + 'px'; });
 * @module embed
 */
import './gan-widgets.js';
import { parseEmbedParams } from './lib/state.js';

const main = document.getElementById('panel');
const spec = parseEmbedParams(location.search);
if (spec.error) {
  const p = document.createElement('p');
  p.className = 'embed-error';
  p.textContent = spec.error;
  main.append(p);
} else {
  const el = document.createElement(spec.tag);
  for (const [name, value] of Object.entries(spec.attributes)) el.setAttribute(name, value);
  main.append(el);
  document.title = { arena: '1D GAN Training Arena', modes: 'Mode Collapse Detector', walker: 'Latent Space Walker' }[spec.panel];
  if (window.parent !== window) {
    let last = 0;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: 'gan-embed-size', panel: spec.panel, height }, '*');
      }
    }).observe(document.body);
  }
}
