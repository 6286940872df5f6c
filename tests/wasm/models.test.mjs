// The shipped pretrained models are exactly what their recorded commands produce.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { buildModel, recipes } from '../../scripts/make-models.mjs';
import { loadEngine } from './helpers.mjs';

for (const recipe of recipes()) {
  test(`${recipe.file.split('/').pop()} is reproduced by: gan ${recipe.args.join(' ')}`, { timeout: 300_000 }, async () => {
    const shipped = readFileSync(recipe.file);
    assert.ok(buildModel(recipe).equals(shipped), 'the recipe no longer reproduces the shipped file: run node scripts/make-models.mjs');
    const engine = await loadEngine();
    const run = engine.create(recipe.preset);
    run.loadGenerator(new Uint8Array(shipped));
    assert.equal(run.generate([0.5, -0.5]).length, run.dim);
    run.dispose();
  });
}
