// health.test.mjs: health()'s `stuck` share on the output layer under Node (what the page's
// saturation hint reads, issue 21): points saturated on the wrong side of their label; high when a
// too-high learning rate stalls training, low when the rate learns, 0 for cross-entropy.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';

const E = await engine();

test('health: the output is stuck on the wrong side at learningRate=10, not at a rate that learns', () => {
  const stuck = (hash, epochs) => {
    const s = E.createSession(hash);
    s.trainEpochs(epochs);
    const h = s.health();
    s.dispose();
    assert.equal(
      h.slice(0, -1).every((l) => l.stuck === 0),
      true,
      'only the output layer has a share',
    );
    return h.at(-1).stuck;
  };
  for (const seed of [1, 2, 3]) {
    assert.ok(stuck(`seed=${seed}&learningRate=10`, 20) >= 0.2, `seed ${seed} at rate 10`);
    assert.ok(stuck(`seed=${seed}`, 300) < 0.05, `seed ${seed} at the default rate`);
    assert.ok(stuck(`seed=${seed}&learningRate=1`, 100) < 0.1, `seed ${seed} at rate 1`);
  }
  // cross-entropy has no flat tail at the output: never stuck, even at rate 10
  assert.equal(stuck('seed=1&learningRate=10&loss=bce', 20), 0);
  assert.equal(stuck('seed=1&learningRate=10&dataset=blobs3', 20), 0);
});
