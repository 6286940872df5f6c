// Everything a widget embed loads: gan-widgets.js, the modules it imports (followed
// statically through import/export ... from '...'), the model file and gan.js + gan.wasm.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = fileURLToPath(new URL('../web/', import.meta.url));

function moduleGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      visit(resolve(dirname(file), m[1] ?? m[2]));
    }
  };
  visit(entry);
  return [...seen];
}

/** [{file, bytes, gzip}] for every file a widget embed fetches, plus the total. */
export function widgetPayload() {
  const files = moduleGraph(resolve(web, 'src/gan-widgets.js'));
  for (const extra of ['wasm/gan.wasm']) if (existsSync(resolve(web, extra))) files.push(resolve(web, extra));
  const rows = files.map((f) => {
    const data = readFileSync(f);
    return { file: relative(web, f), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  const total = rows.reduce((t, r) => ({ bytes: t.bytes + r.bytes, gzip: t.gzip + r.gzip }), { bytes: 0, gzip: 0 });
  return { rows, total };
}
