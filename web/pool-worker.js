// pool-worker.js: one worker of the compare-and-sweep pool (web/pool.js), owning an engine of its
// own and the sessions of the runs the page gives it (a race's variants, a sweep's runs), so the
// runs train on every core while the page's engine worker keeps its network.
// Protocol (worker-serve.js): {id, type, ...args} -> {id, ok: true, ...result} | {id, ok: false, error};
// a sweep also posts {id, progress: {...}} per finished run before its final reply.
//   open {runs: [{id, hash}]}          sessions for these runs (replaces runs with the same id)
//   close {ids}, reset {ids}           dispose; back to the initial weights (same seed)
//   advance {ids, epoch, budgetMs, N}  trains each run towards `epoch` within the budget, round
//                                      robin; answers each run's epoch, losses, ms per epoch and
//                                      its output's N x N grid (when it changed)
//   sweep {runs, epochs, target, N, keep}  trains each run for `epochs`, one after another,
//                                      reporting each as it ends; 'stop' ends it between epochs
//   stop {}                            stops a running sweep (answered at once)
//   params {run}, modelJson {run}      a run's weights; its model file (weights and training state)
//   trajectory {run}                   its recorded weights and their layout (for the loss
//                                      landscape: worker.js 'landscapeProject' puts them on its plane)
import { loadEngine } from './engine.js';
import { serve } from './worker-serve.js';

let E = null;
// The page's first message gives the engine its own worker compiled, {type: 'engine', module}
// (pool.js): instantiated as it is, with no compile of our own taking a core. Without one (a
// first message of another type, or module null) this worker compiles the engine itself.
let start;
const ready = new Promise((resolve) => (start = resolve))
  .then((module) => loadEngine(module ? { wasmModule: module } : {}))
  .then((e) => (E = e));
const runs = new Map(); // id -> {S, ms: training time, trained: epochs timed, gridEpoch}
let stopped = false;

// A macrotask boundary, so that a 'stop' posted meanwhile is handled (MessageChannel: no 4 ms clamp).
const yieldToMessages = () =>
  new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });

function create(id, hash) {
  runs.get(id)?.S.dispose();
  const S = E.createSession(hash);
  if (!S.lastLoad.ok) {
    S.dispose();
    runs.delete(id);
    throw new Error(`run ${id}: ${S.lastLoad.error}`);
  }
  const run = { S, ms: 0, trained: 0, gridEpoch: -1, epoch: 0, stuck: false };
  runs.set(id, run);
  return run;
}

function runOf(id) {
  const run = runs.get(id);
  if (!run) throw new Error(`no run ${id}`);
  return run;
}

// The output neurons' grid (K = 1 for binary and regression, K classes for softmax): the last K
// rows of evalGrid's layout (features, then every neuron).
function outputGrid(S, N) {
  const K = S.layers().at(-1).nOut;
  const all = S.evalGrid(N);
  return all.slice(all.length - K * N * N);
}

function report(id, run, N) {
  const m = run.S.metrics();
  const out = {
    id,
    epoch: m.epoch,
    trainLoss: m.trainLoss,
    testLoss: m.testLoss,
    testAccuracy: m.testAccuracy,
    diverged: m.diverged,
    msPerEpoch: run.trained ? run.ms / run.trained : 0,
  };
  if (N && run.gridEpoch !== m.epoch) {
    out.grid = outputGrid(run.S, N);
    run.gridEpoch = m.epoch;
  }
  return out;
}

// Trains one epoch and times it; false (and the run marked stuck) when the engine trained
// nothing: a diverged run keeps its last finite weights and trains no more.
function trainOne(run) {
  const t0 = performance.now();
  const r = run.S.trainEpochs(1);
  run.ms += performance.now() - t0;
  run.trained++;
  const ok = r.epoch > run.epoch;
  run.epoch = r.epoch;
  run.stuck = !ok;
  return ok;
}

const handlers = {
  open({ runs: list }) {
    const opened = [];
    for (const { id, hash } of list) {
      const run = create(id, hash);
      opened.push({ id, params: run.S.params().slice() });
    }
    return { opened };
  },
  close({ ids }) {
    for (const id of ids) {
      runs.get(id)?.S.dispose();
      runs.delete(id);
    }
    return {};
  },
  reset({ ids }) {
    for (const id of ids) {
      const run = runs.get(id);
      if (!run) continue;
      run.S.reset();
      Object.assign(run, { ms: 0, trained: 0, gridEpoch: -1, epoch: 0, stuck: false });
    }
    return {};
  },
  advance({ ids, epoch, budgetMs = 10, N = 0 }) {
    const t0 = performance.now();
    const live = ids.map((id) => runs.get(id)).filter(Boolean);
    let busy = true;
    while (busy && performance.now() - t0 < budgetMs) {
      busy = false;
      for (const run of live) if (run.epoch < epoch && !run.stuck) busy = trainOne(run) || busy;
    }
    const out = ids.filter((id) => runs.has(id)).map((id) => report(id, runs.get(id), N));
    return { runs: out, _transfer: out.filter((r) => r.grid).map((r) => r.grid.buffer) };
  },
  async sweep({ id: requestId, runs: list, epochs, target, N, keep = true }) {
    stopped = false;
    let last = performance.now();
    for (const { id, hash } of list) {
      if (stopped) break;
      const run = create(id, hash);
      let toTarget = -1;
      for (let e = 0; e < epochs && !stopped; e++) {
        if (!trainOne(run)) break;
        const m = run.S.metrics();
        if (toTarget < 0 && m.testLoss < target) toTarget = m.epoch;
        if (performance.now() - last > 16) {
          await yieldToMessages();
          last = performance.now();
        }
      }
      const m = run.S.metrics();
      const done = m.epoch >= epochs || m.diverged;
      const r = { ...report(id, run, N), epochsToTarget: toTarget, done, kept: keep };
      if (!keep) {
        run.S.dispose();
        runs.delete(id);
      }
      self.postMessage({ id: requestId, progress: r }, r.grid ? [r.grid.buffer] : []);
    }
    return { stopped };
  },
  stop() {
    stopped = true;
    return {};
  },
  params({ run: id }) {
    const run = runOf(id);
    return { params: run.S.params().slice(), epoch: run.S.metrics().epoch };
  },
  trajectory({ run: id }) {
    const { count, layout, snaps } = runOf(id).S.trajectory();
    return { count, layout, snaps, _transfer: [snaps.buffer] };
  },
  modelJson({ run: id }) {
    return { text: runOf(id).S.modelJson() };
  },
};

serve(handlers, ready);
const served = self.onmessage;
self.onmessage = (ev) => {
  if (ev.data?.type === 'engine') return start(ev.data.module);
  start(null); // once resolved, later calls do nothing
  return served(ev);
};
