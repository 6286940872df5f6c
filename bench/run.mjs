// npm run bench: one run, one table — our engine (wasm in Node, native) beside the blog's
// NumPy listing and TensorFlow.js (wasm and cpu backends) on the blog's two reference
// workloads, plus how near the machine's limit we are, and the widget payload.
// Figures are printed, never asserted: the machines are shared and noisy.
//   node bench/run.mjs [--repeats N] [--skip-peers] [--browser]
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { matmul, numpy, oursNative, oursWasm, tfjs } from './columns.mjs';
import { widgetPayload } from './payload.mjs';
import { compare, median, ratio, spread, table } from './stats.mjs';

const { values: args } = parseArgs({
  options: { repeats: { type: 'string', default: '5' }, 'skip-peers': { type: 'boolean' }, browser: { type: 'boolean' } },
});
const repeats = Number(args.repeats);
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

console.log(`# Benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores), Node ${process.version}`);
console.log(`\nEpochs per second: median of ${repeats} runs (full range in brackets), single thread each.\n`);

const results = {};
for (const workload of ['1d', 'wgan']) {
  log(`${workload}: ours (wasm)`);
  const columns = [await oursWasm(workload, repeats)];
  log(`${workload}: ours (native)`);
  columns.push(oursNative(workload, repeats));
  if (!args['skip-peers']) {
    log(`${workload}: NumPy`);
    columns.push(numpy(workload, repeats));
    for (const backend of ['wasm', 'cpu']) {
      log(`${workload}: TF.js ${backend}`);
      columns.push(await tfjs(backend, workload, repeats));
    }
  }
  results[workload] = columns;
  const ours = median(columns[0].runs);
  console.log(`\n### ${workload === '1d' ? '1D: batch 256, 1-64-1 nets, plain SGD (the blog\'s 1D listing)' : 'WGAN: batch 256, G 2-128-2, critic 2-128-1, 5 clipped critic steps per G step, SGD (the blog\'s train_wgan_2d)'}\n`);
  table(
    ['implementation', 'epochs/s', 'GFLOP/s', 'ours (wasm) is'],
    columns.map((c) =>
      c.runs
        ? [c.label, spread(c.runs), c.gflops ? spread(c.gflops, 2) : '—', c === columns[0] ? '—' : compare(ours, median(c.runs))]
        : [c.label, `skipped: ${c.note}`, '—', '—'],
    ),
  );
}

log('matrix multiply');
const mm = await matmul(repeats);
console.log('\n### Near the limit: a 512 x 512 matrix product in the same kernels\n');
table(
  ['runtime', 'GFLOP/s', '1D workload reaches', 'WGAN workload reaches'],
  [
    ['wasm (Node)', spread(mm.wasm, 2), pct(results['1d'][0].gflops, mm.wasm), pct(results.wgan[0].gflops, mm.wasm)],
    ['native', mm.native.length ? spread(mm.native, 2) : '—', pct(results['1d'][1].gflops, mm.native), pct(results.wgan[1].gflops, mm.native)],
  ],
);

const payload = widgetPayload();
console.log('\n### Widget payload (everything one embed loads)\n');
table(['file', 'bytes', 'gzip -9'], [...payload.rows.map((r) => [r.file, kb(r.bytes), kb(r.gzip)]), ['**total**', kb(payload.total.bytes), kb(payload.total.gzip)]]);

console.log('\n### Goals\n');
const byLabel = (w, prefix) => results[w].find((c) => c.label.startsWith(prefix) && c.runs);
const goal = (text, value, ok) => console.log(`- ${ok ? 'met' : 'NOT met'}: ${text} — ${value}`);
for (const [w, target] of [['1d', 10], ['wgan', 8]]) {
  const np = byLabel(w, 'NumPy');
  if (np) goal(`wasm >= ${target}x NumPy on ${w}`, ratio(median(results[w][0].runs), median(np.runs)), median(results[w][0].runs) >= target * median(np.runs));
  const native = results[w][1];
  if (native.runs) goal(`wasm within 1.3x of native on ${w}`, `native is ${ratio(median(native.runs), median(results[w][0].runs))} wasm`, median(native.runs) <= 1.3 * median(results[w][0].runs));
}
goal('payload <= 200 KB and <= 80 KB gzipped', `${kb(payload.total.bytes)} / ${kb(payload.total.gzip)} gzipped`, payload.total.bytes <= 200e3 && payload.total.gzip <= 80e3);

if (args.browser) {
  log('headless Chromium: panel convergence and frame times');
  console.log('\n### In the browser (headless Chromium, all panels)\n');
  execFileSync(process.execPath, [fileURLToPath(new URL('./browser.mjs', import.meta.url))], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function pct(gflops, peak) {
  return gflops && peak.length ? `${spread(gflops, 2)} GFLOP/s (${((100 * median(gflops)) / median(peak)).toFixed(0)}%)` : '—';
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
