// pool.js: the compare-and-sweep worker pool: one pool-worker.js per core the browser reports
// (navigator.hardwareConcurrency, at most 8), each with its own engine behind an EngineClient, so
// a race's variants and a sweep's runs train in parallel beside the page's own engine worker.
// Runs are given to workers round robin (run i to worker i mod n). call(w, type, args,
// onProgress) -> Promise of worker w's reply, rejected with its error; a sweep's progress
// messages go to onProgress. The workers start on the first call, each given the compiled engine
// that engineModule() resolves to (the page worker's: worker.js 'engineModule'), so no worker
// compiles one of its own: on a 2-core machine, two compiles at a sweep's start took the cores
// the page's frames needed.
import { EngineClient } from './engine-client.js';

export class WorkerPool {
  constructor(
    size = WorkerPool.defaultSize(),
    url = globalThis.BP_WORKERS?.pool ?? new URL('./pool-worker.js', import.meta.url), // one-file page: inline
    engineModule = () => Promise.resolve(null),
  ) {
    Object.assign(this, { n: size, url, engineModule, started: null });
  }
  /** The workers, started once (the first message each gets is the engine: pool-worker.js). */
  start() {
    return (this.started ||= this.engineModule()
      .catch(() => null) // then each worker compiles its own
      .then((module) =>
        Array.from({ length: this.n }, () => {
          const c = new EngineClient(this.url, 'a compare worker');
          try {
            c.worker.postMessage({ type: 'engine', module });
          } catch {
            c.worker.postMessage({ type: 'engine', module: null }); // a browser that cannot clone it
          }
          return c;
        }),
      ));
  }
  /** Workers to start: one per logical core, at least 1, at most 8. */
  static defaultSize() {
    const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency | 0 : 0;
    return Math.max(1, Math.min(8, n || 2));
  }
  get size() {
    return this.n;
  }
  /** The worker that run number i belongs to. */
  workerOf(i) {
    return i % this.n;
  }
  async call(w, type, args = {}, onProgress = null) {
    return (await this.start())[w].call(type, args, [], onProgress);
  }
  /** The same request to every worker, with args built per worker index. */
  async all(type, argsOf, onProgress = null) {
    return Promise.all((await this.start()).map((c, w) => c.call(type, argsOf(w), [], onProgress)));
  }
}
