// simd.test.mjs: the hot kernels of the wasm build really are SIMD128: f32x4 instructions inside
// the dense, activation and softmax kernels and inside the backward pass (inlined into the training step or not) (found by name through
// the symbol map the build emits).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { genDir } from './load.mjs';

test('f32x4 instructions inside the hot kernels', () => {
  const names = new Map();
  for (const line of fs.readFileSync(path.join(genDir, 'engine.mjs.symbols'), 'utf8').split('\n')) {
    const i = line.indexOf(':');
    if (i > 0)
      names.set(
        Number(line.slice(0, i)),
        line.slice(i + 1).replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
      );
  }
  const dis = execFileSync('wasm-objdump', ['-d', path.join(genDir, 'engine.wasm')], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const count = new Map();
  let cur = null;
  for (const line of dis.split('\n')) {
    const m = /^[0-9a-f]+ func\[(\d+)\]/.exec(line);
    if (m) cur = names.get(Number(m[1])) || `#${m[1]}`;
    else if (cur && line.includes('f32x4')) count.set(cur, (count.get(cur) || 0) + 1);
  }
  const find = (re) => [...count.entries()].filter(([n]) => re.test(n)).reduce((a, [, c]) => a + c, 0);
  const report = {
    dense_forward: find(/^bp::dense_forward\(/),
    activation_forward: find(/^bp::activation_forward(_rows)?\(/),
    softmax_forward: find(/^bp::softmax_forward\(/),
    backward_pass: find(/^bp::(Session::(train_batch|run_chunk)|Network<float>::backward)/),
  };
  for (const [k, v] of Object.entries(report)) assert.ok(v >= 4, `${k}: ${v} f32x4 instructions`);
});
