// api.test.mjs: the Embind API's behaviour under Node: load/train/read/edit, errors as messages.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';
import { SPEEDS } from '../../web/frame-plan.js';

const E = await engine();

test('parseHash reads TensorFlow Playground keys and reports bad values by key', () => {
  const r = E.parseHash('#activation=relu&learningRate=abc&networkShape=3,3&foo=bar');
  assert.equal(r.config.activation, 'relu');
  assert.deepEqual(r.config.networkShape, [3, 3]);
  assert.equal(r.config.learningRate, 0.03); // default kept
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].key, 'learningRate');
  assert.match(r.errors[0].message, /learningRate: 'abc'/);
  assert.deepEqual(r.unknownKeys, ['foo']);
  assert.match(r.hash, /activation=relu/);
});

test('a session trains, loss falls, metrics and epoch advance', () => {
  const s = E.createSession('seed=1');
  assert.equal(s.lastLoad.ok, true);
  const m0 = s.metrics();
  assert.equal(m0.epoch, 0);
  s.trainEpochs(30);
  const m1 = s.metrics();
  assert.equal(m1.epoch, 30);
  assert.equal(m1.updates, 30 * 25); // 250 points, batch 10
  assert.ok(m1.trainLoss < m0.trainLoss * 0.5, `${m1.trainLoss} vs ${m0.trainLoss}`);
  assert.ok(m1.testAccuracy > 0.9);
  const b = s.trainBatches(3);
  assert.equal(b.samples, 30);
  assert.equal(s.metrics().position, 30);
  s.dispose();
});

test('grid: one call fills every feature and neuron; values are tanh outputs in range', () => {
  const s = E.createSession('seed=2&networkShape=3&xSquared=true');
  const rows = s.gridRows();
  assert.equal(rows, 3 + 3 + 1); // features x, y, x^2; 3 hidden; 1 output
  const N = 50;
  const g = s.evalGrid(N);
  assert.equal(g.length, rows * N * N);
  assert.equal(g[0], -6); // x at the top-left
  assert.equal(g[N * N], 6); // y at the top-left
  assert.equal(g[2 * N * N], 36); // x^2 at the top-left
  for (let k = 3 * N * N; k < g.length; k++) assert.ok(g[k] >= -1 && g[k] <= 1);
  assert.throws(() => s.evalGrid(1), /grid size/);
  s.dispose();
});

test('grid rows: a few rows per call (a big network over several frames) give the whole grid', () => {
  const s = E.createSession('seed=3&networkShape=6,5&activation=relu');
  s.trainEpochs(2);
  const N = 23; // 23 * k points: SIMD tails of every length
  const whole = s.evalGrid(N).slice();
  const t = E.createSession('seed=3&networkShape=6,5&activation=relu');
  t.trainEpochs(2);
  let g = null;
  for (let r = 0; r < N; r += 5) g = t.evalGridRows(N, r, Math.min(N, r + 5));
  assert.deepEqual(g, whole);
  // only the asked rows change: rows 0..4 after training further, the others as they were
  t.trainEpochs(3);
  s.trainEpochs(3);
  const fresh = s.evalGrid(N).slice();
  g = t.evalGridRows(N, 0, 5).slice();
  const P = N * N;
  for (let row = 0; row < t.gridRows(); row++)
    for (const p of [0, 5 * N - 1, 5 * N, P - 1])
      assert.equal(g[row * P + p], p < 5 * N ? fresh[row * P + p] : whole[row * P + p]);
  assert.throws(() => t.evalGridRows(N, 3, 2), /grid rows/);
  assert.throws(() => t.evalGridRows(N, 0, N + 1), /grid rows/);
  s.dispose();
  t.dispose();
});

test('params view, layer layout, edits by index with clear errors', () => {
  const s = E.createSession('seed=3');
  const layers = s.layers();
  assert.deepEqual(
    layers.map((l) => [l.nIn, l.nOut, l.activation]),
    [
      [2, 4, 'tanh'],
      [4, 2, 'tanh'],
      [2, 1, 'tanh'],
    ],
  );
  s.setWeight(1, 1, 2, 0.625);
  assert.equal(s.params()[layers[1].wOff + 1 * 4 + 2], 0.625);
  s.setBias(2, 0, -0.5);
  assert.equal(s.params()[layers[2].bOff], -0.5);
  assert.throws(() => s.setWeight(3, 0, 0, 1), /layer 3 does not exist/);
  assert.throws(() => s.setWeight(0, 0, 0, NaN), /finite/);
  assert.throws(() => s.setBias(1, 7, 1), /neuron 7 does not exist/);
  s.dispose();
});

test('reset gives the same initial weights; regenerate changes data, keeps the network', () => {
  const s = E.createSession('seed=4');
  const w0 = Array.from(s.params());
  s.trainEpochs(3);
  assert.notDeepEqual(Array.from(s.params()), w0);
  s.reset();
  assert.deepEqual(Array.from(s.params()), w0);
  const p0 = Array.from(s.points(false).slice(0, 6));
  s.regenerate('other');
  assert.notDeepEqual(Array.from(s.points(false).slice(0, 6)), p0);
  assert.deepEqual(Array.from(s.params()), w0);
  assert.match(s.hash(), /seed=other/);
  s.dispose();
});

test('a bad config leaves the loaded session in place and says why', () => {
  const s = E.createSession('seed=5&networkShape=2');
  const r = s.load('loss=softmax'); // softmax needs a multi-class dataset
  assert.equal(r.ok, false);
  assert.match(r.error, /softmax/);
  assert.deepEqual(s.config().networkShape, [2]);
  const r2 = s.load('x=false&y=false');
  assert.equal(r2.ok, false);
  assert.match(r2.error, /no input feature/);
  s.dispose();
  assert.throws(() => s.trainEpochs(1), /disposed/);
});

test('a Playground with nothing loaded answers with a message, not an abort', () => {
  const p = new E.M.Playground();
  // one convention for every call that can fail: {ok: false, error}
  for (const r of [p.setWeight(0, 0, 0, 1), p.setBias(0, 0, 1), p.reset(), p.evalGrid(10), p.trainEpochs(1)])
    assert.deepEqual([r.ok, r.error], [false, 'no network is loaded: call load() with a config first']);
  p.delete();
});

test('CSV data: loaded when valid, old data kept when not', () => {
  const s = E.createSession('dataset=custom&seed=6');
  const rows = ['x1,x2,label'];
  for (let k = 0; k < 20; k++) rows.push(`${(k % 5) - 2},${(k % 3) - 1},${k % 2}`);
  const ok = s.loadCsv(rows.join('\n'));
  assert.equal(ok.ok, true, ok.error);
  assert.equal(ok.pointsInHash, true);
  assert.match(ok.hash, /dataset=custom&/);
  assert.equal(s.points(false).length / 3, 10);
  const bad = s.loadCsv('x1,x2,label\n1,2,abc\n');
  assert.equal(bad.ok, false);
  assert.match(bad.error, /abc/);
  assert.equal(s.points(false).length / 3, 10);
  s.dispose();
});

test('trace: the worked example through the wasm API (values from the independent derivation)', () => {
  const s = E.createSession('preset=worked-example&learningRate=0.5');
  const t = s.trace(false, 0);
  // float64 derivation in tests/native/test_gradcheck.cpp: z2 = 1.129943, a2 = 0.755828, L = 0.279941
  assert.ok(Math.abs(t.z[3] - 1.129943) < 1e-6);
  assert.ok(Math.abs(t.a[3] - 0.755828) < 1e-6);
  assert.ok(Math.abs(t.loss - 0.279941) < 1e-6);
  assert.ok(Math.abs(t.delta[3] + 0.244172) < 1e-6);
  assert.ok(Math.abs(t.paramsAfter[9] - 0.471618) < 1e-6);
  assert.equal(t.grad.length, s.params().length);
  assert.throws(() => s.trace(false, 5), /point 5 does not exist/);
  s.dispose();
});

test('gradCheck and health answer for the live network; diverged shows in metrics', () => {
  const s = E.createSession('seed=3&networkShape=3,2');
  const g = s.gradCheck();
  assert.ok(g.maxRelError < 1e-3, String(g.maxRelError));
  assert.equal(g.checked + g.skipped, s.params().length);
  const h = s.health();
  assert.equal(h.length, 3);
  assert.ok(h.every((l) => l.gradNorm >= 0 && l.inactive >= 0 && l.inactive <= 1));
  const d = E.createSession('problem=regression&activation=relu&learningRate=10&networkShape=8,8&seed=1');
  d.trainEpochs(200);
  assert.equal(d.metrics().diverged, true);
  assert.ok(Array.from(d.params()).every(Number.isFinite));
  s.dispose();
  d.dispose();
});

test('setPoints: the hash carries the points; a reload from it gives the same data and training', () => {
  const s = E.createSession('dataset=circle&seed=8&networkShape=3');
  const flat = [];
  for (let k = 0; k < 30; k++)
    flat.push((((k * 37) % 1200) - 600) / 100, (((k * 53) % 1200) - 600) / 100, k % 3 ? 1 : -1);
  const r = s.setPoints(flat);
  assert.equal(r.ok, true, r.error);
  assert.equal(r.pointsInHash, true);
  assert.match(r.hash, /points=-6,-6,-1,-5\.63,-5\.47,1,/); // k = 0, 1 as typed, not float noise
  assert.deepEqual(Array.from(s.customPoints()), Array.from(Float32Array.from(flat)));
  const t = E.createSession(r.hash);
  assert.deepEqual(Array.from(t.points(false)), Array.from(s.points(false)));
  assert.deepEqual(Array.from(t.points(true)), Array.from(s.points(true)));
  s.reset();
  s.trainEpochs(2);
  t.trainEpochs(2);
  assert.deepEqual(Array.from(t.params()), Array.from(s.params()));
  // wrong shapes are named, the data stays
  for (const [bad, re] of [
    [[1, 2], /triples/],
    ['1,2,3', /array of numbers/],
    [[1, 2, 0.5], /labels 0\/1 or -1\/\+1/],
    [[1, NaN, 1], /not finite or outside/],
  ]) {
    const e = s.setPoints(bad);
    assert.equal(e.ok, false);
    assert.match(e.error, re);
  }
  assert.equal(s.customPoints().length, 90);
  s.dispose();
  t.dispose();
});

test('load keeps user points that were too many for the hash', () => {
  const s = E.createSession('dataset=circle&seed=8');
  const flat = [];
  for (let k = 0; k < 4000; k++) flat.push(-5 + k * 0.0023, 4 - k * 0.0017, k % 2 ? 1 : -1);
  const r = s.setPoints(flat);
  assert.equal(r.ok, true, r.error);
  assert.equal(r.pointsInHash, false);
  assert.doesNotMatch(r.hash, /points=/);
  const l = s.load(r.hash.replace('networkShape=4,2', 'networkShape=3'));
  assert.equal(l.ok, true, l.error);
  assert.equal(l.pointsInHash, false);
  assert.equal(s.customPoints().length, 12000);
  assert.equal((s.points(false).length + s.points(true).length) / 3, 4000);
  s.dispose();
});

test('setTraining: switching to Adam mid-training keeps weights and epoch; other keys refused', () => {
  const s = E.createSession('dataset=xor&seed=2&networkShape=4');
  s.trainEpochs(4);
  const w = Array.from(s.params());
  const r = s.setTraining(s.hash() + '&optimizer=adam&learningRate=0.01');
  assert.equal(r.ok, true, r.error);
  assert.match(r.hash, /optimizer=adam/);
  assert.deepEqual(Array.from(s.params()), w);
  assert.equal(s.metrics().epoch, 4);
  assert.equal(s.config().optimizer, 'adam');
  const refused = s.setTraining(s.hash().replace('networkShape=4', 'networkShape=5'));
  assert.equal(refused.ok, false);
  assert.match(refused.error, /without a reset/);
  assert.equal(s.config().networkShape[0], 4);
  s.dispose();
});

test('catalog liveKeys: the keys setTraining takes; each changes live, a rebuilding key is refused', () => {
  const live = E.catalog().liveKeys;
  assert.deepEqual(live.slice(0, 2), ['learningRate', 'showTestData']);
  assert.ok(live.includes('optimizer') && !live.includes('networkShape'));
  const s = E.createSession('dataset=xor&seed=2&networkShape=4');
  s.trainEpochs(2);
  const w = Array.from(s.params());
  for (const [key, value] of [
    ['learningRate', '0.1'],
    ['showTestData', 'true'],
    ['stopEpoch', '9'],
  ]) {
    assert.ok(live.includes(key));
    const r = s.setTraining(`${s.hash()}&${key}=${value}`);
    assert.equal(r.ok, true, r.error);
    assert.match(r.hash, new RegExp(`${key}=${value}`));
  }
  assert.deepEqual(Array.from(s.params()), w);
  assert.equal(s.setTraining(`${s.hash()}&noise=10`).ok, false);
  s.dispose();
});

test('speed: a live key of ours, in the config object as a string, refused with its values', () => {
  assert.equal(E.parseHash('').config.speed, '1');
  assert.equal(E.parseHash('speed=max').config.speed, 'max');
  assert.doesNotMatch(E.parseHash('speed=1').hash, /speed=/);
  const bad = E.parseHash('speed=7');
  assert.equal(bad.config.speed, '1');
  assert.equal(bad.errors[0].message, "speed: '7' is not a known value; allowed: 1, 10, 100, max, batch");
  assert.ok(E.catalog().liveKeys.includes('speed'));
  assert.deepEqual(E.catalog().speed, ['1', '10', '100', 'max', 'batch']);
  // the page's speed menu (labels and paces) offers exactly the engine's values
  assert.deepEqual(
    SPEEDS.map((x) => x.value),
    E.catalog().speed,
  );
  const s = E.createSession('dataset=xor&seed=2&networkShape=4');
  s.trainEpochs(2);
  const w = Array.from(s.params());
  const r = s.setTraining(`${s.hash()}&speed=batch`);
  assert.equal(r.ok, true, r.error);
  assert.match(r.hash, /speed=batch/);
  assert.equal(s.config().speed, 'batch');
  assert.deepEqual(Array.from(s.params()), w);
  s.dispose();
});

test('metrics.confusion: K x K counts that sum to the set sizes and agree with accuracy', () => {
  for (const [hash, K] of [
    ['dataset=blobs3&seed=4', 3],
    ['dataset=circle&seed=4', 2],
  ]) {
    const s = E.createSession(hash);
    s.trainEpochs(10);
    const m = s.metrics();
    assert.equal(m.confusion.k, K);
    for (const [set, n, acc] of [
      ['train', s.points(false).length / 3, m.trainAccuracy],
      ['test', s.points(true).length / 3, m.testAccuracy],
    ]) {
      const c = m.confusion[set];
      assert.equal(c.length, K * K);
      assert.equal(
        c.reduce((a, b) => a + b, 0),
        n,
      );
      let diag = 0;
      for (let i = 0; i < K; i++) diag += c[i * K + i];
      assert.ok(Math.abs(diag / n - acc) < 1e-12, `${hash} ${set}`);
      // row sums are the true class counts, read from the points themselves
      const pts = s.points(set === 'test');
      for (let i = 0; i < K; i++) {
        let count = 0;
        for (let p = 2; p < pts.length; p += 3) count += (K === 2 ? (pts[p] > 0 ? 1 : 0) : pts[p]) === i;
        assert.equal(
          c.slice(i * K, i * K + K).reduce((a, b) => a + b, 0),
          count,
        );
      }
    }
    s.dispose();
  }
  const r = E.createSession('problem=regression');
  assert.equal(r.metrics().confusion, undefined);
  r.dispose();
});

test('metricsSlice: the loss pass in slices equals metrics() at metricsSliceBegin, training between', () => {
  const s = E.createSession('dataset=spiral&networkShape=8,8&seed=slices');
  s.trainEpochs(2);
  const want = s.metrics(),
    epoch = want.epoch;
  s.metricsSliceBegin();
  let got = null,
    slices = 0;
  while (!(got = s.metricsSlice(20))) {
    s.trainBatches(1);
    slices++;
    assert.ok(slices < 100, 'the pass ends');
  }
  assert.ok(slices >= 4, `500 points in chunks of 64: several slices (${slices})`);
  for (const k of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']) assert.equal(got[k], want[k], k);
  assert.deepEqual(got.confusion, want.confusion);
  assert.equal(got.lossEpoch, epoch);
  assert.ok(got.epoch >= epoch, 'progress fields are the current ones');
  assert.notEqual(s.metrics().trainLoss, want.trainLoss, 'training went on meanwhile');
  assert.throws(() => s.metricsSlice(0), /maxPoints must be a number >= 1/);
  assert.throws(() => s.metricsSlice('x'), /maxPoints/);
  s.dispose();
});

test('datasetPreview: the training points a session of the same hash has, without a network', () => {
  for (const hash of [
    'dataset=spiral&noise=20&seed=7',
    'problem=regression&regDataset=reg-gauss&seed=2',
    'dataset=blobs4&seed=3', // a link without a seed draws one at random
  ]) {
    const s = E.createSession(`${hash}&networkShape=1`);
    assert.deepEqual(Array.from(E.datasetPreview(hash)), Array.from(s.points(false)), hash);
    s.dispose();
  }
  assert.equal(E.datasetPreview('dataset=custom').length, 0, 'custom points have no preview');
  assert.throws(() => E.datasetPreview('dataset=moon'), /dataset: 'moon'/);
});
