// lifetime.test.mjs: 10,000 create/train/dispose cycles leave no growth of the wasm heap and no
// live Embind handles or C++ instances.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';

const E = await engine();

test('10,000 create/train/evalGrid/dispose cycles: flat heap, no live handles', () => {
  const cycle = (k) => {
    const s = E.createSession(`seed=${k}&networkShape=${1 + (k % 5)},3`);
    s.trainBatches(2);
    s.evalGrid(10);
    s.metrics();
    s.layers();
    s.dispose();
  };
  for (let k = 0; k < 200; k++) cycle(k); // warm-up: the allocator settles
  const heap0 = E.heapBytes(),
    h0 = E.liveHandles();
  for (let k = 0; k < 10000; k++) cycle(k);
  const heap1 = E.heapBytes(),
    h1 = E.liveHandles();
  assert.equal(heap1, heap0, `wasm heap grew from ${heap0} to ${heap1}`);
  assert.equal(h1.emval, h0.emval);
  assert.equal(h1.instances, 0);
});
