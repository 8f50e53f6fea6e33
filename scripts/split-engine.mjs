// split-engine.mjs: splits the linked engine in two (issue 22 item 6: what a first visit loads).
// engine.wasm keeps every function that loading a link, training and drawing run; the rest (model
// files, exports, CSV import, the step-through, the gradient check, the loss landscape, compare
// plans: about 40 % of the code) goes to engine.deferred.wasm, which the engine loads on the first
// call into it (web/engine.js, loadSplitModule). Both parts are one module (same memory, same
// table, the same machine code as before the split), so results are bit-identical either way.
// How: the engine is linked with -sSPLIT_MODULE (CMakeLists.txt), which writes an instrumented
// engine.wasm and the real one as engine.wasm.orig; this script runs the page's ordinary work on
// the instrumented one (play() below: every dataset, activation, optimizer, loss, output,
// regularization and initializer, batch norm, dropout, residual links, wide nets, your own points,
// weight edits, column data, the model file the runs panel keeps at every pause) and writes which
// functions ran (the profile), then binaryen's wasm-split keeps those in engine.wasm. A function the profile missed still works: its first
// call loads the second part, which costs bytes, not correctness. It also rewrites
// engine.mjs.symbols (function index -> name) for the split engine.wasm, and writes
// engine.deferred.wasm.symbols. CMakeLists.txt runs it after every link of the engine.
// Usage: node scripts/split-engine.mjs DIR (DIR holds engine.mjs, engine.wasm, engine.wasm.orig)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngine } from '../web/engine.js';

const dir = path.resolve(process.argv[2] || 'web/gen');
const file = (f) => path.join(dir, f);
if (!fs.existsSync(file('engine.wasm.orig'))) throw new Error(`${dir}: no engine.wasm.orig (link with -sSPLIT_MODULE)`);

// The page's ordinary work (web/worker.js, worker-frame.js): refusals are part of it.
const E = await loadEngine({
  moduleUrl: pathToFileURL(file('engine.mjs')).href,
  wasmBinary: fs.readFileSync(file('engine.wasm')),
});
const t = (f) => {
  try {
    return f();
  } catch (e) {
    return e;
  }
};
const cat = E.catalog();
t(() => E.parseHash('dataset=xor&networkShape=3&nosuchkey=1'));
const S = E.createSession('');
function play(hash) {
  t(() => S.loadNearest(hash));
  t(() => S.load(hash));
  for (const f of ['config', 'hash', 'layers', 'features', 'params', 'health', 'slice', 'customPoints', 'gridRows'])
    t(() => S[f]());
  t(() => S.loaded);
  t(() => S.points(false));
  t(() => S.points(true));
  for (let k = 0; k < 3; k++) {
    t(() => S.trainEpochs(2));
    t(() => S.trainBatches(3));
    t(() => S.metrics());
  }
  // twice: the second pass reuses what the first allocated (the copied network, the grid)
  for (let k = 0; k < 2; k++)
    t(() => {
      S.metricsSliceBegin();
      while (!S.metricsSlice(50));
    });
  t(() => S.evalGrid(16));
  t(() => S.evalGrid(20));
  t(() => S.evalGridRows(20, 0, 5));
  t(() => S.modelJson()); // the runs panel keeps a run (its model file) at every pause
}
for (const d of cat.datasets) {
  t(() => E.datasetPreview(`problem=${d.problem}&dataset=${d.key}`));
  play(`problem=${d.problem}&dataset=${d.key}`);
}
for (const a of cat.activation) play(`activation=${a}&networkShape=4,2`);
for (const o of cat.optimizer) {
  play(`optimizer=${o}`);
  play(`optimizer=${o}&regularization=L1&regularizationRate=0.001&batchSize=7`);
}
for (const i of cat.init) play(`init=${i}&initZero=${i === 'he'}`);
for (const [problem, kind, dataset] of [
  ['classification', 'binary', 'circle'],
  ['classification', 'multiclass', 'blobs3'],
  ['regression', 'regression', 'reg-plane'],
]) {
  for (const loss of cat.kinds[kind].losses) play(`problem=${problem}&dataset=${dataset}&loss=${loss}`);
  for (const out of cat.kinds[kind].outputs.filter(Boolean))
    play(`problem=${problem}&dataset=${dataset}&outputActivation=${out}`);
}
for (const r of cat.regularization) play(`regularization=${r}&regularizationRate=0.01`);
play(
  'x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&networkShape=8,8,8,8,8,8&activation=relu',
);
play('networkShape=8,8,8,8,8,8,8,8&batchSize=1');
play('networkShape=256,256&batchSize=10');
play('batchNorm=true&dropout=0.1&residual=true&networkShape=8,8,8');
play('discretize=true&showTestData=true&noise=20&percTrainData=70&batchSize=30');
play('dataset=spiral&networkShape=8,8,6&learningRate=0.03&batchSize=10&noise=0&percTrainData=50&seed=0.1');
play('networkShape=99999&nosuchkey=1');
play('dataset=iris');
t(() => S.setAxes(0, 2));
t(() => S.setSlice([1, 2, 3, 4]));
play('dataset=iris&standardize=false&networkShape=5');
play('');
t(() => S.setTraining('learningRate=0.1&activation=relu'));
t(() => S.setTraining('learningRate=nope'));
t(() => S.reset());
t(() => S.regenerate('abc'));
t(() => S.setWeight(0, 0, 0, 0.5));
t(() => S.setBias(0, 0, 0.25));
t(() => S.setWeight(99, 0, 0, 0.5));
t(() => S.setBias(99, 0, 0.5));
t(() => S.setPoints([0.1, 0.2, 1, -0.3, 0.4, -1, 1, 1, 1, -1, -1, -1]));
play('dataset=custom');
t(() => S.setPoints([0.1, 0.2, 1.5, -0.3, 0.4, -1]));
S.dispose();
const ptr = E.M._malloc(1 << 20);
const size = E.M.asm.__write_profile(ptr, 1 << 20);
const profile = file('engine.profile');
fs.writeFileSync(profile, E.M.HEAPU8.slice(ptr, ptr + size));

// the features the engine is built with (CMakeLists.txt: -msimd128; Emscripten 3.1.6's defaults)
const features = ['--enable-simd', '--enable-bulk-memory', '--enable-sign-ext', '--enable-mutable-globals'];
execFileSync('wasm-split', [
  ...features,
  '--enable-nontrapping-float-to-int',
  '--export-prefix=%',
  `--profile=${profile}`,
  '--symbolmap',
  '-o1',
  file('engine.wasm'),
  '-o2',
  file('engine.deferred.wasm'),
  file('engine.wasm.orig'),
]);
// wasm-split names each function of engine.wasm.orig by its place among the defined functions
// (imports: fimport$N), the link's symbol map by its index (imports first)
const imported = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(file('engine.wasm.orig')))).filter(
  (i) => i.kind === 'function',
).length;
const names = new Map(
  fs
    .readFileSync(file('engine.mjs.symbols'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
);
const rename = (from, to) => {
  const lines = fs
    .readFileSync(from, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(':'),
        n = l.slice(i + 1);
      const imp = /^fimport\$(\d+)$/.exec(n);
      const index = imp ? imp[1] : /^\d+$/.test(n) ? String(Number(n) + imported) : n;
      return `${l.slice(0, i)}:${names.get(index) ?? n}`;
    });
  fs.writeFileSync(to, `${lines.join('\n')}\n`);
  fs.rmSync(from);
};
rename(file('engine.wasm.symbols'), file('engine.mjs.symbols'));
rename(file('engine.deferred.wasm.symbols'), file('engine.deferred.wasm.symbols.tmp'));
fs.renameSync(file('engine.deferred.wasm.symbols.tmp'), file('engine.deferred.wasm.symbols'));
fs.rmSync(file('engine.wasm.orig'));
fs.rmSync(profile);
const kb = (f) => `${fs.statSync(file(f)).size.toLocaleString('en')} bytes`;
console.log(`split-engine: engine.wasm ${kb('engine.wasm')}, engine.deferred.wasm ${kb('engine.deferred.wasm')}`);
