// runs-store.test.mjs: the page's run history (web/panels/runs-store.js) under Node with a fake
// Storage that has a byte quota: newest first, at most 20 runs, curves subsampled to <= 200 with
// both ends kept, and a full storage drops the oldest weights first, then refuses without losing
// what was stored. (No wasm here: it sits with the other Node tests.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { RunStore, subsample, sameState, KEY, MAX_RUNS } from '../../web/panels/runs-store.js';

class QuotaStorage {
  constructor(quota) {
    this.quota = quota;
    this.m = new Map();
  }
  getItem(k) {
    return this.m.has(k) ? this.m.get(k) : null;
  }
  setItem(k, v) {
    if (String(v).length > this.quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.m.set(k, String(v));
  }
}
const run = (id, model = '') => ({ id, hash: `seed=${id}`, curve: [[0, 1, 1]], model: model || undefined });

test('subsample keeps at most 200 evenly spread samples, first and last included', () => {
  const n = 1000,
    e = Array.from({ length: n }, (_, i) => i);
  const s = subsample(e, e, e, n);
  assert.equal(s.length, 200);
  assert.deepEqual(s[0], [0, 0, 0]);
  assert.deepEqual(s.at(-1), [999, 999, 999]);
  assert.deepEqual(subsample(e, e, e, 3), [
    [0, 0, 0],
    [1, 1, 1],
    [2, 2, 2],
  ]);
  assert.deepEqual(subsample(e, e, e, 0), []);
});

test('newest first, bounded to 20, same id replaces', () => {
  const st = new RunStore(new QuotaStorage(1e9));
  for (let i = 0; i < 25; i++) st.save(run(`r${i}`));
  const l = st.list();
  assert.equal(l.length, MAX_RUNS);
  assert.equal(l[0].id, 'r24');
  assert.equal(l.at(-1).id, 'r5');
  st.save({ ...run('r10'), epoch: 7 });
  assert.equal(st.list()[0].epoch, 7);
  assert.equal(st.list().filter((r) => r.id === 'r10').length, 1);
  assert.deepEqual(
    st
      .remove(['r10', 'r24'])
      .map((r) => r.id)
      .slice(0, 2),
    ['r23', 'r22'],
  );
});

test('a full storage drops the oldest weights first, then refuses and keeps what was stored', () => {
  const storage = new QuotaStorage(2600);
  const st = new RunStore(storage);
  st.save(run('a', 'x'.repeat(1000)));
  st.save(run('b', 'y'.repeat(1000)));
  const r = st.save(run('c', 'z'.repeat(1000)));
  assert.equal(r.droppedModels, 1);
  const l = st.list();
  assert.deepEqual(
    l.map((x) => x.id),
    ['c', 'b', 'a'],
  );
  assert.equal(l[2].model, undefined, 'the oldest lost its weights');
  assert.equal(l[0].model.length, 1000, 'the new run kept them');
  const before = storage.getItem(KEY);
  assert.throws(() => st.save({ ...run('d'), hash: 'q'.repeat(5000) }), /storage for this page is full/);
  assert.equal(storage.getItem(KEY), before, 'storage unchanged');
  storage.setItem(KEY, '{not json');
  assert.deepEqual(st.list(), [], 'a corrupt entry reads as no runs');
});

test('sameState: one entry per state (settings, epoch, losses, and weights when both have them)', () => {
  const a = { hash: 'seed=1', epoch: 3, trainLoss: 0.25, testLoss: 0.5, model: '{"w":[1]}' };
  assert.equal(sameState(a, { ...a }), true);
  assert.equal(sameState({ ...a, model: undefined }, a), true, 'weights dropped for room: the rest decides');
  assert.equal(sameState(a, { ...a, model: '{"w":[2]}' }), false, 'an edited weight');
  assert.equal(sameState(a, { ...a, epoch: 4 }), false);
  assert.equal(sameState(a, { ...a, testLoss: 0.5000001 }), false);
  assert.equal(sameState(a, { ...a, hash: 'seed=2' }), false);
  assert.equal(
    sameState({ ...a, trainLoss: null }, { ...a, trainLoss: NaN }),
    false,
    'JSON turned NaN into null: not provably the same',
  );
});
