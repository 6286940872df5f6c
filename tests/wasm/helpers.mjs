// Shared by the wasm tests: the real built module and the native CLI beside it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { loadEngine, LIMITS } from '../../web/src/engine.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const nativeCli = process.env.GAN_CLI ?? `${root}build/gan`; // the native build of the same sources

/** Runs the native CLI and returns its stdout (throws with stderr on failure). */
export function runCli(args) {
  if (!existsSync(nativeCli)) throw new Error(`${nativeCli} is missing: run \`npm run build\` first`);
  return execFileSync(nativeCli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Creates a run, passes it to fn, and disposes it whatever happens. */
export async function withRun(engine, preset, overrides, fn) {
  const run = engine.create(preset, overrides);
  try {
    return await fn(run);
  } finally {
    run.dispose();
  }
}
