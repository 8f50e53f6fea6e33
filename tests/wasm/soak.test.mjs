// soak.test.mjs: the short version of scripts/soak.mjs, with assertions: 50,000 training steps
// (one trainBatches(1) call each) and 2,000 network rebuilds after a warm-up. Contract: the wasm
// heap in use (scripts/soak.mjs wasmInUse: live allocations and fragmentation, 16 KiB granularity)
// does not grow after warm-up: at most one 16 KiB granule with the session alive, and back to the
// start value once it is disposed; the JS heap (after a forced GC) grows by less than 4 MiB; no
// Embind handle is left alive.
import test from 'node:test';
import assert from 'node:assert/strict';
import { soak } from '../../scripts/soak.mjs';

test('50,000 steps and 2,000 rebuilds: no wasm heap growth after warm-up, bounded JS heap', async () => {
  const r = await soak({ batches: 50_000, rebuilds: 2_000, warmBatches: 20_000, warmRebuilds: 200 });
  const G = 16384;
  assert.ok(
    r.afterTraining.wasm <= r.warm.wasm + G,
    `wasm heap in use grew during training: ${r.warm.wasm} -> ${r.afterTraining.wasm}`,
  );
  assert.ok(
    r.end.wasm <= r.start.wasm + G,
    `wasm heap in use after disposing everything: ${r.start.wasm} at start, ${r.end.wasm} at the end`,
  );
  assert.ok(r.end.js - r.warm.js < 4 * 2 ** 20, `JS heap grew by ${r.end.js - r.warm.js} bytes`);
  assert.equal(r.end.handles.emval, r.start.handles.emval, 'live emval handles');
  assert.equal(r.end.handles.instances, 0, 'live C++ instances');
});

test('the heap probe sees a 200 KB allocation (so a leak would show)', async () => {
  const { wasmInUse } = await import('../../scripts/soak.mjs');
  const { engine } = await import('./load.mjs');
  const E = await engine();
  const a = wasmInUse(E.M);
  const p = E.M._malloc(200_000);
  const b = wasmInUse(E.M);
  E.M._free(p);
  const c = wasmInUse(E.M);
  assert.ok(Math.abs(b - a - 200_000) <= 16384, `probe: ${a} -> ${b} after a 200,000-byte malloc`);
  assert.ok(Math.abs(c - a) <= 16384, `probe after free: ${c} vs ${a}`);
});
