// harness.test.mjs: keeps the benchmark harness from rotting (issue 6): runs `node bench/run.mjs
// --quick` — every engine (ours in Node, in Chromium and native; tfjs-wasm, tfjs-cpu, convnetjs,
// brain.js) trains W1 for a few epochs and runs one step of W2-W4 — and asserts that it exits 0 and
// that each engine reported a learning loss. No timing is asserted. Needs the builds of
// bench/build.sh (web/gen/engine.*, build/bp_bench, bench/gen/wasm/bench.*) and bench/node_modules
// (cd bench && npm ci: the peers and playwright-core).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ENGINES = ['ours-node', 'ours-chromium', 'native', 'tfjs-wasm', 'tfjs-cpu', 'convnetjs', 'brain.js'];

test('bench harness quick mode: every engine runs and learns', { timeout: 10 * 60 * 1000 }, () => {
  assert.ok(
    fs.existsSync(path.join(here, 'node_modules/@tensorflow/tfjs-core')),
    'bench deps missing: cd bench && npm ci',
  );
  const r = spawnSync(process.execPath, [path.join(here, 'run.mjs'), '--quick'], {
    encoding: 'utf8',
    cwd: path.resolve(here, '..'),
  });
  const out = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, out);
  for (const e of ENGINES)
    assert.match(r.stdout, new RegExp(`^\\s+${e.replace('.', '\\.')}\\s+W1 loss [0-9.]+ -> [0-9.]+\\s+ok`, 'm'), out);
  // ours-node and ours-chromium run W4 through the benchmark module's WideMlp binding.
  for (const e of ['ours-node', 'ours-chromium'])
    assert.doesNotMatch(r.stdout, new RegExp(`^\\s+${e}\\s.*\\(no W4\\)`, 'm'), out);
  assert.match(r.stdout, /bench quick check passed/);
});
