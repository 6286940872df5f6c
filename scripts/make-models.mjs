// Regenerates the pretrained models in web/models/ from their recipes
// (web/models/*.json: the exact `gan` command and seed), with the native CLI.
//   node scripts/make-models.mjs            rewrite every model
//   node scripts/make-models.mjs --check    exit 1 if a recipe no longer reproduces its file
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const models = join(root, 'web/models');
const cli = process.env.GAN_CLI ?? join(root, 'build/gan');

/** Runs one recipe and returns the model bytes it produces. */
export function buildModel(recipe) {
  const out = join(mkdtempSync(join(tmpdir(), 'gan-model-')), 'model.ganm');
  execFileSync(cli, [...recipe.args, '--save', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return readFileSync(out);
}

export function recipes() {
  return readdirSync(models)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: join(models, f.replace(/\.json$/, '.ganm')), ...JSON.parse(readFileSync(join(models, f), 'utf8')) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const recipe of recipes()) {
    process.stderr.write(`model: gan ${recipe.args.join(' ')}\n`);
    const bytes = buildModel(recipe);
    if (!check) writeFileSync(recipe.file, bytes);
    else if (!bytes.equals(readFileSync(recipe.file))) stale++, console.error(`model: ${recipe.file} differs from its recipe`);
  }
  process.exit(stale ? 1 : 0);
}
