// nearest.test.mjs: loadNearest under Node, what the page's first load uses (issue 21): a refused
// link builds the nearest network, dropping the key each problem names (one at a time, checked
// again), and reports each drop; a valid link loads as load() does; a custom dataset is dropped
// only when the link's points were refused.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';

const E = await engine();

test('loadNearest drops what makes a link fail, names it, and builds the rest of the link', () => {
  const s = E.createSession('');
  const cases = [
    ['seed=1&problem=regression&loss=softmax&noise=10', ['loss'], { problem: 'regression', loss: 'auto', noise: 10 }],
    ['seed=1&dataset=circle&points=1,2,1,3,4,-1', ['points'], { dataset: 'circle', pointCount: 0 }],
    ['seed=1&dataset=custom&points=1,1,0.5,2,2,7', ['points', 'dataset'], { dataset: 'circle' }],
    ['seed=1&dataset=custom&points=1,2', ['dataset'], { dataset: 'circle' }],
    ['seed=1&x=false&y=false&sinX=false', ['x'], { x: true, y: true }],
    [
      'seed=1&networkShape=16,16&batchNorm=true&batchSize=1&activation=relu',
      ['batchNorm'],
      { batchNorm: false, batchSize: 1, activation: 'relu' },
    ],
  ];
  for (const [hash, dropped, want] of cases) {
    const plain = s.load(hash);
    assert.ok(!plain.ok || s.points(false).length === 0, `${hash}: load() refuses it or leaves nothing to train`);
    const r = s.loadNearest(hash);
    assert.equal(r.ok, true, `${hash}: ${r.error}`);
    assert.deepEqual(
      r.dropped.map((d) => d.key),
      dropped,
      hash,
    );
    for (const d of r.dropped) assert.match(d.message, new RegExp(`^${d.key}(, y)?: `), 'each says why');
    const c = s.config();
    for (const [k, v] of Object.entries(want)) assert.deepEqual(c[k], v, `${hash}: ${k}`);
    assert.equal(c.seed, '1');
    assert.ok(s.points(false).length > 0, `${hash}: data to train on`);
    assert.ok(s.trainEpochs(1).ok);
  }
  // valid links: nothing dropped, the same session as load()
  const r = s.loadNearest('seed=2&networkShape=3&dataset=custom&points=1,1,1,-1,-1,-1');
  assert.deepEqual(r.dropped, []);
  assert.equal(s.config().dataset, 'custom');
  // a custom dataset without points waits for the user's points: kept
  assert.deepEqual(s.loadNearest('seed=2&dataset=custom').dropped, []);
  assert.equal(s.config().dataset, 'custom');
  s.dispose();
});
