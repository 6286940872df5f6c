// Every class of bad argument: a readable Error naming the argument and the
// allowed range, and the engine and the run keep working afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LIMITS, loadEngine } from './helpers.mjs';

const engine = await loadEngine();

/** Asserts fn throws ErrorType with a message matching every pattern. */
function rejects(fn, ErrorType, ...patterns) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof ErrorType, `expected ${ErrorType.name}, got ${err?.constructor?.name}: ${err?.message}`);
    for (const p of patterns) assert.match(err.message, p);
    return true;
  });
}

test('create(): unknown preset, bad overrides object, unknown option', () => {
  rejects(() => engine.create('nope'), RangeError, /preset 'nope' is unknown/, /blog-1d/);
  rejects(() => engine.create(42), TypeError, /preset must be a string/);
  rejects(() => engine.create('blog-1d', 'seed=1'), TypeError, /overrides must be a plain object/);
  rejects(() => engine.create('blog-1d', { sed: 1 }), RangeError, /option 'sed' is unknown/);
});

test('create(): out-of-range and wrongly typed option values', () => {
  const cases = [
    [{ batch: 0 }, RangeError, /batch = 0/, /65536/],
    [{ gWidth: 0 }, RangeError, /gWidth = 0/, /1024/],
    [{ dDepth: 9 }, RangeError, /dDepth = 9/, /<= 8/],
    [{ gLr: -0.1 }, RangeError, /gLr = -0.1/, /0 <= x <= 10/],
    [{ dLr: NaN }, RangeError, /dLr = NaN/],
    [{ dLr: Infinity }, RangeError, /dLr = Infinity/],
    [{ nCritic: 0 }, RangeError, /nCritic = 0/],
    [{ targetStd: 0 }, RangeError, /targetStd = 0/, /0 < x/],
    [{ targetStd: -1 }, RangeError, /targetStd = -1/],
    [{ batch: 2.5 }, RangeError, /batch = 2.5/, /whole number/],
    [{ batch: '64' }, TypeError, /batch must be a number/],
    [{ loss: 'hinge' }, RangeError, /loss = 'hinge'/, /gan, lsgan, wgan, wgan-gp/],
    [{ loss: 3 }, TypeError, /loss must be a string/],
    [{ seed: -1 }, RangeError, /seed = -1/],
  ];
  for (const [overrides, type, ...patterns] of cases) rejects(() => engine.create('blog-1d', overrides), type, ...patterns);
});

test('create(): rules across options come back from the engine as readable Errors', () => {
  rejects(() => engine.create('ring-wgan-gp', { dUpdate: 'split' }), Error, /dUpdate = split is invalid with loss = wgan-gp/);
  rejects(() => engine.create('blog-1d', { conditional: true }), Error, /conditional = 1 is invalid with target = gaussian/);
  rejects(() => engine.create('ring-gan', { target: 'points' }), Error, /points is invalid/);
  const run = engine.create('blog-1d', { seed: 5 }); // the engine still works
  run.step(1);
  run.dispose();
});

test('run calls: wrong type, NaN, negative, fractional, past the cap — then the next call works', () => {
  const run = engine.create('ring-cgan', { seed: 1 });
  const twin = engine.create('ring-cgan', { seed: 1 });
  rejects(() => run.step(-1), RangeError, /epochs = -1/, /1000000/);
  rejects(() => run.step(1.5), RangeError, /epochs = 1.5/);
  rejects(() => run.step('10'), TypeError, /epochs must be a number/);
  rejects(() => run.step(NaN), RangeError, /epochs = NaN/);
  rejects(() => run.step(LIMITS.maxStepEpochs + 1), RangeError, /epochs = 1000001/);
  rejects(() => run.sample(-5), RangeError, /n = -5/);
  rejects(() => run.sample(LIMITS.maxSamples + 1), RangeError, /n = 1000001/);
  rejects(() => run.sampleClass(8, 10), RangeError, /label = 8/, /<= 7/);
  rejects(() => run.sampleClass(undefined, 10), TypeError, /label is required/);
  rejects(() => run.generate([0, 0, 0], { label: 0 }), RangeError, /latents has 3 values/, /multiple of 2/);
  rejects(() => run.generate([0, NaN], { label: 0 }), RangeError, /latents\[1\] = NaN/);
  rejects(() => run.generate('00', { label: 0 }), TypeError, /latents must be a Float32Array/);
  rejects(() => run.generate([0, 0]), TypeError, /label is required/);
  rejects(() => run.evaluateD([1, 2, 3], { label: 1 }), RangeError, /points has 3 values/);
  rejects(() => run.gradientD([1, Infinity], { label: 1 }), RangeError, /points\[1\] = Infinity/);
  rejects(() => run.loadGenerator([1, 2, 3]), TypeError, /must be a Uint8Array/);
  rejects(() => run.loadGenerator(new Uint8Array([1, 2, 3])), Error, /model bytes are invalid/);
  // Nothing above changed the run: it matches an untouched twin.
  run.step(25);
  twin.step(25);
  assert.deepEqual(run.stats(), twin.stats());
  run.dispose();
  twin.dispose();
});

test('labels on a run that is not conditional, and a model of another shape', () => {
  const run = engine.create('blog-1d');
  rejects(() => run.evaluateD([1], { label: 0 }), RangeError, /not conditional/);
  rejects(() => run.sampleClass(0, 3), RangeError, /not conditional/);
  const ring = engine.create('ring-wgan');
  rejects(() => run.loadGenerator(ring.saveGenerator()), Error, /noiseDim = 2 does not fit this run; allowed: 1/);
  run.step(2);
  assert.equal(run.epoch, 2);
  run.dispose();
  ring.dispose();
});

test('a disposed run says so; dispose() twice is harmless', () => {
  const run = engine.create('blog-1d');
  run.dispose();
  run.dispose();
  rejects(() => run.step(1), Error, /was disposed/);
  assert.equal(run.disposed, true);
});

test('a diverged run reports it and stops; reset() recovers', () => {
  const run = engine.create('blog-1d-sgd', { gLr: 10, dLr: 10, seed: 1 });
  run.step(500);
  const s = run.stats();
  assert.equal(s.status, 'diverged');
  assert.ok(s.divergedAt >= 1 && s.divergedAt <= 500);
  assert.equal(run.epoch, s.divergedAt, 'no epoch after the divergence');
  run.step(10);
  assert.equal(run.epoch, s.divergedAt);
  run.reset();
  assert.equal(run.stats().status, 'ok');
  run.dispose();
});
