// misuse.test.mjs: API misuse from JavaScript, against the raw Embind Module and web/engine.js:
// wrong argument counts and types, calls after delete/dispose, out-of-range layer, neuron, point
// and column indices, non-finite or beyond-float weights set by hand, absurd counts and sizes,
// binary junk as CSV, junk model files, stale views after memory growth. Contract checked: each
// answer is a JS exception with a message or an error result ({ok: false, error} or an error
// string) naming the problem, never a wasm abort (WebAssembly.RuntimeError); after each, the same
// module still creates a new session and trains it. (Running out of wasm memory does abort: see
// README "Limits"; no test here allocates near the 2 GiB wasm32 ceiling.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './load.mjs';

const E = await engine();
const M = E.M;
const NO_SESSION = /no network is loaded/;

// The module still works: a fresh session loads, trains and gives finite numbers.
function stillWorks() {
  const s = E.createSession('seed=11&networkShape=3');
  assert.equal(s.lastLoad.ok, true, s.lastLoad.error);
  s.trainEpochs(3);
  const m = s.metrics();
  assert.equal(m.epoch, 3);
  assert.ok(Number.isFinite(m.trainLoss));
  assert.ok(Array.from(s.params()).every(Number.isFinite));
  s.dispose();
}

// fn must throw a JS Error with a message matching `re` (not a wasm trap or abort).
function throwsMessage(fn, re, what) {
  let err = null;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err, `${what}: expected an exception`);
  assert.ok(!(err instanceof WebAssembly.RuntimeError), `${what}: wasm trap/abort: ${err.message}`);
  assert.ok(!/Aborted/.test(String(err.message)), `${what}: abort: ${err.message}`);
  assert.match(String(err.message), re, what);
}
// fn must return an error result {ok: false, error} whose error matches `re`.
function errorResult(fn, re, what) {
  const r = fn();
  assert.equal(typeof r, 'object', what);
  assert.equal(r.ok, false, `${what}: expected ok: false`);
  assert.match(r.error, re, what);
}

// First, while wasm memory is still at its initial size, so the big session must grow it.
test('stale views: a view taken before memory grows reads as empty, never as other memory', () => {
  const s = E.createSession('seed=9');
  const view = s.params();
  const n = view.length;
  const heap0 = E.heapBytes();
  const big = E.createSession('seed=9&networkShape=256,256,256,256&batchSize=2000'); // grows memory
  big.evalGrid(150);
  assert.ok(E.heapBytes() > heap0, 'memory grew (this test runs first, on the initial 32 MiB)');
  assert.equal(view.length, 0, 'a view over the old buffer is detached');
  assert.equal(s.params().length, n, 'a view taken again is right');
  big.dispose();
  s.dispose();
  stillWorks();
});

test('raw Module: wrong argument counts, wrong `this`, wrong constructor arguments throw', () => {
  const p = new M.Playground();
  p.load('seed=1');
  throwsMessage(() => p.trainEpochs(), /called with 0 arguments, expected 1/, 'trainEpochs()');
  throwsMessage(() => p.setWeight(0, 0, 0), /expected 4/, 'setWeight with 3 args');
  throwsMessage(() => p.load('a', 'b'), /called with 2 arguments/, 'load with 2 args');
  throwsMessage(() => new M.Playground(1), /invalid number of parameters|expected \(0\)/, 'new Playground(1)');
  throwsMessage(() => M.Playground.prototype.trainEpochs.call({}, 1), /./, 'trainEpochs on a plain object');
  throwsMessage(() => M.parseHash(), /called with 0 arguments/, 'parseHash()');
  p.delete();
  stillWorks();
});

test('raw Module: non-string and non-number arguments', () => {
  const p = new M.Playground();
  for (const bad of [5, null, undefined, {}, [], Symbol('s'), 5n, new Float32Array(4)]) {
    throwsMessage(() => p.load(bad), /non-string/, `load(${typeof bad})`);
    throwsMessage(() => M.parseHash(bad), /non-string/, `parseHash(${typeof bad})`);
  }
  // Embind takes a Uint8Array (or ArrayBuffer) for std::string as raw bytes: still validated text.
  assert.equal(p.load(new TextEncoder().encode('seed=2&networkShape=3')).ok, true);
  assert.deepEqual(p.config().networkShape, [3]);
  assert.equal(p.load('seed=2').ok, true);
  // Counts and indices cross as numbers and are validated: a non-number arrives as NaN and is
  // refused by name (Embind's own int conversion would have turned it into 0 silently).
  for (const bad of ['a', {}, [1, 2], undefined, NaN, 0.5, -0.5, Infinity]) {
    errorResult(() => p.trainEpochs(bad), /epochs must be an integer in 0..100000/, `trainEpochs(${String(bad)})`);
    errorResult(() => p.trainBatches(bad), /batches must be an integer/, `trainBatches(${String(bad)})`);
    errorResult(() => p.evalGrid(bad), /grid size must be in 2..512/, `evalGrid(${String(bad)})`);
    errorResult(() => p.setWeight(bad, 0, 0, 1), /indices must be integers/, `setWeight(${String(bad)}, ...)`);
    errorResult(() => p.setBias(0, bad, 1), /indices must be integers/, `setBias(0, ${String(bad)})`);
    errorResult(() => p.trace(false, bad), /point must be an integer/, `trace(${String(bad)})`);
    errorResult(() => p.loadCsv('1,2,1\n', 0, bad, 2), /column indices must be integers/, `loadCsv col ${String(bad)}`);
  }
  // Symbols and BigInts cannot become numbers at all: JS throws a TypeError before wasm runs.
  throwsMessage(() => p.trainEpochs(Symbol('n')), /Symbol|convert/, 'trainEpochs(Symbol)');
  throwsMessage(() => p.trainEpochs(5n), /BigInt|convert/, 'trainEpochs(5n)');
  for (const bad of ['x', {}, undefined]) {
    errorResult(() => p.setWeight(0, 0, 0, bad), /finite number/, `setWeight value ${String(bad)}`);
    errorResult(() => p.tracePoint(bad, 0, 1), /finite coordinates/, `tracePoint(${String(bad)})`);
  }
  assert.equal(p.metrics().epoch, 0, 'nothing trained by refused calls');
  p.delete();
  stillWorks();
});

test('raw Module: calls after delete throw; a double delete throws', () => {
  const p = new M.Playground();
  p.load('seed=3');
  p.delete();
  for (const [name, call] of [
    ['load', () => p.load('')],
    ['trainEpochs', () => p.trainEpochs(1)],
    ['evalGrid', () => p.evalGrid(10)],
    ['params', () => p.params()],
    ['setWeight', () => p.setWeight(0, 0, 0, 1)],
    ['metrics', () => p.metrics()],
    ['loadCsv', () => p.loadCsv('1,2,3', 0, 1, 2)],
  ])
    throwsMessage(call, /deleted/, `${name} after delete`);
  throwsMessage(() => p.delete(), /already deleted/, 'double delete');
  stillWorks();
});

test('raw Module: a Playground with nothing loaded answers every call with a message', () => {
  const p = new M.Playground();
  errorResult(() => p.trainEpochs(1), NO_SESSION, 'trainEpochs');
  errorResult(() => p.trainBatches(1), NO_SESSION, 'trainBatches');
  errorResult(() => p.evalGrid(10), NO_SESSION, 'evalGrid');
  errorResult(() => p.setWeight(0, 0, 0, 1), NO_SESSION, 'setWeight');
  errorResult(() => p.setBias(0, 0, 1), NO_SESSION, 'setBias');
  errorResult(() => p.reset(), NO_SESSION, 'reset');
  errorResult(() => p.regenerate('1'), NO_SESSION, 'regenerate');
  errorResult(() => p.loadCsv('1,2,1', 0, 1, 2), NO_SESSION, 'loadCsv');
  errorResult(() => p.trace(false, 0), NO_SESSION, 'trace');
  errorResult(() => p.gradCheck(), NO_SESSION, 'gradCheck');
  assert.equal(p.params(), null);
  assert.equal(p.metrics(), null);
  assert.equal(p.gridRows(), 0);
  assert.deepEqual(p.layers(), []);
  // A failed load keeps "nothing loaded" (and says why).
  errorResult(() => p.load('loss=softmax'), /softmax/, 'load of an inconsistent config');
  assert.equal(p.loaded(), false);
  p.delete();
  stillWorks();
});

test('out-of-range layer, neuron, point and column indices', () => {
  const s = E.createSession('seed=4&networkShape=4,2'); // layers: 2->4, 4->2, 2->1
  const w0 = Array.from(s.params());
  for (const [layer, to, from, re] of [
    [3, 0, 0, /layer 3 does not exist/],
    [-1, 0, 0, /layer -1 does not exist/],
    [2 ** 30, 0, 0, /does not exist/],
    [0, 4, 0, /weight 4<-0 does not exist in layer 0 \(4x2\)/],
    [0, 0, 2, /does not exist/],
    [1, -1, 0, /does not exist/],
    [2, 0, 2, /does not exist/],
  ])
    throwsMessage(() => s.setWeight(layer, to, from, 1), re, `setWeight(${layer}, ${to}, ${from})`);
  throwsMessage(() => s.setBias(0, 4, 1), /neuron 4 does not exist in layer 0/, 'setBias(0, 4)');
  throwsMessage(() => s.setBias(5, 0, 1), /layer 5 does not exist/, 'setBias(5, 0)');
  throwsMessage(() => s.setBias(2, -3, 1), /neuron -3 does not exist/, 'setBias(2, -3)');
  throwsMessage(() => s.trace(false, 250), /point 250 does not exist \(the training set has 250\)/, 'trace(250)');
  throwsMessage(() => s.trace(true, -1), /point -1 does not exist/, 'trace(test, -1)');
  assert.deepEqual(Array.from(s.params()), w0, 'refused edits change nothing');
  const csv = 'x1,x2,label\n1,2,1\n3,4,-1\n';
  for (const [cols, re] of [
    [[0, 1, 3], /column 4 does not exist \(the file has 3 columns\)/],
    [[-1, 1, 2], /column index -1 is invalid/],
    [[0, 1, 2 ** 30], /does not exist/],
  ]) {
    const r = s.loadCsv(csv, ...cols);
    assert.equal(r.ok, false);
    assert.match(r.error, re);
  }
  s.dispose();
  stillWorks();
});

test('non-finite and beyond-float weights, biases and traced points are refused', () => {
  const s = E.createSession('seed=5');
  const w0 = Array.from(s.params());
  for (const v of [NaN, Infinity, -Infinity, 1e308, -3.5e38, Number.MAX_VALUE]) {
    throwsMessage(
      () => s.setWeight(0, 0, 0, v),
      /a weight must be a finite number within float range/,
      `setWeight ${v}`,
    );
    throwsMessage(() => s.setBias(0, 0, v), /a bias must be a finite number within float range/, `setBias ${v}`);
    throwsMessage(() => s.tracePoint(v, 0, 1), /finite coordinates/, `tracePoint ${v}`);
  }
  assert.deepEqual(Array.from(s.params()), w0);
  // The largest float is still a float: accepted, and training copes (loss may be huge, never NaN
  // in the weights: the divergence guard keeps the last finite ones).
  s.setWeight(0, 0, 0, 3.4e38);
  assert.equal(s.params()[0], Math.fround(3.4e38));
  s.trainEpochs(2);
  assert.ok(Array.from(s.params()).every(Number.isFinite), 'weights stay finite');
  s.reset();
  assert.deepEqual(Array.from(s.params()), w0, 'reset restores the initial weights');
  s.dispose();
  stillWorks();
});

test('absurd counts and sizes: each refused with a message, nothing runs away', () => {
  const s = E.createSession('seed=6');
  for (const n of [-1, 100001, 1e9, 2 ** 31 - 1, -(2 ** 31)])
    throwsMessage(() => s.trainEpochs(n), /epochs must be an integer in 0..100000/, `trainEpochs(${n})`);
  for (const n of [-1, 1e7 + 1, 2 ** 31 - 1])
    throwsMessage(() => s.trainBatches(n), /batches must be an integer in 0..10000000/, `trainBatches(${n})`);
  for (const n of [1, 0, -5, 513, 1e9, 2 ** 31 - 1])
    throwsMessage(() => s.evalGrid(n), /grid size must be in 2..512/, `evalGrid(${n})`);
  assert.equal(s.metrics().epoch, 0);
  // A grid within 2..512 but too large for this network's rows is refused too.
  const wide = E.createSession('seed=6&networkShape=256,256');
  assert.equal(wide.lastLoad.ok, true);
  throwsMessage(() => wide.evalGrid(512), /grid too large for this network/, 'evalGrid(512) on 515 rows');
  wide.dispose();
  // 1 MB seed, 1 MB hash, 100 KB of commas.
  throwsMessage(() => s.regenerate('7'.repeat(1 << 20)), /seed is longer than 64 characters/, 'regenerate 1 MB seed');
  const huge = s.load('seed=' + 'x'.repeat(1 << 20));
  assert.equal(huge.ok, true); // the hash is cut at 64 KiB and the seed refused by key
  assert.ok(huge.errors.some((e) => /too long/.test(e.message)));
  assert.ok(huge.errors.some((e) => e.key === 'seed'));
  const commas = s.load('networkShape=' + ','.repeat(100000));
  assert.ok(commas.errors.some((e) => e.key === 'networkShape' && /layers/.test(e.message)));
  assert.deepEqual(s.config().networkShape, [4, 2]);
  for (const bad of [
    'networkShape=257',
    'networkShape=' + Array(17).fill(1).join(','),
    'batchSize=4097',
    'batchSize=0',
  ]) {
    const r = s.load(bad);
    assert.ok(r.errors.length >= 1, bad);
    assert.match(r.errors[0].message, /allowed/, bad);
  }
  s.dispose();
  stillWorks();
});

test('loadCsv with binary junk, UTF-16, huge fields and too many columns: messages, old data kept', () => {
  const s = E.createSession('dataset=custom&seed=7');
  const before = Array.from(s.points(false));
  let x = 12345;
  const junk = Array.from({ length: 100000 }, () =>
    String.fromCharCode((x = (x * 1103515245 + 12345) & 0x7fffffff) % 256),
  ).join('');
  const cases = [
    [junk, /not a text CSV file|row|column/],
    ['\u0000\u0001\u0002', /binary byte 0x00 at offset 0/],
    ['x,y,l\n' + '1'.repeat(1 << 20) + ',2,1\n', /not a number/],
    [Array.from({ length: 1001 }, (_, i) => i).join(',') + '\n', /more than 1000 columns/],
    ['x,y,l\n1,NaN,1\n', /NaN or Infinity in row 2, column 2/],
    ['x,y,l\n"1,2,1\n', /never closed/],
    ['', /file is empty/],
  ];
  for (const [text, re] of cases) {
    const r = s.loadCsv(text);
    assert.equal(r.ok, false, `accepted: ${JSON.stringify(text.slice(0, 40))}`);
    assert.ok(r.error.length > 0 && r.error.length < 400);
    assert.match(r.error, re);
  }
  assert.deepEqual(Array.from(s.points(false)), before, 'the old data is kept');
  // Bytes through the raw binding (Embind passes a Uint8Array to std::string as is): a UTF-16 file.
  const utf16 = new Uint8Array([0xff, 0xfe, 0x78, 0, 0x2c, 0, 0x79, 0, 0x0a, 0]);
  const r16 = s.p.loadCsv(utf16, 0, 1, 2);
  assert.equal(r16.ok, false);
  assert.match(r16.error, /UTF-16 encoded \(save it as UTF-8\)/);
  const badUtf8 = new Uint8Array([
    ...new TextEncoder().encode('x,y,l\n1,'),
    0xe0,
    0xa4,
    ...new TextEncoder().encode(',1\n'),
  ]);
  const r8 = s.p.loadCsv(badUtf8, 0, 1, 2);
  assert.equal(r8.ok, false);
  assert.match(r8.error, /row 2, column 2: '\uFFFD+' is not a number/);
  // The wrapper passes a Uint8Array on as bytes (binary ones are refused); other objects become strings.
  assert.equal(s.loadCsv(new Uint8Array([1, 2, 3])).ok, false);
  assert.equal(s.loadCsv({ toString: () => 'x,y,l\n1,2,1\n3,4,-1\n' }).ok, true);
  s.dispose();
  stillWorks();
});

test('raw Module: a junk, too deep, truncated or lying model file is an error; the old session stays', () => {
  const p = new M.Playground();
  p.load('seed=12&networkShape=4,2');
  const good = p.modelJson();
  const w0 = Array.from(p.params());
  const cases = [
    ['\u0000\u0001{', /unexpected character/],
    ['', /unexpected end/],
    ['['.repeat(100000), /nesting deeper than 64 levels/],
    ['{"a":'.repeat(100000), /nesting deeper than 64 levels/],
    ['"' + 'a'.repeat(1 << 20) + '"', /top level must be an object/],
    [good.slice(0, good.length >> 1), /unterminated|unexpected end/],
    [good.replace(/-?\d+\.\d+/, '1e999'), /out of range/],
    [good.replace(/networkShape=4,2/, 'networkShape=256,256'), /layer 0/],
  ];
  for (const [text, re] of cases) {
    const r = p.loadModelJson(text);
    assert.equal(r.ok, false, `accepted: ${text.slice(0, 40)}`);
    assert.match(r.error, /^model JSON: /);
    assert.match(r.error, re);
  }
  assert.deepEqual(Array.from(p.params()), w0, 'the loaded session is kept');
  errorResult(() => p.exportCode('bogus'), /export format 'bogus' is not known/, 'exportCode(bogus)');
  throwsMessage(() => p.exportCode(5), /non-string/, 'exportCode(5)');
  p.delete();
  stillWorks();
});

test('web/engine.js: after dispose every method throws "this session was disposed"; dispose twice is harmless', () => {
  const s = E.createSession('seed=8');
  s.dispose();
  // every method the class has, so a new one cannot be forgotten here
  const proto = Object.getPrototypeOf(s);
  const names = Object.getOwnPropertyNames(proto).filter(
    (n) =>
      n !== 'constructor' && n !== 'dispose' && typeof Object.getOwnPropertyDescriptor(proto, n).value === 'function',
  );
  for (const name of ['load', 'trainEpochs', 'metrics', 'evalGrid', 'params', 'setWeight', 'trace', 'metricsSlice'])
    assert.ok(names.includes(name), name);
  for (const name of names)
    throwsMessage(() => s[name](1, 1, 1, 1), /this session was disposed/, `${name} after dispose`);
  throwsMessage(() => s.loaded, /this session was disposed/, 'loaded after dispose');
  s.dispose();
  assert.equal(E.liveHandles().instances, 0, 'no C++ instance left alive');
  stillWorks();
});

// engine.js passes numbers through as they are (no `| 0`), so the binding's own checks name a
// non-number or an out-of-int-range count instead of training some other count silently.
test('web/engine.js: non-numbers and out-of-int-range counts are refused, not coerced', () => {
  const s = E.createSession('seed=10');
  try {
    throwsMessage(() => s.trainEpochs('a'), /epochs must be an integer/, "trainEpochs('a')");
    throwsMessage(() => s.trainEpochs(2 ** 32), /epochs must be an integer/, 'trainEpochs(2**32)');
    throwsMessage(() => s.evalGrid(2 ** 32 + 10), /grid size/, 'evalGrid(2**32 + 10)');
    throwsMessage(() => s.setWeight(0.5, 0, 0, 1), /integers/, 'setWeight(0.5, ...)');
  } finally {
    s.dispose();
  }
});
